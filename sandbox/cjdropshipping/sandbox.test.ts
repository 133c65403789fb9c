import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCjSandbox, type CjSandbox } from './index.ts';

let sandbox: CjSandbox;

async function call(method: 'GET' | 'POST', path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(init.token ? { 'CJ-Access-Token': init.token } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  sandbox = await startCjSandbox({ qps: 50, accessTokenTtlSeconds: 3_600 });
});
afterAll(() => sandbox.close());

describe('CJ auth and envelope', () => {
  it('issues tokens for email + apiKey once per 5 minutes, in the {code, result, message, data, requestId} envelope', async () => {
    const first = await call('POST', '/authentication/getAccessToken', { body: { email: sandbox.email, apiKey: sandbox.apiKey } });
    expect(first.body).toMatchObject({ code: 200, result: true, message: 'Success', requestId: expect.any(String), data: { accessToken: expect.any(String), refreshToken: expect.any(String) } });
    expect(first.body.data.accessTokenExpiryDate).toMatch(/\+08:00$/);
    const again = await call('POST', '/authentication/getAccessToken', { body: { email: sandbox.email, apiKey: sandbox.apiKey } });
    expect(again).toMatchObject({ status: 429, body: { code: 1600200, result: false, data: null } });
    sandbox.advance(5 * 60_000);
    expect((await call('POST', '/authentication/getAccessToken', { body: { email: sandbox.email, apiKey: 'nope' } })).body.code).toBe(1600001);
  });

  it('refuses a missing, unknown or expired CJ-Access-Token', async () => {
    expect((await call('GET', '/shopping/order/list')).body).toMatchObject({ code: 1600002, result: false });
    expect((await call('GET', '/shopping/order/list', { token: 'forged' })).body.code).toBe(1600001);
    const token = sandbox.issueAccessToken();
    expect((await call('GET', '/shopping/order/list', { token })).body.code).toBe(200);
    sandbox.advance(3_600_001);
    expect((await call('GET', '/shopping/order/list', { token })).body.code).toBe(1600001);
  });

  it('limits each user to its QPS', async () => {
    sandbox.setQps(1);
    try {
      const token = sandbox.issueAccessToken();
      const results = await Promise.all([1, 2, 3].map(() => call('GET', '/shopping/order/list', { token })));
      expect(results.map((r) => r.body.code).sort((a, b) => a - b)).toEqual([200, 1600200, 1600200]);
      expect(results.filter((r) => r.status === 429)).toHaveLength(2);
    } finally {
      sandbox.setQps(50);
    }
  });
});

describe('CJ disputes on the wire', () => {
  it('refuses an amount above goods plus postage, a second dispute on the line, and a bad reason', async () => {
    const token = sandbox.issueAccessToken();
    const order = sandbox.addOrder({ status: 'DELIVERED', postageMinor: 300, lines: [{ sku: 'S1', name: 'Lamp', supplierName: 'x', unitPriceMinor: 1999, quantity: 1 }] });
    const line = order.lines[0]!;
    const base = {
      orderId: order.orderId, businessDisputeId: 'b1', disputeReasonId: 4, expectType: 1, refundType: 1, messageText: 'Flickers',
      imageUrl: ['https://img.example/1.jpg'], productInfoList: [{ lineItemId: line.lineItemId, quantity: 1, price: 19.99 }],
    };
    const confirm = await call('POST', '/disputes/disputeConfirmInfo', { token, body: { orderId: order.orderId, productInfoList: [{ lineItemId: line.lineItemId, quantity: 1 }] } });
    expect(confirm.body.data).toMatchObject({ maxProductPrice: 19.99, maxPostage: 3, maxAmount: 22.99, expectResultOptionList: ['1', '2'] });

    expect((await call('POST', '/disputes/create', { token, body: { ...base, refundAmount: 23 } })).body).toMatchObject({ code: 1603003, result: false });
    expect((await call('POST', '/disputes/create', { token, body: { ...base, disputeReasonId: 99 } })).body.code).toBe(1600100);
    expect((await call('POST', '/disputes/create', { token, body: { ...base, imageUrl: ['file:///etc/passwd'] } })).body.code).toBe(1600100);
    expect((await call('POST', '/disputes/create', { token, body: { ...base, refundAmount: 22.99 } })).body).toMatchObject({ code: 200, data: true });
    expect((await call('POST', '/disputes/create', { token, body: { ...base, businessDisputeId: 'b2' } })).body.code).toBe(1603002);

    const products = await call('GET', `/disputes/disputeProducts?orderId=${order.orderId}`, { token });
    expect(products.body.data.productInfoList[0]).toMatchObject({ lineItemId: line.lineItemId, canChoose: false, price: 19.99 });
    const list = await call('GET', `/disputes/getDisputeList?orderId=${order.orderId}`, { token });
    expect(list.body.data).toMatchObject({ total: 1, list: [{ businessDisputeId: 'b1', status: 'PENDING', money: 22.99 }] });
  });
});
