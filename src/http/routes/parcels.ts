import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { getParcel, PARCEL_STATUSES, recordTrackingEvents } from '../../modules/parcels/index.ts';
import { requireRole } from '../../shared/actor.ts';
import { actorOf } from '../auth.ts';
import { idParam, isoDate } from './schemas.ts';

export function parcelRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/parcels/:id', { schema: { tags: ['parcels'], summary: 'A parcel with its events, status and trouble flags', params: idParam } }, async (request) =>
      getParcel(ctx.db, actorOf(request).workspaceId, request.params.id),
    );
    app.post(
      '/parcels/:id/events',
      {
        schema: {
          tags: ['parcels'],
          summary: 'Add checkpoints read elsewhere (e.g. a carrier site); the status is derived from all events',
          params: idParam,
          body: z.object({
            events: z
              .array(z.object({ occurredAt: isoDate, status: z.enum(PARCEL_STATUSES), rawStatus: z.string().min(1).max(100), description: z.string().max(1000).default(''), location: z.string().max(200).nullable().default(null) }))
              .min(1)
              .max(500),
          }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireRole(actor, 'agent');
        await getParcel(ctx.db, actor.workspaceId, request.params.id);
        const result = await ctx.db.transaction().execute((tx) => recordTrackingEvents(tx, { parcelId: request.params.id, source: 'manual', events: request.body.events }, actor.label));
        return { ...result, parcel: await getParcel(ctx.db, actor.workspaceId, request.params.id) };
      },
    );
  };
}
