import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { assertMinor } from '../../../shared/money.ts';
import { getCase, supplierSide } from '../../cases/index.ts';
import { getSupplierOrder } from '../../suppliers/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getDispute, type Dispute } from '../disputes.repository.ts';
import { platformReasonFor } from '../reason-map.ts';

export interface PrepareDisputeInput {
  caseId: string;
  supplierOrderId: string;
  /** default: what was paid the supplier for the case's lines */
  amountMinor?: number;
  request?: 'refund_only' | 'return_and_refund';
}

/** Step 4, first half: Recoup drafts the dispute (reason, amount, deadline) for staff to file on AliExpress. */
export async function prepareDispute(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, input: PrepareDisputeInput): Promise<Dispute> {
  requireRole(actor, 'agent');
  const kase = await getCase(ctx.db, actor.workspaceId, input.caseId);
  requireShop(actor, kase.shopId);
  if (supplierSide.isFinal(kase.supplierStatus)) throw new AppError('INVALID_TRANSITION', `The supplier side of case ${kase.number} is already ${kase.supplierStatus}.`);
  const supplierOrder = await getSupplierOrder(ctx.db, actor.workspaceId, input.supplierOrderId);
  if (supplierOrder.orderId !== kase.orderId) throw new AppError('VALIDATION_FAILED', 'supplierOrderId: that supplier order belongs to another store order.');

  const now = ctx.clock.now();
  const closesAt = supplierOrder.disputeWindow.closesAt ? new Date(supplierOrder.disputeWindow.closesAt) : null;
  if (closesAt && closesAt <= now) {
    throw new AppError('DISPUTE_WINDOW_CLOSED', `The dispute window closed on ${closesAt.toISOString().slice(0, 10)}. If AliExpress still shows a countdown, set the real closing date on the supplier order first.`);
  }

  // What was paid for the affected quantities; capped by what the supplier order has not yet returned.
  const affected = supplierOrder.lines
    .map((line) => {
      const caseLine = kase.lines.find((l) => l.orderLineId === line.orderLineId);
      return caseLine ? Math.round((line.costMinor * Math.min(caseLine.quantity, line.quantity)) / line.quantity) : 0;
    })
    .reduce((a, b) => a + b, 0);
  const recoveredBefore = await ctx.db
    .selectFrom('disputes')
    .select(sql<number>`coalesce(sum(recovered_minor), 0)::bigint`.as('n'))
    .where('supplier_order_id', '=', supplierOrder.id)
    .executeTakeFirstOrThrow();
  const stillPaid = supplierOrder.paidMinor - Number(recoveredBefore.n);
  const amountMinor = assertMinor(input.amountMinor ?? Math.min(affected || supplierOrder.paidMinor, stillPaid), 'amountMinor');
  if (amountMinor <= 0) throw new AppError('VALIDATION_FAILED', 'amountMinor must be more than zero.');
  if (amountMinor > stillPaid) {
    throw new AppError('AMOUNT_EXCEEDS_PAID', `amountMinor ${amountMinor} is more than the ${stillPaid} ${supplierOrder.currency} paid to the supplier and not yet recovered.`);
  }

  const parcel = await ctx.db.selectFrom('parcels').select('status').where('order_id', '=', kase.orderId).orderBy('created_at', 'desc').executeTakeFirst();
  const mapped = platformReasonFor(kase.reason, parcel?.status ?? null);
  const id = newId('dispute');
  await ctx.db.transaction().execute(async (tx) => {
    const live = await tx.selectFrom('disputes').select('id').where('supplier_order_id', '=', supplierOrder.id).where('status', 'not in', ['won', 'partly_won', 'lost', 'cancelled']).executeTakeFirst();
    if (live) throw new AppError('DISPUTE_ALREADY_OPEN', `Supplier order ${supplierOrder.externalId ?? supplierOrder.id} already has dispute ${live.id}; AliExpress allows one per order.`);
    await tx
      .insertInto('disputes')
      .values({
        id,
        workspace_id: actor.workspaceId,
        case_id: kase.id,
        supplier_order_id: supplierOrder.id,
        status: 'prepared',
        reason: kase.reason,
        platform_reason: mapped.reason,
        request: input.request ?? mapped.request,
        currency: supplierOrder.currency,
        amount_minor: amountMinor,
        created_at: now,
      })
      .execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: kase.orderId,
      caseId: kase.id,
      subjectType: 'dispute',
      subjectId: id,
      kind: 'dispute.prepared',
      actor: actor.label,
      visibility: 'internal',
      summary: `Dispute prepared: "${mapped.reason}", ${amountMinor} ${supplierOrder.currency} minor units${closesAt ? `, file before ${closesAt.toISOString().slice(0, 10)}` : ''}`,
      data: { amountMinor, platformReason: mapped.reason, evidence: mapped.evidence, deepLink: supplierOrder.deepLink },
      occurredAt: now,
    });
  });
  return getDispute(ctx.db, actor.workspaceId, id);
}
