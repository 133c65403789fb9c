import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startAfterShipSandbox, startWebhookReceiver, type AfterShipSandbox } from '../../../sandbox/aftership/index.ts';
import { latestEvent, trackingEventKey } from '../tracking-status/index.ts';
import type { ExternalTrackingEvent } from '../types.ts';
import { createAfterShipClient, verifyAfterShipWebhook } from './index.ts';

const START = new Date('2025-03-01T00:00:00Z');
const END = new Date('2025-07-01T00:00:00Z');
const SECRET = 'whsec-test';
let sandbox: AfterShipSandbox;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await sandbox?.close();
  while (closers.length) await closers.pop()!();
});

const sign = (body: string) => createHmac('sha256', SECRET).update(body).digest('base64');

describe('verifyAfterShipWebhook', () => {
  const body = JSON.stringify({ event: 'tracking_update', event_id: 'e1', ts: 1, msg: { id: 'abc', tracking_number: 'RR1', slug: 'china-post', tag: 'Delivered', subtag: 'Delivered_001', updated_at: '2025-01-02T00:00:00+00:00', checkpoints: [{ checkpoint_time: '2025-01-02T08:00:00+08:00', tag: 'Delivered', subtag: 'Delivered_001', message: 'Delivered' }] } });

  it('accepts the documented signature and maps the checkpoints', () => {
    const result = verifyAfterShipWebhook(body, { 'Aftership-Hmac-Sha256': sign(body) }, SECRET);
    expect(result).toMatchObject({ ok: true, events: [{ trackingNumber: 'RR1', status: 'delivered', rawStatus: 'Delivered', rawSubstatus: 'Delivered_001', occurredAt: '2025-01-02T00:00:00.000Z' }] });
  });

  it('refuses a bad signature, a re-serialised body and a missing header', () => {
    expect(verifyAfterShipWebhook(body, { 'aftership-hmac-sha256': sign(body + ' ') }, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(verifyAfterShipWebhook(reserialised, { 'aftership-hmac-sha256': sign(body) }, SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAfterShipWebhook(body, {}, SECRET)).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifyAfterShipWebhook(body, { 'aftership-hmac-sha256': sign(body) }, 'other')).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAfterShipWebhook('{"a":1}', { 'aftership-hmac-sha256': sign('{"a":1}') }, SECRET)).toEqual({ ok: false, reason: 'invalid_payload' });
  });
});

describe('AfterShip client against the sandbox', () => {
  it('registers idempotently and tells invalid numbers apart', async () => {
    sandbox = await startAfterShipSandbox({ now: START });
    const client = createAfterShipClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const first = await client.register([{ number: 'RR123456785CN' }, { number: 'bad number!' }]);
    expect(first.accepted).toMatchObject([{ number: 'RR123456785CN', carrier: 'china-post', alreadyRegistered: false }]);
    expect(first.rejected).toMatchObject([{ number: 'bad number!', code: '4017', status: 'invalid_number' }]);
    const again = await client.register([{ number: 'RR123456785CN' }]);
    expect(again.accepted).toMatchObject([{ number: 'RR123456785CN', alreadyRegistered: true }]);
    const events = await client.getTracking(['RR123456785CN', 'UNKNOWN123']);
    expect(events.get('RR123456785CN')).toEqual([]); // pending: no checkpoint yet
    expect(events.get('UNKNOWN123')).toEqual([]);
  });

  it('stays inside the documented per-endpoint limits: the sandbox throttles nothing', async () => {
    sandbox = await startAfterShipSandbox({ now: START });
    const client = createAfterShipClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey });
    const journeys = sandbox.playJourneys({ count: 45, seed: 4 });
    const result = await client.register(journeys.map((j) => ({ number: j.trackingNumber })));
    expect(result.accepted).toHaveLength(45);
    for (let i = 0; i < 8; i++) await client.getTracking([journeys[i]!.trackingNumber]);
    expect(sandbox.stats().throttled).toBe(0);
  });

  it('recovers from 429s when it is told a budget above the real one', async () => {
    sandbox = await startAfterShipSandbox({ now: START, rateLimitPerSecond: 5 });
    const client = createAfterShipClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, requestsPerSecond: 50 });
    const journeys = sandbox.playJourneys({ count: 12, seed: 5 });
    const result = await client.register(journeys.map((j) => ({ number: j.trackingNumber })));
    expect(result.accepted).toHaveLength(12);
    expect(sandbox.stats().throttled).toBeGreaterThan(0);
  });

  it('reads 200 played journeys to their expected status, by webhooks (duplicated, shuffled, retried) and by polling', async () => {
    let calls = 0;
    // Every 7th first delivery fails, so the sandbox has to retry it later.
    const receiver = await startWebhookReceiver(() => (++calls % 7 === 0 ? 503 : 200));
    closers.push(receiver.close);
    sandbox = await startAfterShipSandbox({ now: START, webhookSecret: SECRET, webhookUrl: receiver.url, rateLimitPerSecond: 200, webhookRetryBaseMs: 2, seed: 11 });
    sandbox.setWebhookChaos({ duplicateRate: 0.2, shuffle: true });
    const client = createAfterShipClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, requestsPerSecond: 200 });
    const journeys = sandbox.playJourneys({ count: 200, seed: 11, startAt: START });
    expect(new Set(journeys.map((j) => j.kind)).size).toBeGreaterThanOrEqual(7);
    const registered = await client.register(journeys.map((j) => ({ number: j.trackingNumber })));
    expect(registered.accepted).toHaveLength(200);

    const { webhooks } = sandbox.advanceTo(END);
    await sandbox.flushWebhooks();
    const byKey = new Map<string, ExternalTrackingEvent[]>();
    for (const delivery of receiver.accepted()) {
      const result = verifyAfterShipWebhook(delivery.rawBody, delivery.headers, SECRET);
      if (!result.ok) throw new Error(result.reason);
      byKey.set(result.deliveryKey, result.events);
    }
    expect(receiver.accepted().length).toBeGreaterThan(webhooks);
    expect(byKey.size).toBe(webhooks);

    const stored = new Map<string, Map<string, ExternalTrackingEvent>>();
    for (const events of byKey.values()) {
      for (const event of events) {
        const parcel = stored.get(event.trackingNumber) ?? new Map();
        parcel.set(trackingEventKey(event), event);
        stored.set(event.trackingNumber, parcel);
      }
    }
    const polled = await client.getTracking(journeys.map((j) => j.trackingNumber));
    for (const journey of journeys) {
      const expected = sandbox.expectedFinalStatus(journey.trackingNumber);
      expect(latestEvent([...(stored.get(journey.trackingNumber)?.values() ?? [])])?.status, journey.kind).toBe(expected);
      expect(latestEvent(polled.get(journey.trackingNumber) ?? [])?.status, journey.kind).toBe(expected);
    }
    expect(sandbox.stats().throttled).toBe(0);
  });
});
