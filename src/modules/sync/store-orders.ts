import type { ExternalOrder } from '../../connectors/types.ts';
import type { Executor } from '../../db/database.ts';
import { upsertExternalOrders, type ExternalOrderInput, type UpsertExternalOrdersResult } from '../orders/index.ts';

// The platform's orders, in Recoup's words, written through the orders module. Refunds Recoup is
// making right now (resolutions executing on these orders) are handed along so the platform's
// refunded total does not count them before their resolution completes.

export function toOrderInput(o: ExternalOrder): ExternalOrderInput {
  const a = o.shippingAddress;
  return {
    externalId: o.externalId,
    orderNumber: o.orderNumber,
    placedAt: new Date(o.createdAt),
    updatedAt: o.updatedAt ? new Date(o.updatedAt) : null,
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    refundedMinor: o.refundedMinor,
    cancelledAt: o.cancelledAt ? new Date(o.cancelledAt) : null,
    customer: { email: o.customer.email, name: o.customer.name, externalId: o.customer.externalId, phone: o.customer.phone ?? null },
    shippingCountry: a?.country ?? null,
    shippingAddress: a ? { name: a.name, line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country } : null,
    lines: o.lines.map((l) => ({ externalId: l.externalId, sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
  };
}

export async function saveStoreOrders(
  tx: Executor,
  shop: { id: string; workspaceId: string },
  orders: readonly ExternalOrder[],
  actor: string,
): Promise<UpsertExternalOrdersResult> {
  const inputs = orders.map(toOrderInput);
  if (inputs.length === 0) return { created: 0, updated: 0, unchanged: 0, ids: new Map() };
  // Refunding kinds in flight on these orders (resolutions own the table; this is a read).
  const pending = await tx
    .selectFrom('resolutions')
    .innerJoin('orders', 'orders.id', 'resolutions.order_id')
    .select(['orders.external_id', (eb) => eb.fn.sum<string>('resolutions.amount_minor').as('amount')])
    .where('orders.shop_id', '=', shop.id)
    .where('orders.external_id', 'in', inputs.map((i) => i.externalId))
    .where('resolutions.status', '=', 'executing')
    .where('resolutions.kind', 'in', ['full_refund', 'partial_refund', 'refund_after_return'])
    .groupBy('orders.external_id')
    .execute();
  const byExternal = new Map(pending.map((p) => [p.external_id!, Number(p.amount)]));
  for (const input of inputs) input.pendingRefundMinor = byExternal.get(input.externalId) ?? 0;
  return upsertExternalOrders(tx, { workspaceId: shop.workspaceId, shopId: shop.id, orders: inputs }, actor);
}
