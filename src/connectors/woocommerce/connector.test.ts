import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../../sandbox/woocommerce/index.ts';
import { ConnectorError } from '../types.ts';
import { createWooCommerceConnector, type WooCommerceConnector } from './index.ts';

// The connector against the simulator over real HTTP: exactly-once refunds through faults,
// coupons, fulfillment, and reads that survive host errors.

let sandbox: WooCommerceSandbox;
let connector: WooCommerceConnector;
beforeAll(async () => {
  sandbox = await startWooCommerceSandbox({ seedOrders: 120, seed: 11 });
  connector = createWooCommerceConnector({ baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, requestsPerSecond: 200, retryBaseMs: 5, timeoutMs: 1000 });
});
afterAll(async () => sandbox.close());

const used = new Set<number>();
/** A fresh paid order nobody has refunded, on a gateway that can pay back. */
function paidOrder(gateway = 'stripe') {
  const order = sandbox.orders().find((o) => o.status === 'processing' && o.paymentMethod === gateway && o.refunds.length === 0 && !used.has(o.id))!;
  used.add(order.id);
  return order;
}
const refund = (orderId: number, key: string, amountMinor: number) =>
  connector.createRefund({ orderExternalId: String(orderId), idempotencyKey: key, currency: 'USD', amountMinor, reason: 'Parcel lost in transit' });

describe('orders', () => {
  it('reads an order in Recoup\'s words', async () => {
    const sim = paidOrder();
    const order = (await connector.getOrder(String(sim.id)))!;
    expect(order).toMatchObject({ externalId: String(sim.id), orderNumber: `#${sim.id}`, currency: 'USD', totalMinor: sim.totalMinor, shippingMinor: sim.shippingMinor, refundedMinor: 0 });
    expect(order.createdAt).toBe(sim.createdAt.toISOString());
    expect(order.customer.email).toBe(sim.billing.email);
    expect(order.lines.map((l) => l.unitPriceMinor * l.quantity)).toEqual(sim.lines.map((l) => Math.round(l.totalMinor / l.quantity) * l.quantity));
    expect(await connector.getOrder('999999')).toBeNull();
  });

  it('retries reads through host 5xx pages, a hang and a 429 storm', async () => {
    sandbox.faults.next5xx(2, { match: 'GET /orders' });
    sandbox.faults.nextTimeouts(1, { match: 'GET /orders', hangMs: 5000 });
    sandbox.faults.next429(2, { match: 'GET /orders', retryAfterSeconds: 0 });
    const page = await connector.listOrders({ cursor: null, pageSize: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(120);
  });
});

describe('refunds', () => {
  it('creates a refund through the gateway with the key in its reason, plus an order note', async () => {
    const sim = paidOrder();
    const result = await refund(sim.id, 'res_1', 1000);
    expect(result).toMatchObject({ amountMinor: 1000, currency: 'USD' });
    expect(sandbox.refunds(sim.id)).toMatchObject([{ id: Number(result.externalId), amountMinor: 1000, refundedPayment: true, reason: 'Parcel lost in transit [recoup:res_1]' }]);
    expect(sandbox.notes(sim.id).some((n) => n.note.includes('[recoup:res_1]'))).toBe(true);
    expect(await refund(sim.id, 'res_1', 1000)).toEqual(result); // a repeat finds it
    expect(await connector.refundableAmount(String(sim.id))).toEqual({ amountMinor: sim.totalMinor - 1000, currency: 'USD' });
  });

  it('refuses more than is refundable as exceeds_refundable, creating nothing', async () => {
    const sim = paidOrder();
    const error = await refund(sim.id, 'res_2', sim.totalMinor + 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe('exceeds_refundable');
    expect(sandbox.refunds(sim.id)).toHaveLength(0);
  });

  it('maps WooCommerce\'s own "Invalid refund amount." (an HTTP 500) to exceeds_refundable rather than retrying', async () => {
    const sim = paidOrder();
    // Someone refunds the whole order in wp-admin between our read and our write.
    const racing = createWooCommerceConnector({
      baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, requestsPerSecond: 200,
      fetch: (input, init) => {
        if (init?.method === 'POST') sim.refunds.push({ id: 1, orderId: sim.id, createdAt: new Date(), amountMinor: sim.totalMinor, reason: 'wp-admin', refundedBy: 1, refundedPayment: true, lines: [] });
        return fetch(input, init);
      },
    });
    await expect(racing.createRefund({ orderExternalId: String(sim.id), idempotencyKey: 'res_2b', currency: 'USD', amountMinor: 100, reason: 'x' }))
      .rejects.toMatchObject({ kind: 'exceeds_refundable', message: expect.stringMatching(/Invalid refund amount\./) });
    expect(sandbox.refunds(sim.id).map((r) => r.reason)).toEqual(['wp-admin']);
  });

  it('survives a lost response: the refund is found by its mark, exactly one exists', async () => {
    const sim = paidOrder();
    sandbox.faults.loseResponse(1, { match: 'POST /orders/' });
    const result = await refund(sim.id, 'res_3', 1500);
    expect(sandbox.refunds(sim.id)).toHaveLength(1);
    expect(result.externalId).toBe(String(sandbox.refunds(sim.id)[0]!.id));
    expect(await connector.findRefund(String(sim.id), 'res_3')).toEqual(result);
    expect(await connector.findRefund(String(sim.id), 'res_other')).toBeNull();
  });

  it('when the answer is lost and the shop then goes down it says "unknown", and a later findRefund sees the one refund', async () => {
    const sim = paidOrder();
    sandbox.faults.loseResponse(1, { match: `POST /orders/${sim.id}/refunds` });
    // The shop goes down right after taking the refund: every later read gets a 502 page.
    const flaky = createWooCommerceConnector({
      baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, requestsPerSecond: 200, retryBaseMs: 5,
      fetch: (input, init) => {
        if (init?.method === 'POST') sandbox.faults.next5xx(50, { match: `GET /orders/${sim.id}` });
        return fetch(input, init);
      },
    });
    const error = await flaky.createRefund({ orderExternalId: String(sim.id), idempotencyKey: 'res_4', currency: 'USD', amountMinor: 700, reason: 'Parcel lost' }).catch((e: unknown) => e);
    sandbox.faults.clear();
    expect((error as { outcomeUnknown?: boolean }).outcomeUnknown).toBe(true);
    expect(sandbox.refunds(sim.id)).toHaveLength(1);
    expect((await connector.findRefund(String(sim.id), 'res_4'))?.amountMinor).toBe(700);
    await refund(sim.id, 'res_4', 700);
    expect(sandbox.refunds(sim.id)).toHaveLength(1);
  });

  it('retries after a host 5xx on the refund without refunding twice', async () => {
    const sim = paidOrder();
    sandbox.faults.next5xx(1, { match: `POST /orders/${sim.id}/refunds`, status: 503 });
    await refund(sim.id, 'res_5', 300);
    expect(sandbox.refunds(sim.id)).toHaveLength(1);
    expect(sandbox.stats().faults['5xx']).toBeGreaterThan(0);
  });

  it('refuses gateways that cannot refund and store credit, with clear reasons', async () => {
    const bacs = paidOrder('bacs');
    await expect(refund(bacs.id, 'res_6', 100)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/does not support automatic refunds/) });
    expect(sandbox.refunds(bacs.id)).toHaveLength(0);
    const sim = paidOrder();
    await expect(connector.createRefund({ orderExternalId: String(sim.id), idempotencyKey: 'res_7', currency: 'USD', amountMinor: 100, reason: 'x', toStoreCredit: true }))
      .rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/coupon/) });
  });
});

describe('coupons and fulfillment', () => {
  it('creates a coupon once, finds it by code, and will not claim someone else\'s code', async () => {
    const request = { idempotencyKey: 'res_c1', code: 'SORRY-1042', currency: 'USD', amountMinor: 1250, customerEmail: 'olivia@example.com' };
    const made = await connector.createDiscount(request);
    expect(sandbox.coupons()).toMatchObject([{ code: 'sorry-1042', amountMinor: 1250, discountType: 'fixed_cart', emailRestrictions: ['olivia@example.com'], usageLimit: 1 }]);
    expect(await connector.createDiscount(request)).toEqual(made);
    expect(await connector.findDiscount('res_c1', 'sorry-1042')).toEqual(made);
    await expect(connector.createDiscount({ ...request, idempotencyKey: 'res_c2' })).rejects.toMatchObject({ kind: 'conflict' });
    sandbox.faults.loseResponse(1, { match: 'POST /coupons' });
    const percent = await connector.createDiscount({ idempotencyKey: 'res_c3', code: 'SORRY-15', currency: 'USD', percent: 15, customerEmail: null });
    expect(sandbox.coupons().filter((c) => c.code === 'sorry-15')).toMatchObject([{ id: Number(percent.externalId), discountType: 'percent', amountMinor: 1500 }]);
  });

  it('pushes tracking as order meta and a customer note, completes the order, and does not repeat itself', async () => {
    const sim = paidOrder();
    const request = { orderExternalId: String(sim.id), idempotencyKey: 'par_1', trackingNumber: 'LP00123456789CN', carrier: 'Cainiao', trackingUrl: 'https://global.cainiao.com/detail.htm?mailNoList=LP00123456789CN', notifyCustomer: true };
    const result = await connector.pushFulfillment(request);
    sandbox.faults.loseResponse(1, { match: `POST /orders/${sim.id}/notes` });
    await connector.pushFulfillment({ ...request, idempotencyKey: 'par_2', trackingNumber: 'LP2' });
    expect(await connector.pushFulfillment(request)).toEqual(result);
    expect(sim.status).toBe('completed');
    const entries = sim.meta.find((m) => m.key === 'recoup_tracking')!.value as { key: string; tracking_number: string; note_id: number | null }[];
    expect(entries.map((e) => [e.key, e.tracking_number, typeof e.note_id])).toEqual([['par_1', 'LP00123456789CN', 'number'], ['par_2', 'LP2', 'number']]);
    expect(sandbox.notes(sim.id).filter((n) => n.customerNote)).toHaveLength(2);
  });
});
