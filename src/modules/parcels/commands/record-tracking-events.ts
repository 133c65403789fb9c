import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ParcelStatus } from '../parcel-status.ts';
import { applyTrackingUpdates } from './apply-tracking-updates.ts';

export interface IncomingTrackingEvent {
  occurredAt: Date;
  status: string;
  rawStatus: string;
  rawSubstatus?: string | null;
  description: string;
  location?: string | null;
  /** stable per checkpoint; by default derived from its time, status and text */
  dedupeKey?: string;
}

/**
 * Stores one parcel's checkpoints (a repeated checkpoint is ignored) and moves its status on.
 * Returns how many were new and the status change, if any.
 */
export async function recordTrackingEvents(
  tx: Tx,
  input: { parcelId: string; source: string; events: IncomingTrackingEvent[] },
  actor: string,
  options: { now?: Date } = {},
): Promise<{ inserted: number; from: ParcelStatus; to: ParcelStatus }> {
  const parcel = await tx.selectFrom('parcels').select(['workspace_id', 'tracking_number', 'status']).where('id', '=', input.parcelId).forUpdate().executeTakeFirst();
  if (!parcel) throw new AppError('NOT_FOUND', `Parcel ${input.parcelId} was not found.`);
  const applied = await applyTrackingUpdates(tx, [{ workspaceId: parcel.workspace_id, trackingNumber: parcel.tracking_number, source: input.source, events: input.events }], { now: options.now ?? new Date(), actor });
  const after = await tx.selectFrom('parcels').select('status').where('id', '=', input.parcelId).executeTakeFirstOrThrow();
  return { inserted: applied.inserted, from: parcel.status as ParcelStatus, to: after.status as ParcelStatus };
}
