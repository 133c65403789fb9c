import type { Tx } from '../../../db/database.ts';
import { allocate } from '../../../shared/money.ts';
import { recordSupplierOrder } from '../../suppliers/index.ts';

/**
 * A reship is a new supplier order for the case's lines: recorded with what it cost, from the
 * supplier of the original order, so it is followed (and disputable) like any other.
 */
export async function recordReshipOrder(tx: Tx, input: { resolutionId: string; externalId: string | null; costMinor: number; actor: string; at: Date }): Promise<string | null> {
  const r = await tx.selectFrom('resolutions').select(['workspace_id', 'case_id', 'order_id', 'currency']).where('id', '=', input.resolutionId).executeTakeFirstOrThrow();
  const original = await tx
    .selectFrom('supplier_orders')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .select(['suppliers.platform', 'suppliers.name', 'supplier_orders.shipping_method', 'supplier_orders.buyer_account'])
    .where('supplier_orders.order_id', '=', r.order_id)
    .orderBy('supplier_orders.created_at')
    .executeTakeFirst();
  if (!original) return null; // no supplier on record: the cost still lands in the ledger
  const lines = await tx
    .selectFrom('case_lines')
    .innerJoin('order_lines', 'order_lines.id', 'case_lines.order_line_id')
    .select(['case_lines.order_line_id', 'case_lines.quantity', 'order_lines.unit_price_minor'])
    .where('case_lines.case_id', '=', r.case_id)
    .execute();
  const costs = allocate(input.costMinor, lines.map((l) => l.unit_price_minor * l.quantity));
  return recordSupplierOrder(
    tx,
    {
      workspaceId: r.workspace_id,
      orderId: r.order_id,
      supplier: { platform: original.platform, name: original.name },
      externalId: input.externalId,
      buyerAccount: original.buyer_account,
      currency: r.currency,
      paidMinor: input.costMinor,
      shippingMethod: original.shipping_method,
      placedAt: input.at,
      paidAt: input.at,
      lines: lines.map((l, i) => ({ orderLineId: l.order_line_id, quantity: l.quantity, costMinor: costs[i]! })),
    },
    input.actor,
    input.at,
  );
}
