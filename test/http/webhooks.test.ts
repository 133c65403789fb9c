import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../../src/http/errors.ts';
import { webhookRoutes } from '../../src/http/routes/webhooks.ts';
import type { WebhookSource } from '../../src/http/webhook-sources/types.ts';
import { processDelivery } from '../../src/modules/webhooks/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The shared inbound path, with a toy source signed like most platforms (base64 HMAC of the raw body).
const SECRET = 'whsec_test';
const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');
const toy: WebhookSource = {
  async verify(_ctx, { rawBody, headers }) {
    const given = headers['x-toy-signature'];
    if (typeof given !== 'string') return { ok: false, reason: 'missing X-Toy-Signature' };
    const expected = Buffer.from(sign(rawBody.toString('utf8')));
    if (expected.length !== Buffer.from(given).length || !timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'signature does not match the body' };
    return { ok: true, deliveryKey: String(headers['x-toy-delivery']), topic: 'toy/event', workspaceId: null, shopId: null };
  },
};

describe('inbound webhooks', () => {
  let t: TestApp;
  const app = Fastify();
  const send = (body: string, headers: Record<string, string>) => app.inject({ method: 'POST', url: '/webhooks/toy', payload: body, headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    t = await startTestApp();
    installErrorHandling(app);
    await app.register(webhookRoutes(t.ctx, { toy }), { prefix: '/webhooks' });
  });
  afterAll(async () => {
    await app.close();
    await t?.close();
  });

  it('refuses a wrong signature, a re-serialised body and missing headers with 401, storing nothing', async () => {
    const body = '{"id": 1,  "total": "10.00"}';
    expect((await send(body, { 'x-toy-signature': sign('{"id":2}'), 'x-toy-delivery': 'd1' })).statusCode).toBe(401);
    expect((await send(JSON.stringify(JSON.parse(body)), { 'x-toy-signature': sign(body), 'x-toy-delivery': 'd1' })).statusCode).toBe(401);
    const missing = await send(body, { 'x-toy-delivery': 'd1' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(await t.ctx.db.selectFrom('webhook_deliveries').selectAll().execute()).toEqual([]);
  });

  it('stores a delivery once however often it is sent, and processes it once', async () => {
    const body = '{"id": 1,  "total": "10.00"}';
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send(body, { 'x-toy-signature': sign(body), 'x-toy-delivery': 'd-42' })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json().duplicate === false)).toHaveLength(1);
    const rows = await t.ctx.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body.toString('utf8')).toBe(body); // the exact bytes, not a re-serialisation

    const seen: string[] = [];
    const handlers = { toy: async (d: { body: Buffer }) => void seen.push(d.body.toString()) };
    expect(await processDelivery(t.ctx, rows[0]!.id, handlers)).toBe('processed');
    expect(await processDelivery(t.ctx, rows[0]!.id, handlers)).toBe('already');
    expect(seen).toEqual([body]);
  });
});
