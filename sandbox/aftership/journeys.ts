// Platform-neutral parcel journeys China → US/GB/DE/FR/BR, planned from a seed so every run
// plays the same story. Each simulator renders the milestones in its own vocabulary.
// Shared by sandbox/17track (through this folder's index.ts); it could move to a sandbox/shared/.
import type { ParcelStatus } from '../../src/connectors/tracking-status/index.ts';

export const JOURNEY_KINDS = ['delivered', 'customs_held', 'pickup', 'stalled', 'returned', 'lost', 'damaged', 'no_info'] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

export type Milestone =
  | 'info_received' | 'picked_up' | 'departed_origin' | 'arrived_hub' | 'customs_started' | 'customs_held'
  | 'customs_released' | 'in_transit_destination' | 'out_for_delivery' | 'delivered' | 'failed_attempt'
  | 'available_for_pickup' | 'picked_up_by_customer' | 'returning' | 'returned' | 'lost' | 'damaged'
  | 'expired';

export const DESTINATIONS = ['US', 'GB', 'DE', 'FR', 'BR'] as const;
export type Destination = (typeof DESTINATIONS)[number];
export type OriginCarrier = 'china-post' | 'yunexpress' | 'cainiao';

export interface Place { city: string; country: string; utcOffset: string }
export interface JourneyStep { at: Date; milestone: Milestone; place: Place }
export interface Journey {
  trackingNumber: string;
  carrier: OriginCarrier;
  destination: Destination;
  kind: JourneyKind;
  steps: JourneyStep[];
  /** the canonical status once every step has happened */
  expectedFinalStatus: ParcelStatus;
}

export const DEFAULT_MIX: Record<JourneyKind, number> = {
  delivered: 0.55, customs_held: 0.1, pickup: 0.1, stalled: 0.07, returned: 0.06, lost: 0.05, damaged: 0.04, no_info: 0.03,
};

const EXPECTED: Record<JourneyKind, ParcelStatus> = {
  delivered: 'delivered', customs_held: 'delivered', pickup: 'delivered', stalled: 'in_transit',
  returned: 'returned', lost: 'lost_or_damaged', damaged: 'lost_or_damaged', no_info: 'expired',
};

const ORIGINS: Place[] = [
  { city: 'Shenzhen', country: 'CN', utcOffset: '+08:00' },
  { city: 'Guangzhou', country: 'CN', utcOffset: '+08:00' },
  { city: 'Yiwu', country: 'CN', utcOffset: '+08:00' },
];
const HUBS: Record<Destination, { hub: string; towns: string[]; utcOffset: string }> = {
  US: { hub: 'New York JFK ISC', towns: ['Austin', 'Columbus', 'Denver'], utcOffset: '-05:00' },
  GB: { hub: 'Heathrow Worldwide DC', towns: ['Leeds', 'Bristol', 'Norwich'], utcOffset: '+00:00' },
  DE: { hub: 'Frankfurt IPZ', towns: ['Leipzig', 'Köln', 'Bremen'], utcOffset: '+01:00' },
  FR: { hub: 'Roissy CDG', towns: ['Lyon', 'Nantes', 'Lille'], utcOffset: '+01:00' },
  BR: { hub: 'Curitiba CTCE', towns: ['São Paulo', 'Recife', 'Porto Alegre'], utcOffset: '-03:00' },
};

/** mulberry32: tiny, fast, good enough to make simulations repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

/** UPU S10 check digit, so China Post numbers look like real ones. */
function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

function trackingNumberFor(carrier: OriginCarrier, random: () => number): string {
  if (carrier === 'yunexpress') return `YT${digits(random, 16)}`;
  if (carrier === 'cainiao') return `LP${digits(random, 14)}`;
  const serial = digits(random, 8);
  return `${random() < 0.5 ? 'RR' : 'LY'}${serial}${s10CheckDigit(serial)}CN`;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function pickKind(random: () => number, mix: Partial<Record<JourneyKind, number>>): JourneyKind {
  const entries = JOURNEY_KINDS.map((kind) => [kind, Math.max(0, mix[kind] ?? 0)] as const);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total <= 0) throw new Error('journey mix has no positive weight');
  let roll = random() * total;
  for (const [kind, weight] of entries) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return entries.findLast(([, weight]) => weight > 0)![0];
}

/** The milestones of one kind, each with a delay in hours after the previous one (min, max). */
function script(kind: JourneyKind): [Milestone, number, number][] {
  const first: [Milestone, number, number][] = [['info_received', 0, 48], ['picked_up', 12, 48], ['departed_origin', 24, 96]];
  const abroad: [Milestone, number, number][] = [['arrived_hub', 96, 240], ['customs_started', 2, 12]];
  const cleared: [Milestone, number, number][] = [['customs_released', 12, 60], ['in_transit_destination', 6, 30]];
  const last: [Milestone, number, number][] = [['out_for_delivery', 12, 72], ['delivered', 2, 9]];
  switch (kind) {
    case 'delivered': return [...first, ...abroad, ...cleared, ...last];
    case 'customs_held': return [...first, ...abroad, ['customs_held', 6, 24], ['customs_released', 96, 240], ['in_transit_destination', 6, 30], ...last];
    case 'pickup': return [...first, ...abroad, ...cleared, ['out_for_delivery', 12, 72], ['failed_attempt', 2, 9], ['available_for_pickup', 12, 24], ['picked_up_by_customer', 24, 120]];
    case 'stalled': return [...first, ['arrived_hub', 96, 240]];
    case 'returned': return [...first, ...abroad, ...cleared, ['out_for_delivery', 12, 72], ['failed_attempt', 2, 9], ['returning', 72, 168], ['returned', 240, 480]];
    case 'lost': return [...first, ['arrived_hub', 96, 240], ['lost', 360, 600]];
    case 'damaged': return [...first, ...abroad, ...cleared, ['damaged', 12, 48]];
    case 'no_info': return [['expired', 720, 720]];
  }
}

export interface PlanOptions {
  count: number;
  seed?: number;
  startAt?: Date | string;
  mix?: Partial<Record<JourneyKind, number>>;
  /** numbers already used by the caller, never planned again */
  taken?: ReadonlySet<string>;
}

export function planJourneys(options: PlanOptions): Journey[] {
  const random = seededRandom(options.seed ?? 1);
  const start = new Date(options.startAt ?? Date.now()).getTime();
  const mix = options.mix ?? DEFAULT_MIX;
  const used = new Set(options.taken ?? []);
  const journeys: Journey[] = [];
  for (let i = 0; i < options.count; i++) {
    const carrier = pick(random, ['china-post', 'yunexpress', 'cainiao'] as const);
    let trackingNumber = trackingNumberFor(carrier, random);
    while (used.has(trackingNumber)) trackingNumber = trackingNumberFor(carrier, random);
    used.add(trackingNumber);
    const destination = pick(random, DESTINATIONS);
    const kind = pickKind(random, mix);
    const origin = pick(random, ORIGINS);
    const abroad = HUBS[destination];
    const town = pick(random, abroad.towns);
    let at = start;
    const steps = script(kind).map(([milestone, min, max]) => {
      // Whole minutes, and at least one minute apart, so the order by time is never ambiguous.
      at += Math.max(1, Math.round((min + random() * (max - min)) * 60)) * 60_000;
      return { at: new Date(at), milestone, place: placeOf(milestone, origin, destination, abroad, town) };
    });
    journeys.push({ trackingNumber, carrier, destination, kind, steps, expectedFinalStatus: EXPECTED[kind] });
  }
  return journeys;
}

function placeOf(milestone: Milestone, origin: Place, country: Destination, abroad: (typeof HUBS)[Destination], town: string): Place {
  if (['info_received', 'picked_up', 'departed_origin', 'expired'].includes(milestone)) return origin;
  if (['arrived_hub', 'customs_started', 'customs_held', 'customs_released', 'lost'].includes(milestone)) {
    return { city: abroad.hub, country, utcOffset: abroad.utcOffset };
  }
  if (milestone === 'returning' || milestone === 'returned') return milestone === 'returned' ? origin : { city: abroad.hub, country, utcOffset: abroad.utcOffset };
  return { city: town, country, utcOffset: abroad.utcOffset };
}

/** `2025-03-01T14:05:00+08:00`: the carrier's local time with its offset, as checkpoints carry it. */
export function localIso(at: Date, utcOffset: string): string {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [h, m] = utcOffset.slice(1).split(':').map(Number);
  const shifted = new Date(at.getTime() + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${utcOffset}`;
}
