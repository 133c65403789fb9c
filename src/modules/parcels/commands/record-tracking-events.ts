import type { Tx } from '../../../db/database.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { sha256 } from '../../../shared/crypto.ts';
import { deriveParcelState } from '../derive-status.ts';
import { isParcelStatus, type ParcelStatus } from '../parcel-status.ts';

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
 * Stores a parcel's checkpoints (a repeated checkpoint is ignored) and re-derives its status.
 * Returns how many were new and the status change, if any.
 */
export async function recordTrackingEvents(
  tx: Tx,
  input: { parcelId: string; source: string; events: IncomingTrackingEvent[] },
  actor: string,
): Promise<{ inserted: number; from: ParcelStatus; to: ParcelStatus }> {
  const parcel = await tx.selectFrom('parcels').selectAll().where('id', '=', input.parcelId).forUpdate().executeTakeFirst();
  if (!parcel) throw new AppError('NOT_FOUND', `Parcel ${input.parcelId} was not found.`);
  for (const event of input.events) {
    if (!isParcelStatus(event.status)) throw new AppError('VALIDATION_FAILED', `status "${event.status}" is not a parcel status.`);
  }
  let inserted = 0;
  if (input.events.length > 0) {
    const result = await tx
      .insertInto('tracking_events')
      .values(
        input.events.map((e) => ({
          id: newId('trackingEvent'),
          parcel_id: input.parcelId,
          occurred_at: e.occurredAt,
          status: e.status,
          raw_status: e.rawStatus,
          raw_substatus: e.rawSubstatus ?? null,
          description: e.description,
          location: e.location ?? null,
          source: input.source,
          dedupe_key: e.dedupeKey ?? sha256(`${e.occurredAt.toISOString()}|${e.rawStatus}|${e.description}`).slice(0, 32),
        })),
      )
      .onConflict((oc) => oc.columns(['parcel_id', 'dedupe_key']).doNothing())
      .executeTakeFirst();
    inserted = Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  const from = parcel.status as ParcelStatus;
  if (inserted === 0) return { inserted, from, to: from };

  const all = await tx.selectFrom('tracking_events').select(['occurred_at', 'status']).where('parcel_id', '=', input.parcelId).execute();
  const state = deriveParcelState(all.map((e) => ({ occurredAt: e.occurred_at, status: e.status as ParcelStatus })));
  await tx
    .updateTable('parcels')
    .set({ status: state.status, last_event_at: state.lastEventAt, delivered_at: state.deliveredAt, updated_at: new Date() })
    .where('id', '=', input.parcelId)
    .execute();
  if (state.status !== from) {
    await appendTimeline(tx, {
      workspaceId: parcel.workspace_id,
      orderId: parcel.order_id,
      subjectType: 'parcel',
      subjectId: parcel.id,
      kind: 'parcel.status_changed',
      actor,
      visibility: 'customer',
      summary: `Parcel ${parcel.tracking_number}: ${state.status.replaceAll('_', ' ')}`,
      data: { from, to: state.status, source: input.source },
      ...(state.lastEventAt ? { occurredAt: state.lastEventAt } : {}),
    });
  }
  return { inserted, from, to: state.status };
}
