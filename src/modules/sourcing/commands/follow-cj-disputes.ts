import type { CjDispute } from '../../../connectors/cjdropshipping/index.ts';
import type { AppContext } from '../../../context.ts';
import { systemActor } from '../../../shared/actor.ts';
import { recordDisputeEvent, type Dispute, type DisputeEventInput } from '../../disputes/index.ts';
import { loadCjDispute } from '../cj-disputes.ts';

/** What CJ's state of a dispute means for Recoup's dispute; null when nothing new happened. */
export function cjOutcome(dispute: Pick<Dispute, 'status' | 'amountMinor'>, cj: CjDispute): DisputeEventInput | null {
  const at = cj.updatedAt ? new Date(cj.updatedAt) : undefined;
  const when = at ? { at } : {};
  switch (cj.status) {
    case 'under_review':
      return dispute.status === 'opened' ? { type: 'seller_responded', ...when, note: 'CJ is reviewing the dispute' } : null;
    case 'resolved':
      if (cj.outcome === 'reissue') return { type: 'won', recoveredMinor: 0, ...when, note: `CJ reissued the goods${cj.reissueOrderId ? ` as order ${cj.reissueOrderId}` : ''}` };
      if (cj.refundedMinor >= dispute.amountMinor) return { type: 'won', recoveredMinor: dispute.amountMinor, ...when, note: 'CJ refunded in full' };
      if (cj.refundedMinor > 0) return { type: 'partly_won', recoveredMinor: cj.refundedMinor, ...when, note: 'CJ refunded part' };
      return { type: 'lost', ...when, note: 'CJ closed the dispute without a refund' };
    case 'rejected':
      return { type: 'lost', ...when, note: 'CJ rejected the dispute' };
    case 'cancelled':
      return { type: 'cancelled', ...when, note: 'cancelled on CJdropshipping' };
    default:
      return null;
  }
}

/**
 * Reads every unfinished dispute filed with CJ and records what CJ decided (won, partly won with
 * the refund, lost, cancelled), so the ledger gets the recovery. Safe to repeat: a recorded
 * outcome is final and is not read again.
 */
export async function followCjDisputes(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>): Promise<{ read: number; recorded: number; failed: { disputeId: string; error: string }[] }> {
  const live = await ctx.db
    .selectFrom('disputes')
    .innerJoin('supplier_orders', 'supplier_orders.id', 'disputes.supplier_order_id')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .select(['disputes.id', 'disputes.workspace_id'])
    .where('suppliers.platform', '=', 'cjdropshipping')
    .where('disputes.status', 'in', ['opened', 'seller_responded', 'escalated'])
    .where('disputes.external_id', 'is not', null)
    .orderBy('disputes.opened_at')
    .execute();
  const result = { read: 0, recorded: 0, failed: [] as { disputeId: string; error: string }[] };
  for (const row of live) {
    try {
      const { dispute, client } = await loadCjDispute(ctx, row.workspace_id, row.id);
      const cj = await client.getDispute(dispute.externalId!);
      result.read++;
      const event = cjOutcome(dispute, cj);
      if (!event) continue;
      await recordDisputeEvent(ctx, { ...systemActor(row.workspace_id), label: 'CJdropshipping' }, dispute.id, event);
      result.recorded++;
    } catch (error) {
      result.failed.push({ disputeId: row.id, error: (error as Error).message });
    }
  }
  return result;
}
