import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { DEFAULT_THRESHOLDS, type TroubleFlag } from '../trouble.ts';

export const TROUBLE_QUEUES = ['late', 'stalled', 'no_tracking', 'probably_lost', 'returned', 'delivery_failed'] as const;
export type TroubleQueue = (typeof TROUBLE_QUEUES)[number];

const FLAG_OF: Record<Exclude<TroubleQueue, 'no_tracking'>, TroubleFlag> = {
  late: 'late', stalled: 'stalled', probably_lost: 'probably_lost', returned: 'returned_to_sender', delivery_failed: 'delivery_failed',
};
/** what `days` counts in each queue */
export const DAYS_MEANING: Record<TroubleQueue, string> = {
  late: 'days since shipped', stalled: 'days since the last event', no_tracking: 'days since the supplier shipped',
  probably_lost: 'days since shipped', returned: 'days since the last event', delivery_failed: 'days since the last event',
};

export interface TroubleQueueItem {
  parcelId: string | null;
  supplierOrderId: string | null;
  orderId: string;
  orderNumber: string;
  customer: { name: string | null; email: string | null };
  trackingNumber: string | null;
  carrier: string | null;
  status: string | null;
  shippedAt: string | null;
  lastEventAt: string | null;
  days: number;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const days = (from: Date | null, now: Date) => (from ? Math.floor((now.getTime() - from.getTime()) / 86_400_000) : 0);

/** One dashboard queue: the parcels carrying a trouble flag, or supplier orders shipped without a number. Oldest first. */
export async function listTroubleQueue(db: Executor, filter: { workspaceId: string; queue: TroubleQueue; shopIds: string[] | null; now: Date; limit?: number }): Promise<TroubleQueueItem[]> {
  const limit = filter.limit ?? 200;
  if (filter.queue === 'no_tracking') {
    let query = db
      .selectFrom('supplier_orders as so')
      .innerJoin('orders as o', 'o.id', 'so.order_id')
      .innerJoin('shops as s', 's.id', 'o.shop_id')
      .leftJoin('customers as c', 'c.id', 'o.customer_id')
      .select(['so.id', 'so.order_id', 'so.shipped_at', 'o.order_number', 'c.name', 'c.email'])
      .where('so.workspace_id', '=', filter.workspaceId)
      .where(sql<boolean>`so.shipped_at < ${filter.now}::timestamptz - make_interval(days => coalesce((s.settings->'parcelThresholds'->>'noTrackingDays')::int, ${DEFAULT_THRESHOLDS.noTrackingDays}))`)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('parcels').select('parcels.id').whereRef('parcels.supplier_order_id', '=', 'so.id'))));
    if (filter.shopIds) query = query.where('o.shop_id', 'in', filter.shopIds);
    const rows = await query.orderBy('so.shipped_at').limit(limit).execute();
    return rows.map((r) => ({
      parcelId: null, supplierOrderId: r.id, orderId: r.order_id, orderNumber: r.order_number, customer: { name: r.name, email: r.email },
      trackingNumber: null, carrier: null, status: null, shippedAt: iso(r.shipped_at), lastEventAt: null, days: days(r.shipped_at, filter.now),
    }));
  }
  const byLastEvent = filter.queue === 'stalled' || filter.queue === 'returned' || filter.queue === 'delivery_failed';
  let query = db
    .selectFrom('parcels as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['p.id', 'p.supplier_order_id', 'p.order_id', 'p.tracking_number', 'p.carrier', 'p.status', 'p.shipped_at', 'p.created_at', 'p.last_event_at', 'o.order_number', 'c.name', 'c.email'])
    .where('p.workspace_id', '=', filter.workspaceId)
    .where(sql<boolean>`p.flags @> array[${FLAG_OF[filter.queue]}]::text[]`);
  if (filter.shopIds) query = query.where('o.shop_id', 'in', filter.shopIds);
  const rows = await query.orderBy(byLastEvent ? sql`coalesce(p.last_event_at, p.shipped_at, p.created_at)` : sql`coalesce(p.shipped_at, p.created_at)`).limit(limit).execute();
  return rows.map((r) => ({
    parcelId: r.id, supplierOrderId: r.supplier_order_id, orderId: r.order_id, orderNumber: r.order_number, customer: { name: r.name, email: r.email },
    trackingNumber: r.tracking_number, carrier: r.carrier, status: r.status, shippedAt: iso(r.shipped_at), lastEventAt: iso(r.last_event_at),
    days: days(byLastEvent ? (r.last_event_at ?? r.shipped_at ?? r.created_at) : (r.shipped_at ?? r.created_at), filter.now),
  }));
}
