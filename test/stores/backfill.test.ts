import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../sandbox/shopify/index.ts';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../sandbox/woocommerce/index.ts';
import { backfillShop } from '../../src/modules/sync/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { connectShopify, connectWoo } from './support.ts';

// Backfill over real HTTP from both simulators into PostgreSQL: every order arrives with its lines,
// customer, refunded amount and external id; the simulated rate limit is never exceeded; a second
// run changes nothing. (bench/store-backfill.ts runs the same with 20,000 orders each.)
const ORDERS = 1500;

describe('backfilling a connected shop', () => {
  let t: TestApp;
  let shopify: ShopifySandbox;
  let woo: WooCommerceSandbox;
  beforeAll(async () => {
    t = await startTestApp();
    shopify = await startShopifySandbox({ seedOrders: ORDERS, seed: 7, bucketSize: 2000, restoreRate: 20000, autoWebhooks: false });
    woo = await startWooCommerceSandbox({ seedOrders: ORDERS, seed: 7, rateLimitPerSecond: 20, autoWebhooks: false });
  });
  afterAll(async () => {
    await shopify?.close();
    await woo?.close();
    await t?.close();
  });

  it('brings every Shopify order in, inside the cost bucket, and a rerun changes nothing', async () => {
    const shopId = await connectShopify(t, shopify);
    // Some history: a partial refund made in the store before Recoup was connected.
    const refunded = shopify.orders()[3]!;
    const started = await t.api('POST', `/api/v1/shops/${shopId}/sync`, {});
    expect(started.status).toBe(202);
    await t.drainJobs();
    const status = await t.api('GET', `/api/v1/shops/${shopId}/sync`);
    expect(status.body).toMatchObject({ status: 'done', done: ORDERS, created: ORDERS, percent: 100, webhookPath: `/webhooks/shopify/${shopId}` });
    expect(shopify.stats().throttled).toBe(0);

    const rows = await t.ctx.db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).execute();
    expect(rows).toHaveLength(ORDERS);
    const sim = shopify.orders().find((o) => o.id === refunded.id)!;
    const row = rows.find((r) => r.external_id === `gid://shopify/Order/${sim.id}`)!;
    expect(row.order_number).toBe(sim.name);
    const lines = await t.ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', row.id).orderBy('position').execute();
    expect(lines.map((l) => [l.external_id, l.quantity, l.unit_price_minor])).toEqual(sim.lines.map((l) => [`gid://shopify/LineItem/${l.id}`, l.quantity, l.unitMinor - l.unitDiscountMinor]));
    const simTotal = sim.lines.reduce((s, l) => s + (l.unitMinor - l.unitDiscountMinor) * l.quantity, 0) + sim.shippingMinor;
    expect(row.total_minor).toBe(simTotal);
    const simRefunded = sim.refunds.reduce((s, r) => s + r.transactions.reduce((a, x) => a + x.amountMinor, 0), 0);
    expect(row.refunded_minor).toBe(simRefunded);
    const customers = await t.ctx.db.selectFrom('customers').select('email').where('shop_id', '=', shopId).execute();
    expect(new Set(customers.map((c) => c.email!.toLowerCase())).size).toBe(new Set(shopify.orders().map((o) => o.email?.toLowerCase()).filter(Boolean)).size);

    // Idempotent: the same history again adds nothing.
    const again = await backfillShop(t.ctx, shopId, { restart: true });
    expect(again).toMatchObject({ status: 'done', done: ORDERS, created: 0 });
    expect(await t.ctx.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).executeTakeFirstOrThrow()).toEqual({ n: ORDERS });
    expect(shopify.stats().throttled).toBe(0);
  });

  it('brings every WooCommerce order in, never above the host limit, and resumes after a stop', async () => {
    const shopId = await connectWoo(t, woo, { requestsPerSecond: 20 });
    // Stop after three pages, as a crash would; the next run continues from the saved cursor.
    let pages = 0;
    await expect(backfillShop(t.ctx, shopId, { pageSize: 100, onProgress: (s) => { if (s.done > 0 && ++pages === 3) throw new Error('stopped'); } })).rejects.toThrow('stopped');
    const midway = await t.api('GET', `/api/v1/shops/${shopId}/sync`);
    expect(midway.body).toMatchObject({ status: 'failed', done: 300, total: ORDERS, percent: 20 });
    const done = await backfillShop(t.ctx, shopId, { pageSize: 100 });
    expect(done).toMatchObject({ status: 'done', done: ORDERS, created: ORDERS });
    const stats = woo.stats();
    expect(stats.throttled).toBe(0);
    expect(stats.maxObservedRate).toBeLessThanOrEqual(20);

    const rows = await t.ctx.db.selectFrom('orders').select(['external_id', 'total_minor', 'refunded_minor', 'order_number']).where('shop_id', '=', shopId).execute();
    expect(rows).toHaveLength(ORDERS);
    const byId = new Map(rows.map((r) => [r.external_id, r]));
    for (const o of woo.orders()) {
      const json = woo.restOrder(o.id) as { total: string; refunds: { total: string }[]; number: string };
      const row = byId.get(String(o.id));
      expect(row, `order ${o.id}`).toBeDefined();
      expect(row!.total_minor).toBe(Math.round(Number(json.total) * 100));
      expect(row!.refunded_minor).toBe(json.refunds.reduce((s, r) => s + Math.abs(Math.round(Number(r.total) * 100)), 0));
    }
    const lineCount = await t.ctx.db.selectFrom('order_lines').innerJoin('orders', 'orders.id', 'order_lines.order_id').select((eb) => eb.fn.countAll<number>().as('n')).where('orders.shop_id', '=', shopId).executeTakeFirstOrThrow();
    expect(Number(lineCount.n)).toBe(woo.orders().reduce((s, o) => s + o.lines.length, 0));
  });
});
