import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { DISPUTE_EVENTS, evidencePackPdf, evidencePackZip, getDispute, recordDisputeEvent } from '../../modules/disputes/index.ts';
import { ledgerByGroup } from '../../modules/ledger/index.ts';
import { approveResolution, executeResolution, getResolution, stepResolution } from '../../modules/resolutions/index.ts';
import { actorOf } from '../auth.ts';
import { idParam, isoDate, minor } from './schemas.ts';

const note = z.object({ note: z.string().max(2000).optional() });

export function moneyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/disputes/:id', { schema: { tags: ['disputes'], summary: 'One dispute with its deadlines', params: idParam } }, async (request) =>
      getDispute(ctx.db, actorOf(request).workspaceId, request.params.id),
    );
    app.get('/disputes/:id/evidence-pack.pdf', { schema: { tags: ['disputes'], summary: 'The evidence pack as one PDF', params: idParam } }, async (request, reply) => {
      const pdf = await evidencePackPdf(ctx, actorOf(request).workspaceId, request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="evidence-${request.params.id}.pdf"`).send(pdf);
    });
    app.get('/disputes/:id/evidence-pack.zip', { schema: { tags: ['disputes'], summary: 'The evidence pack PDF with the original files', params: idParam } }, async (request, reply) => {
      const zip = await evidencePackZip(ctx, actorOf(request).workspaceId, request.params.id);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="evidence-${request.params.id}.zip"`).send(zip);
    });
    app.post(
      '/disputes/:id/events',
      {
        schema: {
          tags: ['disputes'],
          summary: 'Record what happened to the dispute on AliExpress (opened, seller responded, escalated, won, partly won, lost, cancelled)',
          params: idParam,
          body: z.object({
            type: z.enum(DISPUTE_EVENTS),
            at: isoDate.optional(),
            externalId: z.string().max(100).optional(),
            recoveredMinor: minor.optional(),
            returnRequired: z.boolean().optional(),
            note: z.string().max(2000).optional(),
          }),
        },
      },
      async (request) => recordDisputeEvent(ctx, actorOf(request), request.params.id, request.body),
    );

    app.get('/resolutions/:id', { schema: { tags: ['resolutions'], summary: 'One resolution', params: idParam } }, async (request) =>
      getResolution(ctx.db, actorOf(request).workspaceId, request.params.id),
    );
    app.post('/resolutions/:id/approve', { schema: { tags: ['resolutions'], summary: 'Approve: reserves the amount against the order', params: idParam } }, async (request) =>
      approveResolution(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/resolutions/:id/execute',
      {
        schema: {
          tags: ['resolutions'],
          summary: 'Execute exactly once: through the shop’s API, or recorded as done for manual shops',
          params: idParam,
          body: z.object({ externalReference: z.string().max(200).optional(), costMinor: minor.optional(), reshipOrderId: z.string().max(100).optional() }).default({}),
        },
      },
      async (request) => executeResolution(ctx, actorOf(request), request.params.id, request.body),
    );
    app.post('/resolutions/:id/reject', { schema: { tags: ['resolutions'], params: idParam, body: note } }, async (request) =>
      stepResolution(ctx, actorOf(request), request.params.id, 'reject', request.body),
    );
    app.post('/resolutions/:id/cancel', { schema: { tags: ['resolutions'], params: idParam, body: note } }, async (request) =>
      stepResolution(ctx, actorOf(request), request.params.id, 'cancel', request.body),
    );
    app.post(
      '/resolutions/:id/return-shipped',
      { schema: { tags: ['resolutions'], summary: 'Refund after return: the customer shipped it back', params: idParam, body: z.object({ returnTrackingNumber: z.string().min(4).max(60), note: z.string().max(2000).optional() }) } },
      async (request) => stepResolution(ctx, actorOf(request), request.params.id, 'return_shipped', request.body),
    );
    app.post('/resolutions/:id/return-received', { schema: { tags: ['resolutions'], summary: 'Refund after return: the item arrived', params: idParam, body: note } }, async (request) =>
      stepResolution(ctx, actorOf(request), request.params.id, 'return_received', request.body),
    );

    app.get(
      '/ledger',
      {
        schema: {
          tags: ['money'],
          summary: 'Refunded vs recovered, grouped by month, supplier, shop, order or case',
          querystring: z.object({ groupBy: z.enum(['month', 'supplier', 'shop', 'order', 'case']).default('month'), from: isoDate.optional(), to: isoDate.optional(), shopId: z.string().optional() }),
        },
      },
      async (request) => ({ rows: await ledgerByGroup(ctx.db, { ...request.query, workspaceId: actorOf(request).workspaceId }) }),
    );
  };
}
