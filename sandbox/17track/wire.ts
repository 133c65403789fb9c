// How 17TRACK (API v2.2) shows a simulated parcel: main/sub status per milestone, events newest
// first under one provider, milestones, and the `track_info` object of gettrackinfo and webhooks.
import { createHash } from 'node:crypto';
import { localIso, type Journey, type Milestone, type OriginCarrier } from '../aftership/index.ts';

export const API_VERSION = 'v2.2';

export const CARRIERS: Record<OriginCarrier, { code: number; name: string; homepage: string }> = {
  'china-post': { code: 3011, name: 'China Post', homepage: 'http://yjcx.ems.com.cn/' },
  yunexpress: { code: 190107, name: 'YunExpress', homepage: 'https://www.yunexpress.com/' },
  cainiao: { code: 190271, name: 'Cainiao', homepage: 'https://global.cainiao.com/' },
};

type Wire = { subStatus: string; stage: string | null; description: string };
export const MILESTONE_WIRE: Record<Milestone, Wire> = {
  info_received: { subStatus: 'InfoReceived', stage: 'InfoReceived', description: 'Electronic information received' },
  picked_up: { subStatus: 'InTransit_PickedUp', stage: 'PickedUp', description: 'Accepted by carrier' },
  departed_origin: { subStatus: 'InTransit_Departure', stage: 'Departure', description: 'Departed from the origin country' },
  arrived_hub: { subStatus: 'InTransit_Arrival', stage: 'Arrival', description: 'Arrived at the destination country' },
  customs_started: { subStatus: 'InTransit_CustomsProcessing', stage: null, description: 'Import customs clearance started' },
  customs_held: { subStatus: 'InTransit_CustomsRequiringInformation', stage: null, description: 'Held by customs: information required' },
  customs_released: { subStatus: 'InTransit_CustomsReleased', stage: null, description: 'Import customs clearance complete' },
  in_transit_destination: { subStatus: 'InTransit_Other', stage: null, description: 'Arrived at the delivery office' },
  out_for_delivery: { subStatus: 'OutForDelivery_Other', stage: 'OutForDelivery', description: 'Out for delivery' },
  delivered: { subStatus: 'Delivered_Other', stage: 'Delivered', description: 'Delivered' },
  failed_attempt: { subStatus: 'DeliveryFailure_NoBody', stage: null, description: 'Delivery attempted: no one at home' },
  available_for_pickup: { subStatus: 'AvailableForPickup_Other', stage: 'AvailableForPickup', description: 'Ready for collection at the post office' },
  picked_up_by_customer: { subStatus: 'Delivered_Other', stage: 'Delivered', description: 'Collected by the addressee' },
  returning: { subStatus: 'Exception_Returning', stage: 'Returning', description: 'Returning to sender' },
  returned: { subStatus: 'Exception_Returned', stage: 'Returned', description: 'Returned to sender' },
  lost: { subStatus: 'Exception_Lost', stage: null, description: 'Item lost' },
  damaged: { subStatus: 'Exception_Damage', stage: null, description: 'Item damaged' },
  expired: { subStatus: 'Expired_Other', stage: null, description: '' },
};
const KEY_STAGES = ['InfoReceived', 'PickedUp', 'Departure', 'Arrival', 'AvailableForPickup', 'OutForDelivery', 'Delivered', 'Returning', 'Returned'];

export interface SimNumber {
  number: string;
  carrier: number;
  journey: Journey | null;
  registeredAt: Date;
  stopped: boolean;
  tag: string | null;
  emitted: number;
}

export const mainOf = (subStatus: string) => subStatus.split('_')[0]!;
export const stepsAt = (journey: Journey | null, now: Date) => journey?.steps.filter((s) => s.at <= now).length ?? 0;
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export function renderTrackInfo(item: SimNumber, stepCount: number, now: Date) {
  const steps = (item.journey?.steps ?? []).slice(0, stepCount);
  const events = steps.filter((s) => s.milestone !== 'expired').reverse().map((step) => {
    const wire = MILESTONE_WIRE[step.milestone];
    const timeIso = localIso(step.at, step.place.utcOffset);
    return {
      time_iso: timeIso,
      time_utc: step.at.toISOString().replace('.000Z', 'Z'),
      time_raw: { date: timeIso.slice(0, 10), time: timeIso.slice(11, 19), timezone: step.place.utcOffset },
      description: wire.description,
      description_translation: null,
      location: `${step.place.city}, ${step.place.country}`,
      stage: wire.stage,
      sub_status: wire.subStatus,
      address: { country: step.place.country, state: null, city: step.place.city, street: null, postal_code: null, coordinates: { longitude: null, latitude: null } },
    };
  });
  const last = steps.at(-1);
  const sub = last ? MILESTONE_WIRE[last.milestone].subStatus : 'NotFound_Other';
  const carrier = Object.values(CARRIERS).find((c) => c.code === item.carrier);
  const firstAt = steps[0]?.at;
  const lastEventAt = steps.filter((s) => s.milestone !== 'expired').at(-1)?.at;
  const days = (from: Date | undefined) => (from ? Math.floor((now.getTime() - from.getTime()) / 86_400_000) : null);
  const milestone = KEY_STAGES.map((key) => {
    const reached = events.findLast((e) => e.stage === key);
    return { key_stage: key, time_iso: reached?.time_iso ?? null, time_utc: reached?.time_utc ?? null };
  });
  const eventsHash = hash(events.map((e) => [e.time_utc, e.description]));
  return {
    shipping_info: {
      shipper_address: { country: item.journey ? 'CN' : null, state: null, city: null, street: null, postal_code: null, coordinates: { longitude: null, latitude: null } },
      recipient_address: { country: item.journey?.destination ?? null, state: null, city: null, street: null, postal_code: null, coordinates: { longitude: null, latitude: null } },
    },
    latest_status: { status: mainOf(sub), sub_status: sub, sub_status_descr: null },
    latest_event: events[0] ?? null,
    time_metrics: {
      days_after_order: days(item.registeredAt),
      days_of_transit: days(firstAt),
      days_of_transit_done: null,
      days_after_last_update: days(lastEventAt),
      estimated_delivery_date: { source: null, from: null, to: null },
    },
    milestone,
    misc_info: { risk_factor: 0, service_type: null, weight_raw: null, weight_kg: null, pieces: null, dimensions: null, customer_number: null, reference_number: null, local_number: null, local_provider: null, local_key: 0 },
    tracking: {
      providers_hash: hash([item.carrier, eventsHash]),
      providers: events.length === 0 ? [] : [{
        provider: { key: item.carrier, name: carrier?.name ?? String(item.carrier), alias: carrier?.name ?? null, tel: null, homepage: carrier?.homepage ?? null, country: 'CN' },
        service_type: null,
        latest_sync_status: 'Success',
        latest_sync_time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        events_hash: eventsHash,
        events,
      }],
    },
  };
}

export function renderItem(item: SimNumber, stepCount: number, now: Date) {
  return { number: item.number, carrier: item.carrier, param: null, tag: item.tag, track_info: renderTrackInfo(item, stepCount, now) };
}

export function detectCarrier(number: string): number | null {
  if (/^[A-Z]{2}\d{9}CN$/.test(number)) return CARRIERS['china-post'].code;
  if (/^YT\d{16}$/.test(number)) return CARRIERS.yunexpress.code;
  if (/^LP\d{14}$/.test(number)) return CARRIERS.cainiao.code;
  return null;
}
