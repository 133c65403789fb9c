import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { TERMINAL_STATUSES } from '../parcel-status.ts';

export interface ParcelToTrack {
  id: string;
  trackingNumber: string;
  carrier: string | null;
}

/** Parcels of a workspace not yet registered with its tracking service (and not refused by it). */
export async function parcelsToRegister(db: Executor, workspaceId: string, limit: number): Promise<ParcelToTrack[]> {
  const rows = await db
    .selectFrom('parcels')
    .select(['id', 'tracking_number', 'carrier'])
    .where('workspace_id', '=', workspaceId)
    .where('registered_at', 'is', null)
    .where('registration_error', 'is', null)
    .orderBy('created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, trackingNumber: r.tracking_number, carrier: r.carrier }));
}

/**
 * Registered parcels still on their way that webhooks have not kept fresh: nothing heard for
 * `quietHours` and not polled for as long. Least recently polled first.
 */
export async function parcelsToPoll(db: Executor, connectionId: string, now: Date, options: { quietHours: number; limit: number }): Promise<ParcelToTrack[]> {
  const since = new Date(now.getTime() - options.quietHours * 3_600_000);
  const rows = await db
    .selectFrom('parcels')
    .select(['id', 'tracking_number', 'carrier'])
    .where('tracking_connection_id', '=', connectionId)
    .where('registered_at', 'is not', null)
    .where('status', 'not in', TERMINAL_STATUSES)
    .where((eb) => eb.or([eb('last_event_at', 'is', null), eb('last_event_at', '<', since)]))
    .where((eb) => eb.or([eb('polled_at', 'is', null), eb('polled_at', '<', since)]))
    .orderBy(sql`polled_at nulls first`)
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, trackingNumber: r.tracking_number, carrier: r.carrier }));
}

export async function markPolled(db: Executor, parcelIds: string[], now: Date): Promise<void> {
  if (parcelIds.length > 0) await db.updateTable('parcels').set({ polled_at: now }).where('id', 'in', parcelIds).execute();
}
