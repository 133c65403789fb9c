import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { windowsClosingSoon } from '../../modules/disputes/index.ts';
import { DEFAULT_THRESHOLDS, TROUBLE_FLAGS } from '../../modules/parcels/index.ts';
import { DAY_MS } from '../../shared/clock.ts';
import { actorOf } from '../auth.ts';

// Today's queues for the home screen: what needs a person now.
export function queueRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/queues', { schema: { tags: ['dashboard'], summary: 'Counts and top items of today’s queues, and headline figures' } }, async (request) => {
      const actor = actorOf(request);
      const ws = actor.workspaceId;
      const now = ctx.clock.now();
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const [cases, flags, noTracking, failed, closing, money] = await Promise.all([
        ctx.db
          .selectFrom('cases')
          .select([
            sql<number>`(count(*) filter (where customer_status = 'new'))::int`.as('new'),
            sql<number>`(count(*) filter (where customer_status in ('new','ready_to_resolve') or (customer_status = 'resolved' and supplier_status in ('not_started','asked_supplier'))))::int`.as('waiting_on_me'),
            sql<number>`(count(*) filter (where customer_status = 'waiting_on_customer'))::int`.as('waiting_on_customer'),
            sql<number>`count(*)::int`.as('open'),
          ])
          .where('workspace_id', '=', ws)
          .where('closed_at', 'is', null)
          .executeTakeFirstOrThrow(),
        ctx.db
          .selectFrom('parcels')
          .select([sql<string>`unnest(flags)`.as('flag'), sql<number>`count(*)::int`.as('n')])
          .where('workspace_id', '=', ws)
          .groupBy(sql`1`)
          .execute(),
        ctx.db
          .selectFrom('supplier_orders')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('workspace_id', '=', ws)
          .where('status', 'in', ['shipped', 'delivered'])
          .where('shipped_at', '<', new Date(now.getTime() - DEFAULT_THRESHOLDS.noTrackingDays * DAY_MS))
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('parcels').select('parcels.id').whereRef('parcels.supplier_order_id', '=', 'supplier_orders.id'))))
          .executeTakeFirstOrThrow(),
        ctx.db.selectFrom('resolutions').select(sql<number>`count(*)::int`.as('n')).where('workspace_id', '=', ws).where('status', '=', 'failed').executeTakeFirstOrThrow(),
        windowsClosingSoon(ctx.db, ws, now, 7),
        ctx.db
          .selectFrom('ledger_entries')
          .select(['currency', sql<number>`(sum(amount_minor) filter (where kind = 'refund'))::bigint`.as('refunded'), sql<number>`(sum(amount_minor) filter (where kind = 'recovery'))::bigint`.as('recovered')])
          .where('workspace_id', '=', ws)
          .where('occurred_at', '>=', monthStart)
          .groupBy('currency')
          .execute(),
      ]);
      const parcelFlags = Object.fromEntries(TROUBLE_FLAGS.map((f) => [f, flags.find((r) => r.flag === f)?.n ?? 0]));
      return {
        cases: { new: cases.new, waitingOnMe: cases.waiting_on_me, waitingOnCustomer: cases.waiting_on_customer, open: cases.open },
        disputesClosingSoon: { count: closing.length, items: closing.slice(0, 20) },
        parcels: { ...parcelFlags, noTracking: noTracking.n },
        failedActions: failed.n,
        thisMonth: money.map((m) => ({ currency: m.currency, refundedMinor: Number(m.refunded ?? 0), recoveredMinor: Number(m.recovered ?? 0) })),
      };
    });
  };
}
