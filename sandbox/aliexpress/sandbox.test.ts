import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAliExpressSandbox, type AliExpressSandbox } from './index.ts';

// Wire-level checks with a signer written here, apart from both the sandbox's and the connector's.
let sandbox: AliExpressSandbox;
let session: string;

function signed(params: Record<string, string>, secret: string, apiPath = '') {
  const keys = Object.keys(params).sort();
  let text = apiPath;
  for (const key of keys) text += key + params[key];
  return { ...params, sign: createHmac('sha256', secret).update(text).digest('hex').toUpperCase() };
}

async function call(path: string, params: Record<string, string>) {
  const response = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
  return { status: response.status, body: (await response.json()) as any };
}

const system = (method: string, extra: Record<string, string> = {}) => ({
  method, app_key: sandbox.appKey, session, timestamp: String(sandbox.now().getTime()), sign_method: 'sha256', format: 'json', v: '2.0', ...extra,
});
const placeParam = (outOrderId: string, overrides: Record<string, unknown> = {}) => JSON.stringify({
  out_order_id: outOrderId,
  logistics_address: { full_name: 'Ana Souza', contact_person: 'Ana Souza', address: 'Rua A 1', city: 'Sao Paulo', province: 'SP', zip: '01001-000', country: 'BR', mobile_no: '11987654321', phone_country: '+55', cpf: '123.456.789-09' },
  product_items: [{ product_id: 1005002704149141, sku_attr: '14:193#Silver', product_count: 1, logistics_service_name: 'CAINIAO_FULFILLMENT_STD' }],
  ...overrides,
});

beforeAll(async () => {
  sandbox = await startAliExpressSandbox({ appKey: '12345678', appSecret: 'helloworld', tokenTtlSeconds: 600 });
  session = sandbox.issueAccessToken().accessToken;
});
afterAll(() => sandbox.close());

describe('the /sync gateway', () => {
  it('refuses a missing or wrong sign with IncompleteSignature', async () => {
    const missing = await call('/sync', system('aliexpress.ds.freight.query'));
    expect(missing.body.error_response).toMatchObject({ type: 'ISV', code: 'IncompleteSignature', msg: 'The request signature does not conform to platform standards' });
    const wrong = await call('/sync', signed(system('aliexpress.ds.freight.query'), 'not-the-secret'));
    expect(wrong.body.error_response.code).toBe('IncompleteSignature');
    // a /rest-style path prefix does not belong in a /sync signature
    const prefixed = await call('/sync', signed(system('aliexpress.ds.freight.query'), 'helloworld', '/sync'));
    expect(prefixed.body.error_response.code).toBe('IncompleteSignature');
  });

  it('refuses a stale timestamp, an unknown app key and an expired session', async () => {
    const stale = await call('/sync', signed(system('aliexpress.ds.freight.query', { timestamp: String(sandbox.now().getTime() - 11 * 60_000) }), 'helloworld'));
    expect(stale.body.error_response.code).toBe('InvalidTimestamp');
    const otherApp = await call('/sync', signed(system('aliexpress.ds.freight.query', { app_key: '999' }), 'helloworld'));
    expect(otherApp.body.error_response.code).toBe('InvalidAppKey');
    const shortLived = sandbox.issueAccessToken().accessToken;
    sandbox.advance(601_000);
    const expired = await call('/sync', signed(system('aliexpress.ds.freight.query', { session: shortLived }), 'helloworld'));
    expect(expired.body.error_response).toMatchObject({ code: 'IllegalAccessToken' });
    session = sandbox.issueAccessToken().accessToken;
  });

  it('accepts the GMT+8 text timestamp too, and names unknown methods', async () => {
    const gmt8 = new Date(sandbox.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const freight = await call('/sync', signed(system('aliexpress.ds.freight.query', { timestamp: gmt8, queryDeliveryReq: JSON.stringify({ productId: '1005003112223334', shipToCountry: 'GB' }) }), 'helloworld'));
    expect(freight.body.aliexpress_ds_freight_query_response.result.delivery_options.delivery_option_d_t_o).toHaveLength(2);
    const unknown = await call('/sync', signed(system('aliexpress.ds.order.cancel'), 'helloworld'));
    expect(unknown.body.error_response.code).toBe('InvalidApiPath');
  });
});

describe('aliexpress.ds.order.create on the wire', () => {
  it('answers the same order_list for the same out_order_id and wraps lists unless simplify=true', async () => {
    const first = await call('/sync', signed(system('aliexpress.ds.order.create', { param_place_order_request4_open_api_d_t_o: placeParam('wire-1') }), 'helloworld'));
    const result = first.body.aliexpress_ds_order_create_response.result;
    expect(result).toMatchObject({ is_success: true, order_list: { number: [expect.any(Number)] } });
    const again = await call('/sync', signed(system('aliexpress.ds.order.create', { simplify: 'true', param_place_order_request4_open_api_d_t_o: placeParam('wire-1') }), 'helloworld'));
    expect(again.body.aliexpress_ds_order_create_response.result.order_list).toEqual(result.order_list.number);
    expect(sandbox.orders().filter((o) => o.outOrderId === 'wire-1')).toHaveLength(1);
  });

  it('allows the same out_order_id again after 24 hours', async () => {
    sandbox.advance(24 * 3_600_000 + 1);
    session = sandbox.issueAccessToken().accessToken;
    await call('/sync', signed(system('aliexpress.ds.order.create', { param_place_order_request4_open_api_d_t_o: placeParam('wire-1') }), 'helloworld'));
    expect(sandbox.orders().filter((o) => o.outOrderId === 'wire-1')).toHaveLength(2);
  });

  it('refuses a Brazilian address without CPF and an order beyond stock, by error_code', async () => {
    const place = async (param: string) => (await call('/sync', signed(system('aliexpress.ds.order.create', { param_place_order_request4_open_api_d_t_o: param }), 'helloworld'))).body.aliexpress_ds_order_create_response.result;
    const base = JSON.parse(placeParam('wire-2'));
    const noCpf = await place(JSON.stringify({ ...base, logistics_address: { ...base.logistics_address, cpf: '' } }));
    expect(noCpf).toMatchObject({ is_success: false, error_code: 'B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL', error_msg: expect.stringMatching(/cpf/) });
    const tooMany = await place(JSON.stringify({
      ...base, logistics_address: { ...base.logistics_address, country: 'US', zip: '10001', province: 'NY', city: 'New York', full_name: 'Ann Lee', contact_person: 'Ann Lee', mobile_no: '2125550100', phone_country: '+1' },
      product_items: [{ product_id: '1005004556667778', sku_attr: '14:771#White;200007763:201336106#United States', product_count: 51, logistics_service_name: 'DHL' }],
    }));
    expect(tooMany).toMatchObject({ is_success: false, error_code: 'INVENTORY_HOLD_ERROR' });
    const sanctioned = await place(JSON.stringify({ ...base, logistics_address: { ...base.logistics_address, country: 'KP' } }));
    expect(sanctioned.error_code).toBe('A005_INVALID_COUNTRIES');
  });

  it('records calls by method', () => {
    expect(sandbox.calls('aliexpress.ds.order.create')).toBeGreaterThanOrEqual(4);
    expect(sandbox.callLog().every((c) => typeof c.method === 'string')).toBe(true);
  });
});

describe('/rest token calls', () => {
  it('sign with the API path and answer flat errors', async () => {
    const base = { app_key: '12345678', timestamp: String(sandbox.now().getTime()), sign_method: 'sha256', code: sandbox.issueAuthCode() };
    const withoutPath = await call('/rest/auth/token/create', signed(base, 'helloworld'));
    expect(withoutPath.body).toMatchObject({ type: 'ISV', code: 'IncompleteSignature' });
    const ok = await call('/rest/auth/token/create', signed(base, 'helloworld', '/auth/token/create'));
    expect(ok.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), user_id: '2000000001', account_platform: 'buyerApp' });
    expect(ok.body.expire_time - sandbox.now().getTime()).toBe(600_000);
    const reused = await call('/rest/auth/token/create', signed(base, 'helloworld', '/auth/token/create'));
    expect(reused.body.code).toBe('InvalidCode');
  });
});
