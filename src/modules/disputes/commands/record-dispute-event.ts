import type { AppContext } from '../../../context.ts';
import type { Tx } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { getCase, moveSupplierSide } from '../../cases/index.ts';
import { recordLedgerEntry } from '../../ledger/index.ts';
import { activeDisputeRules, disputeDeadlines, getSupplierOrder, refundExpectedBy, returnShipBy } from '../../suppliers/index.ts';
import { transition } from '../../timeline/index.ts';
import { getDispute, type Dispute } from '../disputes.repository.ts';
import { disputeLifecycle, type DisputeAction } from '../disputes.states.ts';

export const DISPUTE_EVENTS = ['opened', 'seller_responded', 'escalated', 'won', 'partly_won', 'lost', 'cancelled'] as const;
export type DisputeEvent = (typeof DISPUTE_EVENTS)[number];

const ACTION: Record<DisputeEvent, DisputeAction> = {
  opened: 'open',
  seller_responded: 'seller_respond',
  escalated: 'escalate',
  won: 'win',
  partly_won: 'win_partly',
  lost: 'lose',
  cancelled: 'cancel',
};

export interface DisputeEventInput {
  type: DisputeEvent;
  /** when it happened on AliExpress; default now */
  at?: Date;
  externalId?: string;
  /** money the supplier returns; required for partly_won, defaults to the full amount for won */
  recoveredMinor?: number;
  /** the seller agreed to a return: the buyer must ship it back by the rules' deadline */
  returnRequired?: boolean;
  note?: string;
}

/** Step 4, second half: each thing that happens to the dispute on AliExpress, with its money. */
export async function recordDisputeEvent(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, disputeId: string, input: DisputeEventInput): Promise<Dispute> {
  requireRole(actor, 'agent');
  const dispute = await getDispute(ctx.db, actor.workspaceId, disputeId);
  const kase = await getCase(ctx.db, actor.workspaceId, dispute.caseId);
  const supplierOrder = await getSupplierOrder(ctx.db, actor.workspaceId, dispute.supplierOrderId);
  const at = input.at ?? ctx.clock.now();
  const action = ACTION[input.type];
  disputeLifecycle.next(dispute.status, action); // refuse early, before any other check
  const { rules } = await activeDisputeRules(ctx.db, supplierOrder.supplier.platform, at);

  let recovered = 0;
  if (input.type === 'won') recovered = input.recoveredMinor ?? dispute.amountMinor;
  if (input.type === 'partly_won') {
    if (input.recoveredMinor === undefined) throw new AppError('VALIDATION_FAILED', 'recoveredMinor: say how much the supplier returned.');
    recovered = input.recoveredMinor;
  }
  if (recovered < 0 || !Number.isSafeInteger(recovered)) throw new AppError('VALIDATION_FAILED', 'recoveredMinor must be a whole number of minor units.');
  if (recovered > dispute.amountMinor) throw new AppError('AMOUNT_EXCEEDS_PAID', `recoveredMinor ${recovered} is more than the disputed ${dispute.amountMinor}.`);
  if (input.type === 'partly_won' && recovered >= dispute.amountMinor) throw new AppError('VALIDATION_FAILED', 'recoveredMinor covers the whole amount: record the dispute as won instead.');

  const set: Record<string, unknown> = {};
  if (input.type === 'opened') {
    const d = disputeDeadlines(at, rules);
    Object.assign(set, { opened_at: at, external_id: input.externalId ?? null, seller_response_due_at: d.sellerResponseDueAt, escalate_from_at: d.escalateFromAt, auto_escalate_at: d.autoEscalateAt });
  }
  if (input.returnRequired) set.return_ship_by_at = returnShipBy(at, rules);
  if (disputeLifecycle.isFinal(disputeLifecycle.next(dispute.status, action))) {
    Object.assign(set, { closed_at: at, recovered_minor: recovered });
    if (recovered > 0) set.refund_expected_by = refundExpectedBy(at, rules);
  }

  await ctx.db.transaction().execute(async (tx: Tx) => {
    await transition(tx, {
      lifecycle: disputeLifecycle,
      table: 'disputes',
      id: disputeId,
      action,
      actor: actor.label,
      workspaceId: actor.workspaceId,
      orderId: kase.orderId,
      caseId: kase.id,
      visibility: 'internal',
      summary: `Dispute ${input.type.replaceAll('_', ' ')}${recovered ? `: ${recovered} ${dispute.currency} minor units recovered` : ''}${input.note ? ` (${input.note})` : ''}`,
      data: { recoveredMinor: recovered, externalId: input.externalId ?? null },
      set,
    });
    if (recovered > 0) {
      await recordLedgerEntry(tx, {
        workspaceId: actor.workspaceId,
        shopId: kase.shopId,
        orderId: kase.orderId,
        caseId: kase.id,
        supplierId: supplierOrder.supplier.id,
        disputeId,
        kind: 'recovery',
        currency: dispute.currency,
        amountMinor: recovered,
        occurredAt: at,
      });
    }
    const caseMove = { opened: 'open_dispute', escalated: 'escalate', won: 'win', partly_won: 'win_partly', lost: 'lose', cancelled: 'dispute_cancelled', seller_responded: null } as const;
    const move = caseMove[input.type];
    const caseCanMove = move && !(input.type === 'cancelled' && !['dispute_open', 'escalated'].includes(kase.supplierStatus));
    if (move && caseCanMove) await moveSupplierSide(tx, { caseId: kase.id, action: move, actor: actor.label, summary: `Supplier dispute ${input.type.replaceAll('_', ' ')}`, at });
  });
  return getDispute(ctx.db, actor.workspaceId, disputeId);
}
