import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { Facts } from '../rule.ts';

/** What rules can look at for one case, read in one place. */
export async function gatherFacts(db: Executor, caseId: string, now: Date): Promise<Facts> {
  const { rows } = await sql<{
    reason: string;
    tags: string[];
    total_minor: number;
    country: string | null;
    earlier: number;
    parcel_status: string | null;
    parcel_flags: string[] | null;
    delivered_at: Date | null;
    photos: number;
    refund_rate: number | null;
  }>`
    select c.reason, c.tags, o.total_minor, o.shipping_country as country,
      (select count(*)::int from cases e where e.customer_id = c.customer_id and e.id <> c.id and e.created_at < c.created_at) as earlier,
      p.status as parcel_status, p.flags as parcel_flags, p.delivered_at,
      (select count(*)::int from evidence v where v.case_id = c.id and v.kind = 'photo') as photos,
      (select (count(distinct l.order_id)::float / nullif(count(distinct so2.order_id), 0))
         from supplier_orders so2 left join ledger_entries l on l.order_id = so2.order_id and l.kind in ('refund','store_credit')
         where so2.supplier_id = (select supplier_id from supplier_orders where order_id = c.order_id order by created_at limit 1)) as refund_rate
    from cases c
    join orders o on o.id = c.order_id
    left join lateral (select status, flags, delivered_at from parcels where order_id = c.order_id order by created_at desc limit 1) p on true
    where c.id = ${caseId}
  `.execute(db);
  const r = rows[0];
  if (!r) throw new Error(`case ${caseId} not found`);
  return {
    reason: r.reason,
    orderValueMinor: r.total_minor,
    customerEarlierClaims: r.earlier,
    parcelStatus: r.parcel_status,
    parcelFlags: r.parcel_flags ?? [],
    daysSinceDelivery: r.delivered_at ? Math.floor((now.getTime() - r.delivered_at.getTime()) / 86_400_000) : null,
    supplierRefundRate: r.refund_rate === null ? null : Number(r.refund_rate),
    country: r.country,
    photos: r.photos,
    tags: r.tags,
  };
}
