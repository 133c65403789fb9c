import type { AppContext } from '../../../context.ts';
import { customerSide, moveCustomerSide } from '../../cases/index.ts';
import { transition } from '../../timeline/index.ts';
import { resolutionLifecycle } from '../resolutions.states.ts';

/** A platform refused or could not be reached: the resolution waits in "failed actions" for a person. */
export async function failResolution(ctx: Pick<AppContext, 'db' | 'clock'>, resolutionId: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('resolutions').selectAll().where('id', '=', resolutionId).forUpdate().executeTakeFirst();
    if (!r || r.status !== 'executing') return; // already settled by an earlier delivery of the job
    await transition(tx, {
      lifecycle: resolutionLifecycle,
      table: 'resolutions',
      id: r.id,
      action: 'fail',
      actor: 'system',
      workspaceId: r.workspace_id,
      orderId: r.order_id,
      caseId: r.case_id,
      visibility: 'internal',
      summary: `Could not execute: ${reason}`,
      set: { failure: reason },
    });
    const kase = await tx.selectFrom('cases').select('customer_status').where('id', '=', r.case_id).executeTakeFirstOrThrow();
    if (customerSide.can(kase.customer_status as never, 'resolution_failed')) {
      await moveCustomerSide(tx, { caseId: r.case_id, action: 'resolution_failed', actor: 'system', summary: 'The resolution needs attention', visibility: 'internal', at: ctx.clock.now() });
    }
  });
}
