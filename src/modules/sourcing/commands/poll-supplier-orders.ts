import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { syncSupplierOrder } from './sync-supplier-order.ts';

/** Orders nothing was heard about for this long are read again by the poll (pushes can be lost). */
export const POLL_QUIET_MS = 2 * 3_600_000;

/**
 * The safety net under the push: reads every AliExpress supplier order that is not final and was
 * not read for a while, oldest first. One order's failure is counted and does not stop the rest.
 */
export async function pollSupplierOrders(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config' | 'jobs'>,
  options: { limit?: number; quietMs?: number; concurrency?: number } = {},
): Promise<{ read: number; moved: number; failed: { supplierOrderId: string; error: string }[] }> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectFrom('supplier_order_links')
    .select('supplier_order_id')
    .where('final', '=', false)
    .where((eb) => eb.or([eb('synced_at', 'is', null), eb('synced_at', '<=', new Date(now.getTime() - (options.quietMs ?? POLL_QUIET_MS)))]))
    .orderBy(sql`synced_at nulls first`)
    .limit(options.limit ?? 500)
    .execute();
  const result = { read: 0, moved: 0, failed: [] as { supplierOrderId: string; error: string }[] };
  const queue = due.map((d) => d.supplier_order_id);
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      try {
        const outcome = await syncSupplierOrder(ctx, id);
        result.read++;
        if (outcome.from !== outcome.to) result.moved++;
      } catch (error) {
        result.failed.push({ supplierOrderId: id, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return result;
}
