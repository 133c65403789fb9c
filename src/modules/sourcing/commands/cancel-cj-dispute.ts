import type { AppContext } from '../../../context.ts';
import { ConnectorError } from '../../../connectors/types.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordDisputeEvent, type Dispute } from '../../disputes/index.ts';
import { loadCjDispute } from '../cj-disputes.ts';
import { platformError } from '../platform-error.ts';

/**
 * Withdraws a dispute filed with CJ, then records it cancelled. A retry after CJ already
 * cancelled it (the answer was lost) still records the cancellation; one CJ has settled is refused.
 */
export async function cancelCjDispute(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: Actor, disputeId: string, note?: string): Promise<Dispute> {
  requireRole(actor, 'agent');
  const { dispute, cjOrderId, client } = await loadCjDispute(ctx, actor.workspaceId, disputeId);
  if (!dispute.externalId) throw new AppError('INVALID_TRANSITION', `Dispute ${disputeId} was never filed with CJ; cancel it with POST /api/v1/disputes/${disputeId}/events {"type":"cancelled"}.`);
  if (!dispute.allowedActions.includes('cancel')) throw new AppError('INVALID_TRANSITION', `Dispute ${disputeId} is already ${dispute.status}; it cannot be cancelled.`);
  try {
    await client.cancelDispute(cjOrderId, dispute.externalId);
  } catch (error) {
    const settled = error instanceof ConnectorError && error.kind === 'conflict' ? await client.getDispute(dispute.externalId).catch(() => null) : null;
    if (settled?.status !== 'cancelled') {
      if (settled) throw new AppError('INVALID_TRANSITION', `CJ has already settled dispute ${dispute.externalId} (${settled.rawStatus}); its outcome is recorded when the follow job reads it.`);
      throw platformError(error, `CJdropshipping did not cancel dispute ${dispute.externalId}`);
    }
  }
  return recordDisputeEvent(ctx, actor, disputeId, { type: 'cancelled', note: note ?? 'withdrawn on CJdropshipping' });
}
