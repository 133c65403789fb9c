import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

// For random sequences of case actions (proposals, approvals, executions, cancellations, disputes
// and their outcomes, in any order, valid or not), the money always balances: the order's refunded
// total equals its refund entries and never exceeds what was paid; each dispute's recovery equals
// its ledger entry and never exceeds what was disputed; nothing is ever answered with a 5xx.

const action = fc.oneof(
  fc.record({ type: fc.constant('propose' as const), caseIndex: fc.nat(1), kind: fc.constantFrom('full_refund', 'partial_refund', 'store_credit', 'discount'), amount: fc.integer({ min: 1, max: 6000 }) }),
  fc.record({ type: fc.constant('approve' as const), pick: fc.nat(5) }),
  fc.record({ type: fc.constant('execute' as const), pick: fc.nat(5) }),
  fc.record({ type: fc.constant('cancel' as const), pick: fc.nat(5) }),
  fc.record({ type: fc.constant('dispute' as const), caseIndex: fc.nat(1), amount: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('dispute_event' as const), pick: fc.nat(3), event: fc.constantFrom('opened', 'escalated', 'won', 'partly_won', 'lost', 'cancelled'), recovered: fc.integer({ min: 0, max: 1500 }) }),
);

describe('the ledger under random case actions', () => {
  let t: TestApp;
  let run = 0;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-20T10:00:00Z' });
  });
  afterAll(() => t?.close());

  it('always balances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        run++;
        const order = await t.api('POST', '/api/v1/orders', {
          shopId: t.shopId, orderNumber: `#F${run}`, placedAt: '2026-03-01T10:00:00Z', currency: 'USD', customer: { email: `f${run}@example.com`, name: 'F' }, shippingCountry: 'US', shippingMinor: 300,
          lines: [{ title: 'A', quantity: 1, unitPriceMinor: 2500 }, { title: 'B', quantity: 2, unitPriceMinor: 1000 }],
        });
        const [a, b] = order.body.lines;
        const so = await t.api('POST', `/api/v1/orders/${order.body.id}/supplier-orders`, {
          supplier: { platform: 'aliexpress', name: 'Prop Supplier' }, externalId: `AEF${run}`, currency: 'USD', paidMinor: 1600, placedAt: '2026-03-01T12:00:00Z', shippedAt: '2026-03-03T12:00:00Z',
          lines: [{ orderLineId: a.id, quantity: 1, costMinor: 1000 }, { orderLineId: b.id, quantity: 2, costMinor: 600 }],
        });
        const caseIds = [
          (await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'damaged', lines: [{ orderLineId: a.id, quantity: 1 }] })).body.id,
          (await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'missing_item', lines: [{ orderLineId: b.id, quantity: 2 }] })).body.id,
        ];
        const resolutions: string[] = [];
        const disputes: string[] = [];
        for (const step of actions) {
          let res: { status: number; body: any } | null = null;
          if (step.type === 'propose') {
            const body = step.kind === 'full_refund' ? { kind: step.kind } : { kind: step.kind, amountMinor: step.amount };
            res = await t.api('POST', `/api/v1/cases/${caseIds[step.caseIndex]}/resolutions`, body);
            if (res.status === 201) resolutions.push(res.body.id);
          } else if (step.type === 'dispute') {
            res = await t.api('POST', `/api/v1/cases/${caseIds[step.caseIndex]}/disputes`, { supplierOrderId: so.body.id, ...(step.amount ? { amountMinor: step.amount } : {}) });
            if (res.status === 201) disputes.push(res.body.id);
          } else if (step.type === 'dispute_event') {
            const id = disputes[step.pick % Math.max(1, disputes.length)];
            if (id) res = await t.api('POST', `/api/v1/disputes/${id}/events`, step.event === 'partly_won' ? { type: step.event, recoveredMinor: step.recovered } : { type: step.event });
          } else {
            const id = resolutions[step.pick % Math.max(1, resolutions.length)];
            if (id) res = await t.api('POST', `/api/v1/resolutions/${id}/${step.type}`, step.type === 'execute' ? {} : step.type === 'cancel' ? {} : undefined);
          }
          if (res) expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        }

        const o = await t.ctx.db.selectFrom('orders').select(['total_minor', 'refunded_minor']).where('id', '=', order.body.id).executeTakeFirstOrThrow();
        const ledger = await t.ctx.db.selectFrom('ledger_entries').selectAll().where('order_id', '=', order.body.id).execute();
        const refundEntries = ledger.filter((l) => l.kind === 'refund' || l.kind === 'store_credit');
        expect(o.refunded_minor).toBe(refundEntries.reduce((s, l) => s + l.amount_minor, 0));
        expect(o.refunded_minor).toBeLessThanOrEqual(o.total_minor);
        const executed = await t.ctx.db.selectFrom('resolutions').select(['id', 'amount_minor', 'kind']).where('order_id', '=', order.body.id).where('status', '=', 'executed').execute();
        expect(new Set(ledger.filter((l) => l.resolution_id).map((l) => l.resolution_id))).toEqual(new Set(executed.map((r) => r.id)));
        const ds = await t.ctx.db.selectFrom('disputes').select(['id', 'amount_minor', 'recovered_minor']).where('supplier_order_id', '=', so.body.id).execute();
        for (const d of ds) {
          const entry = ledger.find((l) => l.dispute_id === d.id);
          expect(entry?.amount_minor ?? 0).toBe(d.recovered_minor);
          expect(d.recovered_minor).toBeLessThanOrEqual(d.amount_minor);
        }
        expect(ds.reduce((s, d) => s + d.recovered_minor, 0)).toBeLessThanOrEqual(1600);
        const view = (await t.api('GET', `/api/v1/orders/${order.body.id}`)).body;
        expect(view.refundable.refundableMinor).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
