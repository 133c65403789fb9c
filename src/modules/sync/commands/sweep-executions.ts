import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';

// A worker killed mid-call leaves its resolution `executing` with a live-looking lease and its
// job active in the queue until the queue's own expiry. Once the lease has lapsed, the sweeper
// hands the resolution to any live worker; the execution looks for its mark before calling again.
// Also catches a resolution whose job was lost before its intent was written, and one whose
// retries ran out while the store stayed unreachable.

export async function sweepStoreExecutions(ctx: Pick<AppContext, 'db' | 'jobs'>, options: { intentlessAfterSeconds?: number } = {}): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select r.id from resolutions r
      join cases c on c.id = r.case_id
      join shops s on s.id = c.shop_id
      left join store_executions e on e.resolution_id = r.id
    where r.status = 'executing' and s.platform <> 'manual'
      and ((e.resolution_id is null and r.updated_at < now() - make_interval(secs => ${options.intentlessAfterSeconds ?? 900}))
        or (e.status = 'pending' and e.lease_until is not null and e.lease_until < now())
        or (e.status = 'pending' and e.lease_until is null and e.updated_at < now() - interval '1 hour'))
    limit 500
  `.execute(ctx.db);
  const ids = rows.rows.map((r) => r.id);
  if (ids.length > 0) {
    await ctx.db.transaction().execute(async (tx) => {
      for (const id of ids) await ctx.jobs.enqueue(tx, 'resolution.execute', { resolutionId: id });
    });
  }
  return ids;
}
