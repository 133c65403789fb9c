// 17TRACK Tracking API v2.2 adapter: register numbers, read their events, verify pushes.
// Raw 17TRACK statuses become Recoup's through src/connectors/tracking-status.
export { SEVENTEEN_TRACK_API_VERSION, SEVENTEEN_TRACK_BATCH_LIMIT, create17TrackClient } from './client.ts';
export type { SeventeenTrackClient, SeventeenTrackClientOptions } from './client.ts';
export { parse17TrackItem, read17TrackWebhook, seventeenTrackEstimate, verify17TrackWebhook } from './parse.ts';
export type { SeventeenTrackItem, WebhookVerification as SeventeenTrackWebhookVerification } from './parse.ts';
