import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import WooModule from '@woocommerce/woocommerce-rest-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooCommerceSandbox, type WooCommerceSandbox } from './index.ts';

// The package is CommonJS with an ESM build; depending on the loader its class is the default or the default's default.
const WooCommerceRestApi = ((WooModule as unknown as { default?: typeof WooModule }).default ?? WooModule) as unknown as typeof WooModule.default;

// The simulator against clients nobody here wrote: the official JS client (OAuth 1.0a over
// http://) and plain fetch, plus its webhooks against a real HTTP receiver.

let sandbox: WooCommerceSandbox;
beforeAll(async () => {
  sandbox = await startWooCommerceSandbox({ seedOrders: 57, seed: 7, webhookRetryDelaysMs: [50, 50] });
});
afterAll(async () => sandbox.close());

const basic = () => `Basic ${Buffer.from(`${sandbox.consumerKey}:${sandbox.consumerSecret}`).toString('base64')}`;

describe('REST API', () => {
  it('serves orders to the official @woocommerce/woocommerce-rest-api client with paging headers', async () => {
    const api = new WooCommerceRestApi({ url: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, version: 'wc/v3' });
    const first = await api.get('orders', { per_page: 20, orderby: 'id', order: 'asc' });
    expect(first.status).toBe(200);
    expect(first.headers['x-wp-total']).toBe('57');
    expect(first.headers['x-wp-totalpages']).toBe('3');
    expect(first.headers.link).toContain('rel="next"');
    const ids: number[] = first.data.map((o: any) => o.id);
    for (let page = 2; page <= 3; page++) ids.push(...(await api.get('orders', { per_page: 20, page, orderby: 'id', order: 'asc' })).data.map((o: any) => o.id));
    expect(ids).toEqual(sandbox.orders().map((o) => o.id).sort((a, b) => a - b));
    const one = (await api.get(`orders/${ids[0]}`)).data;
    expect(one.total).toMatch(/^\d+\.\d{2}$/);
    expect(one.date_created_gmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('refuses a wrongly signed OAuth request and a replayed nonce', async () => {
    const api = new WooCommerceRestApi({ url: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: 'cs_wrong', version: 'wc/v3' });
    const error = await api.get('orders').catch((e: any) => e.response);
    expect(error.status).toBe(401);
    expect(error.data).toEqual({ code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match.', data: { status: 401 } });
  });

  it('answers auth failures with WooCommerce codes: bad key, bad secret, no credentials', async () => {
    const get = (headers: Record<string, string>, query = '') => fetch(`${sandbox.apiUrl}/orders${query}`, { headers }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await get({ authorization: `Basic ${Buffer.from('ck_nope:cs_nope').toString('base64')}` })).toEqual({ status: 401, body: { code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.', data: { status: 401 } } });
    expect((await get({}, `?consumer_key=${sandbox.consumerKey}&consumer_secret=wrong`)).body.message).toBe('Consumer secret is invalid.');
    expect(await get({})).toEqual({ status: 401, body: { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } } });
    expect((await get({}, `?consumer_key=${sandbox.consumerKey}&consumer_secret=${sandbox.consumerSecret}&per_page=1`)).status).toBe(200);
  });

  it('validates arguments and unknown ids the way WordPress does', async () => {
    const get = (path: string) => fetch(`${sandbox.apiUrl}${path}`, { headers: { authorization: basic() } }).then(async (r) => ({ status: r.status, body: await r.json() as any }));
    const big = await get('/orders?per_page=101');
    expect(big.status).toBe(400);
    expect(big.body.code).toBe('rest_invalid_param');
    expect((await get('/orders/1')).body).toEqual({ code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
    expect((await get('/nothing')).body.code).toBe('rest_no_route');
  });

  it('refuses a refund above what is left with HTTP 500 and woocommerce_rest_cannot_create_order_refund, creating nothing', async () => {
    const order = sandbox.orders().find((o) => o.status === 'processing' && o.paymentMethod === 'stripe')!;
    const response = await fetch(`${sandbox.apiUrl}/orders/${order.id}/refunds`, {
      method: 'POST', headers: { authorization: basic(), 'content-type': 'application/json' },
      body: JSON.stringify({ amount: ((order.totalMinor + 1) / 100).toFixed(2), reason: 'too much' }),
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 'woocommerce_rest_cannot_create_order_refund', message: 'Invalid refund amount.', data: 500 });
    expect(sandbox.refunds(order.id)).toHaveLength(0);
  });

  it('counts requests and throttles above the configured rate with 429 + Retry-After', async () => {
    const limited = await startWooCommerceSandbox({ seedOrders: 1, rateLimitPerSecond: 3 });
    try {
      const statuses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${limited.apiUrl}/orders`, { headers: { authorization: `Basic ${Buffer.from(`${limited.consumerKey}:${limited.consumerSecret}`).toString('base64')}` } })
        .then(async (r) => [r.status, r.headers.get('retry-after'), await r.text()] as const)));
      expect(statuses.filter(([s]) => s === 200)).toHaveLength(3);
      expect(statuses.filter(([s, after]) => s === 429 && after === '1')).toHaveLength(2);
      expect(limited.stats()).toMatchObject({ requests: 5, throttled: 2, maxObservedRate: 3 });
    } finally {
      await limited.close();
    }
  });
});

describe('webhooks', () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = failNext-- > 0 ? 500 : 200;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  it('pings on creation with a form body, then signs deliveries with base64 HMAC-SHA256 of the raw body', async () => {
    const { webhook, ping } = await sandbox.registerWebhook(receiverUrl, 'order.updated');
    expect(ping.status).toBe(200);
    expect(received[0]!.body).toBe(`webhook_id=${webhook.id}`);
    expect(received[0]!.headers['x-wc-webhook-signature']).toBeUndefined();

    const order = sandbox.orders()[3]!;
    sandbox.emitWebhook('order.updated', order.id);
    await sandbox.webhooks.idle();
    const delivery = received.at(-1)!;
    expect(delivery.headers['x-wc-webhook-signature']).toBe(createHmac('sha256', sandbox.webhookSecret).update(delivery.body).digest('base64'));
    expect(delivery.headers).toMatchObject({
      'x-wc-webhook-topic': 'order.updated', 'x-wc-webhook-resource': 'order', 'x-wc-webhook-event': 'updated',
      'x-wc-webhook-id': String(webhook.id), 'x-wc-webhook-source': `${sandbox.url}/`, 'content-type': 'application/json',
    });
    expect(delivery.headers['x-wc-webhook-delivery-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(delivery.body).toContain('\\/wp-json\\/wc\\/v3\\/orders'); // wp_json_encode escapes slashes
    expect(JSON.parse(delivery.body).id).toBe(order.id);
  });

  it('retries failed deliveries, duplicates on demand, and releases held deliveries out of order', async () => {
    const before = received.length;
    failNext = 1;
    const order = sandbox.orders()[5]!;
    sandbox.emitWebhook('order.updated', order.id, { duplicate: 1 });
    await sandbox.webhooks.idle();
    expect(received.length - before).toBe(3); // one failed + its retry + the duplicate
    sandbox.webhooks.hold();
    sandbox.emitWebhook('order.updated', sandbox.orders()[6]!.id);
    sandbox.emitWebhook('order.updated', sandbox.orders()[7]!.id);
    sandbox.webhooks.release({ reverse: true });
    await sandbox.webhooks.idle();
    expect(received.slice(-2).map((r) => JSON.parse(r.body).id)).toEqual([sandbox.orders()[7]!.id, sandbox.orders()[6]!.id]);
  });
});
