import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox, type SimOrder } from '../../../sandbox/shopify/index.ts';
import { ConnectorError, type ExternalOrder } from '../types.ts';
import { createShopifyConnector, type ShopifyConnector } from './index.ts';

const gidOf = (o: SimOrder) => `gid://shopify/Order/${o.id}`;
const expectKind = async (promise: Promise<unknown>, kind: ConnectorError['kind']) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).kind).toBe(kind);
};

describe('backfill through the cost-based rate limit', () => {
  let sandbox: ShopifySandbox;
  beforeAll(async () => {
    // A small bucket (pages of ~6 orders) that refills fast enough for a test, so every page waits on the limit.
    sandbox = await startShopifySandbox({ seedOrders: 2000, seed: 7, bucketSize: 400, restoreRate: 8000 });
  });
  afterAll(() => sandbox.close());

  it('pages through every order without a single throttled request and returns exactly what was seeded', async () => {
    const connector = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken });
    const seen: ExternalOrder[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await connector.listOrders({ cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const stats = sandbox.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.maxUsage).toBeLessThanOrEqual(stats.maximumAvailable);
    expect(connector.stats().throttledResponses).toBe(0);
    expect(pages).toBeGreaterThan(100);
    expect(seen).toHaveLength(2000);
    const byId = new Map(seen.map((o) => [o.externalId, o]));
    for (const order of sandbox.orders()) {
      const got = byId.get(gidOf(order));
      expect(got, order.name).toBeDefined();
      const total = order.lines.reduce((s, l) => s + (l.unitMinor - l.unitDiscountMinor) * l.quantity, 0) + order.shippingMinor;
      expect(got!.orderNumber).toBe(order.name);
      expect(got!.totalMinor).toBe(total);
      expect(got!.shippingMinor).toBe(order.shippingMinor);
      expect(got!.refundedMinor).toBe(order.refunds.reduce((s, r) => s + r.transactions.reduce((a, t) => a + t.amountMinor, 0), 0));
      expect(got!.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual(order.lines.map((l) => [l.sku, l.quantity, l.unitMinor - l.unitDiscountMinor]));
      expect(got!.shippingAddress?.country).toBe(order.shippingAddress?.countryCode);
      expect(got!.customer.email).toBe(order.email);
      expect(got!.cancelledAt).toBe(order.cancelledAt === null ? null : new Date(order.cancelledAt).toISOString());
    }
  });

  it('filters by updated_at and fetches lines beyond the first page of an order', async () => {
    const connector = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken });
    const [big] = sandbox.seedOrders(1, 99);
    const template = big!.lines[0]!;
    big!.lines = Array.from({ length: 23 }, (_, i) => ({ ...template, id: 8_000_000 + i, sku: `BULK-${i}` }));
    big!.updatedAt = '2030-01-01T00:00:00Z';
    const page = await connector.listOrders({ cursor: null, updatedSince: '2029-12-31T00:00:00Z' });
    expect(page.items.map((o) => o.orderNumber)).toEqual([big!.name]);
    expect(page.items[0]!.lines).toHaveLength(23);
    expect((await connector.getOrder(gidOf(big!)))!.lines.map((l) => l.sku)).toEqual(big!.lines.map((l) => l.sku));
    expect(await connector.getOrder('gid://shopify/Order/1')).toBeNull();
  });
});

describe('calls that move money and goods', () => {
  let sandbox: ShopifySandbox;
  let connector: ShopifyConnector;
  let next = 0;
  /** an order nobody refunded or shipped yet */
  const fresh = () => {
    const order = sandbox.orders().filter((o) => o.refunds.length === 0 && o.fulfillments.length === 0 && !o.cancelledAt)[next++];
    if (!order) throw new Error('out of fresh orders');
    return order;
  };
  const totalOf = (o: SimOrder) => o.transactions[0]!.amountMinor;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({ seedOrders: 120, seed: 3, restoreRate: 1000 });
    connector = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken, timeoutMs: 500, retryBaseMs: 5 });
  });
  afterEach(() => sandbox.faults.clear());
  afterAll(() => sandbox.close());

  it('refuses a wrong access token with kind auth', async () => {
    const bad = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: 'shpat_wrong' });
    await expectKind(bad.getOrder(gidOf(sandbox.orders()[0]!)), 'auth');
  });

  it('refunds after the calculate step and reports what is left to refund', async () => {
    const order = fresh();
    expect(await connector.refundableAmount(gidOf(order))).toEqual({ amountMinor: totalOf(order), currency: 'USD' });
    const result = await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_partial1', currency: 'USD', amountMinor: 500, reason: 'Parcel lost' });
    expect(result).toMatchObject({ amountMinor: 500, currency: 'USD' });
    expect(order.refunds).toHaveLength(1);
    expect(order.refunds[0]!.note).toBe('recoup:rsl_partial1 Parcel lost');
    expect((await connector.refundableAmount(gidOf(order))).amountMinor).toBe(totalOf(order) - 500);
    // the same key again is the same refund, not a second one
    expect(await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_partial1', currency: 'USD', amountMinor: 500, reason: 'Parcel lost' })).toEqual(result);
    expect(order.refunds).toHaveLength(1);
    expect(await connector.findRefund(gidOf(order), 'rsl_partial1')).toEqual(result);
    expect(await connector.findRefund(gidOf(order), 'rsl_partial')).toBeNull();
  });

  it('refuses to refund above what is refundable and creates nothing', async () => {
    const order = fresh();
    await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_first', currency: 'USD', amountMinor: totalOf(order) - 100, reason: 'x' });
    await expectKind(connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_second', currency: 'USD', amountMinor: 101, reason: 'x' }), 'exceeds_refundable');
    expect(order.refunds).toHaveLength(1);
    const exact = await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_third', currency: 'USD', amountMinor: 100, reason: 'x' });
    expect(exact.amountMinor).toBe(100);
    expect((await connector.refundableAmount(gidOf(order))).amountMinor).toBe(0);
  });

  it('refunds specific lines', async () => {
    const order = fresh();
    const line = order.lines[0]!;
    await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_line', currency: 'USD', amountMinor: line.unitMinor - line.unitDiscountMinor, reason: 'Wrong colour', lines: [{ lineExternalId: `gid://shopify/LineItem/${line.id}`, quantity: 1 }] });
    expect(order.refunds[0]!.lines).toEqual([expect.objectContaining({ lineItemId: line.id, quantity: 1 })]);
  });

  it('after a lost response, finds the refund Shopify made instead of making a second one', async () => {
    const order = fresh();
    sandbox.faults.loseResponse(1, { match: 'refundCreate' });
    const result = await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_lost', currency: 'USD', amountMinor: 700, reason: 'Lost' });
    expect(sandbox.stats().faults['lose-response']).toBe(1);
    expect(order.refunds).toHaveLength(1);
    expect(result).toMatchObject({ externalId: `gid://shopify/Refund/${order.refunds[0]!.id}`, amountMinor: 700 });
    expect(await connector.findRefund(gidOf(order), 'rsl_lost')).toEqual(result);
  });

  it('retries a refund that met a 5xx, a timeout or a 429 storm, making exactly one refund', async () => {
    const order = fresh();
    sandbox.faults.next5xx(1, { match: 'refundCreate' });
    sandbox.faults.nextTimeouts(1, { match: 'refundCreate', hangMs: 2000 });
    sandbox.faults.next429(3, { match: 'refundCreate', retryAfterSeconds: 0.05 });
    const result = await connector.createRefund({ orderExternalId: gidOf(order), idempotencyKey: 'rsl_flaky', currency: 'USD', amountMinor: 300, reason: 'Flaky' });
    expect(result.amountMinor).toBe(300);
    expect(order.refunds).toHaveLength(1);
    expect(sandbox.stats().faults).toMatchObject({ '5xx': 1, timeout: 1, '429': 3 });
  });

  it('retries reads through 5xx and 429, and gives up with unavailable when the shop stays down', async () => {
    const order = fresh();
    sandbox.faults.next5xx(2);
    sandbox.faults.next429(2, { retryAfterSeconds: 0.01 });
    expect((await connector.getOrder(gidOf(order)))!.orderNumber).toBe(order.name);
    sandbox.faults.next5xx(10);
    await expectKind(connector.getOrder(gidOf(order)), 'unavailable');
  });

  it('waits out a bucket drained by another app instead of failing', async () => {
    sandbox.bucket.drain();
    const order = fresh();
    expect((await connector.getOrder(gidOf(order)))!.orderNumber).toBe(order.name);
    expect(connector.stats().throttledResponses).toBeGreaterThanOrEqual(1);
  });

  it('pushes a fulfillment with tracking once per tracking number', async () => {
    const order = fresh();
    const request = { orderExternalId: gidOf(order), idempotencyKey: 'prc_1', trackingNumber: 'LX123456789CN', carrier: '4PX', trackingUrl: 'https://track.4px.com/#/result/0/LX123456789CN', notifyCustomer: true };
    const first = await connector.pushFulfillment(request);
    expect(await connector.pushFulfillment(request)).toEqual(first);
    expect(order.fulfillments).toHaveLength(1);
    expect(order.fulfillments[0]).toMatchObject({ tracking: [{ number: 'LX123456789CN', company: '4PX', url: request.trackingUrl }], notifyCustomer: true });
    expect(order.fulfillmentOrders[0]!.status).toBe('CLOSED');
    await expectKind(connector.pushFulfillment({ ...request, trackingNumber: 'OTHER' }), 'conflict');
  });

  it('ships only the requested lines', async () => {
    const order = sandbox.orders().find((o) => o.lines.length >= 2 && o.fulfillments.length === 0 && o.refunds.length === 0)!;
    const line = order.lines[1]!;
    await connector.pushFulfillment({ orderExternalId: gidOf(order), idempotencyKey: 'prc_2', trackingNumber: '9400111', carrier: 'USPS', trackingUrl: null, notifyCustomer: false, lines: [{ lineExternalId: `gid://shopify/LineItem/${line.id}`, quantity: line.quantity }] });
    expect(order.fulfillments[0]!.lines).toEqual([{ lineItemId: line.id, quantity: line.quantity }]);
    expect(order.fulfillmentOrders[0]!.status).toBe('IN_PROGRESS');
  });

  it('creates a discount code for one customer, idempotently', async () => {
    const order = fresh();
    const request = { idempotencyKey: 'rsl_disc', code: 'SORRY-1042', currency: 'USD', amountMinor: 1000, customerEmail: order.email };
    const result = await connector.createDiscount(request);
    expect(result.code).toBe('SORRY-1042');
    expect(await connector.createDiscount(request)).toEqual(result);
    expect(await connector.findDiscount('rsl_disc', 'SORRY-1042')).toEqual(result);
    expect(sandbox.discounts()).toHaveLength(1);
    expect(sandbox.discounts()[0]).toMatchObject({ amountMinor: 1000, customerIds: [order.customerId] });
    await expectKind(connector.createDiscount({ ...request, idempotencyKey: 'rsl_other' }), 'conflict');
    const percent = await connector.createDiscount({ idempotencyKey: 'rsl_pct', code: 'TEN-OFF', currency: 'USD', percent: 10, customerEmail: null });
    expect(percent.code).toBe('TEN-OFF');
    expect(sandbox.discounts()[1]).toMatchObject({ percentage: 0.1, customerIds: 'all' });
  });

  it('refunds to store credit through storeCreditAccountCredit, once', async () => {
    const order = fresh();
    const request = { orderExternalId: gidOf(order), idempotencyKey: 'rsl_credit', currency: 'USD', amountMinor: 1500, reason: 'Goodwill', toStoreCredit: true };
    const result = await connector.createRefund(request);
    expect(result).toMatchObject({ amountMinor: 1500, currency: 'USD' });
    expect(await connector.createRefund(request)).toEqual(result);
    expect(await connector.findRefund(gidOf(order), 'rsl_credit')).toEqual(result);
    const account = sandbox.storeCreditAccounts().find((a) => a.customerId === order.customerId)!;
    expect(account.transactions).toHaveLength(1);
    expect(account.balanceMinor).toBe(1500);
    expect(order.refunds).toHaveLength(0);
    expect(order.note).toMatch(/^recoup-sc:rsl_credit txn:/);
  });
});
