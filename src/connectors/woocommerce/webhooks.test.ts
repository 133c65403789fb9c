import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../../sandbox/woocommerce/index.ts';
import { verifyWooCommerceWebhook } from './webhooks.ts';

// Real deliveries from the simulator, captured as raw bytes by a plain HTTP receiver.

let sandbox: WooCommerceSandbox;
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];

beforeAll(async () => {
  sandbox = await startWooCommerceSandbox({ seedOrders: 5, seed: 3 });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  await sandbox.registerWebhook(`http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhooks/woocommerce`, 'order.updated');
  const order = sandbox.orders()[0]!;
  order.billing.first_name = 'Léa'; // non-ASCII, escaped as \u00e9 by wp_json_encode
  sandbox.emitWebhook('order.updated', order.id);
  await sandbox.webhooks.idle();
});
afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});

const ping = () => received[0]!;
const delivery = () => received[1]!;

describe('verifyWooCommerceWebhook', () => {
  it('accepts a genuine delivery and says what it is', () => {
    const result = verifyWooCommerceWebhook(delivery().body, delivery().headers, sandbox.webhookSecret);
    expect(result).toMatchObject({ ok: true, topic: 'order.updated', resource: 'order', event: 'updated', webhookId: '1', source: `${sandbox.url}/` });
    if (!result.ok || result.ping) throw new Error('expected a delivery');
    expect((result.payload as { billing: { first_name: string } }).billing.first_name).toBe('Léa');
    expect(result.deliveryKey).toMatch(/^1:[0-9a-f]{32}:[0-9a-f]{16}$/);
  });

  it('refuses a wrong secret, a tampered body and a re-serialised body', () => {
    const { body, headers } = delivery();
    expect(verifyWooCommerceWebhook(body, headers, 'not-the-secret')).toEqual({ ok: false, reason: 'invalid_signature' });
    expect(verifyWooCommerceWebhook(Buffer.from(body.toString().replace('"status":"', '"status":"x')), headers, sandbox.webhookSecret)).toEqual({ ok: false, reason: 'invalid_signature' });
    const reserialised = JSON.stringify(JSON.parse(body.toString()));
    expect(reserialised).not.toBe(body.toString());
    expect(verifyWooCommerceWebhook(reserialised, headers, sandbox.webhookSecret)).toEqual({ ok: false, reason: 'invalid_signature' });
    expect(verifyWooCommerceWebhook(body, { ...headers, 'x-wc-webhook-signature': 'AAAA' }, sandbox.webhookSecret)).toEqual({ ok: false, reason: 'invalid_signature' });
  });

  it('refuses deliveries missing headers', () => {
    const { body, headers } = delivery();
    const without = (name: string) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
    expect(verifyWooCommerceWebhook(body, without('x-wc-webhook-topic'), sandbox.webhookSecret)).toEqual({ ok: false, reason: 'missing_headers: X-WC-Webhook-Topic' });
    expect(verifyWooCommerceWebhook(body, without('x-wc-webhook-signature'), sandbox.webhookSecret)).toEqual({ ok: false, reason: 'missing_headers: X-WC-Webhook-Signature' });
    expect(verifyWooCommerceWebhook(body, headers, '')).toMatchObject({ ok: false });
  });

  it('recognises the creation ping only in its exact form', () => {
    expect(ping().body.toString()).toBe('webhook_id=1');
    expect(verifyWooCommerceWebhook(ping().body, ping().headers, sandbox.webhookSecret)).toEqual({ ok: true, ping: true, webhookId: '1' });
    expect(verifyWooCommerceWebhook('webhook_id=1&topic=order.updated', ping().headers, sandbox.webhookSecret)).toMatchObject({ ok: false });
    expect(verifyWooCommerceWebhook('{"webhook_id":1}', { 'content-type': 'application/json' }, sandbox.webhookSecret)).toMatchObject({ ok: false });
    expect(verifyWooCommerceWebhook('webhook_id=1', { 'content-type': 'application/json' }, sandbox.webhookSecret)).toMatchObject({ ok: false });
  });

  it('a refund arrives as order.updated carrying the refund', async () => {
    const order = sandbox.orders().find((o) => o.paymentMethod === 'stripe' && o.status === 'processing')!;
    const auth = `Basic ${Buffer.from(`${sandbox.consumerKey}:${sandbox.consumerSecret}`).toString('base64')}`;
    const before = received.length;
    const response = await fetch(`${sandbox.apiUrl}/orders/${order.id}/refunds`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ amount: '1.00', reason: 'r' }) });
    expect(response.status).toBe(201);
    await sandbox.webhooks.idle();
    const last = received.at(-1)!;
    expect(received.length).toBe(before + 1);
    const result = verifyWooCommerceWebhook(last.body, last.headers, sandbox.webhookSecret);
    expect(result).toMatchObject({ ok: true, topic: 'order.updated', payload: { id: order.id, refunds: [{ total: '-1.00', reason: 'r' }] } });
  });
});
