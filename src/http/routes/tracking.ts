import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// Tracking services settings, parcel queues and carrier analytics (parcels work).
export function trackingRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
