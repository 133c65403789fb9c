import { parseArgs } from 'node:util';
import { createShopifyConnector } from '../src/connectors/shopify/index.ts';
import { startShopifySandbox } from '../sandbox/shopify/index.ts';

// Backfills a simulated shop through the Shopify connector and compares the wall time with the
// fastest the cost-based rate limit allows. Lower bound: every point the queries actually cost
// must be restored, except the bucket's initial fill:  T_min = max(0, Σ actualCost − bucket) / restoreRate.
// The default bucket/restore are scaled up from Shopify's (1000 / 50 per s) so the run takes
// seconds, not hours; the ratio is what tells whether the client wastes the budget.
//   node --import tsx bench/shopify-backfill.ts [--orders 20000] [--bucket 2000] [--restore 10000]

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    bucket: { type: 'string', default: '2000' },
    restore: { type: 'string', default: '10000' },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const orders = Number(values.orders);
const bucketSize = Number(values.bucket);
const restoreRate = Number(values.restore);

async function backfill(bucket: number, restore: number) {
  const sandbox = await startShopifySandbox({ seedOrders: orders, seed: 2025, bucketSize: bucket, restoreRate: restore, autoWebhooks: false });
  try {
    const connector = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken });
    const started = performance.now();
    let cursor: string | null = null;
    let pages = 0;
    let count = 0;
    do {
      const page = await connector.listOrders({ cursor });
      count += page.items.length;
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, pages, count, server: sandbox.stats(), client: connector.stats() };
  } finally {
    await sandbox.close();
  }
}

const run = await backfill(bucketSize, restoreRate);
if (run.count !== orders) throw new Error(`backfilled ${run.count} of ${orders} orders`);
const spent = run.server.pointsSpent;
const minimum = Math.max(0, spent - bucketSize) / restoreRate;
const fmt = (n: number, d = 2) => n.toFixed(d);

console.log(`Shopify backfill: ${orders} orders, bucket ${bucketSize} points, restore ${restoreRate} points/s`);
console.log(`  wall time            ${fmt(run.seconds)} s  (${fmt(orders / run.seconds, 0)} orders/s)`);
console.log(`  pages                ${run.pages}  (${fmt(orders / run.pages, 1)} orders/page)`);
console.log(`  throttled requests   ${run.server.throttled} (server)  ${run.client.throttledResponses} (client saw)`);
console.log(`  max bucket usage     ${run.server.maxUsage} of ${run.server.maximumAvailable} points; largest query asked ${run.server.largestRequestedCost}`);
console.log(`  points spent         ${spent} (${fmt(spent / orders, 1)} per order)`);
console.log(`  rate-limit minimum   ${fmt(minimum)} s  = (${spent} − ${bucketSize}) / ${restoreRate}`);
console.log(`  ratio to minimum     ${minimum > 0 ? fmt(run.seconds / minimum, 3) : 'n/a'}×`);
console.log(`  client waited        ${fmt(run.client.waitedMs / 1000)} s for points`);
console.log(`  at Shopify standard  (1000 / 50 per s) the same backfill needs ≥ ${fmt(Math.max(0, spent - 1000) / 50 / 60, 1)} min`);

if (!values['no-baseline']) {
  // The same backfill with the limit out of the way: how much of the wall time is HTTP + GraphQL work.
  const free = await backfill(1e9, 1e9);
  console.log(`  unthrottled baseline ${fmt(free.seconds)} s (simulator + client processing alone)`);
  console.log(`  ratio to max(minimum, baseline) ${fmt(run.seconds / Math.max(minimum, free.seconds), 3)}×`);
}
if (run.server.throttled !== 0) process.exitCode = 1;
