import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// Customer-facing notification links such as unsubscribe (parcels work).
export function publicNotificationRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
