import { parseArgs } from 'node:util';
import { createWooCommerceConnector } from '../src/connectors/woocommerce/index.ts';
import { startWooCommerceSandbox } from '../sandbox/woocommerce/index.ts';

// Backfills a simulated WooCommerce shop through the connector under a host rate limit and
// compares the wall time with the fastest the limit allows. The host admits N requests in any
// sliding second, so R requests need at least  T_min = (ceil(R / N) − 1) s  (the first N go at once).
//   node --import tsx bench/woocommerce-backfill.ts [--orders 20000] [--rate 10] [--page 100]

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '20000' },
    rate: { type: 'string', default: '10' },
    page: { type: 'string', default: '100' },
    'no-baseline': { type: 'boolean', default: false },
  },
});
const orders = Number(values.orders);
const rate = Number(values.rate);
const pageSize = Number(values.page);

async function backfill(limit: number | null, clientRate: number) {
  const sandbox = await startWooCommerceSandbox({ seedOrders: orders, seed: 2025, rateLimitPerSecond: limit, autoWebhooks: false });
  try {
    const connector = createWooCommerceConnector({ baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, requestsPerSecond: clientRate });
    const started = performance.now();
    let cursor: string | null = null;
    let count = 0;
    do {
      const page: Awaited<ReturnType<typeof connector.listOrders>> = await connector.listOrders({ cursor, pageSize });
      count += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return { seconds: (performance.now() - started) / 1000, count, server: sandbox.stats(), client: connector.stats() };
  } finally {
    await sandbox.close();
  }
}

const run = await backfill(rate, rate);
if (run.count !== orders) throw new Error(`backfilled ${run.count} of ${orders} orders`);
const requests = run.server.requests;
const minimum = Math.ceil(requests / rate) - 1;
const fmt = (n: number, d = 2) => n.toFixed(d);

console.log(`WooCommerce backfill: ${orders} orders, host limit ${rate} requests/s (sliding second), ${pageSize} orders/page`);
console.log(`  wall time            ${fmt(run.seconds)} s  (${fmt(orders / run.seconds, 0)} orders/s)`);
console.log(`  requests             ${requests}  (${run.client.requests} sent by the client)`);
console.log(`  throttled requests   ${run.server.throttled} (server)  ${run.client.rateLimited429} (client saw)`);
console.log(`  max observed rate    ${run.server.maxObservedRate} requests in one second (limit ${rate})`);
console.log(`  rate-limit minimum   ${fmt(minimum)} s  = ceil(${requests} / ${rate}) − 1`);
console.log(`  ratio to minimum     ${minimum > 0 ? fmt(run.seconds / minimum, 3) : 'n/a'}×`);
console.log(`  client waited        ${fmt(run.client.waitedMs / 1000)} s for the limit`);

if (!values['no-baseline']) {
  // The same backfill with no limit: how much of the wall time is HTTP + rendering + mapping.
  const free = await backfill(null, 1e6);
  console.log(`  unthrottled baseline ${fmt(free.seconds)} s (simulator + client processing alone)`);
}
if (run.server.throttled !== 0) process.exitCode = 1;
