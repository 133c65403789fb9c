import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { getOrder } from '../../orders/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getCase, type Case } from '../cases.repository.ts';
import type { CaseReason } from '../cases.states.ts';

export interface OpenCaseInput {
  orderId: string;
  reason: CaseReason;
  description?: string;
  /** affected lines; omitted = every line in full */
  lines?: { orderLineId: string; quantity: number }[];
}

/** Step 0: a customer (public page) or staff opens a case on an order. */
export async function openCase(ctx: Pick<AppContext, 'db' | 'jobs' | 'clock'>, actor: Actor, input: OpenCaseInput): Promise<Case> {
  if (actor.role === 'viewer') throw new AppError('FORBIDDEN', 'Viewers cannot open cases.');
  const order = await getOrder(ctx.db, actor.workspaceId, input.orderId);
  requireShop(actor, order.shopId);
  const lines = input.lines ?? order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity }));
  if (lines.length === 0) throw new AppError('VALIDATION_FAILED', 'lines: a case needs at least one order line.');
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    const orderLine = order.lines.find((l) => l.id === line.orderLineId);
    if (!orderLine) throw new AppError('VALIDATION_FAILED', `lines.${index}.orderLineId: ${line.orderLineId} is not a line of order ${order.orderNumber}.`);
    if (seen.has(line.orderLineId)) throw new AppError('VALIDATION_FAILED', `lines.${index}: line ${line.orderLineId} is listed twice.`);
    seen.add(line.orderLineId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > orderLine.quantity) {
      throw new AppError('VALIDATION_FAILED', `lines.${index}.quantity must be between 1 and ${orderLine.quantity} (ordered).`);
    }
  }
  const now = ctx.clock.now();
  const caseId = newId('case');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('cases')
      .values({
        id: caseId,
        workspace_id: actor.workspaceId,
        shop_id: order.shopId,
        order_id: order.id,
        customer_id: order.customer?.id ?? null,
        reason: input.reason,
        description: input.description ?? '',
        customer_status: 'new',
        supplier_status: 'not_started',
        opened_by: actor.type === 'customer' ? 'customer' : actor.type === 'rule' ? 'rule' : 'staff',
        public_token: randomBytes(18).toString('base64url'),
        created_at: now,
      })
      .execute();
    await tx
      .insertInto('case_lines')
      .values(lines.map((l) => ({ id: newId('caseLine'), case_id: caseId, order_line_id: l.orderLineId, quantity: l.quantity })))
      .execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: order.id,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      kind: 'case.opened',
      actor: actor.label,
      visibility: 'customer',
      summary: `Problem reported: ${input.reason.replaceAll('_', ' ')}`,
      data: { reason: input.reason, lines },
      occurredAt: now,
    });
    await ctx.jobs.enqueue(tx, 'case.opened', { caseId });
  });
  return getCase(ctx.db, actor.workspaceId, caseId);
}
