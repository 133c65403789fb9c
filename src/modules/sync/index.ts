// Sync: Recoup living inside the merchant's connected stores (Shopify, WooCommerce). Orders flow
// in (backfill, verified webhooks, periodic reconciliation); tracking and resolutions flow out,
// each money-moving call exactly once (intent row, idempotency mark, look before retrying).
export { storeConnectorFor, connectorFromCredentials } from './connector-for.ts';
export type { ConnectorSettings } from './connector-for.ts';
export { connectStore } from './commands/connect-store.ts';
export { backfillShop, SYNC_LEASE_SECONDS } from './commands/backfill-shop.ts';
export type { BackfillOptions } from './commands/backfill-shop.ts';
export { reconcileShop, reconcileAllShops } from './commands/reconcile-shop.ts';
export type { ReconcileResult } from './commands/reconcile-shop.ts';
export { refreshStoreOrder } from './commands/refresh-store-order.ts';
export { verifyStoreWebhook, storeDeliveryHandler } from './commands/store-webhooks.ts';
export type { StoreVerification } from './commands/store-webhooks.ts';
export { executeStoreResolution, discountCodeFor, EXECUTION_LEASE_SECONDS, MAX_EXECUTION_ATTEMPTS } from './commands/execute-store-resolution.ts';
export type { ExecutionOutcome } from './commands/execute-store-resolution.ts';
export { sweepStoreExecutions } from './commands/sweep-executions.ts';
export { pushTracking, trackingUrlFor } from './commands/push-tracking.ts';
export { getSyncStatus } from './queries/sync-status.ts';
export type { ShopSyncView } from './queries/sync-status.ts';
export type { SyncState } from './sync.repository.ts';
export { saveStoreOrders, toOrderInput } from './store-orders.ts';
