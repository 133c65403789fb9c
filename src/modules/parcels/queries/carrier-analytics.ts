import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { DEFAULT_THRESHOLDS } from '../trouble.ts';

export interface RoutePerformance {
  key: string | null;
  parcels: number;
  delivered: number;
  /** days from shipping (or from being added, when no ship date) to delivery */
  p50Days: number | null;
  p90Days: number | null;
  /** share of delivered parcels delivered by their promised date (the shop's default window when none) */
  onTimeRate: number | null;
  /** share of parcels returned, lost or damaged */
  failedRate: number | null;
}

const DIMENSIONS = { carrier: sql`coalesce(p.carrier, 'unknown')`, shippingMethod: sql`so.shipping_method`, country: sql`o.shipping_country` } as const;

/** Delivery time percentiles and on-time rate by carrier, shipping method and destination country. */
export async function carrierAnalytics(db: Executor, filter: { workspaceId: string; since: Date; shopIds: string[] | null }): Promise<Record<keyof typeof DIMENSIONS, RoutePerformance[]>> {
  const out = {} as Record<keyof typeof DIMENSIONS, RoutePerformance[]>;
  for (const [name, dimension] of Object.entries(DIMENSIONS) as [keyof typeof DIMENSIONS, (typeof DIMENSIONS)[keyof typeof DIMENSIONS]][]) {
    const start = sql`coalesce(p.shipped_at, p.created_at)`;
    const days = sql`extract(epoch from (p.delivered_at - ${start})) / 86400.0`;
    const promise = sql`coalesce(p.promised_by, ${start} + make_interval(days => coalesce((s.settings->'parcelThresholds'->>'promisedDeliveryDays')::int, ${DEFAULT_THRESHOLDS.promisedDeliveryDays})))`;
    let query = db
      .selectFrom('parcels as p')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .innerJoin('shops as s', 's.id', 'o.shop_id')
      .leftJoin('supplier_orders as so', 'so.id', 'p.supplier_order_id')
      .select([
        sql<string | null>`${dimension}`.as('key'),
        sql<number>`count(*)::int`.as('parcels'),
        sql<number>`(count(*) filter (where p.delivered_at is not null))::int`.as('delivered'),
        sql<number | null>`percentile_cont(0.5) within group (order by ${days}) filter (where p.delivered_at is not null)`.as('p50'),
        sql<number | null>`percentile_cont(0.9) within group (order by ${days}) filter (where p.delivered_at is not null)`.as('p90'),
        sql<number>`(count(*) filter (where p.delivered_at is not null and p.delivered_at <= ${promise}))::int`.as('on_time'),
        sql<number>`(count(*) filter (where p.status in ('returned', 'returning', 'lost_or_damaged')))::int`.as('failed'),
      ])
      .where('p.workspace_id', '=', filter.workspaceId)
      .where(sql<boolean>`${start} >= ${filter.since}`)
      .groupBy(sql`1`)
      .orderBy(sql`2`, 'desc');
    if (filter.shopIds) query = query.where('o.shop_id', 'in', filter.shopIds);
    const rows = await query.execute();
    const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
    out[name] = rows.map((r) => ({
      key: r.key,
      parcels: r.parcels,
      delivered: r.delivered,
      p50Days: round(r.p50),
      p90Days: round(r.p90),
      onTimeRate: r.delivered > 0 ? Math.round((r.on_time / r.delivered) * 1000) / 1000 : null,
      failedRate: r.parcels > 0 ? Math.round((r.failed / r.parcels) * 1000) / 1000 : null,
    }));
  }
  return out;
}
