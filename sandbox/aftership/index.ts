// Local AfterShip Tracking API simulator. The journey planner, rate limiter and webhook sender
// are exported too because sandbox/17track plays the same parcels through them.
export { startAfterShipSandbox } from './server.ts';
export type { AfterShipSandbox, AfterShipSandboxOptions } from './server.ts';
export { API_VERSION as AFTERSHIP_API_VERSION, MILESTONE_WIRE } from './wire.ts';
export { DEFAULT_MIX, DESTINATIONS, JOURNEY_KINDS, localIso, planJourneys, seededRandom } from './journeys.ts';
export type { Destination, Journey, JourneyKind, JourneyStep, Milestone, OriginCarrier, Place, PlanOptions } from './journeys.ts';
export { createRateLimiter } from './rate-limit.ts';
export type { RateDecision } from './rate-limit.ts';
export { createWebhookSender } from './webhook-sender.ts';
export type { OutgoingWebhook, WebhookChaos, WebhookSender, WebhookStats } from './webhook-sender.ts';
export { startWebhookReceiver } from './receiver.ts';
export type { ReceivedWebhook } from './receiver.ts';
