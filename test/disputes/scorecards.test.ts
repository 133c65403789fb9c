import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// Two suppliers, four orders: one supplier ships fast and its one problem is won back; the other
// ships slowly, and its refunded order's dispute is lost.
describe('supplier scorecards and buyer-account dispute ratios', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-04-01T00:00:00Z' });
    const make = async (n: number, supplier: string, shipDays: number, deliveredDays: number | null) => {
      const order = await t.api('POST', '/api/v1/orders', {
        shopId: t.shopId, orderNumber: `#S${n}`, placedAt: '2026-03-01T00:00:00Z', currency: 'USD',
        customer: { email: `s${n}@example.com`, name: 'S' }, shippingCountry: 'US', lines: [{ title: 'Item', quantity: 1, unitPriceMinor: 2000 }],
      });
      const so = await t.api('POST', `/api/v1/orders/${order.body.id}/supplier-orders`, {
        supplier: { platform: 'aliexpress', name: supplier }, externalId: `AE${n}`, currency: 'USD', paidMinor: 600,
        placedAt: '2026-03-01T00:00:00Z', shippedAt: new Date(Date.UTC(2026, 2, 1 + shipDays)).toISOString(),
        lines: [{ orderLineId: order.body.lines[0].id, quantity: 1, costMinor: 600 }],
      });
      const parcel = await t.api('POST', `/api/v1/orders/${order.body.id}/parcels`, { trackingNumber: `LP0000${n}000CN`, supplierOrderId: so.body.id, shippedAt: new Date(Date.UTC(2026, 2, 1 + shipDays)).toISOString() });
      if (deliveredDays !== null) {
        await t.api('POST', `/api/v1/parcels/${parcel.body.parcelId}/events`, { events: [{ occurredAt: new Date(Date.UTC(2026, 2, 1 + shipDays + deliveredDays)).toISOString(), status: 'delivered', rawStatus: 'Delivered' }] });
      }
      return { orderId: order.body.id, supplierOrderId: so.body.id };
    };
    const refundAndDispute = async (o: { orderId: string; supplierOrderId: string }, outcome: 'won' | 'lost') => {
      const kase = await t.api('POST', '/api/v1/cases', { orderId: o.orderId, reason: 'not_received' });
      const r = await t.api('POST', `/api/v1/cases/${kase.body.id}/resolutions`, { kind: 'full_refund' });
      await t.api('POST', `/api/v1/resolutions/${r.body.id}/approve`);
      await t.api('POST', `/api/v1/resolutions/${r.body.id}/execute`, {});
      const d = await t.api('POST', `/api/v1/cases/${kase.body.id}/disputes`, { supplierOrderId: o.supplierOrderId });
      await t.api('POST', `/api/v1/disputes/${d.body.id}/events`, { type: 'opened' });
      expect((await t.api('POST', `/api/v1/disputes/${d.body.id}/events`, { type: outcome })).status).toBe(200);
    };
    await make(1, 'Fast Store', 2, 10);
    await refundAndDispute(await make(2, 'Fast Store', 2, null), 'won');
    await make(3, 'Slow Store', 8, 20);
    await refundAndDispute(await make(4, 'Slow Store', 8, null), 'lost');
  });
  afterAll(() => t?.close());

  it('scores each supplier from real orders, parcels, cases, disputes and the ledger', async () => {
    const { items } = (await t.api('GET', '/api/v1/suppliers/scorecards')).body;
    const fast = items.find((s: { name: string }) => s.name === 'Fast Store');
    const slow = items.find((s: { name: string }) => s.name === 'Slow Store');
    expect(fast).toMatchObject({ orders: 2, shipDaysMedian: 2, deliveryDaysMedian: 10, caseRate: 0.5, refundRate: 0.5, disputesWon: 1, disputesLost: 0, disputeWinRate: 1, casesByReason: { not_received: 1 } });
    expect(fast.moneyLost).toEqual([{ currency: 'USD', amountMinor: 2000 - 600 }]);
    expect(slow).toMatchObject({ orders: 2, shipDaysMedian: 8, deliveryDaysMedian: 20, disputesWon: 0, disputesLost: 1, disputeWinRate: 0 });
    expect(slow.moneyLost).toEqual([{ currency: 'USD', amountMinor: 2000 }]);
  });

  it('computes the dispute ratio of the buyer account and warns above the threshold', async () => {
    const { items } = (await t.api('GET', '/api/v1/disputes/buyer-accounts')).body;
    expect(items).toEqual([{ buyerAccount: 'default', orders: 4, disputes: 2, ratio: 0.5, warning: true }]);
  });
});
