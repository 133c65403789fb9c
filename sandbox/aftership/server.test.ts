import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { planJourneys, startAfterShipSandbox, startWebhookReceiver, type AfterShipSandbox } from './index.ts';

const START = '2025-03-01T00:00:00Z';
let sandbox: AfterShipSandbox;
afterEach(async () => sandbox?.close());

const api = (path: string, init: RequestInit = {}, key = sandbox.apiKey) =>
  fetch(`${sandbox.url}/tracking/2025-04${path}`, { ...init, headers: { 'as-api-key': key, 'content-type': 'application/json', ...init.headers } });

describe('AfterShip sandbox API', () => {
  it('refuses a wrong as-api-key with the meta envelope', async () => {
    sandbox = await startAfterShipSandbox({ now: START });
    const response = await api('/trackings', {}, 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ meta: { code: 401, type: 'Unauthorized' }, data: {} });
  });

  it('creates a tracking once, then answers 4003; rejects bad numbers and bad JSON with their codes', async () => {
    sandbox = await startAfterShipSandbox({ now: START });
    const create = (body: string) => api('/trackings', { method: 'POST', body });
    const first = await create(JSON.stringify({ tracking_number: 'RR123456785CN' }));
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created.data).toMatchObject({ tracking_number: 'RR123456785CN', slug: 'china-post', tag: 'Pending', subtag: 'Pending_001', checkpoints: [] });
    expect(created.data.id).toMatch(/^[0-9a-f]{32}$/);
    expect((await (await create(JSON.stringify({ tracking_number: 'RR123456785CN' }))).json()).meta.code).toBe(4003);
    expect((await (await create(JSON.stringify({ tracking_number: 'no spaces!' }))).json()).meta.code).toBe(4017);
    expect((await (await create(JSON.stringify({}))).json()).meta.code).toBe(4007);
    expect((await (await create('{"tracking_number":')).json()).meta.code).toBe(4001);
    const byId = await (await api(`/trackings/${created.data.id}`)).json();
    expect(byId.data.tracking_number).toBe('RR123456785CN');
    expect((await api('/trackings/nope')).status).toBe(404);
  });

  it('limits each endpoint per second and answers 429 with x-ratelimit-* headers', async () => {
    sandbox = await startAfterShipSandbox({ now: START, rateLimitPerSecond: 5 });
    const responses = await Promise.all(Array.from({ length: 12 }, () => api('/trackings')));
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled[0]!.headers.get('x-ratelimit-limit')).toBe('5');
    expect(throttled[0]!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(throttled[0]!.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    expect((await throttled[0]!.json()).meta).toMatchObject({ code: 429, type: 'TooManyRequests' });
    expect(sandbox.stats().throttled).toBe(throttled.length);
  });

  it('plays journeys deterministically from a seed', () => {
    const a = planJourneys({ count: 50, seed: 9, startAt: START });
    const b = planJourneys({ count: 50, seed: 9, startAt: START });
    expect(a).toEqual(b);
    expect(new Set(a.map((j) => j.trackingNumber)).size).toBe(50);
    for (const journey of a) {
      const times = journey.steps.map((s) => s.at.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
  });

  it('signs webhooks over the raw body and retries a failed delivery', async () => {
    const receiver = await startWebhookReceiver((_body, index) => (index === 0 ? 500 : 200));
    sandbox = await startAfterShipSandbox({ now: START, webhookSecret: 'shh', webhookUrl: receiver.url, webhookRetryBaseMs: 5 });
    const [journey] = sandbox.playJourneys({ count: 1, seed: 3, mix: { delivered: 1 }, register: true });
    const sent = sandbox.advanceTo(journey!.steps[1]!.at);
    await sandbox.flushWebhooks();
    expect(sent.webhooks).toBe(2);
    expect(receiver.received).toHaveLength(3);
    // The retry comes after the next delivery, with the very same bytes.
    expect(receiver.received[0]!.rawBody.equals(receiver.received[2]!.rawBody)).toBe(true);
    for (const { rawBody, headers } of receiver.received) {
      expect(headers['aftership-hmac-sha256']).toBe(createHmac('sha256', 'shh').update(rawBody).digest('base64'));
      expect(headers['as-webhook-version']).toBe('2025-04');
    }
    const body = JSON.parse(receiver.received[1]!.rawBody.toString());
    expect(body).toMatchObject({ event: 'tracking_update', msg: { tracking_number: journey!.trackingNumber, tag: 'InTransit', subtag: 'InTransit_002' } });
    expect(sandbox.stats().webhooks).toMatchObject({ delivered: 2, retried: 1 });
    await receiver.close();
  });
});
