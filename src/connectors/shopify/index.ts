// Shopify adapter: Admin GraphQL API (2025-01) client, order mapping and webhook verification.
export { createShopifyConnector, shopifyEndpoint, DEFAULT_API_VERSION } from './connector.ts';
export type { ShopifyConnector, ShopifyConnectorOptions } from './connector.ts';
export { verifyShopifyWebhook } from './webhooks.ts';
export type { ShopifyWebhookVerification } from './webhooks.ts';
export { shopifyOrderToExternal } from './mapping.ts';
export { toMinor as parseShopifyAmount, toDecimal as formatShopifyAmount } from './money.ts';
export { OutcomeUnknownError } from './client.ts';
export type { ClientStats } from './client.ts';
