import { parseArgs } from 'node:util';
import { startShopifySandbox } from './index.ts';

// Runs the Shopify simulator on its own, for the demo or manual poking:
//   node --import tsx sandbox/shopify/main.ts --port 4101 --seed-orders 200

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4101' },
    host: { type: 'string', default: '127.0.0.1' },
    shop: { type: 'string' },
    'access-token': { type: 'string' },
    'api-secret': { type: 'string' },
    'seed-orders': { type: 'string', default: '200' },
    seed: { type: 'string' },
    'bucket-size': { type: 'string' },
    'restore-rate': { type: 'string' },
    currency: { type: 'string' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const sandbox = await startShopifySandbox({
  port: num(values.port), host: values.host, shop: values.shop, accessToken: values['access-token'], apiSecret: values['api-secret'],
  seedOrders: num(values['seed-orders']), seed: num(values.seed), bucketSize: num(values['bucket-size']),
  restoreRate: num(values['restore-rate']), currency: values.currency,
});
const stats = sandbox.stats();
console.log(`Shopify sandbox listening on ${sandbox.url}
  GraphQL:      POST ${sandbox.graphqlUrl}
  shop domain:  ${sandbox.shopDomain}
  access token: ${sandbox.accessToken}
  API secret:   ${sandbox.apiSecret}
  orders:       ${sandbox.orders().length} (${sandbox.currency})
  rate limit:   bucket ${stats.maximumAvailable} points, restore ${stats.restoreRate}/s`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
