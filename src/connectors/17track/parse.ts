// 17TRACK `track_info` (gettrackinfo and webhooks) → Recoup tracking events. Events carry a
// sub_status (v2.4) or only a stage (v2.2); the latest one always takes `latest_status`, and a
// status with no event behind it (Expired, NotFound_InvalidCode) becomes an event of its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { from17Track } from '../tracking-status/index.ts';
import type { ExternalTrackingEvent } from '../types.ts';
import { headerValue } from '../pacing.ts';

const text = z.string().nullish();
const EventSchema = z.looseObject({ time_iso: text, time_utc: text, description: text, location: text, stage: text, sub_status: text });
const TrackInfoSchema = z.looseObject({
  latest_status: z.looseObject({ status: z.string(), sub_status: text }).nullish(),
  latest_event: EventSchema.nullish(),
  tracking: z.looseObject({
    providers: z.array(z.looseObject({ provider: z.looseObject({ key: z.number().nullish(), name: text }).nullish(), events: z.array(EventSchema).nullish() })).nullish(),
  }).nullish(),
});
export const ItemSchema = z.looseObject({ number: z.string(), carrier: z.number().nullish(), tag: text, track_info: TrackInfoSchema.nullish() });
const WebhookSchema = z.looseObject({ event: z.string(), data: ItemSchema });
export type SeventeenTrackItem = z.infer<typeof ItemSchema>;

const STAGE_SUB_STATUS: Record<string, string> = {
  InfoReceived: 'InfoReceived', PickedUp: 'InTransit_PickedUp', Departure: 'InTransit_Departure', Arrival: 'InTransit_Arrival',
  AvailableForPickup: 'AvailableForPickup_Other', OutForDelivery: 'OutForDelivery_Other', Delivered: 'Delivered_Other',
  Returning: 'Exception_Returning', Returned: 'Exception_Returned',
};
const mainOf = (subStatus: string) => subStatus.split('_')[0]!;

function toUtcIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function parse17TrackItem(item: SeventeenTrackItem, now: () => Date = () => new Date()): ExternalTrackingEvent[] {
  const info = item.track_info;
  const latest = info?.latest_status ?? null;
  const latestAt = toUtcIso(info?.latest_event?.time_utc ?? info?.latest_event?.time_iso);
  const seen = new Set<string>();
  const events: ExternalTrackingEvent[] = [];
  for (const provider of info?.tracking?.providers ?? []) {
    const carrier = provider.provider?.name ?? (item.carrier != null ? String(item.carrier) : null);
    for (const event of provider.events ?? []) {
      const occurredAt = toUtcIso(event.time_utc ?? event.time_iso);
      if (!occurredAt) continue;
      const isLatest = latest && occurredAt === latestAt && event.description === info?.latest_event?.description;
      const sub = event.sub_status ?? (isLatest ? latest.sub_status : null) ?? (event.stage ? STAGE_SUB_STATUS[event.stage] : null) ?? null;
      // Without sub-status or stage an event says only that the parcel moved.
      const mapped = sub ? from17Track(mainOf(sub), sub) : from17Track('InTransit', null);
      const description = event.description ?? mapped.rawSubstatus ?? mapped.rawStatus;
      const key = `${occurredAt}|${description}`;
      if (seen.has(key)) continue; // the same scan relayed by two providers
      seen.add(key);
      events.push({ trackingNumber: item.number, carrier, occurredAt, status: mapped.status, rawStatus: mapped.rawStatus, rawSubstatus: mapped.rawSubstatus, description, location: event.location ?? null, raw: event });
    }
  }
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const last = events.at(-1);
  if (latest) {
    const mapped = from17Track(latest.status, latest.sub_status);
    // Pending gets no event (a parcel without events is pending), see the AfterShip parser.
    if (mapped.status !== 'pending' && (!last || last.rawSubstatus !== mapped.rawSubstatus)) {
      events.push({
        trackingNumber: item.number,
        carrier: last?.carrier ?? (item.carrier != null ? String(item.carrier) : null),
        // 17TRACK gives no time for a status change without a scan: just after the last scan.
        occurredAt: last ? new Date(Date.parse(last.occurredAt) + 1000).toISOString() : now().toISOString(),
        status: mapped.status,
        rawStatus: mapped.rawStatus,
        rawSubstatus: mapped.rawSubstatus,
        description: mapped.rawSubstatus ?? mapped.rawStatus,
        location: null,
        raw: latest,
      });
    }
  }
  return events;
}

export type WebhookVerification =
  | { ok: true; events: ExternalTrackingEvent[]; deliveryKey: string; event: string }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'invalid_payload' };

/**
 * Checks `sign` = hex(sha256(raw body + "/" + key)) in constant time (a plain hash, not an HMAC,
 * as 17TRACK documents it; the key is the account's API key). Pass the body exactly as received.
 */
export function verify17TrackWebhook(
  rawBody: string | Buffer,
  headers: Headers | Record<string, string | string[] | undefined>,
  secret: string,
  options: { now?: () => Date } = {},
): WebhookVerification {
  const given = headerValue(headers, 'sign');
  if (!given) return { ok: false, reason: 'missing_signature' };
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = createHash('sha256').update(Buffer.concat([body, Buffer.from(`/${secret}`, 'utf8')])).digest();
  const received = Buffer.from(given.trim().toLowerCase(), 'hex');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'bad_signature' };
  const parsed = parseWebhookJson(body);
  if (!parsed) return { ok: false, reason: 'invalid_payload' };
  const { event, data } = parsed;
  return { ok: true, events: parse17TrackItem(data, options.now), deliveryKey: deliveryKeyOf(event, data), event };
}

function parseWebhookJson(body: Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = WebhookSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const EddSchema = z.looseObject({
  track_info: z.looseObject({ time_metrics: z.looseObject({ estimated_delivery_date: z.looseObject({ from: text, to: text }).nullish() }).nullish() }).nullish(),
});

/** The delivery estimate (`time_metrics.estimated_delivery_date`, its later bound) of an item. */
export function seventeenTrackEstimate(item: unknown): string | null {
  const edd = EddSchema.safeParse(item);
  const range = edd.success ? edd.data.track_info?.time_metrics?.estimated_delivery_date : null;
  return toUtcIso(range?.to ?? range?.from);
}

/**
 * Reads a push that was verified when it arrived (and stored). `now` dates a status that has no
 * scan behind it: pass the time the push was received so a re-read gives the same event.
 */
export function read17TrackWebhook(rawBody: string | Buffer, now: () => Date): { events: ExternalTrackingEvent[]; trackingNumber: string; estimatedDelivery: string | null } | null {
  const parsed = parseWebhookJson(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
  if (!parsed) return null;
  return { events: parse17TrackItem(parsed.data, now), trackingNumber: parsed.data.number, estimatedDelivery: seventeenTrackEstimate(parsed.data) };
}

/** Same number in the same state → same key: retried and duplicated pushes collapse. */
function deliveryKeyOf(event: string, item: SeventeenTrackItem): string {
  const info = item.track_info;
  const state = [
    info?.latest_status?.status ?? null,
    info?.latest_status?.sub_status ?? null,
    (info?.tracking?.providers ?? []).map((p) => (p.events ?? []).map((e) => [e.time_utc ?? e.time_iso ?? null, e.description ?? null, e.sub_status ?? e.stage ?? null])),
  ];
  const digest = createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 24);
  return `17track:${event}:${item.number}:${item.carrier ?? 'auto'}:${digest}`;
}
