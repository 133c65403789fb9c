import type { AppContext } from '../../../context.ts';
import { requireRole, requireShop, type Actor } from '../../../shared/actor.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { formatDecimal } from '../../../shared/money.ts';
import { getCase } from '../../cases/index.ts';
import { getDispute, recordDisputeEvent, type Dispute } from '../../disputes/index.ts';
import { getOrder } from '../../orders/index.ts';
import { CJ_REASON_FOR, loadCjDispute } from '../cj-disputes.ts';
import { platformError } from '../platform-error.ts';

export interface FileCjDisputeInput {
  /** CJ order lines and quantities; by default the lines whose SKU the case is about */
  lines?: { lineItemId: string; quantity: number }[];
  /** one of CJ's dispute reasons; by default mapped from the case reason */
  reasonId?: number;
  message?: string;
  imageUrls?: string[];
}

/**
 * Files a prepared dispute with CJdropshipping through its dispute API, exactly once: Recoup's
 * dispute id travels as CJ's businessDisputeId, so a retry after a lost answer or a crash finds
 * the dispute CJ already has instead of opening a second. Then records it as opened.
 */
export async function fileCjDispute(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>, actor: Actor, disputeId: string, input: FileCjDisputeInput = {}): Promise<Dispute> {
  requireRole(actor, 'agent');
  const { dispute, cjOrderId, client } = await loadCjDispute(ctx, actor.workspaceId, disputeId);
  const kase = await getCase(ctx.db, actor.workspaceId, dispute.caseId);
  requireShop(actor, kase.shopId);
  if (dispute.status !== 'prepared') {
    if (dispute.externalId) return dispute; // filed before: filing again changes nothing
    throw new AppError('INVALID_TRANSITION', `Dispute ${disputeId} is ${dispute.status}; only a prepared dispute is filed with CJ.`);
  }
  if (dispute.currency !== 'USD') throw new AppError('CURRENCY_MISMATCH', `CJ refunds in USD but dispute ${disputeId} is in ${dispute.currency}; prepare it again on a USD supplier order.`);

  let opened;
  try {
    const lines = input.lines ?? (await linesOfCase(ctx, actor.workspaceId, kase, cjOrderId, client));
    const options = await client.getDisputeOptions(cjOrderId, lines);
    const reasonId = input.reasonId ?? CJ_REASON_FOR[kase.reason] ?? 1;
    if (!options.reasons.some((r) => r.id === reasonId)) {
      throw new AppError('VALIDATION_FAILED', `reasonId ${reasonId} is not one CJ offers for this order; choose one of ${options.reasons.map((r) => `${r.id} (${r.name})`).join(', ')}.`);
    }
    if (dispute.amountMinor > options.maxAmountMinor) {
      throw new AppError('AMOUNT_EXCEEDS_PAID', `The dispute asks USD ${formatDecimal(dispute.amountMinor, 'USD')} but CJ refunds at most USD ${formatDecimal(options.maxAmountMinor, 'USD')} for these lines; cancel this dispute and prepare it again with amountMinor ≤ ${options.maxAmountMinor}.`);
    }
    const message = (input.message ?? `${dispute.platformReason}. Case #${kase.number}: ${kase.description}`).slice(0, 500);
    opened = await client.openDispute({
      orderId: cjOrderId, businessDisputeId: dispute.id, lines, reasonId, expect: 'refund', refundTo: 'balance',
      amountMinor: dispute.amountMinor, message: message.trim() || dispute.platformReason, imageUrls: input.imageUrls ?? [],
    });
  } catch (error) {
    if (isAppError(error)) throw error;
    throw platformError(error, `CJdropshipping did not open dispute ${disputeId} on order ${cjOrderId}`);
  }
  try {
    return await recordDisputeEvent(ctx, actor, dispute.id, { type: 'opened', externalId: opened.dispute.disputeId, note: opened.created ? 'filed with CJdropshipping' : 'found already filed with CJdropshipping' });
  } catch (error) {
    // Two clicks at once: both reached CJ (which kept one), the other recorded it first.
    const now = await getDispute(ctx.db, actor.workspaceId, dispute.id);
    if (isAppError(error) && error.code === 'INVALID_TRANSITION' && now.externalId === opened.dispute.disputeId) return now;
    throw error;
  }
}

/** The CJ lines the case is about, matched by SKU; all disputable lines when none match. */
async function linesOfCase(
  ctx: Pick<AppContext, 'db'>,
  workspaceId: string,
  kase: Awaited<ReturnType<typeof getCase>>,
  cjOrderId: string,
  client: Awaited<ReturnType<typeof loadCjDispute>>['client'],
): Promise<{ lineItemId: string; quantity: number }[]> {
  const cjLines = await client.listDisputableLines(cjOrderId);
  const order = await getOrder(ctx.db, workspaceId, kase.orderId);
  const skuOf = new Map(order.lines.map((l) => [l.id, l.sku]));
  const matched = kase.lines.flatMap((caseLine) => {
    const cj = cjLines.find((l) => l.sku && l.sku === skuOf.get(caseLine.orderLineId));
    return cj ? [{ lineItemId: cj.lineItemId, quantity: Math.min(caseLine.quantity, cj.quantity) }] : [];
  });
  if (matched.length > 0) return matched;
  const open = cjLines.filter((l) => l.canDispute);
  if (open.length === 0) throw new AppError('DISPUTE_ALREADY_OPEN', `Every line of CJ order ${cjOrderId} already has an unfinished dispute on CJ.`);
  return open.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity }));
}
