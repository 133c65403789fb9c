import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { audit } from '../../staff/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getSupplierOrder } from '../suppliers.repository.ts';
import { refreshDisputeWindow } from './refresh-dispute-window.ts';

/**
 * Staff copy AliExpress's real countdown over the computed estimate; who did it and when is kept.
 * `closesAt: null` removes the override and goes back to the rules.
 */
export async function overrideDisputeWindow(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, supplierOrderId: string, closesAt: Date | null, note?: string) {
  requireRole(actor, 'agent');
  const before = await getSupplierOrder(ctx.db, actor.workspaceId, supplierOrderId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('supplier_orders')
      .set({ window_override_closes_at: closesAt, window_override_by: closesAt ? actor.label : null, window_override_at: closesAt ? now : null })
      .where('id', '=', supplierOrderId)
      .execute();
    await refreshDisputeWindow(tx, supplierOrderId, now);
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: before.orderId,
      subjectType: 'supplier_order',
      subjectId: supplierOrderId,
      kind: 'supplier_order.window_overridden',
      actor: actor.label,
      visibility: 'internal',
      summary: closesAt ? `Dispute window set to close ${closesAt.toISOString()} (was ${before.disputeWindow.closesAt ?? 'unknown'})` : 'Dispute window back to the rules',
      data: { previous: before.disputeWindow.closesAt, closesAt: closesAt?.toISOString() ?? null, note: note ?? null },
    });
    await audit(tx, { workspaceId: actor.workspaceId, actor: actor.label, action: 'dispute_window.override', target: supplierOrderId, data: { closesAt: closesAt?.toISOString() ?? null } });
  });
  return getSupplierOrder(ctx.db, actor.workspaceId, supplierOrderId);
}
