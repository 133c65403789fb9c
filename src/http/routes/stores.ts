import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// Connecting shops, backfill progress and sync status (store connector work).
export function storeRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
