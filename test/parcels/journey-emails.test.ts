import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAfterShipSandbox, MILESTONE_WIRE, type AfterShipSandbox, type Journey } from '../../sandbox/aftership/index.ts';
import { fromAfterShip } from '../../src/connectors/tracking-status/index.ts';
import { addTrackingNumber, noticeForStatus, scanParcelTrouble, TERMINAL_STATUSES, type ParcelStatus } from '../../src/modules/parcels/index.ts';
import { DAY_MS } from '../../src/shared/clock.ts';
import { newId } from '../../src/shared/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startSmtpSink } from './smtp.ts';
import { batchWorkers } from './workers.ts';

// 1,000 parcels played by the AfterShip simulator, its webhooks (signed, some duplicated) sent to
// a listening Recoup, mail read back from a real SMTP server: exactly the expected emails.

const START = new Date('2025-03-03T00:00:00Z');
const DAYS = 70;
const COUNT = 1000;
const SECRET = 'whsec-journeys';
const KIND_BY_SUBJECT: [RegExp, string][] = [[/is on its way/, 'shipped'], [/running late/, 'delayed'], [/out for delivery/, 'out_for_delivery'], [/was delivered/, 'delivered'], [/A problem/, 'problem']];

/** The emails one journey should cause, from the simulator's own plan, with the same rules Recoup applies. */
function expectedKinds(journey: Journey): string[] {
  const kinds = ['shipped'];
  const keys = new Set<string>();
  let status: ParcelStatus = 'pending';
  const statusAt = (t: Date) => {
    let s: ParcelStatus = 'pending';
    for (const step of journey.steps) if (step.at <= t) s = fromAfterShip(MILESTONE_WIRE[step.milestone].tag, MILESTONE_WIRE[step.milestone].subtag).status;
    return s;
  };
  for (const step of journey.steps) {
    const next = fromAfterShip(MILESTONE_WIRE[step.milestone].tag, MILESTONE_WIRE[step.milestone].subtag).status;
    if (next === status) continue;
    status = next;
    const notice = noticeForStatus('p', next, step.at, step.at);
    if (notice && !keys.has(notice.key)) {
      keys.add(notice.key);
      kinds.push(notice.kind);
    }
  }
  // The daily trouble scan: late once past the 20-day default promise while not finished.
  for (let d = 1; d <= DAYS; d++) {
    const at = new Date(START.getTime() + d * DAY_MS);
    if (at.getTime() > START.getTime() + 20 * DAY_MS && !TERMINAL_STATUSES.includes(statusAt(at))) {
      kinds.push('delayed');
      break;
    }
  }
  return kinds;
}

describe('a simulated journey of 1,000 parcels', () => {
  let t: TestApp;
  let sandbox: AfterShipSandbox;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ now: START.toISOString(), env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://shop.example' } });
  });
  afterAll(async () => {
    await sandbox?.close();
    await t?.close();
    await smtp?.close();
  });

  it('mails each customer exactly what happened to their parcel, once, and honours an opt-out', async () => {
    const recoupUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    sandbox = await startAfterShipSandbox({ now: START, webhookSecret: SECRET, rateLimitPerSecond: 5000, seed: 21, webhookLanes: 4 });
    const connection = await t.api('PUT', '/api/v1/tracking/connections/aftership', { apiKey: sandbox.apiKey, webhookSecret: SECRET, baseUrl: sandbox.url, requestsPerSecond: 1000 });
    expect(connection.status).toBe(200);
    sandbox.setWebhookUrl(`${recoupUrl}${connection.body.webhookPath}`);
    sandbox.setWebhookChaos({ duplicateRate: 0.1 });
    const journeys = sandbox.playJourneys({ count: COUNT, seed: 21, startAt: START });

    const runJobs = batchWorkers(t);
    const emailOf = (i: number) => `buyer${i}@example.com`;
    // Orders through the database (they are not what this test is about), parcels through the command.
    const customers = journeys.map((_, i) => ({ id: newId('customer'), workspace_id: t.workspaceId, shop_id: t.shopId, email: emailOf(i), name: `Buyer <${i}>` }));
    await t.ctx.db.insertInto('customers').values(customers).execute();
    const orders = journeys.map((j, i) => ({
      id: newId('order'), workspace_id: t.workspaceId, shop_id: t.shopId, order_number: `#${10_000 + i}`, customer_id: customers[i]!.id,
      currency: 'USD', total_minor: 1999, shipping_country: j.destination, placed_at: START,
    }));
    await t.ctx.db.insertInto('orders').values(orders).execute();
    for (let i = 0; i < COUNT; i += 100) {
      await t.ctx.db.transaction().execute(async (tx) => {
        for (let k = i; k < Math.min(COUNT, i + 100); k++) {
          const j = journeys[k]!;
          await addTrackingNumber(tx, { workspaceId: t.workspaceId, orderId: orders[k]!.id, trackingNumber: j.trackingNumber, carrier: j.carrier, shippedAt: START }, 'supplier', { jobs: t.ctx.jobs, now: START });
        }
      });
    }
    await runJobs(); // registers the numbers with the simulator, mails "shipped"
    expect(sandbox.stats().trackings).toBe(COUNT);
    expect(smtp.mails).toHaveLength(COUNT);

    // Customer 0 follows the opt-out link of their first email: nothing more reaches them.
    const optOut = smtp.mails.find((m) => m.to[0] === emailOf(0))!.unsubscribe!;
    expect(optOut.startsWith('https://shop.example/api/public/unsubscribe/')).toBe(true);
    const page = await fetch(`${recoupUrl}${new URL(optOut).pathname}`);
    expect(page.status).toBe(200);

    for (let d = 1; d <= DAYS; d++) {
      const at = new Date(START.getTime() + d * DAY_MS);
      t.clock.set(at);
      sandbox.advanceTo(at);
      await sandbox.flushWebhooks();
      await runJobs();
      await scanParcelTrouble(t.ctx);
      await runJobs();
    }

    const expected = journeys.flatMap((j, i) => (i === 0 ? ['shipped'] : expectedKinds(j)).map((kind) => `${emailOf(i)} ${kind}`)).sort();
    const received = smtp.mails.map((m) => `${m.to[0]} ${KIND_BY_SUBJECT.find(([re]) => re.test(m.subject))?.[1] ?? m.subject}`).sort();
    expect(received.length).toBe(expected.length);
    expect(received).toEqual(expected);
    expect(new Set(smtp.mails.map((m) => m.notificationId)).size).toBe(smtp.mails.length);
    // Names are escaped in the HTML part.
    expect(smtp.mails[0]!.raw).toContain('Buyer &lt;');

    const webhookStats = sandbox.stats().webhooks;
    expect(webhookStats.duplicated).toBeGreaterThan(0);
    const skipped = await t.api('GET', '/api/v1/notifications?status=skipped');
    expect(skipped.body.items.length).toBe(expectedKinds(journeys[0]!).length - 1);
    expect(skipped.body.items.every((n: { reason: string; recipient: string }) => n.recipient === emailOf(0) && /unsubscribed/.test(n.reason))).toBe(true);

    // Every parcel ends where its journey ends.
    const statuses = await t.ctx.db.selectFrom('parcels').select(['tracking_number', 'status']).execute();
    const byNumber = new Map(statuses.map((s) => [s.tracking_number, s.status]));
    for (const journey of journeys) expect(byNumber.get(journey.trackingNumber)).toBe(journey.expectedFinalStatus);

    const analytics = await t.api('GET', `/api/v1/analytics/carriers?since=${START.toISOString()}`);
    expect(analytics.body.carrier.map((r: { key: string }) => r.key).sort()).toEqual(['cainiao', 'china-post', 'yunexpress']);
    expect(analytics.body.country).toHaveLength(5);
    expect(analytics.body.carrier[0].p90Days).toBeGreaterThanOrEqual(analytics.body.carrier[0].p50Days);
    console.log(`journeys: ${webhookStats.delivered} webhooks delivered (${webhookStats.duplicated} duplicated), ${smtp.mails.length} emails`);
  }, 240_000);
});
