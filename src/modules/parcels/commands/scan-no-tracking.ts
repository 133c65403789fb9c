import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { appendTimelineEntries } from '../../timeline/index.ts';
import { DEFAULT_THRESHOLDS } from '../trouble.ts';

/**
 * Supplier orders shipped N days ago (the shop's `noTrackingDays`) that still have no parcel:
 * each is noted once on its order's timeline. The queue itself is a query (trouble-queues.ts).
 */
export async function scanNoTracking(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('supplier_orders as so')
    .innerJoin('orders as o', 'o.id', 'so.order_id')
    .innerJoin('shops as s', 's.id', 'o.shop_id')
    .select(['so.id', 'so.workspace_id', 'so.order_id', 'so.shipped_at', 'o.order_number'])
    .where('so.shipped_at', 'is not', null)
    .where(
      sql<boolean>`so.shipped_at < ${now}::timestamptz - make_interval(days => coalesce((s.settings->'parcelThresholds'->>'noTrackingDays')::int, ${DEFAULT_THRESHOLDS.noTrackingDays}))`,
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('parcels').select('parcels.id').whereRef('parcels.supplier_order_id', '=', 'so.id'))))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('timeline_entries as t').select('t.id').whereRef('t.subject_id', '=', 'so.id').where('t.kind', '=', 'supplier_order.flagged.no_tracking'))),
    )
    .execute();
  await appendTimelineEntries(
    db,
    rows.map((r) => ({
      workspaceId: r.workspace_id,
      orderId: r.order_id,
      subjectType: 'supplier_order',
      subjectId: r.id,
      kind: 'supplier_order.flagged.no_tracking',
      actor: 'system',
      visibility: 'internal' as const,
      summary: `Order ${r.order_number}: shipped by the supplier on ${r.shipped_at!.toISOString().slice(0, 10)} and still no tracking number`,
      data: { flag: 'no_tracking', shippedAt: r.shipped_at!.toISOString() },
    })),
  );
  return rows.length;
}
