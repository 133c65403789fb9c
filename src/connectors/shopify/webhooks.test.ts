import '@shopify/shopify-api/adapters/node';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../../sandbox/shopify/index.ts';
import { shopifyOrderToExternal } from './mapping.ts';
import { verifyShopifyWebhook } from './webhooks.ts';

interface Captured { body: string; headers: IncomingHttpHeaders }

let sandbox: ShopifySandbox;
let receiver: Server;
const captured: Captured[] = [];
/** Each test may replace this to inspect the raw request (shopify-api wants the live req/res). */
let onRequest: ((req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>) | null = null;

beforeAll(async () => {
  sandbox = await startShopifySandbox({ seedOrders: 5, apiSecret: 'hush-app-secret', webhookRetryDelaysMs: [10, 20] });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({ body, headers: req.headers });
      if (onRequest) void onRequest(req, res, body);
      else res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox.subscribeWebhook(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/shopify`);
});

afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => receiver.close(resolve));
});

async function deliverOne(): Promise<Captured> {
  const before = captured.length;
  const order = sandbox.orders()[0]!;
  sandbox.emitWebhook('orders/updated', order.id);
  await sandbox.webhooks.idle();
  const got = captured[before];
  if (!got) throw new Error('no webhook captured');
  return got;
}

describe('webhooks the simulator sends', () => {
  it('are accepted by the official @shopify/shopify-api validator, and a tampered body is rejected', async () => {
    const shopify = shopifyApi({
      apiKey: 'recoup-test', apiSecretKey: sandbox.apiSecret, scopes: ['read_orders'], hostName: 'localhost:3000',
      apiVersion: ApiVersion.January25, isEmbeddedApp: false, logger: { level: LogSeverity.Error },
    });
    const results: unknown[] = [];
    onRequest = async (req, res, body) => {
      const tamper = results.length === 1;
      const rawBody = tamper ? body.replace(/"name":"#(\d+)"/, '"name":"#9$1"') : body;
      results.push(await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res }));
      res.writeHead(200).end();
    };
    await deliverOne();
    await deliverOne();
    onRequest = null;
    expect(results[0]).toMatchObject({ valid: true, topic: 'ORDERS_UPDATED', domain: sandbox.shopDomain, apiVersion: '2025-01' });
    expect(results[1]).toMatchObject({ valid: false, reason: 'invalid_hmac' });
  });

  it('verifyShopifyWebhook accepts the genuine delivery and returns its identity', async () => {
    const { body, headers } = await deliverOne();
    const result = verifyShopifyWebhook(Buffer.from(body), headers, sandbox.apiSecret);
    expect(result).toMatchObject({ ok: true, topic: 'orders/updated', shopDomain: sandbox.shopDomain, webhookId: headers['x-shopify-webhook-id'] });
    if (!result.ok) throw new Error('unreachable');
    expect(shopifyOrderToExternal(result.payload).orderNumber).toBe(sandbox.orders()[0]!.name);
  });

  it('verifyShopifyWebhook rejects a wrong secret, a re-serialised body and missing headers', async () => {
    const { body, headers } = await deliverOne();
    expect(verifyShopifyWebhook(body, headers, 'another-secret')).toEqual({ ok: false, reason: 'invalid_hmac' });
    const reserialised = JSON.stringify(JSON.parse(body), null, 2);
    expect(verifyShopifyWebhook(reserialised, headers, sandbox.apiSecret)).toEqual({ ok: false, reason: 'invalid_hmac' });
    const compact = JSON.stringify(JSON.parse(body));
    expect(compact === body || verifyShopifyWebhook(compact, headers, sandbox.apiSecret).ok === false).toBe(true);
    const { ['x-shopify-hmac-sha256']: _h, ...noHmac } = headers;
    expect(verifyShopifyWebhook(body, noHmac, sandbox.apiSecret)).toMatchObject({ ok: false, reason: expect.stringContaining('X-Shopify-Hmac-Sha256') });
    const { ['x-shopify-topic']: _t, ...noTopic } = headers;
    expect(verifyShopifyWebhook(body, noTopic, sandbox.apiSecret)).toMatchObject({ ok: false, reason: expect.stringContaining('X-Shopify-Topic') });
    expect(verifyShopifyWebhook(body, { ...headers, 'x-shopify-hmac-sha256': 'short' }, sandbox.apiSecret)).toEqual({ ok: false, reason: 'invalid_hmac' });
  });

  it('carries every X-Shopify header and keeps the webhook id across retries', async () => {
    let calls = 0;
    onRequest = async (_req, res) => {
      calls++;
      res.writeHead(calls === 1 ? 500 : 200).end();
    };
    const before = captured.length;
    const { webhookId } = sandbox.emitWebhook('orders/updated', sandbox.orders()[1]!.id);
    await sandbox.webhooks.idle();
    onRequest = null;
    const attempts = captured.slice(before);
    expect(attempts).toHaveLength(2);
    for (const a of attempts) {
      expect(a.headers['x-shopify-webhook-id']).toBe(webhookId);
      for (const h of ['topic', 'hmac-sha256', 'shop-domain', 'api-version', 'event-id', 'triggered-at']) expect(a.headers[`x-shopify-${h}`]).toBeTruthy();
    }
  });
});
