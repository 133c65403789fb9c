import { randomBytes } from 'node:crypto';
import { LeakyBucket, type BucketStats } from './bucket.ts';
import { Faults } from './faults.ts';
import { mutations } from './mutations.ts';
import { attachResolvers } from './resolvers.ts';
import { restFulfillment, restOrder, restRefund } from './rest.ts';
import { buildAdminSchema } from './schema.ts';
import { seedOrders } from './seed.ts';
import { API_VERSION, buildServer } from './server.ts';
import {
  ShopStore, type SimDiscount, type SimFulfillment, type SimGiftCard, type SimOrder, type SimRefund, type SimStoreCreditAccount,
} from './store.ts';
import { WebhookDispatcher, type WebhookTopic } from './webhooks.ts';

// A local Shopify: the Admin GraphQL API 2025-01 over real HTTP, with its cost-based rate limit,
// signed webhooks, and faults on demand. Tests and benches start one on port 0 and inspect it.

export interface ShopifySandboxOptions {
  port?: number;
  host?: string;
  /** shop handle or myshopify domain; default "recoup-dev" */
  shop?: string;
  accessToken?: string;
  apiSecret?: string;
  /** GraphQL bucket size in points (Shopify standard: 1000) */
  bucketSize?: number;
  /** points restored per second (Shopify standard historically 50, now 100) */
  restoreRate?: number;
  seedOrders?: number;
  seed?: number;
  /** shop currency; orders are single-currency. Try JPY (0 decimals) or KWD (3). */
  currency?: string;
  /** emit webhooks automatically when orders, refunds and fulfillments change (default true) */
  autoWebhooks?: boolean;
  webhookRetryDelaysMs?: number[];
}

export interface ShopifySandbox {
  url: string;
  graphqlUrl: string;
  shopDomain: string;
  accessToken: string;
  apiSecret: string;
  apiVersion: string;
  currency: string;
  store: ShopStore;
  faults: Faults;
  webhooks: WebhookDispatcher;
  bucket: LeakyBucket;
  /** adds deterministic orders (emitting orders/create when webhooks are on) */
  seedOrders(count: number, seed?: number): SimOrder[];
  order(id: number | string): SimOrder | undefined;
  orders(): SimOrder[];
  refunds(): SimRefund[];
  fulfillments(): SimFulfillment[];
  discounts(): SimDiscount[];
  giftCards(): SimGiftCard[];
  storeCreditAccounts(): SimStoreCreditAccount[];
  subscribeWebhook(url: string, topics?: WebhookTopic[]): void;
  /** emits a topic for an order now (payload: the REST order, or its last refund/fulfillment) */
  emitWebhook(topic: WebhookTopic, orderId: number, options?: { duplicate?: number }): { webhookId: string; eventId: string };
  /** the REST JSON a webhook would carry for this order right now */
  restOrder(orderId: number): unknown;
  stats(): BucketStats & { requests: number; unauthorized: number; faults: Faults['fired'] };
  close(): Promise<void>;
}

export async function startShopifySandbox(options: ShopifySandboxOptions = {}): Promise<ShopifySandbox> {
  const handle = (options.shop ?? 'recoup-dev').replace(/\.myshopify\.com$/, '');
  const shopDomain = `${handle}.myshopify.com`;
  const accessToken = options.accessToken ?? `shpat_${randomBytes(16).toString('hex')}`;
  const apiSecret = options.apiSecret ?? randomBytes(16).toString('hex');
  const currency = options.currency ?? 'USD';
  const store = new ShopStore(handle, currency);
  const bucket = new LeakyBucket(options.bucketSize ?? 1000, options.restoreRate ?? 50);
  const faults = new Faults();
  const webhooks = new WebhookDispatcher({ apiSecret, shopDomain, apiVersion: API_VERSION, retryDelaysMs: options.webhookRetryDelaysMs });
  const stats = { requests: 0, unauthorized: 0 };

  const payloadFor = (topic: WebhookTopic, order: SimOrder, refund?: SimRefund, fulfillment?: SimFulfillment): unknown => {
    if (topic === 'refunds/create') return restRefund(order, refund ?? order.refunds.at(-1)!);
    if (topic === 'fulfillments/create') return restFulfillment(order, fulfillment ?? order.fulfillments.at(-1)!);
    return restOrder(store, order);
  };
  if (options.autoWebhooks !== false) {
    store.onEvent((event) => {
      const refund = event.topic === 'refunds/create' ? event.refund : undefined;
      const fulfillment = event.topic === 'fulfillments/create' ? event.fulfillment : undefined;
      webhooks.emit(event.topic, payloadFor(event.topic, event.order, refund, fulfillment));
    });
  }

  const schema = buildAdminSchema();
  attachResolvers(schema, mutations);
  const app = buildServer({ schema, context: { store, shopDomain }, bucket, faults, accessToken, stats });
  let seedCounter = options.seed ?? 42;
  if (options.seedOrders) seedOrders(store, { count: options.seedOrders, seed: seedCounter++ });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('sandbox did not bind a TCP port');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url, graphqlUrl: `${url}/admin/api/${API_VERSION}/graphql.json`, shopDomain, accessToken, apiSecret, apiVersion: API_VERSION, currency,
    store, faults, webhooks, bucket,
    seedOrders: (count, seed) => seedOrders(store, { count, seed: seed ?? seedCounter++, emit: options.autoWebhooks !== false, start: lastCreated(store) }),
    order: (id) => store.orders.get(typeof id === 'number' ? id : Number(/(\d+)$/.exec(id)?.[1])),
    orders: () => [...store.orders.values()],
    refunds: () => [...store.orders.values()].flatMap((o) => o.refunds),
    fulfillments: () => [...store.orders.values()].flatMap((o) => o.fulfillments),
    discounts: () => [...store.discounts],
    giftCards: () => [...store.giftCards],
    storeCreditAccounts: () => [...store.storeCreditAccounts],
    subscribeWebhook: (target, topics) => webhooks.subscribe(target, topics),
    emitWebhook: (topic, orderId, emitOptions) => {
      const order = store.orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      return webhooks.emit(topic, payloadFor(topic, order), emitOptions);
    },
    restOrder: (orderId) => {
      const order = store.orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      return restOrder(store, order);
    },
    stats: () => ({ ...bucket.report(), ...stats, faults: { ...faults.fired } }),
    close: async () => {
      webhooks.close();
      await app.close();
    },
  };
}

/** New orders continue the shop's timeline rather than restarting it. */
function lastCreated(store: ShopStore): Date | undefined {
  let last: string | undefined;
  for (const o of store.orders.values()) if (!last || o.createdAt > last) last = o.createdAt;
  return last ? new Date(last) : undefined;
}

export { API_VERSION } from './server.ts';
export { currencyExponent, graphqlAmount, restAmount } from './money.ts';
export type { SimOrder, SimRefund, SimFulfillment, SimDiscount, SimGiftCard, SimStoreCreditAccount } from './store.ts';
export type { WebhookDelivery, WebhookTopic } from './webhooks.ts';
export type { BucketStats } from './bucket.ts';
