import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { customerSide, getCase, moveCustomerSide } from '../../cases/index.ts';
import { lockOrder } from '../../orders/index.ts';
import { transition } from '../../timeline/index.ts';
import { refundableMinor } from '../refundable.ts';
import { getResolution, toResolution, type Resolution } from '../resolutions.repository.ts';
import { REFUNDING_KINDS, resolutionLifecycle } from '../resolutions.states.ts';

/** Agents approve alone up to this amount (minor units, any currency); above it an admin must. */
export const DEFAULT_AGENT_APPROVAL_LIMIT_MINOR = 5000;

/**
 * Approving reserves the amount against the order. The order row is locked while the refundable
 * balance is checked, so two approvals racing on one order cannot together exceed it.
 */
export async function approveResolution(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, resolutionId: string): Promise<Resolution> {
  requireRole(actor, 'agent');
  const resolution = await getResolution(ctx.db, actor.workspaceId, resolutionId);
  const kase = await getCase(ctx.db, actor.workspaceId, resolution.caseId);
  requireShop(actor, kase.shopId);
  if (actor.role === 'agent') {
    const workspace = await ctx.db.selectFrom('workspaces').select('settings').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
    const limit = Number((workspace.settings as { agentApprovalLimitMinor?: number }).agentApprovalLimitMinor ?? DEFAULT_AGENT_APPROVAL_LIMIT_MINOR);
    if (resolution.amountMinor > limit) throw new AppError('APPROVAL_LIMIT_EXCEEDED', `Agents may approve up to ${limit} minor units; ask an admin to approve ${resolution.amountMinor}.`);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const order = await lockOrder(tx, resolution.orderId);
    if (REFUNDING_KINDS.includes(resolution.kind)) {
      const others = (await tx.selectFrom('resolutions').selectAll().where('order_id', '=', order.id).execute()).map(toResolution);
      const available = refundableMinor({ totalMinor: order.total_minor, refundedMinor: order.refunded_minor }, others, resolution.id);
      if (resolution.amountMinor > available) {
        throw new AppError('REFUND_EXCEEDS_REFUNDABLE', `Order ${order.order_number} can refund at most ${available} ${order.currency} minor units now; this resolution asks ${resolution.amountMinor}.`);
      }
    }
    await transition(tx, {
      lifecycle: resolutionLifecycle,
      table: 'resolutions',
      id: resolution.id,
      action: 'approve',
      actor: actor.label,
      workspaceId: actor.workspaceId,
      orderId: resolution.orderId,
      caseId: resolution.caseId,
      visibility: 'internal',
      summary: `Approved ${resolution.kind.replaceAll('_', ' ')} of ${resolution.amountMinor} ${resolution.currency} minor units`,
      set: { approved_by: actor.label },
    });
    const current = await tx.selectFrom('cases').select('customer_status').where('id', '=', kase.id).executeTakeFirstOrThrow();
    if (customerSide.can(current.customer_status as never, 'start_resolution')) {
      await moveCustomerSide(tx, { caseId: kase.id, action: 'start_resolution', actor: actor.label, summary: `We are arranging a ${resolution.kind.replaceAll('_', ' ')}`, at: now });
    }
  });
  return getResolution(ctx.db, actor.workspaceId, resolutionId);
}
