// AfterShip Tracking objects and webhooks → Recoup tracking events. Every checkpoint becomes one
// event; the tracking-level tag becomes one more when no checkpoint carries it (Expired,
// mark-as-completed), so the latest event by time is always the parcel's current status.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fromAfterShip } from '../tracking-status/index.ts';
import type { ExternalTrackingEvent } from '../types.ts';
import { headerValue } from '../pacing.ts';

const text = z.string().nullish();
const CheckpointSchema = z.looseObject({
  checkpoint_time: text, created_at: text, slug: text, location: text, city: text, state: text,
  country_region: text, country_region_name: text, message: text, tag: text, subtag: text, subtag_message: text,
});
export const TrackingSchema = z.looseObject({
  id: z.string(), tracking_number: z.string(), slug: text, tag: z.string(), subtag: text, subtag_message: text,
  created_at: text, updated_at: text, checkpoints: z.array(CheckpointSchema).nullish(),
});
const WebhookSchema = z.looseObject({ event: z.string(), event_id: text, ts: z.number().nullish(), msg: TrackingSchema });
export type AfterShipTracking = z.infer<typeof TrackingSchema>;

/** Checkpoint times are carrier local time, sometimes without an offset; those are read as UTC. */
function toUtcIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const at = new Date(withZone);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function parseAfterShipTracking(tracking: AfterShipTracking, now: () => Date = () => new Date()): ExternalTrackingEvent[] {
  const carrier = tracking.slug ?? null;
  const events: ExternalTrackingEvent[] = [];
  for (const checkpoint of tracking.checkpoints ?? []) {
    const occurredAt = toUtcIso(checkpoint.checkpoint_time) ?? toUtcIso(checkpoint.created_at);
    if (!occurredAt) continue;
    const mapped = fromAfterShip(checkpoint.tag ?? tracking.tag, checkpoint.subtag);
    const place = checkpoint.location ?? ([checkpoint.city, checkpoint.country_region_name ?? checkpoint.country_region].filter(Boolean).join(', ') || null);
    events.push({
      trackingNumber: tracking.tracking_number,
      carrier: checkpoint.slug ?? carrier,
      occurredAt,
      status: mapped.status,
      rawStatus: mapped.rawStatus,
      rawSubstatus: mapped.rawSubstatus,
      description: checkpoint.message ?? checkpoint.subtag_message ?? mapped.rawStatus,
      location: place,
      raw: checkpoint,
    });
  }
  events.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const last = events.at(-1);
  const mapped = fromAfterShip(tracking.tag, tracking.subtag);
  // No event for Pending: a parcel without events is pending anyway, and a dated "pending" could
  // outrank checkpoints the carrier scanned before the number was registered.
  if (mapped.status !== 'pending' && (!last || last.rawStatus !== tracking.tag || last.rawSubstatus !== (tracking.subtag ?? null))) {
    const at = toUtcIso(tracking.updated_at) ?? toUtcIso(tracking.created_at) ?? now().toISOString();
    events.push({
      trackingNumber: tracking.tracking_number,
      carrier,
      occurredAt: last && Date.parse(at) < Date.parse(last.occurredAt) ? last.occurredAt : at,
      status: mapped.status,
      rawStatus: mapped.rawStatus,
      rawSubstatus: mapped.rawSubstatus,
      description: tracking.subtag_message ?? tracking.tag,
      location: null,
      raw: { tag: tracking.tag, subtag: tracking.subtag, subtag_message: tracking.subtag_message, updated_at: tracking.updated_at },
    });
  }
  return events;
}

export type WebhookVerification =
  | { ok: true; events: ExternalTrackingEvent[]; deliveryKey: string; event: string; eventId: string | null }
  | { ok: false; reason: 'missing_signature' | 'bad_signature' | 'invalid_payload' };

/**
 * Checks `aftership-hmac-sha256` = base64(HMAC-SHA256(secret, raw body)) in constant time, then
 * parses. Pass the body exactly as received: re-serialised JSON does not verify.
 */
export function verifyAfterShipWebhook(
  rawBody: string | Buffer,
  headers: Headers | Record<string, string | string[] | undefined>,
  secret: string,
): WebhookVerification {
  const given = headerValue(headers, 'aftership-hmac-sha256');
  if (!given) return { ok: false, reason: 'missing_signature' };
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const received = Buffer.from(given.trim(), 'base64');
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'bad_signature' };
  const parsed = parseWebhookJson(rawBody);
  if (!parsed) return { ok: false, reason: 'invalid_payload' };
  const { event, event_id, msg } = parsed;
  return { ok: true, events: parseAfterShipTracking(msg), deliveryKey: deliveryKeyOf(event, msg), event, eventId: event_id ?? null };
}

function parseWebhookJson(rawBody: string | Buffer) {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = WebhookSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const EddSchema = z.looseObject({
  aftership_estimated_delivery_date: z.looseObject({ estimated_delivery_date: text }).nullish(),
  latest_estimated_delivery: z.looseObject({ datetime: text, datetime_max: text }).nullish(),
  courier_estimated_delivery_date: z.looseObject({ estimated_delivery_date: text, estimated_delivery_date_max: text }).nullish(),
});

/** The newest delivery estimate a Tracking carries (latest EDD, AfterShip's, then the carrier's). */
export function afterShipEstimate(tracking: unknown): string | null {
  const edd = EddSchema.safeParse(tracking);
  if (!edd.success) return null;
  const d = edd.data;
  return toUtcIso(d.latest_estimated_delivery?.datetime_max ?? d.latest_estimated_delivery?.datetime ?? d.aftership_estimated_delivery_date?.estimated_delivery_date ?? d.courier_estimated_delivery_date?.estimated_delivery_date_max ?? d.courier_estimated_delivery_date?.estimated_delivery_date);
}

/**
 * Reads a webhook body that was verified when it arrived (and stored): its events and estimate.
 * Null when the body is not an AfterShip tracking webhook.
 */
export function readAfterShipWebhook(rawBody: string | Buffer): { events: ExternalTrackingEvent[]; trackingNumber: string; estimatedDelivery: string | null } | null {
  const parsed = parseWebhookJson(rawBody);
  if (!parsed) return null;
  return { events: parseAfterShipTracking(parsed.msg), trackingNumber: parsed.msg.tracking_number, estimatedDelivery: afterShipEstimate(parsed.msg) };
}

/**
 * Same tracking in the same state → same key, whatever the event_id or key order: retries and
 * duplicate pushes collapse, while each newer (or older, out of order) state gets its own key.
 */
function deliveryKeyOf(event: string, tracking: AfterShipTracking): string {
  const state = [tracking.tag, tracking.subtag ?? null, tracking.updated_at ?? null, (tracking.checkpoints ?? []).map((c) => [c.checkpoint_time ?? null, c.subtag ?? null, c.message ?? null])];
  const digest = createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 24);
  return `aftership:${event}:${tracking.id}:${digest}`;
}
