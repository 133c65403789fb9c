import type { WebhookSource } from './types.ts';

// Supplier platforms (the AliExpress DROPSHIPPER_ORDER_STATUS_UPDATE push): filled in by the sourcing work.
export const supplierWebhookSources: Record<string, WebhookSource> = {};
