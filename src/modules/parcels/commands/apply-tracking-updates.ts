import { sql } from 'kysely';
import type { Tx } from '../../../db/database.ts';
import { sha256 } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { queueNotifications, type NotificationRequest } from '../../notifications/index.ts';
import { appendTimelineEntries, type TimelineEntryInput } from '../../timeline/index.ts';
import { isLaterEvent, type EventForDerivation } from '../derive-status.ts';
import { noticeForStatus } from '../parcel-notifications.ts';
import { isParcelStatus, type ParcelStatus } from '../parcel-status.ts';
import type { IncomingTrackingEvent } from './record-tracking-events.ts';

/** What one webhook or poll said about one tracking number. */
export interface TrackingUpdate {
  workspaceId: string;
  trackingNumber: string;
  source: string;
  events: IncomingTrackingEvent[];
  carrier?: string | null;
  estimatedDeliveryAt?: Date | null;
}

export interface AppliedUpdates {
  /** events stored for the first time (repeats are ignored) */
  inserted: number;
  transitions: number;
  notifications: number;
  /** tracking numbers no parcel of that workspace has */
  unknown: string[];
}

export const dedupeKeyOf = (e: IncomingTrackingEvent) => e.dedupeKey ?? sha256(`${e.occurredAt.toISOString()}|${e.rawStatus}|${e.description}`).slice(0, 32);

/**
 * Applies many updates in the caller's transaction with a handful of statements: one multi-row
 * insert of the events (repeats dropped by the unique key), one update of the parcels, one insert
 * of timeline entries and one of notifications. Each parcel's state moves forward only from the
 * events that are new, compared with its stored latest event, so nothing is re-read per parcel.
 * Updates are folded in the order given (arrival order): the status a customer is told about is
 * the one each update made current, exactly as if they had been applied one at a time.
 */
export async function applyTrackingUpdates(tx: Tx, updates: readonly TrackingUpdate[], options: { now: Date; actor?: string }): Promise<AppliedUpdates> {
  const result: AppliedUpdates = { inserted: 0, transitions: 0, notifications: 0, unknown: [] };
  if (updates.length === 0) return result;
  for (const u of updates) for (const e of u.events) if (!isParcelStatus(e.status)) throw new AppError('VALIDATION_FAILED', `status "${e.status}" is not a parcel status.`);

  const numbers = [...new Set(updates.map((u) => u.trackingNumber.toUpperCase()))];
  const workspaces = [...new Set(updates.map((u) => u.workspaceId))];
  const parcels = await tx
    .selectFrom('parcels')
    .select(['id', 'workspace_id', 'order_id', 'tracking_number', 'status', 'last_event_at', 'delivered_at'])
    .where('tracking_number', 'in', numbers)
    .where('workspace_id', 'in', workspaces)
    .orderBy('id')
    .forUpdate()
    .execute();
  const byNumber = new Map(parcels.map((p) => [`${p.workspace_id}|${p.tracking_number}`, p]));

  // Every event once, tied to its parcel and to the update that carried it.
  const rows = new Map<string, { parcelId: string; key: string; event: IncomingTrackingEvent; source: string }>();
  const perUpdate: { parcelId: string; keys: string[]; update: TrackingUpdate }[] = [];
  for (const update of updates) {
    const parcel = byNumber.get(`${update.workspaceId}|${update.trackingNumber.toUpperCase()}`);
    if (!parcel) {
      result.unknown.push(update.trackingNumber);
      continue;
    }
    const keys: string[] = [];
    for (const event of update.events) {
      const key = dedupeKeyOf(event);
      keys.push(key);
      if (!rows.has(`${parcel.id}|${key}`)) rows.set(`${parcel.id}|${key}`, { parcelId: parcel.id, key, event, source: update.source });
    }
    perUpdate.push({ parcelId: parcel.id, keys, update });
  }
  const all = [...rows.values()];
  const fresh = new Set<string>();
  if (all.length > 0) {
    const inserted = await sql<{ parcel_id: string; dedupe_key: string }>`
      insert into tracking_events (id, parcel_id, occurred_at, status, raw_status, raw_substatus, description, location, source, dedupe_key)
      select * from unnest(
        ${all.map(() => newId('trackingEvent'))}::text[], ${all.map((r) => r.parcelId)}::text[], ${all.map((r) => r.event.occurredAt.toISOString())}::timestamptz[],
        ${all.map((r) => r.event.status)}::text[], ${all.map((r) => r.event.rawStatus)}::text[], ${all.map((r) => r.event.rawSubstatus ?? null)}::text[],
        ${all.map((r) => r.event.description)}::text[], ${all.map((r) => r.event.location ?? null)}::text[], ${all.map((r) => r.source)}::text[], ${all.map((r) => r.key)}::text[])
      on conflict (parcel_id, dedupe_key) do nothing
      returning parcel_id, dedupe_key`.execute(tx);
    for (const row of inserted.rows) fresh.add(`${row.parcel_id}|${row.dedupe_key}`);
    result.inserted = inserted.rows.length;
  }

  // Fold the new events into each parcel's state, update by update.
  const state = new Map(parcels.map((p) => [p.id, { row: p, latest: p.last_event_at ? ({ occurredAt: p.last_event_at, status: p.status as ParcelStatus } as EventForDerivation) : null, deliveredAt: p.delivered_at, changed: false, carrier: null as string | null, estimate: null as Date | null }]));
  const timeline: TimelineEntryInput[] = [];
  const notices: NotificationRequest[] = [];
  for (const { parcelId, keys, update } of perUpdate) {
    const s = state.get(parcelId)!;
    const before = s.latest?.status ?? 'pending';
    let moved = false;
    for (const key of keys) {
      if (!fresh.delete(`${parcelId}|${key}`)) continue; // stored before, or already folded
      const e = rows.get(`${parcelId}|${key}`)!.event;
      const event = { occurredAt: e.occurredAt, status: e.status as ParcelStatus };
      if (event.status === 'delivered' && (!s.deliveredAt || event.occurredAt < s.deliveredAt)) s.deliveredAt = event.occurredAt;
      if (isLaterEvent(event, s.latest)) s.latest = event;
      moved = true;
    }
    if (update.carrier) s.carrier = update.carrier;
    if (update.estimatedDeliveryAt) s.estimate = update.estimatedDeliveryAt;
    if (!moved && !update.estimatedDeliveryAt) continue;
    s.changed = true;
    const after = s.latest?.status ?? 'pending';
    if (after === before) continue;
    result.transitions++;
    const at = s.latest!.occurredAt;
    timeline.push({
      workspaceId: s.row.workspace_id,
      orderId: s.row.order_id,
      subjectType: 'parcel',
      subjectId: parcelId,
      kind: 'parcel.status_changed',
      actor: options.actor ?? update.source,
      visibility: 'customer',
      summary: `Parcel ${s.row.tracking_number}: ${after.replaceAll('_', ' ')}`,
      data: { from: before, to: after, source: update.source },
      occurredAt: at,
    });
    const notice = noticeForStatus(parcelId, after, at, options.now);
    if (notice) notices.push({ workspaceId: s.row.workspace_id, orderId: s.row.order_id, parcelId, ...notice });
  }

  const changed = [...state.values()].filter((s) => s.changed);
  if (changed.length > 0) {
    const deliveredAt = (s: (typeof changed)[number]) => (s.latest?.status === 'delivered' ? (s.deliveredAt ?? s.latest.occurredAt).toISOString() : null);
    await sql`
      update parcels p set status = v.status, last_event_at = v.last_event_at, delivered_at = v.delivered_at,
        carrier = coalesce(p.carrier, v.carrier), estimated_delivery_at = coalesce(v.estimate, p.estimated_delivery_at), updated_at = ${options.now}
      from unnest(${changed.map((s) => s.row.id)}::text[], ${changed.map((s) => s.latest?.status ?? 'pending')}::text[],
        ${changed.map((s) => s.latest?.occurredAt.toISOString() ?? null)}::timestamptz[], ${changed.map(deliveredAt)}::timestamptz[],
        ${changed.map((s) => s.carrier)}::text[], ${changed.map((s) => s.estimate?.toISOString() ?? null)}::timestamptz[])
        as v(id, status, last_event_at, delivered_at, carrier, estimate)
      where p.id = v.id`.execute(tx);
  }
  await appendTimelineEntries(tx, timeline);
  result.notifications = await queueNotifications(tx, notices);
  return result;
}
