// Sourcing: buying from the supplier platforms. The workspace's AliExpress buyer accounts (OAuth
// tokens sealed, renewed before expiry) and CJdropshipping accounts; which supplier product each
// store SKU is bought as and the shipping method per product and destination; placing supplier
// orders idempotently by out_order_id; following them by push and by poll into the supplier-order
// lifecycle and parcels; and CJ's dispute API (file exactly once, follow, cancel).
export { connectAliExpressAccount, ALIEXPRESS_BASE_URL } from './commands/connect-aliexpress-account.ts';
export type { ConnectAliExpressInput } from './commands/connect-aliexpress-account.ts';
export { connectCjAccount, CJ_BASE_URL } from './commands/connect-cj-account.ts';
export type { ConnectCjInput } from './commands/connect-cj-account.ts';
export { refreshAliExpressTokens, CRON_REFRESH_WITHIN_MS } from './commands/refresh-aliexpress-tokens.ts';
export { saveProductMapping } from './commands/save-product-mapping.ts';
export type { SaveProductMappingInput } from './commands/save-product-mapping.ts';
export { saveShippingPreset } from './commands/save-shipping-preset.ts';
export type { SaveShippingPresetInput } from './commands/save-shipping-preset.ts';
export { placeSupplierOrders, outOrderIdFor } from './commands/place-supplier-orders.ts';
export type { PlaceSupplierOrdersInput, PlacedSupplierOrders } from './commands/place-supplier-orders.ts';
export { syncSupplierOrder } from './commands/sync-supplier-order.ts';
export type { SyncOutcome } from './commands/sync-supplier-order.ts';
export { pollSupplierOrders, POLL_QUIET_MS } from './commands/poll-supplier-orders.ts';
export { handleAliExpressPush } from './commands/handle-aliexpress-push.ts';
export { fileCjDispute } from './commands/file-cj-dispute.ts';
export type { FileCjDisputeInput } from './commands/file-cj-dispute.ts';
export { cancelCjDispute } from './commands/cancel-cj-dispute.ts';
export { followCjDisputes, cjOutcome } from './commands/follow-cj-disputes.ts';
export { listSupplierAccounts, loadSupplierAccount } from './accounts.repository.ts';
export type { SupplierAccount, SupplierAccountView, SourcingPlatform } from './accounts.repository.ts';
export { listProductMappings, listShippingPresets, pickShippingMethod } from './queries/sourcing-settings.ts';
export type { ProductMapping, ShippingPreset } from './queries/sourcing-settings.ts';
export { quoteFreight } from './queries/quote-freight.ts';
export { TOKEN_REFRESH_MARGIN_MS } from './clients.ts';
export { actionsTo, lifecycleTarget } from './supplier-order-links.ts';
