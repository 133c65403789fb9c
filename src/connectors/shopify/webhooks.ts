import { createHmac, timingSafeEqual } from 'node:crypto';

// Shopify signs each webhook with base64(HMAC-SHA256(app secret, raw body)). Verification must
// use the exact bytes received: a body that was parsed and re-serialised no longer matches.
// Newer "event" deliveries use the same header names without the `X-` prefix; both are accepted.

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export type ShopifyWebhookVerification =
  | { ok: true; topic: string; webhookId: string; shopDomain: string; apiVersion: string | null; eventId: string | null; triggeredAt: string | null; payload: unknown }
  | { ok: false; reason: string };

function header(headers: HeaderBag, name: string): string | null {
  const lookup = (key: string): string | null => {
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(key);
    const bag = headers as Record<string, string | string[] | undefined>;
    const found = Object.keys(bag).find((k) => k.toLowerCase() === key);
    const value = found === undefined ? undefined : bag[found];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  return lookup(`x-shopify-${name}`) ?? lookup(`shopify-${name}`);
}

export function verifyShopifyWebhook(rawBody: Buffer | string, headers: HeaderBag, apiSecret: string): ShopifyWebhookVerification {
  if (!apiSecret) return { ok: false, reason: 'no_secret: the Shopify app secret is not configured' };
  const hmac = header(headers, 'hmac-sha256');
  const topic = header(headers, 'topic');
  const shopDomain = header(headers, 'shop-domain');
  const webhookId = header(headers, 'webhook-id');
  const missing = [!hmac && 'X-Shopify-Hmac-Sha256', !topic && 'X-Shopify-Topic', !shopDomain && 'X-Shopify-Shop-Domain', !webhookId && 'X-Shopify-Webhook-Id'].filter(Boolean);
  if (missing.length > 0 || !hmac || !topic || !shopDomain || !webhookId) return { ok: false, reason: `missing_headers: ${missing.join(', ')}` };
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  if (body.length === 0) return { ok: false, reason: 'missing_body' };
  const expected = createHmac('sha256', apiSecret).update(body).digest();
  const given = Buffer.from(hmac, 'base64');
  // Compare fixed-length digests in constant time; a wrong-length header is simply invalid.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid_hmac' };
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  return {
    ok: true, topic, webhookId, shopDomain, payload,
    apiVersion: header(headers, 'api-version'), eventId: header(headers, 'event-id'), triggeredAt: header(headers, 'triggered-at'),
  };
}
