import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CASE_REASONS, confirmDetails, declineCase, listCases, openCase, recordMessage, requestInfo, verifyCase, waiveSupplier } from '../../modules/cases/index.ts';
import { prepareDispute } from '../../modules/disputes/index.ts';
import { proposeResolution, RESOLUTION_KINDS } from '../../modules/resolutions/index.ts';
import { actorOf } from '../auth.ts';
import { caseView } from '../views/case-view.ts';
import { idParam, minor, pageQuery } from './schemas.ts';

const note = z.object({ note: z.string().max(2000).optional() });
const reason = z.object({ reason: z.string().min(1).max(2000) });

export function caseRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'Open a case on an order',
          body: z.object({
            orderId: z.string(),
            reason: z.enum(CASE_REASONS),
            description: z.string().max(5000).optional(),
            lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number().int().min(1) })).min(1).optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await openCase(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/cases',
      {
        schema: {
          tags: ['cases'],
          summary: 'List cases, newest first',
          querystring: z.object({
            ...pageQuery,
            shopId: z.string().optional(),
            orderId: z.string().optional(),
            reason: z.enum(CASE_REASONS).optional(),
            customerStatus: z.string().optional(),
            supplierStatus: z.string().optional(),
            state: z.enum(['open', 'closed']).optional(),
          }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        return listCases(ctx.db, { ...request.query, workspaceId: actor.workspaceId, shopIds: actor.shopIds });
      },
    );

    app.get('/cases/:id', { schema: { tags: ['cases'], summary: 'A case with its steps, order, supplier orders, parcels, dispute window, disputes, resolutions, money and timeline', params: idParam } }, async (request) =>
      caseView(ctx, actorOf(request), request.params.id),
    );

    app.post('/cases/:id/confirm', { schema: { tags: ['cases'], summary: 'Step 1: the customer’s details are enough', params: idParam, body: note } }, async (request) =>
      confirmDetails(ctx, actorOf(request), request.params.id, request.body.note),
    );
    app.post('/cases/:id/request-info', { schema: { tags: ['cases'], summary: 'Step 1: ask the customer for more', params: idParam, body: z.object({ message: z.string().min(1).max(5000) }) } }, async (request) =>
      requestInfo(ctx, actorOf(request), request.params.id, request.body.message),
    );
    app.post('/cases/:id/verify', { schema: { tags: ['cases'], summary: 'Step 2: order, tracking and dispute deadline checked', params: idParam, body: note } }, async (request) =>
      verifyCase(ctx, actorOf(request), request.params.id, request.body.note),
    );
    app.post('/cases/:id/decline', { schema: { tags: ['cases'], summary: 'Decline the claim', params: idParam, body: reason } }, async (request) =>
      declineCase(ctx, actorOf(request), request.params.id, request.body.reason),
    );
    app.post('/cases/:id/waive-supplier', { schema: { tags: ['cases'], summary: 'Do not pursue the supplier', params: idParam, body: reason } }, async (request) =>
      waiveSupplier(ctx, actorOf(request), request.params.id, request.body.reason),
    );
    app.post(
      '/cases/:id/messages',
      {
        schema: {
          tags: ['cases'],
          summary: 'Record a message with the customer or the supplier (step 3: the first one to the supplier)',
          params: idParam,
          body: z.object({ channel: z.enum(['customer', 'supplier']), direction: z.enum(['inbound', 'outbound']), body: z.string().min(1).max(20_000) }),
        },
      },
      async (request, reply) => reply.status(201).send(await recordMessage(ctx, actorOf(request), { caseId: request.params.id, ...request.body })),
    );
    app.post(
      '/cases/:id/disputes',
      {
        schema: {
          tags: ['disputes'],
          summary: 'Step 4: prepare the supplier dispute (reason, amount, deadlines)',
          params: idParam,
          body: z.object({ supplierOrderId: z.string(), amountMinor: minor.optional(), request: z.enum(['refund_only', 'return_and_refund']).optional() }),
        },
      },
      async (request, reply) => reply.status(201).send(await prepareDispute(ctx, actorOf(request), { caseId: request.params.id, ...request.body })),
    );
    app.post(
      '/cases/:id/resolutions',
      {
        schema: {
          tags: ['resolutions'],
          summary: 'Step 5: propose a resolution for the customer',
          params: idParam,
          body: z.object({
            kind: z.enum(RESOLUTION_KINDS),
            amountMinor: minor.optional(),
            percent: z.number().min(0).max(100).optional(),
            returnAddress: z.string().max(1000).optional(),
            reshipCostMinor: minor.optional(),
            lineRefunds: z.array(z.object({ orderLineId: z.string(), amountMinor: minor.optional(), percent: z.number().min(0).max(100).optional() })).min(1).optional(),
            note: z.string().max(2000).optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await proposeResolution(ctx, actorOf(request), { caseId: request.params.id, ...request.body })),
    );
  };
}
