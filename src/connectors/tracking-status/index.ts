// Recoup's one parcel status model, and how each tracking source's raw statuses map into it.
// Tables are data so they can be read, tested and changed row by row; every mapping keeps the
// raw values next to the canonical one so nothing the source said is lost.

// The status list itself is the domain's (src/modules/parcels): one list, re-exported here so
// the mapping tables below and the simulators can name it.
import { PARCEL_STATUSES, isParcelStatus, type ParcelStatus } from '../../modules/parcels/index.ts';

export { PARCEL_STATUSES, isParcelStatus };
export type { ParcelStatus };

export interface MappedStatus {
  status: ParcelStatus;
  rawStatus: string;
  rawSubstatus: string | null;
  /** false when the raw pair was not in the table and a fallback was used */
  known: boolean;
}

// ---------------------------------------------------------------- AfterShip (research §1.4, §1.5)

export const AFTERSHIP_TAGS = [
  'Pending',
  'InfoReceived',
  'InTransit',
  'OutForDelivery',
  'AttemptFail',
  'Delivered',
  'AvailableForPickup',
  'Exception',
  'Expired',
] as const;
export type AfterShipTag = (typeof AFTERSHIP_TAGS)[number];

/** Used when a subtag is missing or not in the table: AfterShip adds subtags over time. */
export const AFTERSHIP_TAG_MAP: Record<AfterShipTag, ParcelStatus> = {
  Pending: 'pending',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  AttemptFail: 'failed_attempt',
  Delivered: 'delivered',
  AvailableForPickup: 'available_for_pickup',
  Exception: 'exception',
  Expired: 'expired',
};

export const AFTERSHIP_SUBTAG_MAP: Readonly<Record<string, ParcelStatus>> = {
  Pending_001: 'pending',
  InfoReceived_001: 'info_received',
  InTransit_001: 'in_transit',
  InTransit_002: 'in_transit',
  InTransit_003: 'in_transit',
  InTransit_004: 'in_transit',
  InTransit_005: 'in_transit',
  // §7: "customs clearance started" counts as with customs; a long stay is caught as stalled.
  InTransit_006: 'customs_hold',
  InTransit_007: 'in_transit',
  InTransit_008: 'in_transit',
  InTransit_009: 'in_transit',
  OutForDelivery_001: 'out_for_delivery',
  OutForDelivery_003: 'out_for_delivery',
  OutForDelivery_004: 'out_for_delivery',
  AttemptFail_001: 'failed_attempt',
  AttemptFail_002: 'failed_attempt',
  AttemptFail_003: 'failed_attempt',
  Delivered_001: 'delivered',
  Delivered_002: 'delivered',
  Delivered_003: 'delivered',
  Delivered_004: 'delivered',
  Delivered_005: 'delivered',
  AvailableForPickup_001: 'available_for_pickup',
  Exception_001: 'exception',
  Exception_002: 'exception',
  Exception_003: 'exception',
  Exception_004: 'customs_hold',
  Exception_005: 'exception',
  // Cross-border parcels held for payment are almost always waiting on import duties/VAT:
  // the customer must act, exactly as with a customs hold.
  Exception_006: 'customs_hold',
  Exception_007: 'exception',
  Exception_008: 'exception',
  Exception_009: 'exception',
  Exception_010: 'returning',
  Exception_011: 'returned',
  Exception_012: 'lost_or_damaged',
  Exception_013: 'lost_or_damaged',
  Expired_001: 'expired',
};

export function fromAfterShip(tag: string, subtag: string | null | undefined): MappedStatus {
  const rawSubstatus = subtag ?? null;
  const bySubtag = rawSubstatus ? AFTERSHIP_SUBTAG_MAP[rawSubstatus] : undefined;
  if (bySubtag) return { status: bySubtag, rawStatus: tag, rawSubstatus, known: true };
  const byTag = (AFTERSHIP_TAG_MAP as Record<string, ParcelStatus | undefined>)[tag];
  // An unknown tag needs a person to look at it, so it lands on exception rather than pending.
  return { status: byTag ?? 'exception', rawStatus: tag, rawSubstatus, known: false };
}

// ------------------------------------------------------------------ 17TRACK (research §2.3)

export const SEVENTEEN_TRACK_STATUSES = [
  'NotFound',
  'InfoReceived',
  'InTransit',
  'Expired',
  'AvailableForPickup',
  'OutForDelivery',
  'DeliveryFailure',
  'Delivered',
  'Exception',
] as const;
export type SeventeenTrackStatus = (typeof SEVENTEEN_TRACK_STATUSES)[number];

export const SEVENTEEN_TRACK_STATUS_MAP: Record<SeventeenTrackStatus, ParcelStatus> = {
  NotFound: 'pending',
  InfoReceived: 'info_received',
  InTransit: 'in_transit',
  Expired: 'expired',
  AvailableForPickup: 'available_for_pickup',
  OutForDelivery: 'out_for_delivery',
  DeliveryFailure: 'failed_attempt',
  Delivered: 'delivered',
  Exception: 'exception',
};

export const SEVENTEEN_TRACK_SUB_STATUS_MAP: Readonly<Record<string, ParcelStatus>> = {
  NotFound_Other: 'pending',
  NotFound_InvalidCode: 'invalid_number',
  InfoReceived: 'info_received',
  InTransit_PickedUp: 'in_transit',
  InTransit_Other: 'in_transit',
  InTransit_Departure: 'in_transit',
  InTransit_Arrival: 'in_transit',
  InTransit_CustomsProcessing: 'customs_hold',
  InTransit_CustomsReleased: 'in_transit',
  InTransit_CustomsRequiringInformation: 'customs_hold',
  Expired_Other: 'expired',
  AvailableForPickup_Other: 'available_for_pickup',
  OutForDelivery_Other: 'out_for_delivery',
  DeliveryFailure_Other: 'failed_attempt',
  DeliveryFailure_NoBody: 'failed_attempt',
  DeliveryFailure_Security: 'failed_attempt',
  DeliveryFailure_Rejected: 'failed_attempt',
  DeliveryFailure_InvalidAddress: 'failed_attempt',
  Delivered_Other: 'delivered',
  Exception_Other: 'exception',
  Exception_Returning: 'returning',
  Exception_Returned: 'returned',
  Exception_NoBody: 'exception',
  Exception_Security: 'exception',
  Exception_Damage: 'lost_or_damaged',
  Exception_Rejected: 'exception',
  Exception_Delayed: 'exception',
  Exception_Lost: 'lost_or_damaged',
  Exception_Destroyed: 'lost_or_damaged',
  Exception_Cancel: 'exception',
};

export function from17Track(status: string, subStatus: string | null | undefined): MappedStatus {
  const rawSubstatus = subStatus ?? null;
  const bySub = rawSubstatus ? SEVENTEEN_TRACK_SUB_STATUS_MAP[rawSubstatus] : undefined;
  if (bySub) return { status: bySub, rawStatus: status, rawSubstatus, known: true };
  const byMain = (SEVENTEEN_TRACK_STATUS_MAP as Record<string, ParcelStatus | undefined>)[status];
  return { status: byMain ?? 'exception', rawStatus: status, rawSubstatus, known: false };
}

// ------------------------------------------------------------------ reading event streams

interface StatusEvent {
  trackingNumber: string;
  occurredAt: string;
  status: string;
  rawStatus: string;
  rawSubstatus: string | null;
  description: string;
}

/** A stable identity for one checkpoint, so the same event seen by webhook and poll is stored once. */
export function trackingEventKey(event: StatusEvent): string {
  const at = new Date(event.occurredAt).toISOString();
  return [event.trackingNumber, at, event.rawStatus, event.rawSubstatus ?? '', event.description].join('|');
}

/**
 * The status a parcel is in now: its latest event by time, not by arrival, because webhooks
 * arrive duplicated and out of order. Ties go to the later event in the list.
 */
export function latestEvent<E extends StatusEvent>(events: readonly E[]): E | null {
  let best: E | null = null;
  let bestAt = -Infinity;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (at >= bestAt) {
      best = event;
      bestAt = at;
    }
  }
  return best;
}

// ------------------------------------------------------------------ registering numbers

/** A number to follow; `carrier` is the source's own carrier code when known (slug or number). */
export interface TrackingRegistration {
  number: string;
  carrier?: string | number | null;
}

/** What a tracking source said about each number it was asked to follow. */
export interface RegisterResult {
  accepted: { number: string; carrier: string | null; externalId: string | null; alreadyRegistered: boolean }[];
  rejected: { number: string; code: string; message: string; status: 'invalid_number' | 'rejected' }[];
}
