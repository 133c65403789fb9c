import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// The customer's side under /api/public: no account; an order is found only by number + email.
export function publicRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
