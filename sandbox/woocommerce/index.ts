import { randomBytes } from 'node:crypto';
import { WooAuth } from './auth.ts';
import { Faults } from './faults.ts';
import { SlidingWindowLimiter, type RateStats } from './rate-limit.ts';
import { renderCoupon, renderOrder } from './render.ts';
import { seedOrders } from './seed.ts';
import { buildServer } from './server.ts';
import { WooStore, type SimCoupon, type SimNote, type SimOrder, type SimRefund } from './store.ts';
import { WebhookDispatcher, type SimWebhook, type WebhookDelivery, type WebhookTopic } from './webhooks.ts';

// A local WooCommerce: the REST API v3 (/wp-json/wc/v3) over real HTTP with WooCommerce's auth,
// error shapes and paging headers, a host-style rate limit, signed webhooks, and faults on
// demand. Tests and benches start one on port 0 and inspect it.

export interface WooCommerceSandboxOptions {
  port?: number;
  host?: string;
  consumerKey?: string;
  consumerSecret?: string;
  /** secret of the webhooks made by registerWebhook */
  webhookSecret?: string;
  seedOrders?: number;
  seed?: number;
  /** host rate limit, accepted requests per sliding second; off (null) by default as in WooCommerce core */
  rateLimitPerSecond?: number | null;
  /** store currency and price decimals (WooCommerce → Settings → General) */
  currency?: string;
  decimals?: number;
  /** site timezone offset; `date_*` fields are local, `date_*_gmt` UTC. Default +60 (e.g. Europe/Berlin in winter) */
  utcOffsetMinutes?: number;
  /** emit order.created / order.updated / coupon.created to registered webhooks as the shop changes (default true) */
  autoWebhooks?: boolean;
  webhookRetryDelaysMs?: number[];
}

export interface WooCommerceSandbox {
  url: string;
  apiUrl: string;
  consumerKey: string;
  consumerSecret: string;
  webhookSecret: string;
  currency: string;
  store: WooStore;
  faults: Faults;
  limiter: SlidingWindowLimiter;
  webhooks: WebhookDispatcher;
  seedOrders(count: number, seed?: number): SimOrder[];
  order(id: number | string): SimOrder | undefined;
  orders(): SimOrder[];
  refunds(orderId?: number): SimRefund[];
  notes(orderId?: number): SimNote[];
  coupons(): SimCoupon[];
  /** creates a webhook for `topic` delivering to `deliveryUrl`, sending the creation ping first */
  registerWebhook(deliveryUrl: string, topic?: WebhookTopic, secret?: string): Promise<{ webhook: SimWebhook; ping: { status: number | null; error?: string } }>;
  /** emits a topic for an order now, with its current REST representation */
  emitWebhook(topic: WebhookTopic, orderId: number, options?: { duplicate?: number }): WebhookDelivery[];
  deliveries(): WebhookDelivery[];
  /** the REST JSON of an order as GET /orders/{id} would give it now */
  restOrder(orderId: number): Record<string, unknown>;
  stats(): RateStats & { unauthorized: number; faults: Faults['fired'] };
  resetStats(): void;
  close(): Promise<void>;
}

export async function startWooCommerceSandbox(options: WooCommerceSandboxOptions = {}): Promise<WooCommerceSandbox> {
  const consumerKey = options.consumerKey ?? `ck_${randomBytes(20).toString('hex')}`;
  const consumerSecret = options.consumerSecret ?? `cs_${randomBytes(20).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? randomBytes(24).toString('base64url');
  const currency = options.currency ?? 'USD';
  const store = new WooStore(currency, options.decimals ?? 2, options.utcOffsetMinutes ?? 60);
  const faults = new Faults();
  const limiter = new SlidingWindowLimiter(options.rateLimitPerSecond ?? null);
  const auth = new WooAuth(consumerKey, consumerSecret);
  const stats = { unauthorized: 0 };
  let url = '';
  const webhooks = new WebhookDispatcher({ siteUrl: () => url, retryDelaysMs: options.webhookRetryDelaysMs ?? [1000, 5000, 25_000] });
  if (options.autoWebhooks !== false) {
    store.onEvent((event) => {
      if (event.topic === 'coupon.created') webhooks.emit(event.topic, renderCoupon(store, event.coupon, url));
      else webhooks.emit(event.topic, renderOrder(store, event.order, url));
    });
  }

  const app = buildServer({ store, auth, limiter, faults, stats });
  let seedCounter = options.seed ?? 42;
  if (options.seedOrders) seedOrders(store, { count: options.seedOrders, seed: seedCounter++ });
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('sandbox did not bind a TCP port');
  url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const all = () => [...store.orders.values()];
  const mustOrder = (id: number) => {
    const order = store.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    return order;
  };

  return {
    url, apiUrl: `${url}/wp-json/wc/v3`, consumerKey, consumerSecret, webhookSecret, currency, store, faults, limiter, webhooks,
    seedOrders: (count, seed) => seedOrders(store, { count, seed: seed ?? seedCounter++, emit: options.autoWebhooks !== false, start: lastCreated(store) }),
    order: (id) => store.orders.get(Number(id)),
    orders: all,
    refunds: (orderId) => (orderId === undefined ? all() : [mustOrder(orderId)]).flatMap((o) => o.refunds),
    notes: (orderId) => (orderId === undefined ? all() : [mustOrder(orderId)]).flatMap((o) => o.notes),
    coupons: () => [...store.coupons.values()],
    registerWebhook: (deliveryUrl, topic, secret) => webhooks.register({ deliveryUrl, topic, secret: secret ?? webhookSecret }),
    emitWebhook: (topic, orderId, emitOptions) => webhooks.emit(topic, renderOrder(store, mustOrder(orderId), url), emitOptions),
    deliveries: () => [...webhooks.deliveries],
    restOrder: (orderId) => renderOrder(store, mustOrder(orderId), url),
    stats: () => ({ ...limiter.stats(), unauthorized: stats.unauthorized, faults: { ...faults.fired } }),
    resetStats: () => limiter.reset(),
    close: async () => {
      webhooks.close();
      await app.close();
    },
  };
}

/** New orders continue the shop's timeline rather than restarting it. */
function lastCreated(store: WooStore): Date | undefined {
  let last: Date | undefined;
  for (const o of store.orders.values()) if (!last || o.createdAt > last) last = o.createdAt;
  return last;
}

export { phpJsonEncode } from './webhooks.ts';
export { toWooDecimal } from './money.ts';
export type { SimOrder, SimRefund, SimNote, SimCoupon, SimLine, OrderStatus } from './store.ts';
export type { SimWebhook, WebhookDelivery, WebhookTopic } from './webhooks.ts';
export type { RateStats } from './rate-limit.ts';
