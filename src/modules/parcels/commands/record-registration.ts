import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { applyTrackingUpdates } from './apply-tracking-updates.ts';

export interface RegistrationOutcome {
  connectionId: string;
  source: string;
  accepted: { parcelId: string; carrier: string | null }[];
  rejected: { parcelId: string; trackingNumber: string; code: string; message: string; invalidNumber: boolean }[];
}

/**
 * Records what the tracking service said when asked to follow numbers. A number it calls invalid
 * becomes an `invalid_number` event, so the parcel's status (derived from events) says so.
 */
export async function recordRegistration(db: Database, workspaceId: string, outcome: RegistrationOutcome, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    if (outcome.accepted.length > 0) {
      await sql`
        update parcels p set registered_at = ${now}, tracking_connection_id = ${outcome.connectionId}, registration_error = null,
          carrier = coalesce(p.carrier, v.carrier), updated_at = ${now}
        from unnest(${outcome.accepted.map((a) => a.parcelId)}::text[], ${outcome.accepted.map((a) => a.carrier)}::text[]) as v(id, carrier)
        where p.id = v.id`.execute(tx);
    }
    for (const r of outcome.rejected) {
      await tx.updateTable('parcels').set({ registration_error: `${r.code}: ${r.message}`.slice(0, 500), tracking_connection_id: outcome.connectionId, updated_at: now }).where('id', '=', r.parcelId).execute();
    }
    const invalid = outcome.rejected.filter((r) => r.invalidNumber);
    await applyTrackingUpdates(
      tx,
      invalid.map((r) => ({
        workspaceId,
        trackingNumber: r.trackingNumber,
        source: outcome.source,
        events: [{ occurredAt: now, status: 'invalid_number', rawStatus: r.code, description: r.message, dedupeKey: `invalid:${r.code}` }],
      })),
      { now, actor: outcome.source },
    );
  });
}
