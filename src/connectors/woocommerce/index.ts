// WooCommerce adapter: REST API v3 client (Basic auth, paced under the host's limit), order
// mapping, exactly-once refunds/coupons/fulfillment, and webhook verification.
export { createWooCommerceConnector } from './connector.ts';
export type { WooCommerceConnector, WooCommerceConnectorOptions } from './connector.ts';
export { verifyWooCommerceWebhook } from './webhooks.ts';
export type { WooCommerceWebhookVerification } from './webhooks.ts';
export { wooOrderToExternal } from './mapping.ts';
export { toMinor as parseWooAmount, toDecimal as formatWooAmount } from './money.ts';
export { OutcomeUnknownError, WooApiError } from './client.ts';
export type { ClientStats } from './client.ts';
export { refundMark } from './refunds.ts';
export { TRACKING_META_KEY } from './fulfillment.ts';
