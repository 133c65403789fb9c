import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../sandbox/shopify/index.ts';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../sandbox/woocommerce/index.ts';
import { TRACKING_META_KEY } from '../../src/connectors/woocommerce/index.ts';
import { backfillShop, discountCodeFor, executeStoreResolution } from '../../src/modules/sync/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { connectShopify, connectWoo } from './support.ts';

// What flows out to the stores: discount codes, store credit (Shopify) or a coupon (WooCommerce),
// reships recorded on the supplier side (never sent to the store), and tracking pushed as a fulfilment, each once however often the
// job runs.
describe('outbound calls to the stores', () => {
  let t: TestApp;
  let shopify: ShopifySandbox;
  let woo: WooCommerceSandbox;
  let shopifyShop: string;
  let wooShop: string;
  const used = new Set<string>();

  const pickOrder = async (shopId: string) => {
    const rows = await t.ctx.db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('refunded_minor', '=', 0).where('cancelled_at', 'is', null).where('customer_id', 'is not', null).orderBy('placed_at').execute();
    const row = rows.find((r) => !used.has(r.id))!;
    used.add(row.id);
    const lines = await t.ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', row.id).orderBy('position').execute();
    return { row, lines };
  };
  const resolve = async (shopId: string, body: object) => {
    const { row, lines } = await pickOrder(shopId);
    const kase = await t.api('POST', '/api/v1/cases', { orderId: row.id, reason: 'damaged', lines: [{ orderLineId: lines[0]!.id, quantity: 1 }] });
    const proposed = await t.api('POST', `/api/v1/cases/${kase.body.id}/resolutions`, body);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect((await t.api('POST', `/api/v1/resolutions/${proposed.body.id}/approve`)).status).toBe(200);
    expect((await t.api('POST', `/api/v1/resolutions/${proposed.body.id}/execute`, {})).status).toBe(200);
    await t.drainJobs();
    return { row, resolution: (await t.api('GET', `/api/v1/resolutions/${proposed.body.id}`)).body };
  };

  beforeAll(async () => {
    t = await startTestApp();
    shopify = await startShopifySandbox({ seedOrders: 30, seed: 9, bucketSize: 2000, restoreRate: 20000, autoWebhooks: false });
    woo = await startWooCommerceSandbox({ seedOrders: 30, seed: 9, autoWebhooks: false });
    shopifyShop = await connectShopify(t, shopify);
    wooShop = await connectWoo(t, woo);
    await backfillShop(t.ctx, shopifyShop);
    await backfillShop(t.ctx, wooShop);
  });
  afterAll(async () => {
    await shopify?.close();
    await woo?.close();
    await t?.close();
  });

  it('creates a Shopify discount code once, marked with the resolution id', async () => {
    const { resolution } = await resolve(shopifyShop, { kind: 'discount', amountMinor: 1500 });
    expect(resolution.status).toBe('executed');
    const codes = shopify.discounts().filter((d) => d.title.includes(`recoup:${resolution.id}`));
    expect(codes.map((d) => [d.code, d.amountMinor, d.usageLimit])).toEqual([[discountCodeFor(resolution.id), 1500, 1]]);
    expect(await executeStoreResolution(t.ctx, resolution.id)).toBe('skipped');
    expect(shopify.discounts().filter((d) => d.title.includes(`recoup:${resolution.id}`))).toHaveLength(1);
  });

  it('issues Shopify store credit to the order\'s customer, and a WooCommerce coupon instead', async () => {
    const credit = await resolve(shopifyShop, { kind: 'store_credit', amountMinor: 1200 });
    expect(credit.resolution.status).toBe('executed');
    const transactions = shopify.storeCreditAccounts().flatMap((a) => a.transactions);
    expect(transactions.map((x) => x.amountMinor)).toEqual([1200]);
    expect(credit.resolution.externalId).toBe(`gid://shopify/StoreCreditAccountCreditTransaction/${transactions[0]!.id}`);

    const coupon = await resolve(wooShop, { kind: 'store_credit', amountMinor: 900 });
    expect(coupon.resolution.status).toBe('executed');
    const made = woo.coupons().filter((c) => c.description.includes(`[recoup:${coupon.resolution.id}]`));
    expect(made).toHaveLength(1);
    expect(made[0]!.code.toUpperCase()).toBe(discountCodeFor(coupon.resolution.id));
  });

  it('refunds on WooCommerce once, and records a reship on the supplier side without touching the store', async () => {
    const refund = await resolve(wooShop, { kind: 'partial_refund', amountMinor: 400 });
    expect(refund.resolution.status).toBe('executed');
    expect(woo.refunds(Number(refund.row.external_id)).filter((r) => r.reason?.includes(`[recoup:${refund.resolution.id}]`)).map((r) => r.amountMinor)).toEqual([400]);
    const reship = await resolve(shopifyShop, { kind: 'reship', reshipCostMinor: 800 });
    expect(reship.resolution.status).toBe('executed');
    expect(shopify.order(reship.row.external_id!)!.refunds).toEqual([]);
    const ledger = await t.ctx.db.selectFrom('ledger_entries').select(['kind', 'amount_minor']).where('resolution_id', '=', reship.resolution.id).execute();
    expect(ledger).toEqual([{ kind: 'reship_cost', amount_minor: 800 }]);
  });

  it('pushes tracking to both stores as a fulfilment with number, carrier and URL, once', async () => {
    const { row: sOrder } = await pickOrder(shopifyShop);
    const simOrder = shopify.order(sOrder.external_id!)!;
    const before = simOrder.fulfillments.length;
    const added = await t.api('POST', `/api/v1/orders/${sOrder.id}/parcels`, { trackingNumber: '1Z999AA10123456784', carrier: 'UPS' });
    expect(added.status).toBe(201);
    await t.drainJobs();
    await t.ctx.db.transaction().execute((tx) => t.ctx.jobs.enqueue(tx, 'store.push-tracking', { parcelId: added.body.parcelId }));
    await t.drainJobs();
    const pushed = shopify.order(simOrder.id)!.fulfillments.slice(before);
    expect(pushed.map((f) => f.tracking)).toEqual([[{ number: '1Z999AA10123456784', company: 'UPS', url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }]]);

    const { row: wOrder } = await pickOrder(wooShop);
    const wAdded = await t.api('POST', `/api/v1/orders/${wOrder.id}/parcels`, { trackingNumber: 'LX123456789CN', carrier: 'China Post' });
    await t.drainJobs();
    await t.ctx.db.transaction().execute((tx) => t.ctx.jobs.enqueue(tx, 'store.push-tracking', { parcelId: wAdded.body.parcelId }));
    await t.drainJobs();
    const meta = (woo.restOrder(Number(wOrder.external_id)) as { meta_data: { key: string; value: { tracking_number: string; carrier: string; tracking_url: string }[] }[] }).meta_data.find((m) => m.key === TRACKING_META_KEY);
    expect(meta?.value.map((v) => [v.tracking_number, v.carrier, v.tracking_url])).toEqual([['LX123456789CN', 'China Post', 'https://t.17track.net/en#nums=LX123456789CN']]);
    const pushes = await t.ctx.db.selectFrom('store_pushes').select(['status']).execute();
    expect(pushes.map((p) => p.status)).toEqual(['pushed', 'pushed']);
  });
});
