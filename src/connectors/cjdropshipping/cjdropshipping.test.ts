import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCjSandbox, type CjSandbox } from '../../../sandbox/cjdropshipping/index.ts';
import { createCjClient, type CjClientOptions, type CjTokens } from './index.ts';

let sandbox: CjSandbox;
let saved: CjTokens | null = null;
// getAccessToken works once per 5 minutes: clients share the tokens the first one obtained.
const client = (extra: Partial<CjClientOptions> = {}) => createCjClient({
  baseUrl: sandbox.baseUrl, email: sandbox.email, apiKey: sandbox.apiKey, now: () => sandbox.now(),
  requestsPerSecond: 100, retryBaseMs: 5, timeoutMs: 2_000, tokens: saved, onTokens: (t) => { saved = t; }, ...extra,
});
const shippedOrder = () => sandbox.addOrder({
  status: 'SHIPPED', postageMinor: 450, trackNumber: 'CJPKL7160102171YQ',
  lines: [
    { sku: 'CJSJ1041743', name: 'Earbuds', supplierName: 'banggood', unitPriceMinor: 2300, quantity: 1 },
    { sku: 'CJSJ1041744', name: 'Case', supplierName: 'banggood', unitPriceMinor: 1000, quantity: 2 },
  ],
});

beforeAll(async () => {
  sandbox = await startCjSandbox({ qps: 100, now: '2025-03-01T00:00:00Z' });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.clearFaults());

describe('CJ authentication', () => {
  it('logs in once, keeps the tokens, and refreshes rather than logging in again when the access token expires', async () => {
    const order = shippedOrder();
    await client().getOrder(order.orderId);
    expect(sandbox.calls('/authentication/getAccessToken')).toHaveLength(1);
    await client().getOrder(order.orderId);
    expect(sandbox.calls('/authentication/getAccessToken')).toHaveLength(1);

    sandbox.advance(15 * 86_400_000);
    await client().getOrder(order.orderId);
    expect(sandbox.calls('/authentication/refreshAccessToken')).toHaveLength(1);
    expect(sandbox.calls('/authentication/getAccessToken')).toHaveLength(1);
  });

  it('reports a wrong API key as an auth error', async () => {
    sandbox.advance(5 * 60_000);
    await expect(client({ apiKey: 'CJ-wrong', tokens: null }).getOrder('1')).rejects.toMatchObject({ kind: 'auth', code: 1600001 });
  });
});

describe('CJ orders', () => {
  it('reads an order in Recoup words', async () => {
    const order = shippedOrder();
    expect(await client().getOrder(order.orderId)).toMatchObject({
      status: 'shipped', rawStatus: 'SHIPPED', totalMinor: 4750, productMinor: 4300, postageMinor: 450, paidMinor: 4750, currency: 'USD',
      trackingNumbers: [{ number: 'CJPKL7160102171YQ', carrier: 'CJPacket Ordinary' }],
      lines: [expect.objectContaining({ sku: 'CJSJ1041743', quantity: 1, unitPriceMinor: 2300 }), expect.objectContaining({ quantity: 2, unitPriceMinor: 1000 })],
    });
    const listed = await client().listOrders({ status: 'SHIPPED' });
    expect(listed.items.map((o) => o.orderId)).toContain(order.orderId);
  });

  it('retries 5xx and timeouts, and reports an unknown order as not found', async () => {
    const order = shippedOrder();
    sandbox.injectFault({ path: '/shopping/order/getOrderDetail', kind: 'http502' });
    sandbox.injectFault({ path: '/shopping/order/getOrderDetail', kind: 'timeout' });
    expect((await client({ timeoutMs: 300 }).getOrder(order.orderId)).orderId).toBe(order.orderId);
    await expect(client().getOrder('404')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('keeps under the QPS limit by pacing, and rides out a 429 when it does not', async () => {
    const order = shippedOrder();
    sandbox.setQps(2);
    try {
      const paced = client({ requestsPerSecond: 2 });
      await Promise.all([1, 2, 3, 4].map(() => paced.getOrder(order.orderId)));
      const before = sandbox.calls().filter((c) => c.code === 1600200).length;
      expect(before).toBe(0);
      const eager = client({ requestsPerSecond: 100 });
      await Promise.all([1, 2, 3, 4].map(() => eager.getOrder(order.orderId)));
      expect(sandbox.calls().filter((c) => c.code === 1600200).length).toBeGreaterThan(0);
    } finally {
      sandbox.setQps(100);
    }
  });
});

describe('CJ disputes', () => {
  it('open, follow, cancel, reopen and settle, end to end', async () => {
    const cj = client();
    const order = shippedOrder();
    const [earbuds, cases] = await cj.listDisputableLines(order.orderId);
    expect(earbuds).toMatchObject({ canDispute: true, unitPriceMinor: 2300, quantity: 1 });
    const options = await cj.getDisputeOptions(order.orderId, [{ lineItemId: earbuds!.lineItemId, quantity: 1 }]);
    expect(options.maxAmountMinor).toBe(2750);
    expect(options.reasons.map((r) => r.id)).toContain(2);

    const request = {
      orderId: order.orderId, businessDisputeId: 'dsp_001', lines: [{ lineItemId: earbuds!.lineItemId, quantity: 1 }], reasonId: 2,
      expect: 'refund' as const, amountMinor: 2000, message: 'Arrived cracked', imageUrls: ['https://files.example/crack.jpg'],
    };
    const opened = await cj.openDispute(request);
    expect(opened).toMatchObject({ created: true, dispute: { status: 'open', businessDisputeId: 'dsp_001', requestedMinor: 2000, expect: 'refund' } });
    // the same key again is the same dispute, not a second one
    expect(await cj.openDispute(request)).toMatchObject({ created: false, dispute: { disputeId: opened.dispute.disputeId } });
    // another key on the same line is CJ's refusal, surfaced as a conflict that names the open one
    const clash = await cj.openDispute({ ...request, businessDisputeId: 'dsp_002' }).catch((e: unknown) => e);
    expect(clash).toMatchObject({ kind: 'conflict' });
    expect((clash as Error).message).toContain(opened.dispute.disputeId);
    expect((await cj.listDisputableLines(order.orderId)).map((l) => l.canDispute)).toEqual([false, true]);
    expect(sandbox.disputes().filter((d) => d.orderId === order.orderId)).toHaveLength(1);

    sandbox.moveDispute(opened.dispute.disputeId, 'review', { reply: 'Please send a photo of the box' });
    expect(await cj.getDispute(opened.dispute.disputeId)).toMatchObject({ status: 'under_review', replies: [{ from: 'cj', text: 'Please send a photo of the box' }] });
    await cj.cancelDispute(order.orderId, opened.dispute.disputeId);
    expect((await cj.getDispute(opened.dispute.disputeId)).status).toBe('cancelled');

    const tooMuch = await cj.openDispute({ ...request, businessDisputeId: 'dsp_003', amountMinor: 2751 }).catch((e: unknown) => e);
    expect(tooMuch).toMatchObject({ kind: 'exceeds_refundable' });
    const second = await cj.openDispute({ ...request, businessDisputeId: 'dsp_004', lines: [{ lineItemId: cases!.lineItemId, quantity: 2 }], amountMinor: 2000 });
    sandbox.moveDispute(second.dispute.disputeId, 'refund', { refundMinor: 1500 });
    expect(await cj.getDispute(second.dispute.disputeId)).toMatchObject({ status: 'resolved', outcome: 'refund', refundedMinor: 1500 });
    await expect(cj.cancelDispute(order.orderId, second.dispute.disputeId)).rejects.toMatchObject({ kind: 'conflict' });

    const listed = await cj.listDisputes({ orderId: order.orderId });
    expect(listed.items.map((d) => d.businessDisputeId)).toEqual(['dsp_004', 'dsp_001']);
  });

  it('opens exactly one dispute when the create response is lost', async () => {
    const order = shippedOrder();
    const line = sandbox.order(order.orderId)!.lines[0]!;
    sandbox.injectFault({ path: '/disputes/create', kind: 'lost-response' });
    const opened = await client().openDispute({
      orderId: order.orderId, businessDisputeId: 'dsp_lost', lines: [{ lineItemId: line.lineItemId, quantity: 1 }], reasonId: 1, expect: 'reissue', message: 'Never arrived',
    });
    expect(opened).toMatchObject({ created: true, dispute: { businessDisputeId: 'dsp_lost', expect: 'reissue' } });
    expect(sandbox.disputes().filter((d) => d.businessDisputeId === 'dsp_lost')).toHaveLength(1);
  });

  it('refuses a dispute on an unpaid order', async () => {
    const order = sandbox.addOrder({ status: 'UNPAID', lines: [{ sku: 'X', name: 'X', supplierName: 's', unitPriceMinor: 100, quantity: 1 }] });
    await expect(client().openDispute({
      orderId: order.orderId, businessDisputeId: 'dsp_unpaid', lines: [{ lineItemId: order.lines[0]!.lineItemId, quantity: 1 }], reasonId: 1, expect: 'refund', message: 'x',
    })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
