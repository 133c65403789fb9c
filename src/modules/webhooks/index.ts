// Webhooks: every inbound delivery verified on its raw body, stored before it is processed,
// deduplicated by the platform's delivery id, and processed by a job.
export { receiveDelivery } from './commands/receive-delivery.ts';
export type { VerifiedDelivery } from './commands/receive-delivery.ts';
export { MAX_DELIVERY_ATTEMPTS, processDelivery, processPendingDeliveries, sourcesWithPendingDeliveries } from './commands/process-delivery.ts';
export type { DeliveryHandler, StoredDelivery } from './commands/process-delivery.ts';
