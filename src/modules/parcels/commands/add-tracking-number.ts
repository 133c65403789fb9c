import type { Executor } from '../../../db/database.ts';
import type { JobQueue } from '../../../jobs/queue.ts';
import { queueNotifications } from '../../notifications/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { STALE_AFTER_MS, shippedNotice } from '../parcel-notifications.ts';

export interface AddTrackingNumberInput {
  workspaceId: string;
  orderId: string;
  supplierOrderId?: string | null;
  trackingNumber: string;
  carrier?: string | null;
  shippedAt?: Date | null;
  promisedBy?: Date | null;
}

export interface AddTrackingNumberDeps {
  jobs: Pick<JobQueue, 'enqueue'>;
  now: Date;
}

/**
 * Adds a parcel to an order. Adding the same number to the same order again changes nothing.
 * In the same transaction: the number is queued for registration with the tracking service,
 * for the push back to the store (`store.push-tracking`), and the customer's "shipped" email.
 */
export async function addTrackingNumber(tx: Executor, input: AddTrackingNumberInput, actor: string, deps: AddTrackingNumberDeps): Promise<{ parcelId: string; created: boolean }> {
  const trackingNumber = input.trackingNumber.trim().toUpperCase();
  if (!/^[A-Z0-9-]{6,40}$/.test(trackingNumber)) {
    throw new AppError('VALIDATION_FAILED', `trackingNumber "${input.trackingNumber}" is not a tracking number (6 to 40 letters, digits or dashes).`);
  }
  const existing = await tx.selectFrom('parcels').select(['id', 'order_id']).where('workspace_id', '=', input.workspaceId).where('tracking_number', '=', trackingNumber).executeTakeFirst();
  if (existing) {
    if (existing.order_id !== input.orderId) throw new AppError('CONFLICT', `Tracking number ${trackingNumber} already belongs to another order.`);
    return { parcelId: existing.id, created: false };
  }
  const parcelId = newId('parcel');
  await tx
    .insertInto('parcels')
    .values({
      id: parcelId,
      workspace_id: input.workspaceId,
      order_id: input.orderId,
      supplier_order_id: input.supplierOrderId ?? null,
      tracking_number: trackingNumber,
      carrier: input.carrier ?? null,
      shipped_at: input.shippedAt ?? null,
      promised_by: input.promisedBy ?? null,
    })
    .execute();
  await appendTimeline(tx, {
    workspaceId: input.workspaceId,
    orderId: input.orderId,
    subjectType: 'parcel',
    subjectId: parcelId,
    kind: 'parcel.tracking_added',
    actor,
    visibility: 'customer',
    summary: `Shipped with tracking number ${trackingNumber}${input.carrier ? ` (${input.carrier})` : ''}`,
    data: { trackingNumber, carrier: input.carrier ?? null },
    ...(input.shippedAt ? { occurredAt: input.shippedAt } : {}),
  });
  await deps.jobs.enqueue(tx, 'tracking.register', { parcelId });
  await deps.jobs.enqueue(tx, 'store.push-tracking', { parcelId });
  // A number added long after the parcel left (an import of old orders) is not news any more.
  if (!input.shippedAt || deps.now.getTime() - input.shippedAt.getTime() <= STALE_AFTER_MS) {
    await queueNotifications(tx, [{ workspaceId: input.workspaceId, orderId: input.orderId, parcelId, ...shippedNotice(parcelId) }]);
    await deps.jobs.enqueue(tx, 'notifications.send', {});
  }
  return { parcelId, created: true };
}
