import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getCase, type Case } from '../cases.repository.ts';
import { moveCustomerSide, moveSupplierSide } from './move-case.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

async function loadForStaff(ctx: Ctx, actor: Actor, caseId: string) {
  requireRole(actor, 'agent');
  const kase = await getCase(ctx.db, actor.workspaceId, caseId);
  requireShop(actor, kase.shopId);
  return kase;
}

/** Step 1: the customer's details and photos are enough. */
export async function confirmDetails(ctx: Ctx, actor: Actor, caseId: string, note?: string): Promise<Case> {
  await loadForStaff(ctx, actor, caseId);
  await ctx.db.transaction().execute((tx) =>
    moveCustomerSide(tx, { caseId, action: 'confirm', actor: actor.label, summary: 'Details confirmed', data: { note: note ?? null }, at: ctx.clock.now() }),
  );
  return getCase(ctx.db, actor.workspaceId, caseId);
}

/** Step 1: ask the customer for more (details, photos); the message is visible to them. */
export async function requestInfo(ctx: Ctx, actor: Actor, caseId: string, message: string): Promise<Case> {
  await loadForStaff(ctx, actor, caseId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await moveCustomerSide(tx, { caseId, action: 'request_info', actor: actor.label, summary: `We asked for more information: ${message}`, at: now });
    await tx.updateTable('cases').set({ first_reply_at: now }).where('id', '=', caseId).where('first_reply_at', 'is', null).execute();
  });
  return getCase(ctx.db, actor.workspaceId, caseId);
}

/** Step 2: staff checked supplier order, tracking and dispute deadline together. */
export async function verifyCase(ctx: Ctx, actor: Actor, caseId: string, note?: string): Promise<Case> {
  const kase = await loadForStaff(ctx, actor, caseId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('cases').set({ verified_at: now, updated_at: now }).where('id', '=', caseId).execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId,
      orderId: kase.orderId,
      caseId,
      subjectType: 'case',
      subjectId: caseId,
      kind: 'case.verified',
      actor: actor.label,
      visibility: 'internal',
      summary: note ? `Order and tracking verified: ${note}` : 'Order and tracking verified',
      occurredAt: now,
    });
  });
  return getCase(ctx.db, actor.workspaceId, caseId);
}

/** Decline a claim (not eligible); the customer sees the reason. */
export async function declineCase(ctx: Ctx, actor: Actor, caseId: string, reason: string): Promise<Case> {
  await loadForStaff(ctx, actor, caseId);
  await ctx.db.transaction().execute((tx) =>
    moveCustomerSide(tx, { caseId, action: 'decline', actor: actor.label, summary: `Claim declined: ${reason}`, at: ctx.clock.now() }),
  );
  return getCase(ctx.db, actor.workspaceId, caseId);
}

/** Decide not to pursue the supplier (small amount, or no grounds). */
export async function waiveSupplier(ctx: Ctx, actor: Actor, caseId: string, reason: string): Promise<Case> {
  await loadForStaff(ctx, actor, caseId);
  await ctx.db.transaction().execute((tx) =>
    moveSupplierSide(tx, { caseId, action: 'waive', actor: actor.label, summary: `Not pursuing the supplier: ${reason}`, at: ctx.clock.now() }),
  );
  return getCase(ctx.db, actor.workspaceId, caseId);
}
