import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { DEFAULT_SLA, type SlaSettings } from '../../cases/index.ts';
import { runRules } from './run-rules.ts';

/**
 * The time-based triggers, found by a periodic scan (job `rules.scan`): a parcel of an open case
 * got a trouble flag, or one of its clocks reached its warning. Each event runs rules once.
 */
export async function scanRuleTriggers(ctx: Pick<AppContext, 'db' | 'clock' | 'jobs' | 'config'>): Promise<number> {
  const hasRules = await ctx.db.selectFrom('rules').select('id').where('enabled', '=', true).where('trigger', 'in', ['parcel.flagged', 'clock.warning']).limit(1).executeTakeFirst();
  if (!hasRules) return 0;
  const now = ctx.clock.now();
  const workspace = await ctx.db.selectFrom('workspaces').select('settings').orderBy('created_at').executeTakeFirst();
  const sla: SlaSettings = { ...DEFAULT_SLA, ...((workspace?.settings as { sla?: Partial<SlaSettings> } | undefined)?.sla ?? {}) };
  const { rows: flags } = await sql<{ case_id: string; flag: string }>`
    select distinct c.id as case_id, unnest(p.flags) as flag
    from cases c join parcels p on p.order_id = c.order_id
    where c.closed_at is null and cardinality(p.flags) > 0
  `.execute(ctx.db);
  const { rows: clocks } = await sql<{ case_id: string; clock: string; due: Date }>`
    select id as case_id, 'first_reply' as clock, created_at + make_interval(hours => ${sla.firstReplyHours}) as due from cases
      where closed_at is null and first_reply_at is null and created_at + make_interval(secs => ${sla.firstReplyHours * 3600 * sla.warnAt}) <= ${now}
    union all
    select id, 'resolution', created_at + make_interval(days => ${sla.resolutionDays}) from cases
      where closed_at is null and resolved_at is null and created_at + make_interval(secs => ${sla.resolutionDays * 86400 * sla.warnAt}) <= ${now}
    union all
    select c.id, 'dispute_window', so.window_closes_at from cases c join supplier_orders so on so.order_id = c.order_id
      where c.closed_at is null and c.supplier_status in ('not_started', 'asked_supplier')
        and so.window_closes_at > ${now} and so.window_closes_at <= ${now}::timestamptz + interval '7 days'
  `.execute(ctx.db);
  let runs = 0;
  for (const f of flags) runs += (await runRules(ctx, 'parcel.flagged', f.case_id, `flag:${f.flag}`)).length;
  for (const c of clocks) runs += (await runRules(ctx, 'clock.warning', c.case_id, `${c.clock}:${c.due.toISOString()}`)).length;
  return runs;
}
