import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../sandbox/shopify/index.ts';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../sandbox/woocommerce/index.ts';
import { createShopifyConnector } from '../../src/connectors/shopify/index.ts';
import { createWooCommerceConnector } from '../../src/connectors/woocommerce/index.ts';
import { backfillShop } from '../../src/modules/sync/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { connectShopify, connectWoo, listen, until } from './support.ts';

// Webhooks from the simulators over real HTTP into Recoup: verified on the raw body with the
// shop's own secret, stored before processing, deduplicated by delivery id; refunds arrive as
// order updates; a late, older state never overwrites a newer one; reconciliation finds what
// webhooks missed.
describe('store webhooks and reconciliation', () => {
  let t: TestApp;
  let base: string;
  let shopify: ShopifySandbox;
  let woo: WooCommerceSandbox;
  let shopifyShop: string;
  let wooShop: string;
  const deliveries = async () => t.ctx.db.selectFrom('webhook_deliveries').selectAll().execute();
  const orderBy = (shopId: string, externalId: string) => t.ctx.db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('external_id', '=', externalId).execute();
  const post = (path: string, body: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url: path, payload: body, headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    t = await startTestApp();
    base = await listen(t);
    shopify = await startShopifySandbox({ seedOrders: 10, seed: 3, webhookRetryDelaysMs: [20, 40] });
    woo = await startWooCommerceSandbox({ seedOrders: 10, seed: 3, webhookRetryDelaysMs: [20, 40] });
    shopifyShop = await connectShopify(t, shopify);
    wooShop = await connectWoo(t, woo);
  });
  afterAll(async () => {
    await shopify?.close();
    await woo?.close();
    await t?.close();
  });

  it('refuses a wrong signature, a re-serialised body and missing headers with 401, storing nothing', async () => {
    const order = shopify.orders()[0]!;
    const body = JSON.stringify(shopify.restOrder(order.id));
    const headers = { 'x-shopify-topic': 'orders/updated', 'x-shopify-shop-domain': shopify.shopDomain, 'x-shopify-webhook-id': 'w-1', 'x-shopify-api-version': '2025-01' };
    const path = `/webhooks/shopify/${shopifyShop}`;
    const wrong = await post(path, body, { ...headers, 'x-shopify-hmac-sha256': shopify.webhooks.sign(`${body} `) });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'WEBHOOK_SIGNATURE_INVALID']);
    expect((await post(path, JSON.stringify(JSON.parse(body), null, 2), { ...headers, 'x-shopify-hmac-sha256': shopify.webhooks.sign(body) })).statusCode).toBe(401);
    expect((await post(path, body, { 'x-shopify-hmac-sha256': shopify.webhooks.sign(body) })).statusCode).toBe(401);
    // Signed with another shop's secret, or sent to a URL that names no shop.
    expect((await post(path, body, { ...headers, 'x-shopify-hmac-sha256': createHmac('sha256', 'other-app').update(body).digest('base64') })).statusCode).toBe(401);
    expect((await post('/webhooks/shopify', body, { ...headers, 'x-shopify-hmac-sha256': shopify.webhooks.sign(body) })).statusCode).toBe(401);

    const wooBody = JSON.stringify(woo.restOrder(woo.orders()[0]!.id)).replaceAll('/', '\\/');
    const wooSign = (b: string) => createHmac('sha256', woo.webhookSecret).update(b).digest('base64');
    const wooHeaders = { 'x-wc-webhook-topic': 'order.updated', 'x-wc-webhook-delivery-id': 'd-1', 'x-wc-webhook-id': '1', 'x-wc-webhook-resource': 'order', 'x-wc-webhook-event': 'updated' };
    const wooPath = `/webhooks/woocommerce/${wooShop}`;
    expect((await post(wooPath, wooBody, { ...wooHeaders, 'x-wc-webhook-signature': wooSign('{}') })).statusCode).toBe(401);
    expect((await post(wooPath, JSON.stringify(JSON.parse(wooBody)), { ...wooHeaders, 'x-wc-webhook-signature': wooSign(wooBody) })).statusCode).toBe(401);
    expect((await post(wooPath, wooBody, { 'x-wc-webhook-signature': wooSign(wooBody) })).statusCode).toBe(401);
    expect(await deliveries()).toEqual([]);
  });

  it('creates one order from the same Shopify delivery sent five times', async () => {
    shopify.subscribeWebhook(`${base}/webhooks/shopify/${shopifyShop}`);
    const order = shopify.orders()[1]!;
    const { webhookId } = shopify.emitWebhook('orders/create', order.id, { duplicate: 4 });
    await shopify.webhooks.idle();
    expect(shopify.webhooks.deliveries.filter((d) => d.webhookId === webhookId).map((d) => d.status)).toEqual([200, 200, 200, 200, 200]);
    await t.drainJobs();
    const stored = (await deliveries()).filter((d) => d.delivery_key === webhookId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.processed_at).not.toBeNull();
    const rows = await orderBy(shopifyShop, `gid://shopify/Order/${order.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.order_number).toBe(order.name);
  });

  it('takes a Shopify refund from its order update, and never lets an older state overwrite a newer one', async () => {
    const order = shopify.orders()[2]!;
    shopify.emitWebhook('orders/create', order.id);
    await shopify.webhooks.idle();
    await t.drainJobs();
    shopify.webhooks.pause();
    shopify.emitWebhook('orders/updated', order.id); // the state before the refund, held back
    await new Promise((r) => setTimeout(r, 1100)); // Shopify's updated_at has whole seconds
    const merchant = createShopifyConnector({ shopDomainOrUrl: shopify.url, accessToken: shopify.accessToken });
    await merchant.createRefund({ orderExternalId: `gid://shopify/Order/${order.id}`, idempotencyKey: 'merchant-admin-1', currency: order.currency, amountMinor: 500, reason: 'refunded in the Shopify admin' });
    shopify.webhooks.release('reverse'); // refunds/create + orders/updated after the refund arrive first, the stale update last
    await shopify.webhooks.idle();
    await t.drainJobs();
    const [row] = await orderBy(shopifyShop, `gid://shopify/Order/${order.id}`);
    const simRefunded = shopify.order(order.id)!.refunds.reduce((s, r) => s + r.transactions.reduce((a, x) => a + x.amountMinor, 0), 0);
    expect(simRefunded).toBeGreaterThanOrEqual(500);
    expect(row!.refunded_minor).toBe(simRefunded);
    expect(row!.external_updated_at!.toISOString()).toBe(new Date(shopify.order(order.id)!.updatedAt).toISOString());
  });

  it('answers WooCommerce\'s creation ping, and takes refunds that arrive as order.updated', async () => {
    const created = await woo.registerWebhook(`${base}/webhooks/woocommerce/${wooShop}`, 'order.created');
    const updated = await woo.registerWebhook(`${base}/webhooks/woocommerce/${wooShop}`, 'order.updated');
    expect([created.ping.status, updated.ping.status]).toEqual([200, 200]);
    expect((await deliveries()).filter((d) => d.source === 'woocommerce')).toEqual([]);
    const order = woo.orders().find((o) => o.status === 'processing' && o.refunds.length === 0)!;
    woo.emitWebhook('order.updated', order.id, { duplicate: 4 });
    await woo.webhooks.idle();
    await t.drainJobs();
    expect(await orderBy(wooShop, String(order.id))).toHaveLength(1);
    const merchant = createWooCommerceConnector({ baseUrl: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret });
    await merchant.createRefund({ orderExternalId: String(order.id), idempotencyKey: 'wp-admin-1', currency: woo.currency, amountMinor: 700, reason: 'refunded in wp-admin' });
    // The refund reaches Recoup as order.updated (WooCommerce has no refund topic).
    await until(async () => {
      await woo.webhooks.idle();
      await t.drainJobs();
      return (await orderBy(wooShop, String(order.id)))[0]!.refunded_minor === 700;
    }, 10_000, 'the refund to arrive').catch(() => undefined);
    const [row] = await orderBy(wooShop, String(order.id));
    const debug = JSON.stringify({ sim: woo.deliveries().map((d) => [d.topic, d.deliveryId]), stored: (await deliveries()).filter((d) => d.source === 'woocommerce').map((d) => [d.topic, d.processed_at, d.last_error]) });
    expect(row!.refunded_minor, debug).toBe(700);
  });

  it('reconciliation finds the orders and refunds whose webhooks never came', async () => {
    const quiet = await startShopifySandbox({ seedOrders: 30, seed: 11, bucketSize: 2000, restoreRate: 20000 });
    try {
      const shopId = await connectShopify(t, quiet, 'Quiet shop');
      await backfillShop(t.ctx, shopId);
      // No webhook subscription: the store changes and Recoup hears nothing.
      const fresh = quiet.seedOrders(3);
      for (const o of fresh) quiet.store.touch(o);
      const old = quiet.orders().find((o) => o.refunds.length === 0 && !o.cancelledAt)!;
      const merchant = createShopifyConnector({ shopDomainOrUrl: quiet.url, accessToken: quiet.accessToken });
      await merchant.createRefund({ orderExternalId: `gid://shopify/Order/${old.id}`, idempotencyKey: 'admin-2', currency: old.currency, amountMinor: 300, reason: 'admin' });
      expect(await t.ctx.db.selectFrom('orders').select('id').where('shop_id', '=', shopId).execute()).toHaveLength(30);

      expect((await t.api('POST', `/api/v1/shops/${shopId}/reconcile`)).status).toBe(202);
      await t.drainJobs();
      expect(await t.ctx.db.selectFrom('orders').select('id').where('shop_id', '=', shopId).execute()).toHaveLength(33);
      const [row] = await orderBy(shopId, `gid://shopify/Order/${old.id}`);
      expect(row!.refunded_minor).toBe(300);
      const status = await t.api('GET', `/api/v1/shops/${shopId}/sync`);
      expect(status.body.reconciledAt).not.toBeNull();
    } finally {
      await quiet.close();
    }
  });
});
