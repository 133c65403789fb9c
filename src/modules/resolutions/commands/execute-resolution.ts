import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole, requireShop } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { getShop } from '../../shops/index.ts';
import { transition } from '../../timeline/index.ts';
import { getResolution, type Resolution } from '../resolutions.repository.ts';
import { resolutionLifecycle } from '../resolutions.states.ts';
import { completeResolution } from './complete-resolution.ts';
import { recordReshipOrder } from './record-reship.ts';

export interface ExecuteResolutionInput {
  /** manual shops: the refund or order id in the merchant's own store admin */
  externalReference?: string;
  /** reship: the actual cost of the new supplier order */
  costMinor?: number;
  /** reship: the new supplier order's id on AliExpress (or CJ) */
  reshipOrderId?: string;
}

/**
 * Carry out an approved resolution. Manual shops have no API: the merchant did it in their store
 * admin and Recoup records it. Connected shops: the call to the platform runs in the job
 * `resolution.execute`, enqueued in this transaction, exactly once.
 */
export async function executeResolution(ctx: Pick<AppContext, 'db' | 'clock' | 'jobs'>, actor: Actor, resolutionId: string, input: ExecuteResolutionInput = {}): Promise<Resolution> {
  requireRole(actor, 'agent');
  const resolution = await getResolution(ctx.db, actor.workspaceId, resolutionId);
  const kase = await ctx.db.selectFrom('cases').select(['shop_id']).where('id', '=', resolution.caseId).executeTakeFirstOrThrow();
  requireShop(actor, kase.shop_id);
  if (resolution.kind === 'refund_after_return' && resolution.status === 'approved') {
    throw new AppError('INVALID_TRANSITION', 'This refund waits for the returned item: record the return as received first.');
  }
  const shop = await getShop(ctx.db, actor.workspaceId, kase.shop_id);
  // A reship involves the supplier, not the store: it is recorded here whatever the shop's platform.
  const recordedHere = shop.platform === 'manual' || resolution.kind === 'reship';
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await transition(tx, {
      lifecycle: resolutionLifecycle,
      table: 'resolutions',
      id: resolution.id,
      action: resolution.status === 'failed' ? 'retry' : 'execute',
      actor: actor.label,
      workspaceId: actor.workspaceId,
      orderId: resolution.orderId,
      caseId: resolution.caseId,
      visibility: 'internal',
      summary: resolution.kind === 'reship' ? 'Replacement ordered from the supplier' : recordedHere ? 'Recorded as done in the store admin' : `Sending to ${shop.platform}`,
    });
    if (recordedHere) {
      if (resolution.kind === 'reship') {
        await recordReshipOrder(tx, { resolutionId: resolution.id, externalId: input.reshipOrderId ?? null, costMinor: input.costMinor ?? resolution.amountMinor, actor: actor.label, at: now });
      }
      await completeResolution(tx, { resolutionId: resolution.id, externalId: input.reshipOrderId ?? input.externalReference ?? null, actor: actor.label, at: now, costMinor: input.costMinor });
    } else {
      await ctx.jobs.enqueue(tx, 'resolution.execute', { resolutionId: resolution.id }, { singletonKey: resolution.id });
    }
  });
  return getResolution(ctx.db, actor.workspaceId, resolutionId);
}
