import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// One lifecycle per reason, through the HTTP API, from the customer's report to a closed case,
// each resolved a different way. Disputes are prepared in bulk, as staff do on a busy morning.

type Api = TestApp['api'];
interface Scenario {
  reason: string;
  lines?: 'first' | 'all';
  resolve: (api: Api, caseId: string) => Promise<void>;
  supplier: 'won' | 'partly_won' | 'lost' | 'waive';
  expected: { refundedMinor: number; recoveredMinor: number; supplierStatus: string };
}

const propose = async (api: Api, caseId: string, body: object) => {
  const r = await api('POST', `/api/v1/cases/${caseId}/resolutions`, body);
  expect(r.status).toBe(201);
  expect((await api('POST', `/api/v1/resolutions/${r.body.id}/approve`)).status).toBe(200);
  return r.body.id as string;
};
const execute = async (api: Api, id: string, body: object = {}) => expect((await api('POST', `/api/v1/resolutions/${id}/execute`, body)).body.status).toBe('executed');

// Orders: two lines, Lamp 30.00 ×1 (supplier cost 9.00) and Bulb 5.00 ×2 (cost 1.00 each), shipping 4.00: total 44.00.
const SCENARIOS: Scenario[] = [
  { reason: 'not_received', resolve: async (api, id) => execute(api, await propose(api, id, { kind: 'full_refund' })), supplier: 'won', expected: { refundedMinor: 4400, recoveredMinor: 1100, supplierStatus: 'won' } },
  { reason: 'late_delivery', resolve: async (api, id) => execute(api, await propose(api, id, { kind: 'discount', percent: 10 })), supplier: 'waive', expected: { refundedMinor: 0, recoveredMinor: 0, supplierStatus: 'waived' } },
  {
    reason: 'wrong_item',
    lines: 'first',
    resolve: async (api, id) => {
      const r = await propose(api, id, { kind: 'refund_after_return', returnAddress: 'Gadget Corner Returns, 1 Main St, Springfield' });
      expect((await api('POST', `/api/v1/resolutions/${r}/execute`, {})).status).toBe(409); // not before the item is back
      await api('POST', `/api/v1/resolutions/${r}/return-shipped`, { returnTrackingNumber: 'RT123456789US' });
      await api('POST', `/api/v1/resolutions/${r}/return-received`, {});
      await execute(api, r);
    },
    supplier: 'partly_won',
    expected: { refundedMinor: 3000, recoveredMinor: 450, supplierStatus: 'partly_won' },
  },
  { reason: 'damaged', lines: 'first', resolve: async (api, id) => execute(api, await propose(api, id, { kind: 'full_refund' })), supplier: 'won', expected: { refundedMinor: 3000, recoveredMinor: 900, supplierStatus: 'won' } },
  {
    reason: 'defective',
    lines: 'first',
    resolve: async (api, id) => {
      await execute(api, await propose(api, id, { kind: 'reship', reshipCostMinor: 900 }), { costMinor: 950, reshipOrderId: '8199000000000001' });
      const view = (await api('GET', `/api/v1/cases/${id}`)).body;
      // the replacement is a new supplier order for the affected line, at what it cost
      expect(view.supplierOrders.find((so: { externalId: string }) => so.externalId === '8199000000000001')).toMatchObject({ paidMinor: 950, status: 'paid', supplier: { name: 'Bright LED' } });
      expect(view.money.reshipCostMinor).toBe(950);
    },
    supplier: 'lost',
    expected: { refundedMinor: 0, recoveredMinor: 0, supplierStatus: 'lost' },
  },
  { reason: 'not_as_described', resolve: async (api, id) => execute(api, await propose(api, id, { kind: 'partial_refund', percent: 40 })), supplier: 'partly_won', expected: { refundedMinor: 1760, recoveredMinor: 550, supplierStatus: 'partly_won' } },
  { reason: 'missing_item', lines: 'first', resolve: async (api, id) => execute(api, await propose(api, id, { kind: 'store_credit', amountMinor: 3000 })), supplier: 'won', expected: { refundedMinor: 0, recoveredMinor: 900, supplierStatus: 'won' } },
  {
    reason: 'delivered_not_received',
    resolve: async (api, id) => expect((await api('POST', `/api/v1/cases/${id}/decline`, { reason: 'Signed for at the door; photo of delivery attached.' })).status).toBe(200),
    supplier: 'waive',
    expected: { refundedMinor: 0, recoveredMinor: 0, supplierStatus: 'waived' },
  },
  {
    reason: 'other',
    resolve: async (api, id) => {
      const view = (await api('GET', `/api/v1/cases/${id}`)).body;
      const [lamp, bulb] = view.order.lines;
      // per line: 10% of the lamp (300) and a flat 200 on the bulbs
      const r = await propose(api, id, { kind: 'partial_refund', lineRefunds: [{ orderLineId: lamp.id, percent: 10 }, { orderLineId: bulb.id, amountMinor: 200 }] });
      const too = await api('POST', `/api/v1/cases/${id}/resolutions`, { kind: 'partial_refund', lineRefunds: [{ orderLineId: bulb.id, amountMinor: 1001 }] });
      expect(too.body.error.code).toBe('REFUND_EXCEEDS_REFUNDABLE');
      await execute(api, r);
    },
    supplier: 'waive',
    expected: { refundedMinor: 500, recoveredMinor: 0, supplierStatus: 'waived' },
  },
];

describe('a case for every reason, from report to closed', () => {
  let t: TestApp;
  const cases = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-20T10:00:00Z' });
    for (const [i, s] of SCENARIOS.entries()) {
      const order = await t.api('POST', '/api/v1/orders', {
        shopId: t.shopId, orderNumber: `#L${i}`, placedAt: '2026-03-01T10:00:00Z', currency: 'USD', customer: { email: `l${i}@example.com`, name: 'Lena' }, shippingCountry: 'DE', shippingMinor: 400,
        lines: [{ title: 'Lamp', quantity: 1, unitPriceMinor: 3000 }, { title: 'Bulb', quantity: 2, unitPriceMinor: 500 }],
      });
      const [lamp, bulb] = order.body.lines;
      await t.api('POST', `/api/v1/orders/${order.body.id}/supplier-orders`, {
        supplier: { platform: 'aliexpress', name: 'Bright LED' }, externalId: `AEL${i}`, currency: 'USD', paidMinor: 1100, placedAt: '2026-03-01T12:00:00Z', shippedAt: '2026-03-03T12:00:00Z',
        lines: [{ orderLineId: lamp.id, quantity: 1, costMinor: 900 }, { orderLineId: bulb.id, quantity: 2, costMinor: 200 }],
      });
      const opened = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: s.reason, description: `Customer says: ${s.reason}`, ...(s.lines === 'first' ? { lines: [{ orderLineId: lamp.id, quantity: 1 }] } : {}) });
      expect(opened.status).toBe(201);
      cases.set(s.reason, opened.body.id);
    }
  });
  afterAll(() => t?.close());

  it('prepares the supplier disputes in bulk, reporting each case', async () => {
    const disputed = SCENARIOS.filter((s) => s.supplier !== 'waive').map((s) => cases.get(s.reason)!);
    const bulk = await t.api('POST', '/api/v1/bulk', { kind: 'prepare_disputes', ids: [...disputed, 'case_does_not_exist'] });
    expect(bulk.status).toBe(202);
    await t.drainJobs();
    const done = (await t.api('GET', `/api/v1/bulk/${bulk.body.id}`)).body;
    expect(done).toMatchObject({ status: 'finished', total: disputed.length + 1, done: disputed.length + 1, failed: 1 });
    expect(done.results.find((r: { id: string }) => r.id === 'case_does_not_exist').error.code).toBe('NOT_FOUND');
  });

  for (const s of SCENARIOS) {
    it(`closes a ${s.reason.replaceAll('_', ' ')} case`, async () => {
      const id = cases.get(s.reason)!;
      await t.api('POST', `/api/v1/cases/${id}/confirm`, {});
      await t.api('POST', `/api/v1/cases/${id}/verify`, {});
      await t.api('POST', `/api/v1/cases/${id}/messages`, { channel: 'supplier', direction: 'outbound', body: 'Hello, a problem with this order.' });
      await s.resolve(t.api, id);
      if (s.supplier === 'waive') expect((await t.api('POST', `/api/v1/cases/${id}/waive-supplier`, { reason: 'small amount' })).status).toBe(200);
      else {
        const dispute = (await t.api('GET', `/api/v1/cases/${id}`)).body.disputes[0];
        await t.api('POST', `/api/v1/disputes/${dispute.id}/events`, { type: 'opened' });
        const outcome = s.supplier === 'partly_won' ? { type: 'partly_won', recoveredMinor: Math.floor(dispute.amountMinor / 2) } : { type: s.supplier };
        expect((await t.api('POST', `/api/v1/disputes/${dispute.id}/events`, outcome)).status).toBe(200);
      }
      const view = (await t.api('GET', `/api/v1/cases/${id}`)).body;
      expect(view.closedAt).not.toBeNull();
      expect(view.customerStatus).toBe('resolved');
      expect(view.supplierStatus).toBe(s.expected.supplierStatus);
      expect(view.money).toMatchObject({ refundedMinor: s.expected.refundedMinor, recoveredMinor: s.expected.recoveredMinor });
      expect(view.steps.filter((x: { done: boolean }) => x.done).length).toBeGreaterThanOrEqual(4);
    });
  }

  it('exports the cases in bulk as CSV', async () => {
    const bulk = await t.api('POST', '/api/v1/bulk', { kind: 'export_cases', ids: [...cases.values()] });
    await t.drainJobs();
    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/bulk/${bulk.body.id}/export.csv`, headers: { authorization: `Bearer ${t.token}` } });
    const rows = csv.body.trim().split('\n');
    expect(rows).toHaveLength(SCENARIOS.length + 1);
    expect(rows[0]).toBe('case,order_id,reason,customer_status,supplier_status,opened,currency,refunded,recovered,net_loss');
  });
});
