import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../src/shared/crypto.ts';
import { inParallel, insertStoreOrders, PRODUCTS, sourcingCounts, startSourcingWorld, type SourcingWorld } from './support.ts';

// Placing supplier orders on the AliExpress simulator through Recoup's API, against real
// PostgreSQL: idempotent by out_order_id, one supplier order per seller, refusals change nothing.

let w: SourcingWorld;
beforeAll(async () => {
  w = await startSourcingWorld();
}, 60_000);
afterAll(() => w?.close());

describe('connecting the AliExpress buyer account', () => {
  it('keeps the app secret and the tokens sealed and shows only their dates', async () => {
    const row = await w.t.ctx.db.selectFrom('supplier_accounts').selectAll().where('id', '=', w.accountId).executeTakeFirstOrThrow();
    expect(row.secret_encrypted).not.toContain(w.ae.appSecret);
    expect(unseal(row.secret_encrypted, w.t.ctx.config.secretKey)).toBe(w.ae.appSecret);
    expect(unseal(row.access_token_encrypted!, w.t.ctx.config.secretKey)).toMatch(/^50000/);
    const list = await w.t.api('GET', '/api/v1/sourcing/accounts');
    expect(list.body.items[0]).toMatchObject({ platform: 'aliexpress', buyerAccount: 'buyer@gadget-corner.test', webhookPath: `/webhooks/aliexpress/${w.accountId}`, accessExpiresAt: '2026-03-03T08:00:00.000Z' });
    expect(JSON.stringify(list.body)).not.toContain(w.ae.appSecret);
  });

  it('refuses a used authorisation code with what to do, and stores nothing', async () => {
    const before = await w.t.ctx.db.selectFrom('supplier_accounts').select('id').execute();
    const refused = await w.t.api('POST', '/api/v1/sourcing/accounts/aliexpress', { name: 'Second', appKey: w.ae.appKey, appSecret: w.ae.appSecret, code: 'not-a-code', baseUrl: w.ae.url });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'PLATFORM_AUTH_FAILED' });
    expect(refused.body.error.message).toMatch(/InvalidCode.*authorise again/);
    expect(await w.t.ctx.db.selectFrom('supplier_accounts').select('id').execute()).toHaveLength(before.length);
  });
});

describe('placing supplier orders', () => {
  it('places 1,000 store orders twice and AliExpress holds 1,000 orders, Recoup 1,000 supplier orders', async () => {
    const orderIds = await insertStoreOrders(w.t, { prefix: 'k', count: 1000, skus: [PRODUCTS.holder.sku] });
    const place = (id: string) => w.t.api('POST', `/api/v1/orders/${id}/place-with-aliexpress`, {});
    const first = await inParallel(orderIds, 16, place);
    expect(first.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    expect(first[0]!.body).toMatchObject({ outOrderId: `recoup-${orderIds[0]}`, repeated: false, supplierOrders: [{ status: 'paid', paidMinor: 698, currency: 'USD', supplier: { name: 'Sunrise Gadgets Store' } }] });

    const second = await inParallel(orderIds, 16, place);
    expect(second.every((r) => r.status === 200 && r.body.repeated === true)).toBe(true);
    expect(second[0]!.body.supplierOrders[0].id).toBe(first[0]!.body.supplierOrders[0].id);

    expect(w.ae.orders()).toHaveLength(1000);
    const counts = await sourcingCounts(w.t);
    expect(counts.supplier_orders).toBe(1000);
    expect(counts.supplier_order_links).toBe(1000);
    expect(counts.supplier_order_lines).toBe(1000);
  }, 90_000);

  it('places the same orders at the same moment from two requests once (AliExpress deduplicates by out_order_id)', async () => {
    const orderIds = await insertStoreOrders(w.t, { prefix: 'dup', count: 20, skus: [PRODUCTS.cable.sku] });
    const before = w.ae.orders().length;
    const results = await inParallel([...orderIds, ...orderIds], 40, (id) => w.t.api('POST', `/api/v1/orders/${id}/place-with-aliexpress`, {}));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(w.ae.orders().length - before).toBe(20);
    const recorded = await w.t.ctx.db.selectFrom('supplier_orders').select('order_id').where('order_id', 'in', orderIds).execute();
    expect(recorded).toHaveLength(20);
  });

  it('survives a lost answer: the retry gets the same AliExpress order, not a second', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'lost', count: 1, skus: [PRODUCTS.holder.sku] });
    const before = w.ae.orders().length;
    w.ae.injectFault({ method: 'aliexpress.ds.order.create', kind: 'lost-response' });
    const placed = await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {});
    expect(placed.status).toBe(201);
    expect(w.ae.orders().length - before).toBe(1);
    expect(placed.body.supplierOrders).toHaveLength(1);
  });

  it('gets one supplier order per AliExpress seller, each with its own lines and what was paid', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'split', count: 1, skus: [PRODUCTS.holder.sku, PRODUCTS.lamp.sku] });
    const placed = await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {});
    expect(placed.status).toBe(201);
    const bySupplier = Object.fromEntries(placed.body.supplierOrders.map((s: any) => [s.supplier.name, s]));
    // holder 4.99 + 1.99 shipping; lamp 18.99 + free shipping, from another seller
    expect(bySupplier['Sunrise Gadgets Store']).toMatchObject({ paidMinor: 698, lines: [{ orderLineId: `oli_split1_0`, quantity: 1, costMinor: 698 }] });
    expect(bySupplier['Happy Home Official Store']).toMatchObject({ paidMinor: 1899, lines: [{ orderLineId: `oli_split1_1`, quantity: 1, costMinor: 1899 }] });
    expect(new Set(placed.body.supplierOrders.map((s: any) => s.externalId)).size).toBe(2);
    expect(placed.body.supplierOrders[0].disputeWindow.closesAt).toBeNull(); // not shipped yet: no window
  });
});

describe('bad input changes nothing', () => {
  it('refuses an address AliExpress does not accept, naming what to fix', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'addr', count: 1, skus: [PRODUCTS.holder.sku], address: { name: 'Maria Lopez', line1: '12 Oak Street', city: 'Austin', region: 'TX', postalCode: 'ABCDE', country: 'US', phone: '5125550142' } });
    const before = { counts: await sourcingCounts(w.t), ae: w.ae.orders().length };
    const refused = await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PLATFORM_REJECTED');
    expect(refused.body.error.message).toMatch(/B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL.*zip "ABCDE".*Correct the shipping address/);
    expect({ counts: await sourcingCounts(w.t), ae: w.ae.orders().length }).toEqual(before);

    // fixed in the request, it goes through
    const fixed = await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, { address: { postalCode: '78701' } });
    expect(fixed.status).toBe(201);
  });

  it('refuses a shipping method AliExpress does not offer for that product and country', async () => {
    await w.t.api('PUT', '/api/v1/sourcing/shipping-presets', { productId: PRODUCTS.lamp.productId, country: 'US', shippingMethod: 'CAINIAO_ECONOMY' });
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'ship', count: 1, skus: [PRODUCTS.lamp.sku] });
    const before = { counts: await sourcingCounts(w.t), ae: w.ae.orders().length };
    const refused = await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/DELIVERY_METHOD_NOT_EXIST.*CAINIAO_ECONOMY.*available: CAINIAO_FULFILLMENT_STD, DHL.*shipping presets/);
    expect({ counts: await sourcingCounts(w.t), ae: w.ae.orders().length }).toEqual(before);

    const freight = await w.t.api('GET', `/api/v1/sourcing/freight?productId=${PRODUCTS.lamp.productId}&country=US`);
    expect(freight.body.options.map((o: any) => o.code)).toEqual(['CAINIAO_FULFILLMENT_STD', 'DHL']);
    await w.t.api('PUT', '/api/v1/sourcing/shipping-presets', { productId: PRODUCTS.lamp.productId, country: 'US', shippingMethod: 'DHL' });
    expect((await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {})).body.supplierOrders[0].shippingMethod).toBe('DHL');
  });

  it('refuses an unmapped SKU and an address without a phone before asking AliExpress', async () => {
    const [unmapped] = await insertStoreOrders(w.t, { prefix: 'nomap', count: 1, skus: ['NOT-MAPPED'] });
    const [nophone] = await insertStoreOrders(w.t, { prefix: 'nophone', count: 1, skus: [PRODUCTS.holder.sku], address: { name: 'Maria Lopez', line1: '12 Oak Street', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' } });
    const calls = w.ae.calls();
    const a = await w.t.api('POST', `/api/v1/orders/${unmapped}/place-with-aliexpress`, {});
    expect(a.status).toBe(400);
    expect(a.body.error.message).toMatch(/No AliExpress product is mapped for NOT-MAPPED/);
    const b = await w.t.api('POST', `/api/v1/orders/${nophone}/place-with-aliexpress`, {});
    expect(b.status).toBe(400);
    expect(b.body.error.message).toMatch(/lacks phone/);
    expect(w.ae.calls()).toBe(calls);
  });

  it('renews the access token on use near expiry, by the cron job before that, and refuses once the grant ran out', async () => {
    const expiresAt = async () => (await w.t.ctx.db.selectFrom('supplier_accounts').select('access_expires_at').where('id', '=', w.accountId).executeTakeFirstOrThrow()).access_expires_at!.getTime();
    const first = await expiresAt();
    // on use: 20 minutes before expiry is inside the 30-minute margin
    w.advance(first - w.t.clock.now().getTime() - 20 * 60_000);
    const [onUse] = await insertStoreOrders(w.t, { prefix: 'tok', count: 1, skus: [PRODUCTS.cable.sku] });
    expect((await w.t.api('POST', `/api/v1/orders/${onUse}/place-with-aliexpress`, {})).status).toBe(201);
    const second = await expiresAt();
    expect(second).toBeGreaterThan(first);

    // by cron: 5 hours before expiry
    w.advance(second - w.t.clock.now().getTime() - 5 * 3_600_000);
    await w.t.ctx.db.transaction().execute((tx) => w.t.ctx.jobs.enqueue(tx, 'sourcing.refresh-tokens', {}));
    await w.t.drainJobs();
    expect(await expiresAt()).toBeGreaterThan(second);

    // the refresh token lives two days from the grant and a refresh does not extend it
    w.advance(2 * 86_400_000);
    const [late] = await insertStoreOrders(w.t, { prefix: 'late', count: 1, skus: [PRODUCTS.cable.sku] });
    const before = { counts: await sourcingCounts(w.t), ae: w.ae.orders().length };
    const refused = await w.t.api('POST', `/api/v1/orders/${late}/place-with-aliexpress`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLATFORM_AUTH_FAILED');
    expect(refused.body.error.message).toMatch(/authorisation of AliExpress buyer account "Main buyer" expired.*connect it with the new code/);
    expect({ counts: await sourcingCounts(w.t), ae: w.ae.orders().length }).toEqual(before);

    // re-authorised with a new code, the same account places again
    const again = await w.t.api('POST', '/api/v1/sourcing/accounts/aliexpress', { name: 'Main buyer', appKey: w.ae.appKey, appSecret: w.ae.appSecret, code: w.ae.issueAuthCode({ userId: '2000000042' }), baseUrl: w.ae.url });
    expect(again.body.id).toBe(w.accountId);
    expect((await w.t.api('POST', `/api/v1/orders/${late}/place-with-aliexpress`, {})).status).toBe(201);
  });
});
