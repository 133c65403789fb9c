// How AfterShip (Tracking API 2025-04) shows a simulated parcel: tag/subtag per milestone,
// checkpoints in carrier local time, and the Tracking object returned by the API and webhooks.
import { createHash } from 'node:crypto';
import { localIso, type Journey, type Milestone, type OriginCarrier } from './journeys.ts';

export const API_VERSION = '2025-04';

const SLUGS: Record<OriginCarrier, string> = { 'china-post': 'china-post', yunexpress: 'yunexpress', cainiao: 'cainiao' };
const ISO3: Record<string, string> = { CN: 'CHN', US: 'USA', GB: 'GBR', DE: 'DEU', FR: 'FRA', BR: 'BRA' };
const COUNTRY_NAMES: Record<string, string> = { CN: 'China', US: 'United States', GB: 'United Kingdom', DE: 'Germany', FR: 'France', BR: 'Brazil' };

type Rendered = { tag: string; subtag: string; subtagMessage: string; message: string };
export const MILESTONE_WIRE: Record<Milestone, Rendered> = {
  info_received: { tag: 'InfoReceived', subtag: 'InfoReceived_001', subtagMessage: 'Info Received', message: 'Shipment information received by carrier' },
  picked_up: { tag: 'InTransit', subtag: 'InTransit_002', subtagMessage: 'Acceptance scan', message: 'Parcel accepted at origin facility' },
  departed_origin: { tag: 'InTransit', subtag: 'InTransit_007', subtagMessage: 'Departure Scan', message: 'Departed from origin country' },
  arrived_hub: { tag: 'InTransit', subtag: 'InTransit_004', subtagMessage: 'Arrived at destination country', message: 'Arrived at destination hub' },
  customs_started: { tag: 'InTransit', subtag: 'InTransit_006', subtagMessage: 'Customs clearance started', message: 'Handed over to customs' },
  customs_held: { tag: 'Exception', subtag: 'Exception_004', subtagMessage: 'Delayed (Customs clearance)', message: 'Held by customs, awaiting documents' },
  customs_released: { tag: 'InTransit', subtag: 'InTransit_005', subtagMessage: 'Customs clearance completed', message: 'Released by customs' },
  in_transit_destination: { tag: 'InTransit', subtag: 'InTransit_003', subtagMessage: 'Arrival scan', message: 'Arrived at local delivery office' },
  out_for_delivery: { tag: 'OutForDelivery', subtag: 'OutForDelivery_001', subtagMessage: 'Out for Delivery', message: 'Out for delivery' },
  delivered: { tag: 'Delivered', subtag: 'Delivered_001', subtagMessage: 'Delivered', message: 'Delivered' },
  failed_attempt: { tag: 'AttemptFail', subtag: 'AttemptFail_002', subtagMessage: 'Addressee not available', message: 'Delivery attempted, addressee not available' },
  available_for_pickup: { tag: 'AvailableForPickup', subtag: 'AvailableForPickup_001', subtagMessage: 'Available for pickup', message: 'Available for pickup at post office' },
  picked_up_by_customer: { tag: 'Delivered', subtag: 'Delivered_002', subtagMessage: 'Picked up by the customer', message: 'Collected by addressee' },
  returning: { tag: 'Exception', subtag: 'Exception_010', subtagMessage: 'Returning to sender', message: 'Returning to sender' },
  returned: { tag: 'Exception', subtag: 'Exception_011', subtagMessage: 'Returned to sender', message: 'Returned to sender' },
  lost: { tag: 'Exception', subtag: 'Exception_013', subtagMessage: 'Shipment lost', message: 'Item presumed lost' },
  damaged: { tag: 'Exception', subtag: 'Exception_012', subtagMessage: 'Shipment damaged', message: 'Item damaged in transit' },
  expired: { tag: 'Expired', subtag: 'Expired_001', subtagMessage: 'Expired', message: 'No tracking information for 30 days' },
};
const FINAL: ReadonlySet<Milestone> = new Set(['delivered', 'picked_up_by_customer', 'returned', 'expired', 'lost', 'damaged']);

export interface SimTracking {
  id: string;
  trackingNumber: string;
  slug: string;
  createdAt: Date;
  journey: Journey | null;
  retracks: number;
  completed: { tag: string; subtag: string; at: Date } | null;
  /** journey steps already announced by webhook */
  emitted: number;
  orderId: string | null;
  title: string | null;
}

export function trackingId(trackingNumber: string, slug: string): string {
  return createHash('sha256').update(`${slug}/${trackingNumber}`).digest('hex').slice(0, 32);
}

export function detectSlug(trackingNumber: string): string {
  if (/^[A-Z]{2}\d{9}CN$/.test(trackingNumber)) return SLUGS['china-post'];
  if (/^YT\d{16}$/.test(trackingNumber)) return SLUGS.yunexpress;
  if (/^LP\d{14}$/.test(trackingNumber)) return SLUGS.cainiao;
  return 'unrecognized';
}
export const slugOf = (carrier: OriginCarrier) => SLUGS[carrier];

const utc = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
export const stepsAt = (tracking: SimTracking, now: Date) => tracking.journey?.steps.filter((s) => s.at <= now).length ?? 0;

/** The Tracking object after the first `stepCount` steps of its journey (clock `now` for the rest). */
export function renderTracking(tracking: SimTracking, stepCount: number, now: Date): Record<string, unknown> {
  const steps = (tracking.journey?.steps ?? []).slice(0, stepCount);
  const checkpoints = steps.filter((s) => s.milestone !== 'expired').map((step) => {
    const wire = MILESTONE_WIRE[step.milestone];
    return {
      created_at: utc(new Date(step.at.getTime() + 7 * 60_000)),
      slug: tracking.slug,
      checkpoint_time: localIso(step.at, step.place.utcOffset),
      location: `${step.place.city}, ${step.place.country}`,
      city: step.place.city, state: null, zip: null, coordinate: null,
      country_region: ISO3[step.place.country] ?? null,
      country_region_name: COUNTRY_NAMES[step.place.country] ?? null,
      message: wire.message, tag: wire.tag, subtag: wire.subtag, subtag_message: wire.subtagMessage,
      raw_tag: null, events: [], source: 'Carrier',
    };
  });
  const last = steps.at(-1);
  // Numbers no carrier knows turn Expired 30 days after they were added (research §1.4).
  const expiredUnknown = !tracking.journey && now.getTime() - tracking.createdAt.getTime() >= 30 * 86_400_000;
  let status = last ? MILESTONE_WIRE[last.milestone] : expiredUnknown ? MILESTONE_WIRE.expired : { tag: 'Pending', subtag: 'Pending_001', subtagMessage: 'Pending' };
  let updatedAt = last?.at ?? (expiredUnknown ? new Date(tracking.createdAt.getTime() + 30 * 86_400_000) : tracking.createdAt);
  if (tracking.completed && tracking.completed.at >= updatedAt) {
    status = { ...tracking.completed, subtagMessage: tracking.completed.subtag };
    updatedAt = tracking.completed.at;
  }
  const first = steps[0]?.at;
  const delivered = steps.find((s) => s.milestone === 'delivered' || s.milestone === 'picked_up_by_customer');
  const destination = tracking.journey?.destination ?? null;
  return {
    id: tracking.id,
    legacy_id: tracking.id.slice(0, 24),
    created_at: utc(tracking.createdAt),
    updated_at: utc(updatedAt),
    tracking_number: tracking.trackingNumber,
    slug: tracking.slug,
    active: !tracking.completed && !(last && FINAL.has(last.milestone)) && !expiredUnknown,
    custom_fields: null,
    transit_time: first && delivered ? Math.round((delivered.at.getTime() - first.getTime()) / 86_400_000) : null,
    origin_country_region: tracking.journey ? 'CHN' : null,
    destination_country_region: destination ? ISO3[destination] : null,
    courier_destination_country_region: destination ? ISO3[destination] : null,
    order_id: tracking.orderId,
    title: tracking.title ?? tracking.trackingNumber,
    tag: status.tag,
    subtag: status.subtag,
    subtag_message: status.subtagMessage,
    checkpoints,
    return_to_sender: checkpoints.some((c) => c.subtag === 'Exception_010' || c.subtag === 'Exception_011'),
    failed_delivery_attempts: checkpoints.filter((c) => c.tag === 'AttemptFail').length,
    shipment_delivery_date: delivered ? utc(delivered.at) : null,
    tracked_count: stepCount,
    courier_tracking_link: null,
    aftership_estimated_delivery_date: null,
  };
}
