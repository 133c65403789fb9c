import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAliExpressSandbox, type AliExpressSandbox } from '../../../sandbox/aliexpress/index.ts';
import { ConnectorError } from '../types.ts';
import { AliExpressError, createAliExpressClient, parseAliExpressPush, verifyAliExpressPush, type AliExpressShippingAddress, type PlaceOrderRequest } from './index.ts';

const ADDRESS: AliExpressShippingAddress = {
  name: 'Jane Doe', line1: '1 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US', phone: '555 123 4567', phoneCountryCode: '+1',
};
const HOLDER = { productId: '1005002704149141', skuAttr: '14:175#Black', quantity: 1, shippingMethod: 'CAINIAO_FULFILLMENT_STD' };
const LAMP = { productId: '1005004556667778', skuAttr: '14:771#White;200007763:201336100#China', quantity: 2, shippingMethod: 'CAINIAO_FULFILLMENT_STD' };

let sandbox: AliExpressSandbox;
let token: string;
const client = (extra: Partial<Parameters<typeof createAliExpressClient>[0]> = {}) => createAliExpressClient({
  baseUrl: sandbox.url, appKey: sandbox.appKey, appSecret: sandbox.appSecret, getAccessToken: () => token,
  now: () => sandbox.now(), retryBaseMs: 1, timeoutMs: 2_000, ...extra,
});
const order = (outOrderId: string, extra: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest => ({ outOrderId, address: ADDRESS, items: [HOLDER], ...extra });

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  }));
  return results;
}

beforeAll(async () => {
  sandbox = await startAliExpressSandbox({ seed: 7, tokenTtlSeconds: 3_600, now: '2025-03-01T00:00:00Z' });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  token = sandbox.issueAccessToken().accessToken;
  sandbox.clearFaults();
});

describe('placing AliExpress orders', () => {
  it('creates 1,000 orders once even when all 1,000 are placed twice', async () => {
    const before = sandbox.orders().length;
    const ids = Array.from({ length: 1_000 }, (_, i) => `rc-bulk-${i}`);
    const first = await mapLimit(ids, 20, (id) => client().placeOrder(order(id)));
    const second = await mapLimit(ids, 20, (id) => client().placeOrder(order(id)));
    expect(sandbox.orders().length - before).toBe(1_000);
    expect(second.map((r) => r.orderIds)).toEqual(first.map((r) => r.orderIds));
    expect(new Set(first.flatMap((r) => r.orderIds)).size).toBe(1_000);
  }, 60_000);

  it('splits an order into one AliExpress order per seller', async () => {
    const { orderIds } = await client().placeOrder(order('rc-two-sellers', { items: [HOLDER, LAMP, { ...HOLDER, productId: '1005003112223334', skuAttr: '' }] }));
    expect(orderIds).toHaveLength(2);
    const sellers = orderIds.map((id) => sandbox.order(id)!.product.seller.sellerId);
    expect(new Set(sellers).size).toBe(2);
    expect(sandbox.order(orderIds[0]!)!.lines).toHaveLength(2);
  });

  it('refuses a bad address or a shipping method the destination lacks, creating nothing', async () => {
    const before = sandbox.orders().length;
    const badZip = await client().placeOrder(order('rc-bad-zip', { address: { ...ADDRESS, postalCode: 'ABC' } })).catch((e: unknown) => e);
    expect(badZip).toBeInstanceOf(AliExpressError);
    expect(badZip).toMatchObject({ kind: 'invalid', code: 'B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL' });
    expect((badZip as Error).message).toMatch(/address is not accepted.*zip/);

    const noDhlToFrance = await client().placeOrder(order('rc-bad-method', { address: { ...ADDRESS, country: 'FR', postalCode: '75001', region: 'Paris', city: 'Paris', phoneCountryCode: '+33' }, items: [{ ...HOLDER, shippingMethod: 'DHL' }] })).catch((e: unknown) => e);
    expect(noDhlToFrance).toMatchObject({ kind: 'invalid', code: 'DELIVERY_METHOD_NOT_EXIST' });
    expect((noDhlToFrance as Error).message).toMatch(/shipping method is not available.*CAINIAO_FULFILLMENT_STD/);

    // the second line is refused: the first line's seller gets no order either
    const mixed = await client().placeOrder(order('rc-mixed', { items: [HOLDER, { ...LAMP, shippingMethod: 'CAINIAO_ECONOMY' }] })).catch((e: unknown) => e);
    expect(mixed).toMatchObject({ code: 'DELIVERY_METHOD_NOT_EXIST' });
    expect(sandbox.orders().length).toBe(before);
  });

  it('retries order.create through 5xx, a timeout and a lost response without a second order', async () => {
    sandbox.injectFault({ method: 'aliexpress.ds.order.create', kind: 'http503' });
    sandbox.injectFault({ method: 'aliexpress.ds.order.create', kind: 'lost-response' });
    sandbox.injectFault({ method: 'aliexpress.ds.order.create', kind: 'timeout' });
    const callsBefore = sandbox.calls('aliexpress.ds.order.create');
    const { orderIds } = await client({ timeoutMs: 300 }).placeOrder(order('rc-flaky'));
    expect(sandbox.calls('aliexpress.ds.order.create') - callsBefore).toBe(4);
    expect(sandbox.orders().filter((o) => o.outOrderId === 'rc-flaky').map((o) => o.orderId)).toEqual(orderIds);
  });

  it('gives up with an unavailable error when 5xx persists', async () => {
    sandbox.injectFault({ kind: 'http500', times: 10 });
    await expect(client({ maxRetries: 2 }).getOrder('1')).rejects.toMatchObject({ kind: 'unavailable', status: 500 });
  });
});

describe('AliExpress tokens', () => {
  it('exchanges a code, expires the access token by the clock, and refreshes it', async () => {
    const api = client();
    const created = await api.createToken(sandbox.issueAuthCode({ userId: '2000000009', account: 'ops@shop.test' }));
    expect(created).toMatchObject({ userId: '2000000009', account: 'ops@shop.test', expiresAt: '2025-03-01T01:00:00.000Z' });
    token = created.accessToken;
    const { orderIds } = await api.placeOrder(order('rc-token'));

    sandbox.advance(3_601_000);
    const expired = await api.getOrder(orderIds[0]!).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(ConnectorError);
    expect(expired).toMatchObject({ kind: 'auth', code: 'IllegalAccessToken' });

    const refreshed = await api.refreshToken(created.refreshToken);
    expect(refreshed.refreshExpiresAt).toBe(created.refreshExpiresAt);
    token = refreshed.accessToken;
    expect((await api.getOrder(orderIds[0]!)).status).toBe('awaiting_payment');
    await expect(api.createToken('3_not_a_code')).rejects.toMatchObject({ kind: 'auth', code: 'InvalidCode' });
  });

  it('refuses a client signing with the wrong secret as an auth problem', async () => {
    await expect(client({ appSecret: 'wrong' }).getOrder('1')).rejects.toMatchObject({ kind: 'auth', code: 'IncompleteSignature' });
  });
});

describe('following an AliExpress order', () => {
  it('reads statuses, paid amount, tracking and shipment date as the order moves', async () => {
    const api = client();
    const [id] = (await api.placeOrder(order('rc-follow', { items: [LAMP] }))).orderIds;
    expect(await api.getOrder(id!)).toMatchObject({ status: 'awaiting_payment', rawStatus: 'PLACE_ORDER_SUCCESS', paidMinor: 0, totalMinor: 3798, currency: 'USD' });

    sandbox.advance(60_000);
    sandbox.advanceOrder(id!, 'pay');
    expect(await api.getOrder(id!)).toMatchObject({ status: 'paid', paidMinor: 3798, paidAt: sandbox.now().toISOString() });

    sandbox.advanceOrder(id!, 'ship', { trackingNumber: 'LP0012345678CN', carrier: 'Cainiao', firstScan: false });
    expect(await api.getTracking(id!)).toMatchObject({ found: false });
    const shippedAt = new Date(sandbox.now().getTime() + 3_600_000);
    sandbox.addTrackingEvent(id!, { name: 'Accepted by carrier', at: shippedAt.getTime() });
    sandbox.addTrackingEvent(id!, { name: 'Departed from sorting center', at: shippedAt.getTime() + 86_400_000 });
    const shipped = await api.getOrder(id!);
    expect(shipped).toMatchObject({ status: 'shipped', logisticsStatus: 'SELLER_SEND_GOODS', shippedAt: shippedAt.toISOString(), trackingNumbers: [{ number: 'LP0012345678CN', carrier: 'Cainiao' }] });
    const tracking = await api.getTracking(id!);
    expect(tracking.parcels[0]!.events.map((e) => e.name)).toEqual(['Accepted by carrier', 'Departed from sorting center']);
    expect(tracking.parcels[0]!.items).toEqual([expect.objectContaining({ productId: '1005004556667778', quantity: 2 })]);

    sandbox.advanceOrder(id!, 'confirm');
    expect((await api.getOrder(id!)).status).toBe('delivered');
  });

  it('sees a cancelled order as cancelled although AliExpress says FINISH', async () => {
    const api = client();
    const [id] = (await api.placeOrder(order('rc-cancel'))).orderIds;
    sandbox.advanceOrder(id!, 'cancel');
    expect(await api.getOrder(id!)).toMatchObject({ rawStatus: 'FINISH', status: 'cancelled' });
  });

  it('reports an unknown order as not found', async () => {
    await expect(client().getOrder('8100000000000000')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('quotes freight per destination', async () => {
    const quote = await client().queryFreight({ productId: HOLDER.productId, skuId: '12000021000000001', country: 'US' });
    expect(quote.available).toBe(true);
    expect(quote.options.map((o) => [o.code, o.feeMinor, o.maxDays])).toEqual([['CAINIAO_FULFILLMENT_STD', 199, 12], ['CAINIAO_ECONOMY', 0, 25], ['DHL', 2499, 9]]);
    expect(await client().queryFreight({ productId: HOLDER.productId, country: 'JP' })).toMatchObject({ available: false, reason: 'DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS' });
  });
});

describe('AliExpress status pushes', () => {
  it('are signed so the connector can verify them, duplicates included, and parse', async () => {
    const received: { body: string; headers: IncomingHttpHeaders }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      sandbox.setPushUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/aliexpress`);
      sandbox.setPushFaults({ duplicate: true });
      const [id] = (await client().placeOrder(order('rc-push'))).orderIds;
      sandbox.advanceOrder(id!, 'pay');
      sandbox.advanceOrder(id!, 'ship');
      await sandbox.flushPushes();
      expect(received).toHaveLength(6);
      for (const push of received) expect(verifyAliExpressPush(push.body, push.headers, sandbox.appSecret, sandbox.appKey)).toBe(true);
      const parsed = received.map((p) => parseAliExpressPush(p.body));
      expect(new Set(parsed.map((p) => p.dedupeKey)).size).toBe(3);
      expect([...new Set(parsed.map((p) => p.status))]).toEqual(['awaiting_payment', 'paid', 'shipped']);
      expect(parsed.every((p) => p.orderId === id)).toBe(true);

      sandbox.setPushFaults({ badSignature: true });
      sandbox.pushOrderStatus(id!, 'OrderShipped');
      await sandbox.flushPushes();
      expect(verifyAliExpressPush(received.at(-1)!.body, received.at(-1)!.headers, sandbox.appSecret, sandbox.appKey)).toBe(false);
    } finally {
      sandbox.setPushUrl(null);
      sandbox.setPushFaults({});
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
