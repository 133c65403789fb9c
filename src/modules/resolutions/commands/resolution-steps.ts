import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { transition } from '../../timeline/index.ts';
import { getResolution, type Resolution } from '../resolutions.repository.ts';
import { resolutionLifecycle, type ResolutionAction } from '../resolutions.states.ts';

type Step = Extract<ResolutionAction, 'reject' | 'cancel' | 'return_shipped' | 'return_received'>;

const SUMMARY: Record<Step, string> = {
  reject: 'Resolution rejected',
  cancel: 'Resolution cancelled',
  return_shipped: 'The customer shipped the return',
  return_received: 'The returned item arrived',
};

/** The smaller moves of a resolution: reject, cancel, and the return leg of refund-after-return. */
export async function stepResolution(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  actor: Actor,
  resolutionId: string,
  step: Step,
  input: { note?: string; returnTrackingNumber?: string } = {},
): Promise<Resolution> {
  requireRole(actor, step === 'reject' ? 'admin' : 'agent');
  const resolution = await getResolution(ctx.db, actor.workspaceId, resolutionId);
  if ((step === 'return_shipped' || step === 'return_received') && resolution.kind !== 'refund_after_return') {
    throw new AppError('INVALID_TRANSITION', `A ${resolution.kind.replaceAll('_', ' ')} has no return to follow.`);
  }
  if (step === 'return_shipped' && !input.returnTrackingNumber) throw new AppError('VALIDATION_FAILED', 'returnTrackingNumber: give the return parcel’s tracking number.');
  const details = { ...resolution.details, ...(input.returnTrackingNumber ? { returnTrackingNumber: input.returnTrackingNumber } : {}) };
  await ctx.db.transaction().execute((tx) =>
    transition(tx, {
      lifecycle: resolutionLifecycle,
      table: 'resolutions',
      id: resolutionId,
      action: step,
      actor: actor.label,
      workspaceId: actor.workspaceId,
      orderId: resolution.orderId,
      caseId: resolution.caseId,
      visibility: step === 'reject' ? 'internal' : 'customer',
      summary: input.note ? `${SUMMARY[step]}: ${input.note}` : SUMMARY[step],
      set: { details: JSON.stringify(details) },
    }),
  );
  return getResolution(ctx.db, actor.workspaceId, resolutionId);
}
