import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import type { Executor } from '../../../db/database.ts';
import type { Row } from '../../../db/schema.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { TERMINAL_STATUSES, type ParcelStatus } from '../parcel-status.ts';
import { queueNotifications } from '../../notifications/index.ts';
import { delayedNotice } from '../parcel-notifications.ts';
import { getParcelThresholds } from '../queries/thresholds.ts';
import { detectTrouble, type TroubleThresholds } from '../trouble.ts';
import { scanNoTracking } from './scan-no-tracking.ts';

/** Recomputes a parcel's trouble flags; a newly raised flag lands on the order's timeline. */
export async function refreshParcelTrouble(db: Executor, parcel: Row<'parcels'>, now: Date, thresholds: TroubleThresholds): Promise<string[]> {
  const flags = detectTrouble(
    { status: parcel.status as ParcelStatus, shippedAt: parcel.shipped_at, createdAt: parcel.created_at, lastEventAt: parcel.last_event_at, promisedBy: parcel.promised_by },
    now,
    thresholds,
  );
  const raised = flags.filter((f) => !parcel.flags.includes(f));
  if (raised.length === 0 && flags.length === parcel.flags.length) return [];
  await db.updateTable('parcels').set({ flags, updated_at: now }).where('id', '=', parcel.id).execute();
  for (const flag of raised) {
    await appendTimeline(db, {
      workspaceId: parcel.workspace_id,
      orderId: parcel.order_id,
      subjectType: 'parcel',
      subjectId: parcel.id,
      kind: `parcel.flagged.${flag}`,
      actor: 'system',
      visibility: 'internal',
      summary: `Parcel ${parcel.tracking_number} flagged ${flag.replaceAll('_', ' ')}`,
      data: { flag, status: parcel.status, lastEventAt: parcel.last_event_at?.toISOString() ?? null },
    });
  }
  // The customer hears it from us first: once per parcel, with the carrier's new estimate if any.
  if (raised.includes('late')) {
    await queueNotifications(db, [{ workspaceId: parcel.workspace_id, orderId: parcel.order_id, parcelId: parcel.id, ...delayedNotice(parcel.id, parcel.estimated_delivery_at) }]);
  }
  return raised;
}

/**
 * The periodic scan (job `parcels.scan-trouble`): every parcel still on its way, then supplier
 * orders shipped without a tracking number.
 */
export async function scanParcelTrouble(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<{ scanned: number; raised: number; noTracking: number }> {
  const now = ctx.clock.now();
  const parcels = await ctx.db
    .selectFrom('parcels')
    .innerJoin('orders', 'orders.id', 'parcels.order_id')
    .selectAll('parcels')
    .select('orders.shop_id')
    .where((eb) => eb.or([eb('parcels.status', 'not in', TERMINAL_STATUSES), eb(sql<number>`cardinality(parcels.flags)`, '>', 0)]))
    .execute();
  const cache = new Map<string, TroubleThresholds>();
  let raised = 0;
  for (const parcel of parcels) {
    if (!cache.has(parcel.shop_id)) cache.set(parcel.shop_id, await getParcelThresholds(ctx.db, parcel.shop_id));
    raised += (await refreshParcelTrouble(ctx.db, parcel, now, cache.get(parcel.shop_id)!)).length;
  }
  const noTracking = await scanNoTracking(ctx.db, now);
  return { scanned: parcels.length, raised, noTracking };
}
