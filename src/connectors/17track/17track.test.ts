import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../../sandbox/aftership/index.ts';
import { start17TrackSandbox, type SeventeenTrackSandbox } from '../../../sandbox/17track/index.ts';
import { latestEvent, trackingEventKey } from '../tracking-status/index.ts';
import type { ConnectorError, ExternalTrackingEvent } from '../types.ts';
import { create17TrackClient, verify17TrackWebhook } from './index.ts';

const START = new Date('2025-03-01T00:00:00Z');
const END = new Date('2025-07-01T00:00:00Z');
const KEY = 'TESTKEY17';
let sandbox: SeventeenTrackSandbox;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await sandbox?.close();
  while (closers.length) await closers.pop()!();
});

const sign = (body: string, key = KEY) => createHash('sha256').update(`${body}/${key}`).digest('hex');

describe('verify17TrackWebhook', () => {
  const body = JSON.stringify({
    event: 'TRACKING_UPDATED',
    data: {
      number: 'RR123456785CN', carrier: 3011, param: null, tag: null,
      track_info: {
        latest_status: { status: 'Delivered', sub_status: 'Delivered_Other' },
        latest_event: { time_utc: '2025-01-02T00:00:00Z', description: 'Delivered', stage: 'Delivered' },
        tracking: { providers: [{ provider: { key: 3011, name: 'China Post' }, events: [
          { time_iso: '2025-01-02T01:00:00+01:00', time_utc: '2025-01-02T00:00:00Z', description: 'Delivered', stage: 'Delivered', location: 'Lyon, FR' },
          { time_iso: '2024-12-20T10:00:00+08:00', time_utc: '2024-12-20T02:00:00Z', description: 'Departed', stage: 'Departure' },
          { time_utc: '2024-12-27T02:00:00Z', description: 'Sorting' },
        ] }] },
      },
    },
  });

  it('accepts the documented sign and maps events by stage, oldest first', () => {
    const result = verify17TrackWebhook(body, { sign: sign(body) }, KEY);
    if (!result.ok) throw new Error(result.reason);
    expect(result.events.map((e) => [e.status, e.rawSubstatus])).toEqual([
      ['in_transit', 'InTransit_Departure'], ['in_transit', null], ['delivered', 'Delivered_Other'],
    ]);
    expect(result.events[2]).toMatchObject({ trackingNumber: 'RR123456785CN', carrier: 'China Post', location: 'Lyon, FR', occurredAt: '2025-01-02T00:00:00.000Z' });
    expect(result.deliveryKey).toMatch(/^17track:TRACKING_UPDATED:RR123456785CN:3011:/);
  });

  it('refuses a bad sign, a re-serialised body and a missing header', () => {
    expect(verify17TrackWebhook(body, { sign: sign(body, 'other') }, KEY)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify17TrackWebhook(JSON.stringify(JSON.parse(body)) + '\n', { sign: sign(body) }, KEY)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify17TrackWebhook(body, { 'content-type': 'application/json' }, KEY)).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verify17TrackWebhook(Buffer.from(body), { Sign: sign(body).toUpperCase() }, KEY).ok).toBe(true);
  });
});

describe('17TRACK client against the sandbox', () => {
  it('cuts 41+ numbers into batches of 40 (the sandbox refuses 41 in one call)', async () => {
    sandbox = await start17TrackSandbox({ now: START, apiKey: KEY, rateLimitPerSecond: 20 });
    const raw = await fetch(`${sandbox.url}/track/v2.2/register`, { method: 'POST', headers: { '17token': KEY, 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: 41 }, (_, i) => ({ number: `LP${String(i).padStart(14, '0')}` }))) });
    expect((await raw.json()).code).toBe(-18010014);
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const client = create17TrackClient({ baseUrl: sandbox.url, apiKey: KEY, fetch: counting, requestsPerSecond: 20 });
    const journeys = sandbox.playJourneys({ count: 95, seed: 8 });
    const result = await client.register([...journeys.map((j) => ({ number: j.trackingNumber })), { number: 'bad number' }]);
    expect(calls).toBe(3);
    expect(result.accepted).toHaveLength(95);
    expect(result.rejected).toMatchObject([{ number: 'bad number', code: '-18010012', status: 'invalid_number' }]);
    expect((await client.register([{ number: journeys[0]!.trackingNumber }])).accepted[0]!.alreadyRegistered).toBe(true);
  });

  it('keeps to 3 requests a second by default: the sandbox throttles nothing', async () => {
    sandbox = await start17TrackSandbox({ now: START, apiKey: KEY });
    const client = create17TrackClient({ baseUrl: sandbox.url, apiKey: KEY });
    const journeys = sandbox.playJourneys({ count: 160, seed: 3 });
    await client.register(journeys.map((j) => ({ number: j.trackingNumber })));
    await client.getTracking(journeys.map((j) => j.trackingNumber));
    expect(sandbox.stats()).toMatchObject({ requests: 8, throttled: 0 });
  });

  it('retries after 429 when told a budget above the real one, and reports a wrong key as auth', async () => {
    sandbox = await start17TrackSandbox({ now: START, apiKey: KEY });
    const client = create17TrackClient({ baseUrl: sandbox.url, apiKey: KEY, requestsPerSecond: 100 });
    const numbers = Array.from({ length: 6 }, (_, i) => `LP${String(i).padStart(14, '0')}`);
    await Promise.all(numbers.map((number) => client.register([{ number }])));
    expect(sandbox.stats().throttled).toBeGreaterThan(0);
    expect(sandbox.stats().numbers).toBe(6);
    const wrong = create17TrackClient({ baseUrl: sandbox.url, apiKey: 'wrong' });
    await expect(wrong.getTracking(['LP00000000000000'])).rejects.toMatchObject({ kind: 'auth' } satisfies Partial<ConnectorError>);
  });

  it('reads 200 played journeys to their expected status, by pushes (duplicated, shuffled, retried) and by polling', async () => {
    let calls = 0;
    const receiver = await startWebhookReceiver(() => (++calls % 9 === 0 ? 500 : 200));
    closers.push(receiver.close);
    sandbox = await start17TrackSandbox({ now: START, apiKey: KEY, webhookUrl: receiver.url, rateLimitPerSecond: 50, webhookRetryBaseMs: 2, seed: 21 });
    sandbox.setWebhookChaos({ duplicateRate: 0.25, shuffle: true });
    const client = create17TrackClient({ baseUrl: sandbox.url, apiKey: KEY, requestsPerSecond: 50 });
    const journeys = sandbox.playJourneys({ count: 200, seed: 21, startAt: START });
    expect((await client.register(journeys.map((j) => ({ number: j.trackingNumber })))).accepted).toHaveLength(200);

    const { webhooks } = sandbox.advanceTo(END);
    await sandbox.flushWebhooks();
    const keys = new Set<string>();
    const stored = new Map<string, Map<string, ExternalTrackingEvent>>();
    for (const delivery of receiver.accepted()) {
      const result = verify17TrackWebhook(delivery.rawBody, delivery.headers, KEY);
      if (!result.ok) throw new Error(result.reason);
      if (keys.has(result.deliveryKey)) continue; // a duplicate: already stored
      keys.add(result.deliveryKey);
      for (const event of result.events) {
        const parcel = stored.get(event.trackingNumber) ?? new Map();
        parcel.set(trackingEventKey(event), event);
        stored.set(event.trackingNumber, parcel);
      }
    }
    expect(receiver.accepted().length).toBeGreaterThan(webhooks);
    expect(keys.size).toBe(webhooks);

    const polled = await client.getTracking(journeys.map((j) => j.trackingNumber));
    for (const journey of journeys) {
      const expected = sandbox.expectedFinalStatus(journey.trackingNumber);
      expect(latestEvent([...(stored.get(journey.trackingNumber)?.values() ?? [])])?.status, journey.kind).toBe(expected);
      expect(latestEvent(polled.get(journey.trackingNumber) ?? [])?.status, journey.kind).toBe(expected);
    }
    expect(sandbox.stats().throttled).toBe(0);
  });
});
