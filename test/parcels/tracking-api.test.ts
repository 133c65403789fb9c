import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAfterShipSandbox, type AfterShipSandbox } from '../../sandbox/aftership/index.ts';
import { scanParcelTrouble } from '../../src/modules/parcels/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { batchWorkers } from './workers.ts';

// Webhooks through the real endpoint (signatures on the raw body, duplicates), settings, queues,
// templates and the "no SMTP_URL" path, against real PostgreSQL.

const SECRET = 'whsec-api';
const checkpoint = (at: string, tag: string, subtag: string, message: string) => ({ checkpoint_time: at, tag, subtag, message, location: 'Shenzhen, CN', slug: 'yunexpress' });
const afterShipBody = (number: string, checkpoints: ReturnType<typeof checkpoint>[]) =>
  JSON.stringify({ event: 'tracking_update', event_id: 'e', ts: 1, msg: { id: `id-${number}`, tracking_number: number, slug: 'yunexpress', tag: checkpoints.at(-1)!.tag, subtag: checkpoints.at(-1)!.subtag, updated_at: checkpoints.at(-1)!.checkpoint_time, checkpoints } });

describe('tracking through the API', () => {
  let t: TestApp;
  let sandbox: AfterShipSandbox;
  let runJobs: () => Promise<number>;
  let orderId: string;
  let parcelId: string;
  let path: string;
  const post = (url: string, body: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } });
  const count = async (table: 'webhook_deliveries' | 'tracking_events' | 'timeline_entries') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-01T09:00:00Z' }); // no SMTP_URL
    sandbox = await startAfterShipSandbox({ now: '2026-03-01T09:00:00Z' });
    runJobs = batchWorkers(t, 50);
    const order = await t.api('POST', '/api/v1/orders', { shopId: t.shopId, orderNumber: '#77', placedAt: '2026-02-27T10:00:00Z', currency: 'USD', customer: { email: 'ana@example.com', name: 'Ana' }, shippingCountry: 'FR', lines: [{ title: 'Lamp', quantity: 1, unitPriceMinor: 2500 }] });
    orderId = order.body.id;
    const parcel = await t.api('POST', `/api/v1/orders/${orderId}/parcels`, { trackingNumber: 'YT1234567890123456', carrier: 'yunexpress', shippedAt: '2026-02-28T10:00:00Z' });
    parcelId = parcel.body.parcelId;
    const connection = await t.api('PUT', '/api/v1/tracking/connections/aftership', { apiKey: sandbox.apiKey, webhookSecret: SECRET, baseUrl: sandbox.url });
    expect(connection.body).toMatchObject({ provider: 'aftership', hasWebhookSecret: true });
    expect(JSON.stringify(connection.body)).not.toContain(sandbox.apiKey);
    path = connection.body.webhookPath;
  });
  afterAll(async () => {
    await sandbox?.close();
    await t?.close();
  });

  it('refuses webhooks with a bad or missing signature and stores nothing', async () => {
    const body = afterShipBody('YT1234567890123456', [checkpoint('2026-02-28T12:00:00+08:00', 'InfoReceived', 'InfoReceived_001', 'Info received')]);
    const good = createHmac('sha256', SECRET).update(body).digest('base64');
    expect((await post(path, body, { 'aftership-hmac-sha256': createHmac('sha256', 'wrong').update(body).digest('base64') })).statusCode).toBe(401);
    expect((await post(path, body.replace('Info received', 'Info  received'), { 'aftership-hmac-sha256': good })).statusCode).toBe(401);
    expect((await post(path, body, {})).statusCode).toBe(401);
    expect((await post('/webhooks/17track', body, { sign: 'abc' })).statusCode).toBe(401); // no 17TRACK connection
    expect(await count('webhook_deliveries')).toBe(0);
  });

  it('applies a webhook once: duplicates and replays change nothing, late older events do not move the status back', async () => {
    const steps = [
      checkpoint('2026-02-28T12:00:00+08:00', 'InfoReceived', 'InfoReceived_001', 'Info received'),
      checkpoint('2026-03-01T08:00:00+08:00', 'InTransit', 'InTransit_002', 'Accepted'),
      checkpoint('2026-03-01T09:00:00+01:00', 'OutForDelivery', 'OutForDelivery_001', 'Out for delivery'),
    ];
    const send = async (n: number) => {
      const body = afterShipBody('YT1234567890123456', steps.slice(0, n));
      const response = await post(path, body, { 'aftership-hmac-sha256': createHmac('sha256', SECRET).update(body).digest('base64') });
      expect(response.statusCode).toBe(200);
      return response.json() as { duplicate: boolean };
    };
    await send(3);
    expect((await send(3)).duplicate).toBe(true);
    await send(1); // an older state, delivered late
    await runJobs();
    const events = await count('tracking_events');
    const timeline = await count('timeline_entries');
    expect(events).toBe(3);
    const parcel = await t.api('GET', `/api/v1/parcels/${parcelId}`);
    expect(parcel.body).toMatchObject({ status: 'out_for_delivery', carrier: 'yunexpress' });
    expect(sandbox.stats().trackings).toBe(1); // registered by the job addTrackingNumber enqueued

    await send(2);
    expect((await send(3)).duplicate).toBe(true);
    await runJobs();
    expect(await count('tracking_events')).toBe(events);
    expect(await count('timeline_entries')).toBe(timeline);
    expect(await count('webhook_deliveries')).toBe(3);
  });

  it('records customer emails as skipped, with why, when SMTP_URL is not set', async () => {
    await runJobs();
    const log = await t.api('GET', `/api/v1/notifications?orderId=${orderId}`);
    expect(log.body.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['out_for_delivery', 'shipped']);
    expect(log.body.items.every((n: { status: string; reason: string }) => n.status === 'skipped' && /SMTP_URL/.test(n.reason))).toBe(true);
  });

  it('edits templates, refusing unknown variables', async () => {
    const bad = await t.api('PUT', '/api/v1/notifications/templates/delivered', { subject: 'Hi {{customer.nmae}}', body: '<p>x</p>' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('{{customer.nmae}}');
    const ok = await t.api('PUT', '/api/v1/notifications/templates/delivered', { subject: 'Delivered: {{order.number}}', body: '<p>{{customer.name}}</p>' });
    expect(ok.body).toMatchObject({ kind: 'delivered', customised: true });
    const list = await t.api('GET', '/api/v1/notifications/templates');
    expect(list.body.items).toHaveLength(5);
  });

  it('flags trouble by the shop’s own thresholds and lists it in the queues', async () => {
    const patched = await t.api('PATCH', `/api/v1/shops/${t.shopId}/parcel-thresholds`, { stalledDays: { out_for_delivery: 2 }, noTrackingDays: 3 });
    expect(patched.body.stalledDays).toMatchObject({ out_for_delivery: 2, default: 10 });
    expect((await t.api('PATCH', `/api/v1/shops/${t.shopId}/parcel-thresholds`, { stalledDays: { nonsense: 2 } })).status).toBe(400);
    t.clock.set('2026-03-04T09:00:00Z');
    await scanParcelTrouble(t.ctx);
    const stalled = await t.api('GET', '/api/v1/parcel-queues/stalled');
    expect(stalled.body.items).toMatchObject([{ parcelId, orderNumber: '#77', customer: { name: 'Ana' }, days: 3 }]);
    const timeline = await t.api('GET', `/api/v1/orders/${orderId}`);
    expect(timeline.body.timeline.map((e: { kind: string }) => e.kind)).toContain('parcel.flagged.stalled');
    for (const queue of ['late', 'no_tracking', 'probably_lost', 'returned', 'delivery_failed']) expect((await t.api('GET', `/api/v1/parcel-queues/${queue}`)).status).toBe(200);
  });

  it('takes 17TRACK pushes signed with the API key', async () => {
    await t.api('PUT', '/api/v1/tracking/connections/17track', { apiKey: 'st-key', baseUrl: 'http://127.0.0.1:9' });
    const body = JSON.stringify({ event: 'TRACKING_UPDATED', data: { number: 'YT1234567890123456', carrier: 190107, track_info: { latest_status: { status: 'Delivered', sub_status: 'Delivered_Other' }, latest_event: { time_utc: '2026-03-04T10:00:00Z', description: 'Delivered' }, tracking: { providers: [{ provider: { key: 190107, name: 'YunExpress' }, events: [{ time_utc: '2026-03-04T10:00:00Z', description: 'Delivered', stage: 'Delivered' }] }] } } } });
    expect((await post('/webhooks/17track', body, { sign: createHash('sha256').update(`${body}/wrong`).digest('hex') })).statusCode).toBe(401);
    expect((await post('/webhooks/17track', body, { sign: createHash('sha256').update(`${body}/st-key`).digest('hex') })).statusCode).toBe(200);
    await runJobs();
    expect((await t.api('GET', `/api/v1/parcels/${parcelId}`)).body.status).toBe('delivered');
  });
});
