import type { NotificationKind } from '../notifications/index.ts';
import type { ParcelStatus } from './parcel-status.ts';

// Which parcel changes the customer hears about, and the key that makes each message unique.
// Keys name the parcel and, where a parcel can meet the same news twice (a second delivery
// round), the event's time: a replayed or duplicated event maps to the same key and is dropped.

export const PROBLEM_STATUSES: readonly ParcelStatus[] = ['invalid_number', 'failed_attempt', 'returning', 'returned', 'lost_or_damaged', 'exception', 'expired'];

/** News older than this when it reaches Recoup is history (a backfill, a first poll): not mailed. */
export const STALE_AFTER_MS = 3 * 86_400_000;

export interface ParcelNotice {
  kind: NotificationKind;
  key: string;
  data: Record<string, unknown>;
}

export function noticeForStatus(parcelId: string, to: ParcelStatus, at: Date, now: Date): ParcelNotice | null {
  if (now.getTime() - at.getTime() > STALE_AFTER_MS) return null;
  const data = { status: to, at: at.toISOString() };
  if (to === 'out_for_delivery') return { kind: 'out_for_delivery', key: `out_for_delivery:${parcelId}:${at.toISOString()}`, data };
  if (to === 'delivered') return { kind: 'delivered', key: `delivered:${parcelId}`, data };
  if (PROBLEM_STATUSES.includes(to)) return { kind: 'problem', key: `problem:${parcelId}:${to}`, data };
  return null;
}

export const shippedNotice = (parcelId: string): ParcelNotice => ({ kind: 'shipped', key: `shipped:${parcelId}`, data: {} });

/** Once per parcel, when it is first flagged late. */
export const delayedNotice = (parcelId: string, estimate: Date | null): ParcelNotice => ({ kind: 'delayed', key: `delayed:${parcelId}`, data: { estimate: estimate?.toISOString() ?? null } });
