import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Two staff approve two partial refunds on the same order at the same moment; together they
// exceed what the order can refund. One wins, the other gets 409; the money never goes over.
describe('concurrent refunds on one order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('approves one and refuses the other with REFUND_EXCEEDS_REFUNDABLE', async () => {
    const order = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId,
      orderNumber: '#R1',
      placedAt: '2026-02-01T10:00:00Z',
      currency: 'USD',
      customer: { email: 'r@example.com', name: 'R' },
      shippingCountry: 'US',
      lines: [{ title: 'Lamp', quantity: 1, unitPriceMinor: 4000 }, { title: 'Bulb', quantity: 2, unitPriceMinor: 1000 }],
    });
    const [lamp, bulb] = order.body.lines;
    const caseA = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'damaged', lines: [{ orderLineId: lamp.id, quantity: 1 }] });
    const caseB = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'defective', lines: [{ orderLineId: bulb.id, quantity: 2 }] });
    const a = await t.api('POST', `/api/v1/cases/${caseA.body.id}/resolutions`, { kind: 'partial_refund', amountMinor: 3500 });
    const b = await t.api('POST', `/api/v1/cases/${caseB.body.id}/resolutions`, { kind: 'partial_refund', amountMinor: 3000 });
    expect([a.status, b.status]).toEqual([201, 201]);

    const results = await Promise.all([t.api('POST', `/api/v1/resolutions/${a.body.id}/approve`), t.api('POST', `/api/v1/resolutions/${b.body.id}/approve`)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('REFUND_EXCEEDS_REFUNDABLE');

    const winner = results.find((r) => r.status === 200)!.body;
    await t.api('POST', `/api/v1/resolutions/${winner.id}/execute`, {});
    const detail = await t.api('GET', `/api/v1/orders/${order.body.id}`);
    expect(detail.body.refundable).toMatchObject({ totalMinor: 6000, refundedMinor: winner.amountMinor, refundableMinor: 6000 - winner.amountMinor });
    const ledger = await t.ctx.db.selectFrom('ledger_entries').select(['amount_minor']).where('order_id', '=', order.body.id).execute();
    expect(ledger).toEqual([{ amount_minor: winner.amountMinor }]);
  });
});
