// Local 17TRACK Tracking API v2.2 simulator (journeys, rate limiter and webhook sender are shared
// with sandbox/aftership).
export { start17TrackSandbox } from './server.ts';
export type { SeventeenTrackSandbox, SeventeenTrackSandboxOptions } from './server.ts';
export { API_VERSION as SEVENTEEN_TRACK_API_VERSION, CARRIERS as SEVENTEEN_TRACK_CARRIERS } from './wire.ts';
