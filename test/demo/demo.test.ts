import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-11-20T12:00:00Z' });
  });
  afterAll(() => t?.close());

  it('fills every queue: cases at every step, parcels in every state, money both ways', async () => {
    const started = Date.now();
    const summary = await seedDemo(t.ctx, { orders: 300, seed: 7 });
    console.log(`seeded ${JSON.stringify(summary)} in ${Date.now() - started} ms`);
    expect(summary.orders).toBe(300);
    expect(summary.cases).toBeGreaterThan(30);
    const queues = (await t.api('GET', '/api/v1/queues')).body;
    expect(queues.cases.new).toBeGreaterThan(0);
    expect(queues.cases.waitingOnCustomer).toBeGreaterThan(0);
    expect(queues.parcels.stalled).toBeGreaterThan(0);
    const statuses = await t.ctx.db.selectFrom('cases').select(['customer_status', 'supplier_status']).execute();
    for (const s of ['new', 'waiting_on_customer', 'ready_to_resolve', 'resolving', 'resolved']) expect(statuses.some((c) => c.customer_status === s)).toBe(true);
    for (const s of ['not_started', 'asked_supplier', 'dispute_open', 'won', 'lost', 'waived']) expect(statuses.some((c) => c.supplier_status === s)).toBe(true);
    const parcelStatuses = new Set((await t.ctx.db.selectFrom('parcels').select('status').execute()).map((p) => p.status));
    for (const s of ['in_transit', 'delivered', 'returned', 'lost_or_damaged', 'failed_attempt', 'customs_hold']) expect(parcelStatuses.has(s)).toBe(true);
    const ledger = (await t.api('GET', '/api/v1/ledger?groupBy=month')).body.rows;
    expect(ledger.some((r: { refundedMinor: number }) => r.refundedMinor > 0)).toBe(true);
    expect(ledger.some((r: { recoveredMinor: number }) => r.recoveredMinor > 0)).toBe(true);

    // Analytics over a range and for one shop: the shop's cases are a part of all cases.
    const all = (await t.api('GET', '/api/v1/analytics?months=6')).body;
    const shopId = (await t.api('GET', '/api/v1/shops')).body.items.find((s: { name: string }) => s.name === 'Maison Lumière').id;
    const one = (await t.api('GET', `/api/v1/analytics?months=6&shopId=${shopId}`)).body;
    const total = (a: { casesByReason: { total: number }[] }) => a.casesByReason.reduce((sum, r) => sum + r.total, 0);
    expect(total(one)).toBeGreaterThan(0);
    expect(total(one)).toBeLessThan(total(all));
    expect((await t.api('GET', '/api/v1/analytics?months=3')).body.monthly).toHaveLength(3);
  });
});
