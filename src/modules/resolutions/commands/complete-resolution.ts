import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { customerSide, moveCustomerSide } from '../../cases/index.ts';
import { recordLedgerEntry } from '../../ledger/index.ts';
import { lockOrder } from '../../orders/index.ts';
import { transition } from '../../timeline/index.ts';
import { LEDGER_KIND, REFUNDING_KINDS, resolutionLifecycle } from '../resolutions.states.ts';

/**
 * The resolution happened in the store (or the merchant says they did it): mark it executed,
 * count it on the order and in the ledger, and resolve the case with the customer. One
 * transaction; the ledger's unique index makes a second completion impossible.
 */
export async function completeResolution(tx: Tx, input: { resolutionId: string; externalId: string | null; actor: string; at: Date; costMinor?: number }): Promise<void> {
  const r = await tx.selectFrom('resolutions').selectAll().where('id', '=', input.resolutionId).executeTakeFirstOrThrow();
  const kase = await tx.selectFrom('cases').select(['id', 'shop_id', 'customer_status']).where('id', '=', r.case_id).executeTakeFirstOrThrow();
  const supplier = await tx
    .selectFrom('supplier_orders')
    .select('supplier_id')
    .where('order_id', '=', r.order_id)
    .orderBy('created_at')
    .executeTakeFirst();
  await transition(tx, {
    lifecycle: resolutionLifecycle,
    table: 'resolutions',
    id: r.id,
    action: 'succeed',
    actor: input.actor,
    workspaceId: r.workspace_id,
    orderId: r.order_id,
    caseId: r.case_id,
    visibility: 'customer',
    summary: customerSummary(r.kind, r.amount_minor, r.currency),
    data: { externalId: input.externalId },
    set: { executed_at: input.at, external_id: input.externalId },
  });
  if (REFUNDING_KINDS.includes(r.kind)) {
    const order = await lockOrder(tx, r.order_id);
    if (order.refunded_minor + r.amount_minor > order.total_minor) {
      throw new AppError('REFUND_EXCEEDS_REFUNDABLE', `Order ${order.order_number} would be refunded beyond its total.`);
    }
    await tx.updateTable('orders').set({ refunded_minor: order.refunded_minor + r.amount_minor, updated_at: input.at }).where('id', '=', order.id).execute();
  }
  const amount = r.kind === 'reship' ? (input.costMinor ?? r.amount_minor) : r.amount_minor;
  await recordLedgerEntry(tx, {
    workspaceId: r.workspace_id,
    shopId: kase.shop_id,
    orderId: r.order_id,
    caseId: r.case_id,
    supplierId: supplier?.supplier_id ?? null,
    resolutionId: r.id,
    kind: LEDGER_KIND[r.kind],
    currency: r.currency,
    amountMinor: amount,
    occurredAt: input.at,
  });
  if (customerSide.can(kase.customer_status as never, 'resolve')) {
    await moveCustomerSide(tx, { caseId: r.case_id, action: 'resolve', actor: input.actor, summary: 'Resolved with the customer', at: input.at });
  }
}

function customerSummary(kind: string, amountMinor: number, currency: string): string {
  const amount = `${amountMinor} ${currency} minor units`;
  switch (kind) {
    case 'reship':
      return 'A replacement is on its way';
    case 'discount':
      return `A discount for your next order (${amount})`;
    case 'store_credit':
      return `Store credit issued (${amount})`;
    default:
      return `Refund issued (${amount})`;
  }
}
