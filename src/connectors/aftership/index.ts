// AfterShip Tracking API adapter: register numbers, read their events, verify webhooks.
// Raw AfterShip statuses become Recoup's through src/connectors/tracking-status.
export { AFTERSHIP_API_VERSION, createAfterShipClient } from './client.ts';
export type { AfterShipClient, AfterShipClientOptions } from './client.ts';
export { afterShipEstimate, parseAfterShipTracking, readAfterShipWebhook, verifyAfterShipWebhook } from './parse.ts';
export type { AfterShipTracking, WebhookVerification as AfterShipWebhookVerification } from './parse.ts';
