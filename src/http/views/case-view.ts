import type { AppContext } from '../../context.ts';
import { caseClocks, DEFAULT_SLA, getCase, listMessages, supplierSide, type SlaSettings } from '../../modules/cases/index.ts';
import { customerHistory } from '../../modules/customers/index.ts';
import { listDisputes, type Dispute } from '../../modules/disputes/index.ts';
import { DEFAULT_REQUIRED_EVIDENCE, listEvidence, missingEvidence } from '../../modules/evidence/index.ts';
import { caseMoney } from '../../modules/ledger/index.ts';
import { getOrder } from '../../modules/orders/index.ts';
import { listParcels } from '../../modules/parcels/index.ts';
import { listResolutions, orderRefundable, type Resolution } from '../../modules/resolutions/index.ts';
import { listSupplierOrders } from '../../modules/suppliers/index.ts';
import { listTimeline } from '../../modules/timeline/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { requireShop } from '../../shared/actor.ts';

type CaseData = Awaited<ReturnType<typeof getCase>>;

/** The five steps merchants follow, each marked done from the case's own state. */
export function caseSteps(kase: CaseData, disputes: Dispute[], resolutions: Resolution[]) {
  const liveDispute = disputes.some((d) => d.status !== 'prepared' && d.status !== 'cancelled');
  return [
    { step: 1, name: 'confirm_with_customer', done: !['new', 'waiting_on_customer'].includes(kase.customerStatus) },
    { step: 2, name: 'verify_order', done: kase.verifiedAt !== null },
    { step: 3, name: 'ask_supplier', done: kase.supplierStatus !== 'not_started' },
    { step: 4, name: 'open_dispute', done: liveDispute || ['won', 'partly_won', 'lost', 'waived'].includes(kase.supplierStatus) },
    { step: 5, name: 'resolve_with_customer', done: kase.customerStatus === 'resolved', resolutions: resolutions.length },
  ];
}

/** Everything step 2 asks to see together: supplier order, tracking, dispute deadline, money. */
export async function caseView(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, caseId: string) {
  const kase = await getCase(ctx.db, actor.workspaceId, caseId);
  requireShop(actor, kase.shopId);
  const filter = { workspaceId: actor.workspaceId, orderId: kase.orderId };
  const [order, supplierOrders, parcels, disputes, resolutions, refundable, money, messages, timeline, history, evidence] = await Promise.all([
    getOrder(ctx.db, actor.workspaceId, kase.orderId),
    listSupplierOrders(ctx.db, filter),
    listParcels(ctx.db, { ...filter, withEvents: true }),
    listDisputes(ctx.db, { workspaceId: actor.workspaceId, caseId }),
    listResolutions(ctx.db, { workspaceId: actor.workspaceId, caseId }),
    orderRefundable(ctx.db, kase.orderId),
    caseMoney(ctx.db, caseId),
    listMessages(ctx.db, caseId),
    listTimeline(ctx.db, { workspaceId: actor.workspaceId, caseId }),
    kase.customerId ? customerHistory(ctx.db, kase.customerId) : Promise.resolve(null),
    listEvidence(ctx.db, caseId),
  ]);
  const workspace = await ctx.db.selectFrom('workspaces').select('settings').where('id', '=', actor.workspaceId).executeTakeFirst();
  const settings = (workspace?.settings ?? {}) as { sla?: Partial<SlaSettings>; requiredEvidence?: typeof DEFAULT_REQUIRED_EVIDENCE };
  const sla: SlaSettings = { ...DEFAULT_SLA, ...(settings.sla ?? {}) };
  const evidenceNeeded = missingEvidence(kase.reason, evidence.filter((e) => e.kind === 'photo').length, { ...DEFAULT_REQUIRED_EVIDENCE, ...(settings.requiredEvidence ?? {}) });
  const row = await ctx.db.selectFrom('cases').select(['first_reply_at', 'resolved_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const filed = (supplierOrderId: string) => disputes.some((d) => d.supplierOrderId === supplierOrderId && d.status !== 'prepared' && d.status !== 'cancelled');
  const delivered = parcels.map((p) => p.deliveredAt).filter((d): d is string => d !== null).sort().at(-1);
  const clocks = caseClocks(
    {
      caseId,
      reason: kase.reason,
      createdAt: new Date(kase.createdAt),
      firstReplyAt: row.first_reply_at,
      resolvedAt: row.resolved_at,
      supplierSideFinal: supplierSide.isFinal(kase.supplierStatus),
      windows: supplierOrders.map((so) => ({ supplierOrderId: so.id, closesAt: so.disputeWindow.closesAt ? new Date(so.disputeWindow.closesAt) : null, disputeFiled: filed(so.id) })),
      disputes: disputes.map((d) => ({ id: d.id, final: d.closedAt !== null, sellerResponseDueAt: d.deadlines.sellerResponseDueAt ? new Date(d.deadlines.sellerResponseDueAt) : null, returnShipByAt: d.deadlines.returnShipByAt ? new Date(d.deadlines.returnShipByAt) : null })),
      deliveredAt: delivered ? new Date(delivered) : null,
    },
    ctx.clock.now(),
    sla,
  );
  return { ...kase, clocks, steps: caseSteps(kase, disputes, resolutions), order, supplierOrders, parcels, disputes, resolutions, refundable, money, messages, timeline, customerHistory: history, evidence, evidenceNeeded };
}
