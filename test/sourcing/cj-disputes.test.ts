import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCjSandbox, type CjSandbox } from '../../sandbox/cjdropshipping/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { insertStoreOrders, sourcingCounts, T0 } from './support.ts';

// A CJdropshipping dispute end to end through Recoup's API and CJ's dispute API (simulated):
// prepared with an amount never above what was paid, filed exactly once, followed by the job to
// CJ's refund, recorded as won with the recovery in the ledger; and withdrawn with CJ's cancel.

let t: TestApp;
let cj: CjSandbox;

/** A store order bought on CJ: the CJ order in the simulator, the supplier order recorded in Recoup. */
async function boughtOnCj(prefix: string, options: { paidMinor?: number } = {}) {
  const [orderId] = await insertStoreOrders(t, { prefix, count: 1, skus: ['CJ-MUG'] });
  const cjOrder = cj.addOrder({ status: 'SHIPPED', postageMinor: 300, lines: [{ sku: 'CJ-MUG', name: 'Ceramic mug', supplierName: 'CJ Warehouse', unitPriceMinor: 1200, quantity: 1 }] });
  const recorded = await t.api('POST', `/api/v1/orders/${orderId}/supplier-orders`, {
    supplier: { platform: 'cjdropshipping', name: 'CJdropshipping' }, externalId: cjOrder.orderId, currency: 'USD', paidMinor: options.paidMinor ?? 1500,
    placedAt: T0, shippedAt: T0, lines: [{ orderLineId: `oli_${prefix}1_0`, quantity: 1, costMinor: options.paidMinor ?? 1500 }],
  });
  expect(recorded.status).toBe(201);
  const opened = await t.api('POST', '/api/v1/cases', { orderId, reason: 'damaged', description: 'The mug arrived broken.' });
  expect(opened.status).toBe(201);
  return { orderId: orderId!, cjOrderId: cjOrder.orderId, supplierOrderId: recorded.body.id as string, caseId: opened.body.id as string };
}

const follow = async () => {
  await t.ctx.db.transaction().execute((tx) => t.ctx.jobs.enqueue(tx, 'sourcing.follow-cj-disputes', {}));
  await t.drainJobs();
};

beforeAll(async () => {
  t = await startTestApp({ now: T0 });
  cj = await startCjSandbox({ now: T0, qps: 50 });
  const connected = await t.api('POST', '/api/v1/sourcing/accounts/cjdropshipping', { name: 'CJ main', email: cj.email, apiKey: cj.apiKey, baseUrl: cj.baseUrl, requestsPerSecond: 50 });
  expect(connected.status).toBe(201);
  expect(connected.body).toMatchObject({ platform: 'cjdropshipping', login: cj.email, webhookPath: null });
  expect(JSON.stringify(connected.body)).not.toContain(cj.apiKey);
}, 60_000);
afterAll(async () => {
  await cj?.close();
  await t?.close();
});

describe('a CJdropshipping dispute', () => {
  it('refuses a dispute amount above what was paid, changing nothing', async () => {
    const bought = await boughtOnCj('over');
    const before = await sourcingCounts(t);
    const refused = await t.api('POST', `/api/v1/cases/${bought.caseId}/disputes`, { supplierOrderId: bought.supplierOrderId, amountMinor: 1501 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'AMOUNT_EXCEEDS_PAID' });
    expect(refused.body.error.message).toMatch(/1501 is more than the 1500 USD paid/);
    expect(await sourcingCounts(t)).toEqual(before);
    expect(cj.disputes()).toHaveLength(0);
  });

  it('is filed once, followed to CJ’s refund and recorded as won with the recovery in the ledger', async () => {
    const bought = await boughtOnCj('won');
    const prepared = await t.api('POST', `/api/v1/cases/${bought.caseId}/disputes`, { supplierOrderId: bought.supplierOrderId });
    expect(prepared.body).toMatchObject({ status: 'prepared', amountMinor: 1500, currency: 'USD' });
    const disputeId = prepared.body.id as string;

    const filed = await t.api('POST', `/api/v1/disputes/${disputeId}/file-with-cj`, {});
    expect(filed.status).toBe(200);
    expect(cj.disputes()).toHaveLength(1);
    const onCj = cj.disputes()[0]!;
    expect(onCj).toMatchObject({ businessDisputeId: disputeId, orderId: bought.cjOrderId, reasonId: 2, amountMinor: 1500, status: 'PENDING' });
    expect(filed.body).toMatchObject({ status: 'opened', externalId: onCj.id });
    expect(filed.body.deadlines.sellerResponseDueAt).not.toBeNull();

    // filing again, or two clicks at once, never opens a second dispute on CJ
    const again = await Promise.all([1, 2].map(() => t.api('POST', `/api/v1/disputes/${disputeId}/file-with-cj`, {})));
    expect(again.map((r) => [r.status, r.body.externalId])).toEqual([[200, onCj.id], [200, onCj.id]]);
    expect(cj.disputes()).toHaveLength(1);

    await follow();
    expect((await t.api('GET', `/api/v1/disputes/${disputeId}`)).body.status).toBe('opened'); // CJ has not looked yet
    cj.moveDispute(onCj.id, 'review', { reply: 'We are checking with the warehouse.' });
    await follow();
    expect((await t.api('GET', `/api/v1/disputes/${disputeId}`)).body.status).toBe('seller_responded');

    cj.advance(3 * 86_400_000);
    cj.moveDispute(onCj.id, 'refund');
    await follow();
    await follow(); // a second run changes nothing
    const won = await t.api('GET', `/api/v1/disputes/${disputeId}`);
    expect(won.body).toMatchObject({ status: 'won', recoveredMinor: 1500 });
    const ledger = await t.ctx.db.selectFrom('ledger_entries').selectAll().where('dispute_id', '=', disputeId).execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'recovery', amount_minor: 1500, currency: 'USD', order_id: bought.orderId });
    const byOrder = await t.api('GET', '/api/v1/ledger?groupBy=order');
    expect(JSON.stringify(byOrder.body.rows.find((r: any) => JSON.stringify(r).includes(bought.orderId)))).toMatch(/1500/);
    expect((await t.api('GET', `/api/v1/cases/${bought.caseId}`)).body.supplierStatus).toBe('won');
  });

  it('records a partial refund as partly won with what CJ returned', async () => {
    const bought = await boughtOnCj('part');
    const disputeId = (await t.api('POST', `/api/v1/cases/${bought.caseId}/disputes`, { supplierOrderId: bought.supplierOrderId })).body.id;
    const filed = await t.api('POST', `/api/v1/disputes/${disputeId}/file-with-cj`, { message: 'Broken on arrival, photos attached.', imageUrls: ['https://example.com/mug.jpg'] });
    cj.moveDispute(filed.body.externalId, 'refund', { refundMinor: 600 });
    await follow();
    expect((await t.api('GET', `/api/v1/disputes/${disputeId}`)).body).toMatchObject({ status: 'partly_won', recoveredMinor: 600 });
  });

  it('refuses to file more than CJ refunds for the lines, and leaves CJ and the dispute untouched', async () => {
    const bought = await boughtOnCj('cjmax', { paidMinor: 5000 }); // recorded as paid more than CJ's order holds
    const disputeId = (await t.api('POST', `/api/v1/cases/${bought.caseId}/disputes`, { supplierOrderId: bought.supplierOrderId, amountMinor: 4000 })).body.id;
    const before = { counts: await sourcingCounts(t), cj: cj.disputes().length };
    const refused = await t.api('POST', `/api/v1/disputes/${disputeId}/file-with-cj`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('AMOUNT_EXCEEDS_PAID');
    expect(refused.body.error.message).toMatch(/CJ refunds at most USD 15.00/);
    expect({ counts: await sourcingCounts(t), cj: cj.disputes().length }).toEqual(before);
    expect((await t.api('GET', `/api/v1/disputes/${disputeId}`)).body.status).toBe('prepared');
  });

  it('is withdrawn with CJ’s cancel and recorded cancelled; a settled one cannot be', async () => {
    const bought = await boughtOnCj('cancel');
    const disputeId = (await t.api('POST', `/api/v1/cases/${bought.caseId}/disputes`, { supplierOrderId: bought.supplierOrderId })).body.id;
    const filed = await t.api('POST', `/api/v1/disputes/${disputeId}/file-with-cj`, {});
    const cancelled = await t.api('POST', `/api/v1/disputes/${disputeId}/cancel-with-cj`, { note: 'Customer found the parcel' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cj.disputes().find((d) => d.id === filed.body.externalId)!.status).toBe('CANCELLED');
    const twice = await t.api('POST', `/api/v1/disputes/${disputeId}/cancel-with-cj`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
  });
});
