import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// WooCommerce signs each delivery with base64(HMAC-SHA256(webhook secret, raw body)). Verify the
// exact bytes received: WooCommerce's JSON escapes "/" and non-ASCII, so a parsed and re-serialised
// body never matches. The creation ping is a form body `webhook_id=N` with no signature; it is
// recognised only in exactly that shape. X-WC-Webhook-Delivery-ID is wp_hash(webhook id . time()),
// so two different events in the same second can share it: `deliveryKey` adds the body digest.

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type WooCommerceWebhookVerification =
  | { ok: true; ping?: false; topic: string; resource: string | null; event: string | null; deliveryId: string; webhookId: string; source: string | null; deliveryKey: string; payload: unknown }
  | { ok: true; ping: true; webhookId: string }
  | { ok: false; reason: string };

function header(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const bag = headers as Record<string, string | string[] | undefined>;
  const found = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = found === undefined ? undefined : bag[found];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function verifyWooCommerceWebhook(rawBody: Buffer | string, headers: HeaderBag, secret: string): WooCommerceWebhookVerification {
  if (!secret) return { ok: false, reason: 'no_secret: the WooCommerce webhook secret is not configured' };
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const signature = header(headers, 'x-wc-webhook-signature');
  if (!signature) {
    // The ping proves nothing, so it is acknowledged and never processed; anything else unsigned is refused.
    const ping = /^webhook_id=(\d{1,20})$/.exec(body.toString('utf8'));
    const contentType = header(headers, 'content-type') ?? '';
    if (ping && (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded'))) return { ok: true, ping: true, webhookId: ping[1]! };
    return { ok: false, reason: 'missing_headers: X-WC-Webhook-Signature' };
  }
  const topic = header(headers, 'x-wc-webhook-topic');
  const deliveryId = header(headers, 'x-wc-webhook-delivery-id');
  const webhookId = header(headers, 'x-wc-webhook-id');
  const missing = [!topic && 'X-WC-Webhook-Topic', !deliveryId && 'X-WC-Webhook-Delivery-ID', !webhookId && 'X-WC-Webhook-ID'].filter(Boolean);
  if (missing.length > 0 || !topic || !deliveryId || !webhookId) return { ok: false, reason: `missing_headers: ${missing.join(', ')}` };
  if (body.length === 0) return { ok: false, reason: 'missing_body' };
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature, 'base64');
  // Fixed-length digests compared in constant time; a header of the wrong length is simply invalid.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid_signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  return {
    ok: true, topic, deliveryId, webhookId, payload,
    resource: header(headers, 'x-wc-webhook-resource'), event: header(headers, 'x-wc-webhook-event'), source: header(headers, 'x-wc-webhook-source'),
    deliveryKey: `${webhookId}:${deliveryId}:${createHash('sha256').update(body).digest('hex').slice(0, 16)}`,
  };
}
