import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CASE_REASONS } from '../../modules/cases/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { DAY_MS } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import { pageQuery } from './schemas.ts';

// Read models the dashboard needs beyond the resource routes: the cases queue with its order and
// customer, analytics for the charts, and the suppliers list. Plain SQL over the tables; nothing
// here writes.

const CASE_QUEUES = ['waiting_on_me', 'new', 'waiting_on_customer', 'resolving', 'supplier_open'] as const;

/** `shop_id in (...)` for agents limited to some shops; nothing for everyone else. */
const shopScope = (actor: Actor, column: string) =>
  actor.shopIds ? sql<boolean>`${sql.ref(column)} = any(${actor.shopIds.length ? actor.shopIds : ['-']}::text[])` : sql<boolean>`true`;

function decodeCursor(cursor: string): [Date, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at === 'string' && typeof id === 'string') return [new Date(at), id];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API gave out; start again without it.');
}

export function dashboardRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard/cases',
      {
        schema: {
          tags: ['dashboard'],
          summary: 'The cases queue with order number, customer, shop and the nearest dispute window, newest first',
          querystring: z.object({
            ...pageQuery,
            state: z.enum(['open', 'closed', 'all']).default('open'),
            queue: z.enum(CASE_QUEUES).optional(),
            reason: z.enum(CASE_REASONS).optional(),
            customerStatus: z.string().max(40).optional(),
            supplierStatus: z.string().max(40).optional(),
            shopId: z.string().max(80).optional(),
            q: z.string().trim().max(200).optional().describe('case number, order number, customer email or name'),
          }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const f = request.query;
        let query = ctx.db
          .selectFrom('cases as c')
          .innerJoin('orders as o', 'o.id', 'c.order_id')
          .innerJoin('shops as s', 's.id', 'c.shop_id')
          .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
          .select([
            'c.id', 'c.number', 'c.reason', 'c.customer_status', 'c.supplier_status', 'c.opened_by', 'c.tags', 'c.created_at', 'c.closed_at',
            'o.id as order_id', 'o.order_number', 'o.currency', 'o.total_minor', 's.id as shop_id', 's.name as shop_name', 'cu.name as customer_name', 'cu.email as customer_email',
            sql<Date | null>`(select min(coalesce(so.window_override_closes_at, so.window_closes_at)) from supplier_orders so where so.order_id = c.order_id)`.as('window_closes_at'),
          ])
          .where('c.workspace_id', '=', actor.workspaceId)
          .where(shopScope(actor, 'c.shop_id'));
        if (f.state === 'open') query = query.where('c.closed_at', 'is', null);
        if (f.state === 'closed') query = query.where('c.closed_at', 'is not', null);
        if (f.queue === 'waiting_on_me') {
          query = query.where(sql<boolean>`(c.customer_status in ('new','ready_to_resolve') or (c.customer_status = 'resolved' and c.supplier_status in ('not_started','asked_supplier')))`);
        }
        if (f.queue === 'new') query = query.where('c.customer_status', '=', 'new');
        if (f.queue === 'waiting_on_customer') query = query.where('c.customer_status', '=', 'waiting_on_customer');
        if (f.queue === 'resolving') query = query.where('c.customer_status', '=', 'resolving');
        if (f.queue === 'supplier_open') query = query.where('c.supplier_status', 'in', ['dispute_open', 'escalated']);
        if (f.reason) query = query.where('c.reason', '=', f.reason);
        if (f.customerStatus) query = query.where('c.customer_status', '=', f.customerStatus);
        if (f.supplierStatus) query = query.where('c.supplier_status', '=', f.supplierStatus);
        if (f.shopId) query = query.where('c.shop_id', '=', f.shopId);
        if (f.q) {
          const q = f.q.replace(/^#/, '');
          const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
          query = query.where((eb) =>
            eb.or([
              eb('o.order_number', 'in', [q, `#${q}`]),
              ...(/^\d+$/.test(q) && q.length < 10 ? [eb('c.number', '=', Number(q))] : []),
              eb('cu.email', 'ilike', like),
              eb('cu.name', 'ilike', like),
            ]),
          );
        }
        if (f.cursor) {
          const [at, id] = decodeCursor(f.cursor);
          query = query.where(sql<boolean>`(c.created_at, c.id) < (${at}, ${id})`);
        }
        const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(f.limit + 1).execute();
        const page = rows.slice(0, f.limit);
        const last = page.at(-1);
        return {
          items: page.map((r) => ({
            id: r.id,
            number: r.number,
            reason: r.reason,
            customerStatus: r.customer_status,
            supplierStatus: r.supplier_status,
            openedBy: r.opened_by,
            tags: r.tags,
            createdAt: r.created_at.toISOString(),
            closedAt: r.closed_at?.toISOString() ?? null,
            order: { id: r.order_id, orderNumber: r.order_number, currency: r.currency, totalMinor: r.total_minor },
            shop: { id: r.shop_id, name: r.shop_name },
            customer: { name: r.customer_name, email: r.customer_email },
            windowClosesAt: r.window_closes_at ? new Date(r.window_closes_at).toISOString() : null,
          })),
          nextCursor: rows.length > f.limit && last ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url') : null,
        };
      },
    );

    app.get(
      '/analytics',
      {
        schema: {
          tags: ['analytics'],
          summary: 'Cases by reason, refund rate and cases by month, time to resolution, resolutions by kind and dispute outcomes',
          querystring: z.object({ months: z.coerce.number().int().min(1).max(36).default(6), shopId: z.string().max(80).optional() }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const ws = actor.workspaceId;
        const now = ctx.clock.now();
        const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (request.query.months - 1), 1));
        const shopId = request.query.shopId;
        const inShop = (column: string) => (shopId ? sql<boolean>`${sql.ref(column)} = ${shopId}` : sql<boolean>`true`);
        const [byReason, orders, cases, resolution, kinds, disputes] = await Promise.all([
          sql<{ reason: string; total: number; open: number }>`
            select reason, count(*)::int as total, (count(*) filter (where closed_at is null))::int as open
            from cases c where workspace_id = ${ws} and created_at >= ${from} and ${shopScope(actor, 'c.shop_id')} and ${inShop('c.shop_id')}
            group by reason order by total desc`.execute(ctx.db),
          sql<{ month: string; orders: number; refunded: number }>`
            select to_char(date_trunc('month', placed_at), 'YYYY-MM') as month, count(*)::int as orders,
                   (count(*) filter (where refunded_minor > 0))::int as refunded
            from orders o where workspace_id = ${ws} and placed_at >= ${from} and ${shopScope(actor, 'o.shop_id')} and ${inShop('o.shop_id')}
            group by 1 order by 1`.execute(ctx.db),
          sql<{ month: string; opened: number }>`
            select to_char(date_trunc('month', created_at), 'YYYY-MM') as month, count(*)::int as opened
            from cases c where workspace_id = ${ws} and created_at >= ${from} and ${shopScope(actor, 'c.shop_id')} and ${inShop('c.shop_id')}
            group by 1 order by 1`.execute(ctx.db),
          sql<{ month: string; resolved: number; median_hours: number | null; p90_hours: number | null }>`
            select to_char(date_trunc('month', resolved_at), 'YYYY-MM') as month, count(*)::int as resolved,
                   round((percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at)) / 3600)::numeric, 1)::float8 as median_hours,
                   round((percentile_cont(0.9) within group (order by extract(epoch from resolved_at - created_at)) / 3600)::numeric, 1)::float8 as p90_hours
            from cases c where workspace_id = ${ws} and resolved_at >= ${from} and ${shopScope(actor, 'c.shop_id')} and ${inShop('c.shop_id')}
            group by 1 order by 1`.execute(ctx.db),
          sql<{ kind: string; status: string; count: number }>`
            select r.kind, r.status, count(*)::int as count from resolutions r join cases c on c.id = r.case_id
            where r.workspace_id = ${ws} and r.created_at >= ${from} and ${shopScope(actor, 'c.shop_id')} and ${inShop('c.shop_id')}
            group by 1, 2 order by 1, 2`.execute(ctx.db),
          sql<{ status: string; count: number }>`
            select d.status, count(*)::int as count from disputes d join cases c on c.id = d.case_id
            where d.workspace_id = ${ws} and d.created_at >= ${from} and ${shopScope(actor, 'c.shop_id')} and ${inShop('c.shop_id')}
            group by 1 order by 2 desc`.execute(ctx.db),
        ]);
        const months: string[] = [];
        for (let d = new Date(from); d <= now; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d.toISOString().slice(0, 7));
        return {
          from: from.toISOString(),
          casesByReason: byReason.rows,
          monthly: months.map((month) => {
            const o = orders.rows.find((r) => r.month === month);
            const t = resolution.rows.find((r) => r.month === month);
            return {
              month,
              orders: o?.orders ?? 0,
              refundedOrders: o?.refunded ?? 0,
              refundRate: o && o.orders > 0 ? o.refunded / o.orders : 0,
              casesOpened: cases.rows.find((r) => r.month === month)?.opened ?? 0,
              casesResolved: t?.resolved ?? 0,
              medianHoursToResolve: t?.median_hours ?? null,
              p90HoursToResolve: t?.p90_hours ?? null,
            };
          }),
          resolutions: kinds.rows,
          disputeOutcomes: disputes.rows,
          windowDays: Math.round((now.getTime() - from.getTime()) / DAY_MS),
        };
      },
    );

    app.get('/dashboard/suppliers', { schema: { tags: ['suppliers'], summary: 'Each supplier with its orders, cases, disputes won and lost, and the money refunded and recovered' } }, async (request) => {
      const actor = actorOf(request);
      const ws = actor.workspaceId;
      const [rows, money] = await Promise.all([
        sql<{ id: string; name: string; platform: string; orders: number; cases: number; open_cases: number; disputes_open: number; disputes_won: number; disputes_partly_won: number; disputes_lost: number }>`
          select s.id, s.name, s.platform,
            (select count(*)::int from supplier_orders so join orders o on o.id = so.order_id where so.supplier_id = s.id and ${shopScope(actor, 'o.shop_id')}) as orders,
            (select count(distinct c.id)::int from cases c join supplier_orders so on so.order_id = c.order_id where so.supplier_id = s.id and ${shopScope(actor, 'c.shop_id')}) as cases,
            (select count(distinct c.id)::int from cases c join supplier_orders so on so.order_id = c.order_id where so.supplier_id = s.id and c.closed_at is null and ${shopScope(actor, 'c.shop_id')}) as open_cases,
            (select count(*)::int from disputes d join supplier_orders so on so.id = d.supplier_order_id join cases c on c.id = d.case_id where so.supplier_id = s.id and d.status in ('prepared','opened','seller_responded','escalated') and ${shopScope(actor, 'c.shop_id')}) as disputes_open,
            (select count(*)::int from disputes d join supplier_orders so on so.id = d.supplier_order_id join cases c on c.id = d.case_id where so.supplier_id = s.id and d.status = 'won' and ${shopScope(actor, 'c.shop_id')}) as disputes_won,
            (select count(*)::int from disputes d join supplier_orders so on so.id = d.supplier_order_id join cases c on c.id = d.case_id where so.supplier_id = s.id and d.status = 'partly_won' and ${shopScope(actor, 'c.shop_id')}) as disputes_partly_won,
            (select count(*)::int from disputes d join supplier_orders so on so.id = d.supplier_order_id join cases c on c.id = d.case_id where so.supplier_id = s.id and d.status = 'lost' and ${shopScope(actor, 'c.shop_id')}) as disputes_lost
          from suppliers s where s.workspace_id = ${ws} order by s.name`.execute(ctx.db),
        sql<{ supplier_id: string; currency: string; refunded: number; recovered: number; reship: number }>`
          select supplier_id, currency,
            coalesce(sum(amount_minor) filter (where kind in ('refund','store_credit')), 0)::bigint as refunded,
            coalesce(sum(amount_minor) filter (where kind = 'recovery'), 0)::bigint as recovered,
            coalesce(sum(amount_minor) filter (where kind = 'reship_cost'), 0)::bigint as reship
          from ledger_entries l where workspace_id = ${ws} and supplier_id is not null and ${shopScope(actor, 'l.shop_id')}
          group by 1, 2 order by 2`.execute(ctx.db),
      ]);
      return {
        items: rows.rows.map((r) => ({
          id: r.id,
          name: r.name,
          platform: r.platform,
          orders: r.orders,
          cases: r.cases,
          openCases: r.open_cases,
          caseRate: r.orders > 0 ? r.cases / r.orders : 0,
          disputes: { open: r.disputes_open, won: r.disputes_won, partlyWon: r.disputes_partly_won, lost: r.disputes_lost },
          money: money.rows
            .filter((m) => m.supplier_id === r.id)
            .map((m) => ({ currency: m.currency, refundedMinor: Number(m.refunded), recoveredMinor: Number(m.recovered), reshipCostMinor: Number(m.reship) })),
        })),
      };
    });
  };
}
