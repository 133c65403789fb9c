import { createHmac, timingSafeEqual } from 'node:crypto';

// WooCommerce's REST authentication (WC_REST_Authentication). Over HTTPS a key pair comes as HTTP
// Basic or as `consumer_key`/`consumer_secret` query parameters; over plain HTTP it must be a
// one-legged OAuth 1.0a signature (HMAC-SHA1/256 of the request, secret = "<consumer_secret>&").
// The simulator serves plain HTTP on loopback and accepts all three, so both our fetch connector
// (Basic) and the official JS client (which signs with OAuth whenever the URL is http://) work.

export interface AuthFailure { code: string; message: string }
export type AuthOutcome = { ok: true } | { ok: false; anonymous: true } | { ok: false; anonymous: false; error: AuthFailure };

export interface AuthInput {
  method: string;
  /** path and query exactly as received */
  url: string;
  host: string;
  authorization: string | undefined;
}

const fail = (message: string, code = 'woocommerce_rest_authentication_error'): AuthOutcome => ({ ok: false, anonymous: false, error: { code, message } });

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** RFC 3986 encoding, as PHP's rawurlencode does it. */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export class WooAuth {
  private readonly nonces = new Map<string, number>();

  constructor(private readonly consumerKey: string, private readonly consumerSecret: string, private readonly now: () => number = Date.now) {}

  check(input: AuthInput): AuthOutcome {
    const query = new URLSearchParams(input.url.includes('?') ? input.url.slice(input.url.indexOf('?') + 1) : '');
    const basic = /^Basic\s+(.+)$/i.exec(input.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return this.pair(colon < 0 ? decoded : decoded.slice(0, colon), colon < 0 ? '' : decoded.slice(colon + 1));
    }
    if (query.has('consumer_key') || query.has('consumer_secret')) return this.pair(query.get('consumer_key') ?? '', query.get('consumer_secret') ?? '');
    if (query.has('oauth_consumer_key')) return this.oauth(input, query);
    return { ok: false, anonymous: true };
  }

  private pair(key: string, secret: string): AuthOutcome {
    if (!same(key, this.consumerKey)) return fail('Consumer key is invalid.');
    if (!same(secret, this.consumerSecret)) return fail('Consumer secret is invalid.');
    return { ok: true };
  }

  private oauth(input: AuthInput, query: URLSearchParams): AuthOutcome {
    for (const name of ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method']) {
      if (!query.get(name)) return fail(`Missing OAuth parameter ${name}`, 'woocommerce_rest_authentication_missing_parameter');
    }
    if (!same(query.get('oauth_consumer_key')!, this.consumerKey)) return fail('Consumer key is invalid.');
    const method = query.get('oauth_signature_method')!;
    if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') return fail('Invalid signature - signature method is invalid.');
    // A "+" in the signature may have arrived as a space after form decoding; WooCommerce undoes that too.
    const given = query.get('oauth_signature')!.replace(/ /g, '+');
    // PHP's $_GET keeps one value per name (the last); the JS client repeats URL params, so must we collapse them.
    const params = new Map([...query.entries()].filter(([k]) => k !== 'oauth_signature'));
    const pairs = [...params.entries()].map(([k, v]) => [rfc3986(k), rfc3986(v)] as const);
    pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    const path = input.url.split('?')[0]!;
    const base = `${input.method.toUpperCase()}&${rfc3986(`http://${input.host}${path}`)}&${rfc3986(pairs.map(([k, v]) => `${k}=${v}`).join('&'))}`;
    const expected = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${this.consumerSecret}&`).update(base).digest('base64');
    if (!same(given, expected)) return fail('Invalid signature - provided signature does not match.');
    const timestamp = Number(query.get('oauth_timestamp'));
    const nowSeconds = Math.floor(this.now() / 1000);
    if (!Number.isFinite(timestamp) || timestamp < nowSeconds - 15 * 60) return fail('Invalid timestamp.');
    const nonce = query.get('oauth_nonce')!;
    for (const [n, at] of this.nonces) if (at < nowSeconds - 15 * 60) this.nonces.delete(n);
    if (this.nonces.has(nonce)) return fail('Invalid nonce - nonce has already been used.');
    this.nonces.set(nonce, timestamp);
    return { ok: true };
  }
}

/** What WordPress answers a request without credentials: the route's permission check fails. */
export function anonymousError(method: string, single: boolean): AuthFailure {
  if (method === 'POST') return { code: 'woocommerce_rest_cannot_create', message: 'Sorry, you are not allowed to create resources.' };
  if (method === 'PUT' || method === 'PATCH') return { code: 'woocommerce_rest_cannot_edit', message: 'Sorry, you are not allowed to edit this resource.' };
  if (method === 'DELETE') return { code: 'woocommerce_rest_cannot_delete', message: 'Sorry, you are not allowed to delete this resource.' };
  return single
    ? { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot view this resource.' }
    : { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' };
}
