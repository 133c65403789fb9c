import { shopifyOrderToExternal, verifyShopifyWebhook } from '../../../connectors/shopify/index.ts';
import type { ExternalOrder } from '../../../connectors/types.ts';
import { verifyWooCommerceWebhook, wooOrderToExternal } from '../../../connectors/woocommerce/index.ts';
import type { AppContext } from '../../../context.ts';
import { readStoreCredentials, type StoreCredentials } from '../../shops/index.ts';
import type { StoredDelivery } from '../../webhooks/index.ts';
import { saveStoreOrders } from '../store-orders.ts';
import { refreshStoreOrder } from './refresh-store-order.ts';

// Store webhooks arrive at /webhooks/<platform>/<shop id>. Verification uses that shop's secret on
// the raw bytes (Shopify: the app's API secret; WooCommerce: the webhook secret). The delivery key
// is the platform's delivery id (X-Shopify-Webhook-Id, stable across retries; WooCommerce's
// X-WC-Webhook-Delivery-ID with the webhook id and a body digest, since it can repeat within a second).
// Handlers write the order the payload carries; refunds reach us as order updates.

export type StoreVerification =
  | { ok: true; deliveryKey: string; topic: string; workspaceId: string; shopId: string }
  | { ok: true; ping: true }
  | { ok: false; reason: string };

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; shop: { workspaceId: string; platform: string; credentials: StoreCredentials } | null }>();

async function shopFor(ctx: Pick<AppContext, 'db' | 'config'>, shopId: string) {
  const hit = cache.get(shopId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.shop;
  const row = await ctx.db.selectFrom('shops').select(['workspace_id', 'platform', 'credentials_encrypted']).where('id', '=', shopId).executeTakeFirst();
  const shop = row && row.platform !== 'manual' && row.credentials_encrypted
    ? { workspaceId: row.workspace_id, platform: row.platform, credentials: await readStoreCredentials(ctx.db, ctx.config.secretKey, shopId) }
    : null;
  cache.set(shopId, { at: Date.now(), shop });
  return shop;
}

export async function verifyStoreWebhook(
  ctx: Pick<AppContext, 'db' | 'config'>,
  platform: 'shopify' | 'woocommerce',
  input: { rawBody: Buffer; headers: Record<string, string | string[] | undefined>; key: string | null },
): Promise<StoreVerification> {
  if (!input.key || !/^shp_[0-9a-z]+$/.test(input.key)) return { ok: false, reason: `the webhook URL must name the shop: /webhooks/${platform}/<shop id>` };
  const shop = await shopFor(ctx, input.key);
  if (!shop || shop.platform !== platform) return { ok: false, reason: `no connected ${platform} shop ${input.key}` };
  const c = shop.credentials;
  if (c.platform === 'shopify') {
    const v = verifyShopifyWebhook(input.rawBody, input.headers, c.apiSecret);
    if (!v.ok) return { ok: false, reason: v.reason };
    return { ok: true, deliveryKey: v.webhookId, topic: v.topic, workspaceId: shop.workspaceId, shopId: input.key };
  }
  const v = verifyWooCommerceWebhook(input.rawBody, input.headers, c.webhookSecret);
  if (!v.ok) return { ok: false, reason: v.reason };
  if (v.ping) return { ok: true, ping: true };
  return { ok: true, deliveryKey: v.deliveryKey, topic: v.topic, workspaceId: shop.workspaceId, shopId: input.key };
}

const SHOPIFY_ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled', 'orders/partially_fulfilled', 'orders/edited']);
const WOO_ORDER_TOPICS = new Set(['order.created', 'order.updated', 'order.restored']);

/** The DeliveryHandler of both store sources; idempotent (an order state is written only if newer). */
export function storeDeliveryHandler(ctx: Pick<AppContext, 'db' | 'config'>) {
  return async (delivery: StoredDelivery): Promise<void> => {
    if (!delivery.shopId || !delivery.workspaceId) return;
    const shop = { id: delivery.shopId, workspaceId: delivery.workspaceId };
    const payload = JSON.parse(delivery.body.toString('utf8')) as Record<string, unknown>;
    let order: ExternalOrder | null = null;
    if (delivery.source === 'shopify') {
      if (delivery.topic === 'refunds/create') {
        // A Refund object: the order it belongs to is read fresh (its orders/updated may come later or never).
        const orderId = payload.order_id;
        if (typeof orderId === 'number' || typeof orderId === 'string') await refreshStoreOrder(ctx, shop.id, `gid://shopify/Order/${String(orderId).replace(/^gid:\/\/shopify\/Order\//, '')}`);
        return;
      }
      if (SHOPIFY_ORDER_TOPICS.has(delivery.topic)) order = shopifyOrderToExternal(payload);
    } else if (delivery.source === 'woocommerce' && WOO_ORDER_TOPICS.has(delivery.topic)) {
      order = wooOrderToExternal(payload);
    }
    if (!order) return; // topics Recoup does not use (fulfillments, products, deletions) are stored and left
    await ctx.db.transaction().execute((tx) => saveStoreOrders(tx, shop, [order], `${delivery.source} webhook`));
  };
}
