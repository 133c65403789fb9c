import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startShopifySandbox } from '../sandbox/shopify/index.ts';
import { startWooCommerceSandbox } from '../sandbox/woocommerce/index.ts';
import { loadConfig } from '../src/config.ts';
import { connect, ensureDatabase, migrate } from '../src/db/database.ts';
import { connectShop } from '../src/modules/shops/index.ts';
import { ensureWorkspace } from '../src/modules/staff/index.ts';
import { backfillShop } from '../src/modules/sync/index.ts';
import { systemActor } from '../src/shared/actor.ts';
import { systemClock } from '../src/shared/clock.ts';

// Backfills a simulated Shopify and a simulated WooCommerce shop into Recoup (connector → orders,
// lines, customers in PostgreSQL, exactly as `recoup import shop` does) and compares the wall time
// with the fastest each simulator's rate limit allows:
//   Shopify (cost bucket):   T_min = max(0, Σ actual cost − bucket) / restoreRate
//   WooCommerce (N req/s):   T_min = ceil(requests / N) − 1
// The limits are scaled up from the platforms' defaults so the run takes seconds; the ratio tells
// whether Recoup wastes the budget (1.0 = the limit is the only cost). Uses a fresh database on
// DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
//   node --import tsx bench/store-backfill.ts [--orders 20000] [--bucket 2000] [--restore 10000] [--rate 25]

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    bucket: { type: 'string', default: '2000' },
    restore: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '25' },
  },
});
const orders = Number(values.orders);
const bucket = Number(values.bucket);
const restore = Number(values.restore);
const rate = Number(values.rate);
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `recoup_bench_${randomBytes(4).toString('hex')}`;
const url = await ensureDatabase(adminUrl, name);
const { db } = connect(url, 8);
const fmt = (n: number, d = 2) => n.toFixed(d);

try {
  await migrate(db);
  const config = loadConfig({ DATABASE_URL: url, RECOUP_SECRET_KEY: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' });
  const ctx = { db, config, clock: systemClock };
  const actor = systemActor(await ensureWorkspace(db));
  const count = async (shopId: string) => Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).where('shop_id', '=', shopId).executeTakeFirstOrThrow()).n);

  console.log(`Store backfill into Recoup: ${orders} orders per shop (PostgreSQL ${new URL(adminUrl).host})`);

  const shopify = await startShopifySandbox({ seedOrders: orders, seed: 2025, bucketSize: bucket, restoreRate: restore, autoWebhooks: false });
  try {
    const shop = await connectShop({ db, secretKey: config.secretKey }, actor, {
      name: 'bench shopify', platform: 'shopify', currency: shopify.currency,
      credentials: { shopDomainOrUrl: shopify.url, accessToken: shopify.accessToken, apiSecret: shopify.apiSecret },
    });
    const started = performance.now();
    const state = await backfillShop(ctx, shop.id);
    const seconds = (performance.now() - started) / 1000;
    const stored = await count(shop.id);
    if (stored !== orders || state.done !== orders) throw new Error(`Shopify: ${stored} of ${orders} orders stored`);
    const s = shopify.stats();
    const minimum = Math.max(0, s.pointsSpent - bucket) / restore;
    console.log(`\nShopify (bucket ${bucket} points, restore ${restore}/s)`);
    console.log(`  wall time            ${fmt(seconds)} s  (${fmt(orders / seconds, 0)} orders/s), ${stored} orders stored`);
    console.log(`  throttled requests   ${s.throttled}; max bucket usage ${s.maxUsage} of ${s.maximumAvailable}`);
    console.log(`  points spent         ${s.pointsSpent}`);
    console.log(`  rate-limit minimum   ${fmt(minimum)} s`);
    console.log(`  ratio to minimum     ${minimum > 0 ? fmt(seconds / minimum, 3) : 'n/a'}×`);
    console.log(`  at Shopify standard  (1000 / 50 per s) the limit alone needs ≥ ${fmt(Math.max(0, s.pointsSpent - 1000) / 50 / 60, 1)} min`);
    if (s.throttled !== 0) process.exitCode = 1;
  } finally {
    await shopify.close();
  }

  const woo = await startWooCommerceSandbox({ seedOrders: orders, seed: 2025, rateLimitPerSecond: rate, autoWebhooks: false });
  try {
    const shop = await connectShop({ db, secretKey: config.secretKey }, actor, {
      name: 'bench woo', platform: 'woocommerce', currency: woo.currency, requestsPerSecond: rate,
      credentials: { baseUrl: woo.url, consumerKey: woo.consumerKey, consumerSecret: woo.consumerSecret, webhookSecret: woo.webhookSecret },
    });
    woo.resetStats();
    const started = performance.now();
    const state = await backfillShop(ctx, shop.id, { pageSize: 100 });
    const seconds = (performance.now() - started) / 1000;
    const stored = await count(shop.id);
    if (stored !== orders || state.done !== orders) throw new Error(`WooCommerce: ${stored} of ${orders} orders stored`);
    const s = woo.stats();
    const minimum = Math.ceil(s.requests / rate) - 1;
    console.log(`\nWooCommerce (host limit ${rate} requests/s, 100 orders/page)`);
    console.log(`  wall time            ${fmt(seconds)} s  (${fmt(orders / seconds, 0)} orders/s), ${stored} orders stored`);
    console.log(`  requests             ${s.requests}; throttled ${s.throttled}; max observed ${s.maxObservedRate} in one second`);
    console.log(`  rate-limit minimum   ${fmt(minimum)} s`);
    console.log(`  ratio to minimum     ${minimum > 0 ? fmt(seconds / minimum, 3) : 'n/a'}×`);
    if (s.throttled !== 0) process.exitCode = 1;
  } finally {
    await woo.close();
  }
} finally {
  await db.destroy();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}
