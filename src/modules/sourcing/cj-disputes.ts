import type { AppContext } from '../../context.ts';
import { AppError } from '../../shared/errors.ts';
import { getDispute, type Dispute } from '../disputes/index.ts';
import { getSupplierOrder, type SupplierOrder } from '../suppliers/index.ts';
import { loadSupplierAccount } from './accounts.repository.ts';
import { cjClientFor } from './clients.ts';

// What the CJ dispute commands share: the dispute, its supplier order on CJ, and the CJ client of
// the account that bought it.

/** Recoup's case reasons → CJ's dispute reasons (disputeConfirmInfo lists them; ids from CJ). */
export const CJ_REASON_FOR: Record<string, number> = {
  not_received: 1, late_delivery: 1, delivered_not_received: 1,
  damaged: 2,
  wrong_item: 3, missing_item: 3,
  defective: 4, not_as_described: 4,
};

export async function loadCjDispute(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, workspaceId: string, disputeId: string): Promise<{ dispute: Dispute; supplierOrder: SupplierOrder; cjOrderId: string; client: ReturnType<typeof cjClientFor> }> {
  const dispute = await getDispute(ctx.db, workspaceId, disputeId);
  const supplierOrder = await getSupplierOrder(ctx.db, workspaceId, dispute.supplierOrderId);
  if (supplierOrder.supplier.platform !== 'cjdropshipping') {
    throw new AppError(
      'VALIDATION_FAILED',
      `Dispute ${disputeId} is about a ${supplierOrder.supplier.platform} order, not a CJdropshipping one. AliExpress has no dispute API: open it on AliExpress (${supplierOrder.deepLink ?? 'the order page'}) and record each step with POST /api/v1/disputes/${disputeId}/events.`,
    );
  }
  if (!supplierOrder.externalId) throw new AppError('VALIDATION_FAILED', `Supplier order ${supplierOrder.id} has no CJ order id; record the CJ order id on it before filing.`);
  const link = await ctx.db.selectFrom('supplier_order_links').select('account_id').where('supplier_order_id', '=', supplierOrder.id).executeTakeFirst();
  const account = await loadSupplierAccount(ctx.db, ctx.config.secretKey, workspaceId, 'cjdropshipping', link?.account_id);
  return { dispute, supplierOrder, cjOrderId: supplierOrder.externalId, client: cjClientFor(ctx, account) };
}
