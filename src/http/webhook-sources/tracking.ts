import type { WebhookSource } from './types.ts';

// Tracking services (AfterShip, 17TRACK): filled in by the parcels work.
export const trackingWebhookSources: Record<string, WebhookSource> = {};
