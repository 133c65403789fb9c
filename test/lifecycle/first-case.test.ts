import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanParcelTrouble } from '../../src/modules/parcels/index.ts';
import { importOrdersCsv } from '../../src/modules/imports/index.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The first complete case, through the HTTP API: an imported order whose parcel stalled, reported
// as not received, verified, the supplier asked, an AliExpress dispute prepared and recorded, the
// customer refunded in full, the dispute won, and the case closed with no money lost.

const CSV = `order_number,placed_at,customer_email,customer_name,shipping_country,currency,shipping,sku,title,quantity,unit_price,supplier,supplier_platform,supplier_order_id,supplier_cost,shipping_method,shipped_at,tracking_number,carrier
#1001,2026-02-26T14:05:00Z,maria.lopez@example.com,Maria Lopez,US,USD,4.99,LED-STRIP-5M,LED strip 5 m,1,24.99,Sunny Gadgets Store,aliexpress,8123456789012345,7.40,AliExpress Standard Shipping,2026-03-02T08:00:00Z,LP00123456789CN,Cainiao
`;

describe('the first complete case (manual shop, not received, dispute won)', () => {
  let t: TestApp;
  let orderId: string;
  let parcelId: string;
  let supplierOrderId: string;
  let caseId: string;
  let disputeId: string;
  let resolutionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-01T09:00:00Z' });
  });
  afterAll(() => t?.close());

  it('imports the order with its supplier order and tracking number from CSV', async () => {
    const report = await importOrdersCsv(t.ctx, { ...systemActor(t.workspaceId), label: 'test' }, { shopId: t.shopId, csv: CSV });
    expect(report.orders).toEqual({ imported: 1, alreadyThere: 0, failed: 0 });
    const list = await t.api('GET', '/api/v1/orders?q=maria.lopez');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    orderId = list.body.items[0].id;
    expect(list.body.items[0].totalMinor).toBe(2998);

    const order = await t.api('GET', `/api/v1/orders/${orderId}`);
    supplierOrderId = order.body.supplierOrders[0].id;
    parcelId = order.body.parcels[0].id;
    expect(order.body.supplierOrders[0]).toMatchObject({ paidMinor: 740, status: 'shipped', disputeWindow: { opensAt: '2026-03-13T08:00:00.000Z', closesAt: '2026-05-01T08:00:00.000Z' } });
    expect(order.body.parcels[0]).toMatchObject({ trackingNumber: 'LP00123456789CN', status: 'pending' });
  });

  it('follows the parcel until it stalls, and flags it', async () => {
    const events = await t.api('POST', `/api/v1/parcels/${parcelId}/events`, {
      events: [
        { occurredAt: '2026-03-02T10:00:00Z', status: 'info_received', rawStatus: 'InfoReceived', description: 'Electronic information received' },
        { occurredAt: '2026-03-04T03:00:00Z', status: 'in_transit', rawStatus: 'InTransit', description: 'Departed from sorting center', location: 'Shenzhen' },
      ],
    });
    expect(events.status).toBe(200);
    expect(events.body.parcel.status).toBe('in_transit');

    t.clock.set('2026-03-20T09:00:00Z');
    await scanParcelTrouble(t.ctx);
    const parcel = await t.api('GET', `/api/v1/parcels/${parcelId}`);
    expect(parcel.body.flags).toContain('stalled');
  });

  it('opens a case when the customer reports the parcel never came', async () => {
    const opened = await t.api('POST', '/api/v1/cases', { orderId, reason: 'not_received', description: 'Tracking has not moved for two weeks.' });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    expect(opened.body).toMatchObject({ customerStatus: 'new', supplierStatus: 'not_started', openedBy: 'staff' });
    expect(await t.drainJobs()).toBeGreaterThan(0); // case.opened ran in a worker's place
  });

  it('shows supplier order, parcel status and dispute window together for step 2', async () => {
    await t.api('POST', `/api/v1/cases/${caseId}/confirm`, {});
    const verified = await t.api('POST', `/api/v1/cases/${caseId}/verify`, { note: 'Stuck since Mar 4 in Shenzhen' });
    expect(verified.status).toBe(200);
    const view = await t.api('GET', `/api/v1/cases/${caseId}`);
    expect(view.body.supplierOrders[0]).toMatchObject({ externalId: '8123456789012345', supplier: { name: 'Sunny Gadgets Store' }, disputeWindow: { closesAt: '2026-05-01T08:00:00.000Z' } });
    expect(view.body.supplierOrders[0].deepLink).toContain('8123456789012345');
    expect(view.body.parcels[0]).toMatchObject({ status: 'in_transit', flags: ['stalled'] });
    expect(view.body.steps.slice(0, 2).map((s: { done: boolean }) => s.done)).toEqual([true, true]);
    expect(view.body.clocks).toEqual(
      expect.arrayContaining([
        { name: 'dispute_window', subjectId: supplierOrderId, dueAt: '2026-05-01T08:00:00.000Z', state: 'ok' },
        { name: 'first_reply', subjectId: caseId, dueAt: '2026-03-21T09:00:00.000Z', state: 'ok' },
      ]),
    );
  });

  it('records the message to the supplier (step 3)', async () => {
    const sent = await t.api('POST', `/api/v1/cases/${caseId}/messages`, { channel: 'supplier', direction: 'outbound', body: 'Hello, order 8123456789012345 has not moved since March 4. Can you check with the carrier?' });
    expect(sent.status).toBe(201);
    const reply = await t.api('POST', `/api/v1/cases/${caseId}/messages`, { channel: 'supplier', direction: 'inbound', body: 'Please wait 10 more days.' });
    expect(reply.status).toBe(201);
    expect((await t.api('GET', `/api/v1/cases/${caseId}`)).body.supplierStatus).toBe('asked_supplier');
  });

  it('prepares and records the AliExpress dispute (step 4)', async () => {
    t.clock.set('2026-03-25T09:00:00Z');
    const prepared = await t.api('POST', `/api/v1/cases/${caseId}/disputes`, { supplierOrderId });
    expect(prepared.status).toBe(201);
    disputeId = prepared.body.id;
    expect(prepared.body).toMatchObject({ status: 'prepared', amountMinor: 740, currency: 'USD', request: 'refund_only' });
    expect(prepared.body.platformReason).toMatch(/not received/i);

    const opened = await t.api('POST', `/api/v1/disputes/${disputeId}/events`, { type: 'opened', externalId: 'AE-DSP-5566' });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'opened', deadlines: { sellerResponseDueAt: '2026-03-30T09:00:00.000Z', autoEscalateAt: '2026-04-10T09:00:00.000Z' } });
    expect((await t.api('GET', `/api/v1/cases/${caseId}`)).body.supplierStatus).toBe('dispute_open');
  });

  it('refunds the customer in full, recorded as done in the store admin (step 5)', async () => {
    const proposed = await t.api('POST', `/api/v1/cases/${caseId}/resolutions`, { kind: 'full_refund' });
    expect(proposed.status).toBe(201);
    resolutionId = proposed.body.id;
    expect(proposed.body).toMatchObject({ amountMinor: 2998, status: 'proposed' });
    expect((await t.api('POST', `/api/v1/resolutions/${resolutionId}/approve`)).body.status).toBe('approved');
    const executed = await t.api('POST', `/api/v1/resolutions/${resolutionId}/execute`, { externalReference: 'refund in Shopify admin #r-77' });
    expect(executed.status).toBe(200);
    expect(executed.body).toMatchObject({ status: 'executed', externalId: 'refund in Shopify admin #r-77' });
    const view = await t.api('GET', `/api/v1/cases/${caseId}`);
    expect(view.body).toMatchObject({ customerStatus: 'resolved', closedAt: null, refundable: { refundableMinor: 0, refundedMinor: 2998 } });
  });

  it('wins the dispute, books the recovery, and closes the case with no net loss', async () => {
    t.clock.set('2026-04-02T09:00:00Z');
    const won = await t.api('POST', `/api/v1/disputes/${disputeId}/events`, { type: 'won' });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ status: 'won', recoveredMinor: 740 });
    const view = await t.api('GET', `/api/v1/cases/${caseId}`);
    expect(view.body).toMatchObject({ supplierStatus: 'won', customerStatus: 'resolved', closedAt: '2026-04-02T09:00:00.000Z' });
    expect(view.body.money).toMatchObject({ refundedMinor: 2998, recoveredMinor: 740, supplierCostMinor: 740, customerPaidMinor: 2998, netLossMinor: 0, recoveryRate: 1 });
    expect(view.body.steps.every((s: { done: boolean }) => s.done)).toBe(true);
    const kinds = view.body.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['case.opened', 'case.verified', 'dispute.prepared', 'dispute.open', 'resolution.succeed', 'dispute.win', 'case.closed']));

    const ledger = await t.api('GET', '/api/v1/ledger?groupBy=month');
    expect(ledger.body.rows).toEqual([
      expect.objectContaining({ key: '2026-03', refundedMinor: 2998, recoveredMinor: 0 }),
      expect.objectContaining({ key: '2026-04', refundedMinor: 0, recoveredMinor: 740 }),
    ]);
  });

  it('refuses what the lifecycle does not allow, with 409 and a clear code', async () => {
    const again = await t.api('POST', `/api/v1/resolutions/${resolutionId}/execute`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
    const more = await t.api('POST', `/api/v1/disputes/${disputeId}/events`, { type: 'escalated' });
    expect(more.status).toBe(409);
    expect(more.body.error.message).toMatch(/won/);
  });

  it('answers 400 naming the field for an invalid body', async () => {
    const bad = await t.api('POST', '/api/v1/cases', { orderId, reason: 'not_received', lines: [{ orderLineId: 'oli_x', quantity: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('body.lines.0.quantity') });
  });

  it('answers 401 without credentials and with a wrong token', async () => {
    expect((await t.api('GET', '/api/v1/orders', undefined, null)).status).toBe(401);
    const wrong = await t.api('GET', `/api/v1/cases/${caseId}`, undefined, 'rcp_not-a-token');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
  });
});
