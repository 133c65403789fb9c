import { daysBetween } from '../../shared/clock.ts';
import { TERMINAL_STATUSES, type ParcelStatus } from './parcel-status.ts';

// Noticing a stuck parcel before the customer does. Defaults follow a dropshipper's own alert
// ladder (research platform-apis §4): stuck at label > 7 days, not delivered > 16 days is worth a
// look, > 30 days is probably lost. Every number is editable per shop.

export const TROUBLE_FLAGS = ['late', 'stalled', 'probably_lost', 'returned_to_sender', 'delivery_failed'] as const;
export type TroubleFlag = (typeof TROUBLE_FLAGS)[number];

export interface TroubleThresholds {
  /** days after shipping when delivery is expected if the supplier promised nothing */
  promisedDeliveryDays: number;
  /** days without a new event before a parcel counts as stalled, by status */
  stalledDays: Partial<Record<ParcelStatus, number>> & { default: number };
  /** days after shipping with no delivery before it is probably lost */
  probablyLostDays: number;
  /** days without any event before it is probably lost, whatever the age */
  probablyLostSilentDays: number;
  /** days after the supplier shipped with no tracking number */
  noTrackingDays: number;
}

export const DEFAULT_THRESHOLDS: TroubleThresholds = {
  promisedDeliveryDays: 20,
  stalledDays: { default: 10, pending: 7, info_received: 7, customs_hold: 7, out_for_delivery: 3, available_for_pickup: 7, failed_attempt: 5 },
  probablyLostDays: 30,
  probablyLostSilentDays: 20,
  noTrackingDays: 7,
};

export interface ParcelForTrouble {
  status: ParcelStatus;
  shippedAt: Date | null;
  createdAt: Date;
  lastEventAt: Date | null;
  promisedBy: Date | null;
}

export function detectTrouble(parcel: ParcelForTrouble, now: Date, thresholds: TroubleThresholds = DEFAULT_THRESHOLDS): TroubleFlag[] {
  const flags: TroubleFlag[] = [];
  if (parcel.status === 'returning' || parcel.status === 'returned') flags.push('returned_to_sender');
  if (parcel.status === 'failed_attempt') flags.push('delivery_failed');
  if (parcel.status === 'lost_or_damaged') flags.push('probably_lost');
  if (TERMINAL_STATUSES.includes(parcel.status)) return flags;

  const start = parcel.shippedAt ?? parcel.createdAt;
  const promisedBy = parcel.promisedBy ?? new Date(start.getTime() + thresholds.promisedDeliveryDays * 86_400_000);
  if (now > promisedBy) flags.push('late');

  const quietSince = parcel.lastEventAt ?? start;
  const quietDays = daysBetween(quietSince, now);
  const stalledAfter = thresholds.stalledDays[parcel.status] ?? thresholds.stalledDays.default;
  if (quietDays >= stalledAfter) flags.push('stalled');

  if (daysBetween(start, now) >= thresholds.probablyLostDays || quietDays >= thresholds.probablyLostSilentDays) flags.push('probably_lost');
  return [...new Set(flags)];
}
