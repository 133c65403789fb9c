import type { AppContext } from '../../../context.ts';
import type { ResolutionKind } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { assertMinor, percentOf } from '../../../shared/money.ts';
import { customerSide, getCase } from '../../cases/index.ts';
import { getOrder, type Order } from '../../orders/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getResolution, orderRefundable, type Resolution } from '../resolutions.repository.ts';
import { REFUNDING_KINDS } from '../resolutions.states.ts';

export interface ProposeResolutionInput {
  caseId: string;
  kind: ResolutionKind;
  amountMinor?: number;
  /** partial refund or discount as a percentage of the case lines' value */
  percent?: number;
  /** refund_after_return: where the customer sends the item */
  returnAddress?: string;
  /** reship: what the new supplier order is expected to cost */
  reshipCostMinor?: number;
  /** partial refund per line: an amount or a percentage of each affected line's value */
  lineRefunds?: { orderLineId: string; amountMinor?: number; percent?: number }[];
  note?: string;
}

/** Value of the case's lines; shipping too when the case covers the whole order. */
function caseValue(order: Order, lines: { orderLineId: string; quantity: number }[]): number {
  const value = lines.reduce((sum, l) => sum + (order.lines.find((o) => o.id === l.orderLineId)?.unitPriceMinor ?? 0) * l.quantity, 0);
  const wholeOrder = order.lines.every((o) => lines.some((l) => l.orderLineId === o.id && l.quantity === o.quantity));
  return value + (wholeOrder ? order.shippingMinor : 0);
}

/** Per-line partial refund: each line's amount is capped by what that line was paid in this case. */
function perLineAmounts(input: ProposeResolutionInput, order: Order, caseLines: { orderLineId: string; quantity: number }[]) {
  return (input.lineRefunds ?? []).map((l, index) => {
    const line = order.lines.find((o) => o.id === l.orderLineId);
    const claimed = caseLines.find((c) => c.orderLineId === l.orderLineId);
    if (!line || !claimed) throw new AppError('VALIDATION_FAILED', `lineRefunds.${index}.orderLineId: ${l.orderLineId} is not a line of this case.`);
    const lineValue = line.unitPriceMinor * claimed.quantity;
    const amount = l.amountMinor !== undefined ? assertMinor(l.amountMinor, 'lineRefunds amount') : l.percent !== undefined ? percentOf(lineValue, l.percent) : null;
    if (amount === null) throw new AppError('VALIDATION_FAILED', `lineRefunds.${index}: give amountMinor or percent.`);
    if (amount > lineValue) throw new AppError('REFUND_EXCEEDS_REFUNDABLE', `lineRefunds.${index}: ${amount} is more than the ${lineValue} paid for ${line.title} in this case.`);
    return { orderLineId: l.orderLineId, title: line.title, amountMinor: amount, ...(l.percent !== undefined ? { percent: l.percent } : {}) };
  });
}

function amountFor(input: ProposeResolutionInput, value: number): { amountMinor: number; details: Record<string, unknown> } {
  const given = input.amountMinor === undefined ? undefined : assertMinor(input.amountMinor, 'amountMinor');
  switch (input.kind) {
    case 'full_refund':
      return { amountMinor: value, details: {} };
    case 'partial_refund':
    case 'discount':
    case 'store_credit': {
      if (given !== undefined) return { amountMinor: given, details: {} };
      if (input.percent !== undefined) return { amountMinor: percentOf(value, input.percent), details: { percent: input.percent } };
      if (input.kind === 'store_credit') return { amountMinor: value, details: {} };
      throw new AppError('VALIDATION_FAILED', `${input.kind} needs amountMinor or percent.`);
    }
    case 'refund_after_return':
      if (!input.returnAddress?.trim()) throw new AppError('VALIDATION_FAILED', 'returnAddress: say where the customer sends the item back.');
      return { amountMinor: given ?? value, details: { returnAddress: input.returnAddress.trim() } };
    case 'reship':
      if (input.reshipCostMinor === undefined) throw new AppError('VALIDATION_FAILED', 'reshipCostMinor: give the expected cost of the new supplier order.');
      return { amountMinor: assertMinor(input.reshipCostMinor, 'reshipCostMinor'), details: {} };
  }
}

/** Step 5: propose how to make the customer whole. Nothing moves until it is approved. */
export async function proposeResolution(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, input: ProposeResolutionInput): Promise<Resolution> {
  requireRole(actor, 'agent');
  const kase = await getCase(ctx.db, actor.workspaceId, input.caseId);
  requireShop(actor, kase.shopId);
  if (customerSide.isFinal(kase.customerStatus)) throw new AppError('INVALID_TRANSITION', `Case ${kase.number} is already resolved with the customer.`);
  const order = await getOrder(ctx.db, actor.workspaceId, kase.orderId);
  const lineRefunds = input.kind === 'partial_refund' && input.lineRefunds?.length ? perLineAmounts(input, order, kase.lines) : null;
  const { amountMinor, details } = lineRefunds
    ? { amountMinor: lineRefunds.reduce((sum, l) => sum + l.amountMinor, 0), details: { lines: lineRefunds } }
    : amountFor(input, caseValue(order, kase.lines));
  if (amountMinor <= 0 && input.kind !== 'reship') throw new AppError('VALIDATION_FAILED', 'amountMinor must be more than zero.');
  if (REFUNDING_KINDS.includes(input.kind)) {
    const { refundableMinor } = await orderRefundable(ctx.db, order.id);
    if (amountMinor > refundableMinor) {
      throw new AppError('REFUND_EXCEEDS_REFUNDABLE', `Order ${order.orderNumber} can refund at most ${refundableMinor} ${order.currency} minor units now; ${amountMinor} was asked.`);
    }
  }
  const now = ctx.clock.now();
  const id = newId('resolution');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('resolutions')
      .values({
        id,
        workspace_id: actor.workspaceId,
        case_id: kase.id,
        order_id: order.id,
        kind: input.kind,
        status: 'proposed',
        currency: order.currency,
        amount_minor: amountMinor,
        details: JSON.stringify({ ...details, note: input.note ?? null }),
        proposed_by: actor.label,
        created_at: now,
      })
      .execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: order.id,
      caseId: kase.id,
      subjectType: 'resolution',
      subjectId: id,
      kind: 'resolution.proposed',
      actor: actor.label,
      visibility: 'internal',
      summary: `Proposed ${input.kind.replaceAll('_', ' ')} of ${amountMinor} ${order.currency} minor units`,
      data: { kind: input.kind, amountMinor, ...details },
      occurredAt: now,
    });
  });
  return getResolution(ctx.db, actor.workspaceId, id);
}
