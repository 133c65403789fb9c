import type { WebhookSource } from './types.ts';

// Store platforms (Shopify, WooCommerce) and suppliers (AliExpress push): filled in by the connector work.
export const storeWebhookSources: Record<string, WebhookSource> = {};
