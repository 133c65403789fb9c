import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// Supplier accounts (AliExpress, CJ), product mapping, shipping presets, placing supplier orders (sourcing work).
export function sourcingRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
