import { parseArgs } from 'node:util';
import { startWooCommerceSandbox } from './index.ts';

// Runs the WooCommerce simulator on its own, for the demo or manual poking:
//   node --import tsx sandbox/woocommerce/main.ts --port 4102 --seed-orders 200 [--rate-limit 10]

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4102' },
    host: { type: 'string', default: '127.0.0.1' },
    'consumer-key': { type: 'string' },
    'consumer-secret': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'seed-orders': { type: 'string', default: '200' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    currency: { type: 'string' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const sandbox = await startWooCommerceSandbox({
  port: num(values.port), host: values.host, consumerKey: values['consumer-key'], consumerSecret: values['consumer-secret'],
  webhookSecret: values['webhook-secret'], seedOrders: num(values['seed-orders']), seed: num(values.seed),
  rateLimitPerSecond: num(values['rate-limit']) ?? null, currency: values.currency,
});
console.log(`WooCommerce sandbox listening on ${sandbox.url}
  REST API:        ${sandbox.apiUrl}  (HTTP Basic, consumer_key/consumer_secret query, or OAuth 1.0a)
  consumer key:    ${sandbox.consumerKey}
  consumer secret: ${sandbox.consumerSecret}
  webhook secret:  ${sandbox.webhookSecret}
  orders:          ${sandbox.orders().length} (${sandbox.currency})
  rate limit:      ${sandbox.limiter.perSecond === null ? 'off' : `${sandbox.limiter.perSecond} requests/s`}
  try: curl -u ${sandbox.consumerKey}:${sandbox.consumerSecret} '${sandbox.apiUrl}/orders?per_page=2'`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
