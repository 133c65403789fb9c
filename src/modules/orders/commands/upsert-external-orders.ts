import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { appendTimelineEntries, type TimelineEntryInput } from '../../timeline/index.ts';
import { newId } from '../../../shared/ids.ts';
import { currencyExponent } from '../../../shared/money.ts';

// Orders of a connected shop as the platform reports them, written in batches (a backfill page,
// a webhook, a reconciliation pass). Identity is (shop, external id). Writes are idempotent and
// ordered by the platform's updated_at: an older state (a late or duplicated webhook) never
// overwrites a newer one. The refunded amount follows the platform, but never goes down (Recoup's
// own store credits are not refunds on the platform's order) and leaves out refunds Recoup is
// making right now (`pendingRefundMinor`), which completing their resolution will count.

export interface ExternalOrderInput {
  externalId: string;
  orderNumber: string;
  placedAt: Date;
  /** the platform's updated_at of this state */
  updatedAt: Date | null;
  currency: string;
  /** the platform's total (taxes and discounts included): what it can ever refund */
  totalMinor: number;
  shippingMinor: number;
  /** refunded on the platform so far */
  refundedMinor: number;
  /** refunds of Recoup's executing resolutions on this order, already counted on completion */
  pendingRefundMinor?: number;
  cancelledAt: Date | null;
  customer: { email: string | null; name: string | null; externalId?: string | null; phone?: string | null };
  shippingCountry: string | null;
  shippingAddress: Record<string, unknown> | null;
  lines: { externalId: string; sku: string | null; title: string; quantity: number; unitPriceMinor: number }[];
}

export interface UpsertExternalOrdersResult {
  created: number;
  updated: number;
  /** already as new or newer in Recoup */
  unchanged: number;
  /** external id → Recoup order id, for every order of the batch */
  ids: Map<string, string>;
}

interface ExistingRow { id: string; external_id: string | null; order_number: string; external_updated_at: Date | null; refunded_minor: number; cancelled_at: Date | null }

const safe = (n: number) => (Number.isSafeInteger(n) && n > 0 ? n : 0);

export async function upsertExternalOrders(
  tx: Executor,
  input: { workspaceId: string; shopId: string; orders: readonly ExternalOrderInput[] },
  actor: string,
): Promise<UpsertExternalOrdersResult> {
  const result: UpsertExternalOrdersResult = { created: 0, updated: 0, unchanged: 0, ids: new Map() };
  // The same order twice in one batch (a page and a webhook racing): keep its newest state.
  const latest = new Map<string, ExternalOrderInput>();
  for (const order of input.orders) {
    currencyExponent(order.currency);
    const seen = latest.get(order.externalId);
    if (!seen || (order.updatedAt?.getTime() ?? 0) >= (seen.updatedAt?.getTime() ?? 0)) latest.set(order.externalId, order);
  }
  const orders = [...latest.values()];
  if (orders.length === 0) return result;
  // Backfill, webhooks and reconciliation may write the same shop at once: one writer per shop.
  await sql`select pg_advisory_xact_lock(hashtext(${`recoup.orders.upsert:${input.shopId}`}))`.execute(tx);

  const existing = await tx
    .selectFrom('orders')
    .select(['id', 'external_id', 'order_number', 'external_updated_at', 'refunded_minor', 'cancelled_at'])
    .where('shop_id', '=', input.shopId)
    .where((eb) => eb.or([eb('external_id', 'in', orders.map((o) => o.externalId)), eb('order_number', 'in', orders.map((o) => o.orderNumber))]))
    .forUpdate()
    .execute() as ExistingRow[];
  const byExternal = new Map(existing.filter((r) => r.external_id).map((r) => [r.external_id!, r]));
  const byNumber = new Map(existing.map((r) => [r.order_number, r]));

  const customerIds = await upsertCustomers(tx, input.workspaceId, input.shopId, orders);
  const fresh: { order: ExternalOrderInput; id: string; orderNumber: string }[] = [];
  const changed: { order: ExternalOrderInput; row: ExistingRow }[] = [];
  for (const order of orders) {
    let row = byExternal.get(order.externalId);
    let orderNumber = order.orderNumber;
    if (!row) {
      const sameNumber = byNumber.get(order.orderNumber);
      // An order entered by hand before the shop was connected: adopt it.
      if (sameNumber && sameNumber.external_id === null) row = sameNumber;
      else if (sameNumber) orderNumber = `${order.orderNumber} (${order.externalId})`;
    }
    if (!row) {
      fresh.push({ order, id: newId('order'), orderNumber });
      continue;
    }
    result.ids.set(order.externalId, row.id);
    const stale = row.external_updated_at && order.updatedAt && order.updatedAt.getTime() < row.external_updated_at.getTime();
    if (stale) result.unchanged++;
    else changed.push({ order, row });
  }

  const timeline: TimelineEntryInput[] = [];
  if (fresh.length > 0) {
    await tx
      .insertInto('orders')
      .values(fresh.map(({ order, id, orderNumber }) => ({
        id,
        workspace_id: input.workspaceId,
        shop_id: input.shopId,
        external_id: order.externalId,
        order_number: orderNumber,
        customer_id: customerIds.get(order.customer.email?.trim().toLowerCase() ?? '') ?? null,
        currency: order.currency.toUpperCase(),
        total_minor: safe(order.totalMinor),
        shipping_minor: Math.min(safe(order.shippingMinor), safe(order.totalMinor)),
        refunded_minor: Math.min(safe(order.totalMinor), Math.max(0, safe(order.refundedMinor) - (order.pendingRefundMinor ?? 0))),
        shipping_country: order.shippingCountry?.toUpperCase() ?? null,
        shipping_address: order.shippingAddress ? JSON.stringify(order.shippingAddress) : null,
        placed_at: order.placedAt,
        cancelled_at: order.cancelledAt,
        external_updated_at: order.updatedAt,
      })))
      .execute();
    for (const { order, id, orderNumber } of fresh) {
      result.ids.set(order.externalId, id);
      timeline.push({
        workspaceId: input.workspaceId, orderId: id, subjectType: 'order', subjectId: id, kind: 'order.placed', actor,
        visibility: 'customer', summary: `Order ${orderNumber} placed`, occurredAt: order.placedAt,
      });
    }
    result.created = fresh.length;
  }

  if (changed.length > 0) {
    const col = <T>(pick: (c: (typeof changed)[number]) => T) => changed.map(pick);
    await sql`
      update orders o set
        customer_id = coalesce(v.customer_id, o.customer_id),
        total_minor = v.total_minor,
        shipping_minor = least(v.shipping_minor, v.total_minor),
        refunded_minor = least(v.total_minor, greatest(o.refunded_minor, v.refunded_minor)),
        shipping_country = v.shipping_country,
        shipping_address = coalesce(v.shipping_address::jsonb, o.shipping_address),
        cancelled_at = v.cancelled_at,
        external_id = v.external_id,
        external_updated_at = v.external_updated_at,
        updated_at = now()
      from unnest(
        ${col((c) => c.row.id)}::text[], ${col((c) => customerIds.get(c.order.customer.email?.trim().toLowerCase() ?? '') ?? null)}::text[],
        ${col((c) => safe(c.order.totalMinor))}::bigint[], ${col((c) => safe(c.order.shippingMinor))}::bigint[],
        ${col((c) => Math.max(0, safe(c.order.refundedMinor) - (c.order.pendingRefundMinor ?? 0)))}::bigint[],
        ${col((c) => c.order.shippingCountry?.toUpperCase() ?? null)}::text[],
        ${col((c) => (c.order.shippingAddress ? JSON.stringify(c.order.shippingAddress) : null))}::text[],
        ${col((c) => c.order.cancelledAt?.toISOString() ?? null)}::timestamptz[],
        ${col((c) => c.order.externalId)}::text[], ${col((c) => c.order.updatedAt?.toISOString() ?? null)}::timestamptz[]
      ) as v(id, customer_id, total_minor, shipping_minor, refunded_minor, shipping_country, shipping_address, cancelled_at, external_id, external_updated_at)
      where o.id = v.id
    `.execute(tx);
    for (const { order, row } of changed) {
      const refunded = Math.max(0, safe(order.refundedMinor) - (order.pendingRefundMinor ?? 0));
      if (refunded > row.refunded_minor) {
        timeline.push({
          workspaceId: input.workspaceId, orderId: row.id, subjectType: 'order', subjectId: row.id, kind: 'order.refunded_in_store', actor,
          visibility: 'internal', summary: `The store reports ${refunded} ${order.currency} minor units refunded in all`, data: { refundedMinor: refunded },
        });
      }
      if (order.cancelledAt && !row.cancelled_at) {
        timeline.push({
          workspaceId: input.workspaceId, orderId: row.id, subjectType: 'order', subjectId: row.id, kind: 'order.cancelled_in_store', actor,
          visibility: 'internal', summary: 'The order was cancelled in the store', occurredAt: order.cancelledAt,
        });
      }
    }
    result.updated = changed.length;
  }

  const lines = [...fresh.map(({ order, id }) => ({ order, id })), ...changed.map(({ order, row }) => ({ order, id: row.id }))].flatMap(({ order, id }) =>
    order.lines
      .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0 && l.externalId)
      .map((l, position) => ({
        id: newId('orderLine'), order_id: id, position, external_id: l.externalId, sku: l.sku, title: l.title || '(untitled)',
        quantity: l.quantity, unit_price_minor: safe(l.unitPriceMinor),
      })),
  );
  for (let i = 0; i < lines.length; i += 1000) {
    await tx
      .insertInto('order_lines')
      .values(lines.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['order_id', 'external_id']).where('external_id', 'is not', null).doUpdateSet((eb) => ({
        sku: eb.ref('excluded.sku'), title: eb.ref('excluded.title'), quantity: eb.ref('excluded.quantity'), unit_price_minor: eb.ref('excluded.unit_price_minor'),
      })))
      .execute();
  }
  await appendTimelineEntries(tx, timeline);
  return result;
}

/**
 * One customer per shop and email, as `upsertCustomer` keeps them, for a whole batch in two
 * statements (a backfill writes tens of thousands). A later order fills in a missing name.
 */
async function upsertCustomers(tx: Executor, workspaceId: string, shopId: string, orders: readonly ExternalOrderInput[]): Promise<Map<string, string>> {
  const byEmail = new Map<string, ExternalOrderInput['customer']>();
  for (const o of orders) {
    const email = o.customer.email?.trim();
    if (email && !byEmail.has(email.toLowerCase())) byEmail.set(email.toLowerCase(), { ...o.customer, email });
  }
  const ids = new Map<string, string>();
  if (byEmail.size === 0) return ids;
  const rows = [...byEmail.values()];
  const result = await sql<{ id: string; email: string }>`
    insert into customers (id, workspace_id, shop_id, email, name, external_id, phone)
    select v.id, ${workspaceId}, ${shopId}, v.email, v.name, v.external_id, v.phone
    from unnest(${rows.map(() => newId('customer'))}::text[], ${rows.map((c) => c.email)}::text[], ${rows.map((c) => c.name ?? null)}::text[],
                ${rows.map((c) => c.externalId ?? null)}::text[], ${rows.map((c) => c.phone ?? null)}::text[]) as v(id, email, name, external_id, phone)
    on conflict (shop_id, lower(email)) where email is not null
    do update set name = coalesce(customers.name, excluded.name), external_id = coalesce(customers.external_id, excluded.external_id)
    returning id, email
  `.execute(tx);
  for (const row of result.rows) ids.set(row.email.toLowerCase(), row.id);
  return ids;
}
