import { verifyStoreWebhook } from '../../modules/sync/index.ts';
import type { WebhookSource } from './types.ts';

// Store platforms: /webhooks/shopify/<shop id> and /webhooks/woocommerce/<shop id>, each checked
// with that shop's own secret on the raw bytes.
export const storeWebhookSources: Record<string, WebhookSource> = {
  shopify: { verify: (ctx, input) => verifyStoreWebhook(ctx, 'shopify', input) },
  woocommerce: { verify: (ctx, input) => verifyStoreWebhook(ctx, 'woocommerce', input) },
};
