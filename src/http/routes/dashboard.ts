import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';

// Read models the dashboard needs beyond the resource routes (analytics, lists for screens).
export function dashboardRoutes(_ctx: AppContext): FastifyPluginAsyncZod {
  return async () => {};
}
