import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../aftership/index.ts';
import { start17TrackSandbox, type SeventeenTrackSandbox } from './index.ts';

const START = '2025-03-01T00:00:00Z';
let sandbox: SeventeenTrackSandbox;
afterEach(async () => sandbox?.close());

const post = (path: string, body: unknown, key = sandbox.apiKey) =>
  fetch(`${sandbox.url}/track/v2.2/${path}`, { method: 'POST', headers: { '17token': key, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('17TRACK sandbox API', () => {
  it('refuses a wrong 17token with -18010002', async () => {
    sandbox = await start17TrackSandbox({ now: START });
    const response = await post('getquota', {}, 'nope');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: -18010002, data: { errors: [{ code: -18010002, message: expect.any(String) }] } });
  });

  it('accepts 40 numbers per call and refuses 41 with -18010014', async () => {
    sandbox = await start17TrackSandbox({ now: START, rateLimitPerSecond: 50 });
    const numbers = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ number: `RR${String(100000000 + from + i)}CN` }));
    const tooMany = await (await post('register', numbers(41))).json();
    expect(tooMany).toMatchObject({ code: -18010014, data: { errors: [{ code: -18010014 }] } });
    const ok = await (await post('register', numbers(40))).json();
    expect(ok.code).toBe(0);
    expect(ok.data.accepted).toHaveLength(40);
    expect(ok.data.accepted[0]).toEqual({ origin: 1, number: 'RR100000000CN', carrier: 3011 });
  });

  it('rejects per item: already registered, bad format, undetectable carrier, not registered', async () => {
    sandbox = await start17TrackSandbox({ now: START, rateLimitPerSecond: 20 });
    await post('register', [{ number: 'RR123456785CN' }]);
    const body = await (await post('register', [{ number: 'RR123456785CN' }, { number: 'a b' }, { number: 'ZZ99999' }])).json();
    expect(body.data.rejected.map((r: { error: { code: number } }) => r.error.code)).toEqual([-18019901, -18010012, -18019903]);
    const info = await (await post('gettrackinfo', [{ number: 'RR123456785CN' }, { number: 'XX1234567' }])).json();
    expect(info.data.accepted[0].track_info.latest_status).toEqual({ status: 'NotFound', sub_status: 'NotFound_Other', sub_status_descr: null });
    expect(info.data.rejected[0].error.code).toBe(-18019902);
    expect((await (await post('register', '{oops')).json()).code).toBe(-18010013);
  });

  it('answers 429 beyond the per-key rate and counts it', async () => {
    sandbox = await start17TrackSandbox({ now: START });
    const responses = await Promise.all(Array.from({ length: 8 }, () => post('getquota', {})));
    expect(responses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect(sandbox.stats().throttled).toBeGreaterThanOrEqual(5);
  });

  it('pushes TRACKING_UPDATED signed sha256(body + "/" + key), and TRACKING_STOPPED on stoptrack', async () => {
    const receiver = await startWebhookReceiver();
    sandbox = await start17TrackSandbox({ now: START, webhookUrl: receiver.url, rateLimitPerSecond: 20 });
    const [journey] = sandbox.playJourneys({ count: 1, seed: 2, mix: { customs_held: 1 }, register: true });
    sandbox.advanceTo(journey!.steps[5]!.at);
    await sandbox.flushWebhooks();
    expect(receiver.received).toHaveLength(6);
    for (const { rawBody, headers } of receiver.received) {
      expect(headers.sign).toBe(createHash('sha256').update(`${rawBody.toString()}/${sandbox.apiKey}`).digest('hex'));
    }
    const last = JSON.parse(receiver.received[5]!.rawBody.toString());
    expect(last).toMatchObject({ event: 'TRACKING_UPDATED', data: { number: journey!.trackingNumber, track_info: { latest_status: { status: 'InTransit', sub_status: 'InTransit_CustomsRequiringInformation' } } } });
    expect(last.data.track_info.tracking.providers[0].events).toHaveLength(6);
    await post('stoptrack', [{ number: journey!.trackingNumber }]);
    sandbox.advanceTo('2025-12-01T00:00:00Z');
    await sandbox.flushWebhooks();
    expect(JSON.parse(receiver.received.at(-1)!.rawBody.toString()).event).toBe('TRACKING_STOPPED');
    expect(receiver.received).toHaveLength(7);
    await receiver.close();
  });
});
