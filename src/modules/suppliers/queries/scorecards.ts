import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';

// Which suppliers cause refunds, ship late or lose disputes, from the orders, parcels, cases,
// disputes and ledger in the database. Durations in days; rates 0..1 (null with no basis).

export interface SupplierScorecard {
  supplierId: string;
  name: string;
  platform: string;
  orders: number;
  shipDaysMedian: number | null;
  deliveryDaysMedian: number | null;
  onTimeRate: number | null;
  caseRate: number | null;
  casesByReason: Record<string, number>;
  refundRate: number | null;
  disputesWon: number;
  disputesLost: number;
  disputeWinRate: number | null;
  moneyLost: { currency: string; amountMinor: number }[];
  flagged: string[];
}

export const REFUND_PRONE_RATE = 0.08;
const MIN_ORDERS_TO_FLAG = 20;

export async function supplierScorecards(db: Executor, workspaceId: string, since?: Date): Promise<SupplierScorecard[]> {
  const from = since ?? new Date(0);
  const { rows } = await sql<{
    id: string;
    name: string;
    platform: string;
    orders: number;
    ship_days: number | null;
    delivery_days: number | null;
    on_time: number | null;
    cased_orders: number;
    refunded_orders: number;
    won: number;
    lost: number;
  }>`
    with so as (
      select so.* from supplier_orders so where so.workspace_id = ${workspaceId} and coalesce(so.placed_at, so.created_at) >= ${from}
    )
    select s.id, s.name, s.platform,
      count(distinct so.id)::int as orders,
      percentile_cont(0.5) within group (order by extract(epoch from so.shipped_at - so.placed_at) / 86400) as ship_days,
      (select percentile_cont(0.5) within group (order by extract(epoch from p.delivered_at - p.shipped_at) / 86400)
         from parcels p join so s2 on s2.id = p.supplier_order_id where s2.supplier_id = s.id and p.delivered_at is not null) as delivery_days,
      (select avg(case when p.delivered_at <= p.promised_by then 1 else 0 end)
         from parcels p join so s2 on s2.id = p.supplier_order_id where s2.supplier_id = s.id and p.delivered_at is not null and p.promised_by is not null) as on_time,
      (select count(distinct c.order_id) from cases c join so s2 on s2.order_id = c.order_id where s2.supplier_id = s.id)::int as cased_orders,
      (select count(distinct l.order_id) from ledger_entries l join so s2 on s2.order_id = l.order_id where s2.supplier_id = s.id and l.kind in ('refund', 'store_credit'))::int as refunded_orders,
      (select count(*) from disputes d join so s2 on s2.id = d.supplier_order_id where s2.supplier_id = s.id and d.status in ('won', 'partly_won'))::int as won,
      (select count(*) from disputes d join so s2 on s2.id = d.supplier_order_id where s2.supplier_id = s.id and d.status = 'lost')::int as lost
    from suppliers s
    join so on so.supplier_id = s.id
    where s.workspace_id = ${workspaceId}
    group by s.id, s.name, s.platform
    order by s.name
  `.execute(db);

  const reasons = await sql<{ supplier_id: string; reason: string; n: number }>`
    select distinct on (c.id) so.supplier_id, c.reason, 1 as n
    from cases c join supplier_orders so on so.order_id = c.order_id
    where c.workspace_id = ${workspaceId} and c.created_at >= ${from}
  `.execute(db);
  const lost = await sql<{ supplier_id: string; currency: string; cost: number }>`
    select l.supplier_id, l.currency,
      sum(case when l.kind = 'recovery' then -l.amount_minor when l.kind in ('refund', 'store_credit', 'reship_cost') then l.amount_minor else 0 end)::bigint as cost
    from ledger_entries l
    where l.workspace_id = ${workspaceId} and l.supplier_id is not null and l.occurred_at >= ${from}
    group by l.supplier_id, l.currency
  `.execute(db);

  const rate = (n: number, d: number) => (d > 0 ? n / d : null);
  return rows.map((r) => {
    const byReason: Record<string, number> = {};
    for (const x of reasons.rows.filter((x) => x.supplier_id === r.id)) byReason[x.reason] = (byReason[x.reason] ?? 0) + 1;
    const refundRate = rate(r.refunded_orders, r.orders);
    const decided = r.won + r.lost;
    const flagged: string[] = [];
    if (r.orders >= MIN_ORDERS_TO_FLAG && refundRate !== null && refundRate > REFUND_PRONE_RATE) flagged.push('refund_prone');
    if (r.orders >= MIN_ORDERS_TO_FLAG && r.ship_days !== null && r.ship_days > 5) flagged.push('ships_late');
    if (decided >= 5 && r.lost / decided > 0.5) flagged.push('loses_disputes');
    return {
      supplierId: r.id,
      name: r.name,
      platform: r.platform,
      orders: r.orders,
      shipDaysMedian: r.ship_days === null ? null : Math.round(r.ship_days * 10) / 10,
      deliveryDaysMedian: r.delivery_days === null ? null : Math.round(r.delivery_days * 10) / 10,
      onTimeRate: r.on_time === null ? null : Number(r.on_time),
      caseRate: rate(r.cased_orders, r.orders),
      casesByReason: byReason,
      refundRate,
      disputesWon: r.won,
      disputesLost: r.lost,
      disputeWinRate: rate(r.won, decided),
      moneyLost: lost.rows.filter((x) => x.supplier_id === r.id).map((x) => ({ currency: x.currency, amountMinor: Number(x.cost) })),
      flagged,
    };
  });
}
