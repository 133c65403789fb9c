import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getCase } from '../cases.repository.ts';
import { moveCustomerSide, moveSupplierSide } from './move-case.ts';

export interface RecordMessageInput {
  caseId: string;
  channel: 'customer' | 'supplier';
  direction: 'inbound' | 'outbound';
  body: string;
}

/**
 * Keeps a message on the case. The first message to the supplier is step 3 ("asked supplier");
 * a customer's reply to a request for information puts the case back in the queue.
 */
export async function recordMessage(ctx: Pick<AppContext, 'db' | 'clock' | 'jobs'>, actor: Actor, input: RecordMessageInput) {
  if (actor.type !== 'customer') requireRole(actor, 'agent');
  const kase = await getCase(ctx.db, actor.workspaceId, input.caseId);
  if (actor.type !== 'customer') requireShop(actor, kase.shopId);
  if (actor.type === 'customer' && (input.channel !== 'customer' || input.direction !== 'inbound')) {
    throw new AppError('FORBIDDEN', 'Customers can only write to the merchant.');
  }
  const body = input.body.trim();
  if (!body) throw new AppError('VALIDATION_FAILED', 'body: the message is empty.');
  if (kase.closedAt) throw new AppError('INVALID_TRANSITION', 'This case is closed; open a new one for a new problem.');
  const now = ctx.clock.now();
  const id = newId('message');
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('messages').values({ id, case_id: kase.id, channel: input.channel, direction: input.direction, body, author: actor.label, created_at: now }).execute();
    const toSupplier = input.channel === 'supplier';
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: kase.orderId,
      caseId: kase.id,
      subjectType: 'message',
      subjectId: id,
      kind: `message.${input.channel}.${input.direction}`,
      actor: actor.label,
      visibility: toSupplier ? 'internal' : 'customer',
      summary: toSupplier ? (input.direction === 'outbound' ? 'Message sent to supplier' : 'Supplier replied') : input.direction === 'outbound' ? 'Message to customer' : 'Customer wrote',
      data: { body },
      occurredAt: now,
    });
    if (toSupplier && input.direction === 'inbound') await ctx.jobs.enqueue(tx, 'rules.run', { trigger: 'supplier.replied', caseId: kase.id, eventKey: id });
    if (toSupplier && input.direction === 'outbound' && kase.supplierStatus === 'not_started') {
      await moveSupplierSide(tx, { caseId: kase.id, action: 'ask_supplier', actor: actor.label, summary: 'Asked the supplier', at: now });
    }
    if (input.channel === 'customer' && input.direction === 'outbound') {
      await tx.updateTable('cases').set({ first_reply_at: now }).where('id', '=', kase.id).where('first_reply_at', 'is', null).execute();
    }
    if (input.channel === 'customer' && input.direction === 'inbound' && kase.customerStatus === 'waiting_on_customer') {
      await moveCustomerSide(tx, { caseId: kase.id, action: 'customer_replied', actor: actor.label, summary: 'Customer replied', at: now });
    }
  });
  return { id, caseId: kase.id, channel: input.channel, direction: input.direction, body, author: actor.label, createdAt: now.toISOString() };
}

export async function listMessages(db: AppContext['db'], caseId: string, customerVisibleOnly = false) {
  let query = db.selectFrom('messages').selectAll().where('case_id', '=', caseId);
  if (customerVisibleOnly) query = query.where('channel', '=', 'customer');
  const rows = await query.orderBy('created_at').execute();
  return rows.map((m) => ({ id: m.id, channel: m.channel, direction: m.direction, body: m.body, author: m.author, createdAt: m.created_at.toISOString() }));
}
