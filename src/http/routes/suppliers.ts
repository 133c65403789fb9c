import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { getOrder } from '../../modules/orders/index.ts';
import { buyerAccountRatios, windowsClosingSoon } from '../../modules/disputes/index.ts';
import { addDisputeRulesVersion, supplierScorecards, advanceSupplierOrder, getSupplierOrder, listDisputeRules, overrideDisputeWindow, recordSupplierOrder, supplierOrderLifecycle } from '../../modules/suppliers/index.ts';
import { requireRole, requireShop } from '../../shared/actor.ts';
import { actorOf } from '../auth.ts';
import { currency, idParam, isoDate, minor } from './schemas.ts';

const actions = Object.keys(supplierOrderLifecycle.table) as [keyof typeof supplierOrderLifecycle.table, ...(keyof typeof supplierOrderLifecycle.table)[]];

export function supplierRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/orders/:id/supplier-orders',
      {
        schema: {
          tags: ['suppliers'],
          summary: 'Record the supplier order that fulfils some lines of a store order',
          params: idParam,
          body: z.object({
            supplier: z.object({ platform: z.enum(['aliexpress', 'cjdropshipping', 'other']), name: z.string().min(1).max(200), storeUrl: z.url().nullable().optional() }),
            externalId: z.string().max(100).nullable(),
            currency,
            paidMinor: minor,
            shippingMethod: z.string().max(100).nullable().default(null),
            placedAt: isoDate,
            shippedAt: isoDate.nullable().optional(),
            lines: z.array(z.object({ orderLineId: z.string(), quantity: z.number().int().min(1), costMinor: minor })).min(1),
          }),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, 'agent');
        const order = await getOrder(ctx.db, actor.workspaceId, request.params.id);
        requireShop(actor, order.shopId);
        const id = await ctx.db.transaction().execute((tx) =>
          recordSupplierOrder(tx, { ...request.body, workspaceId: actor.workspaceId, orderId: order.id, paidAt: request.body.placedAt }, actor.label, ctx.clock.now()),
        );
        return reply.status(201).send(await getSupplierOrder(ctx.db, actor.workspaceId, id));
      },
    );
    app.get(
      '/suppliers/scorecards',
      { schema: { tags: ['suppliers'], summary: 'Ship time, delivery time, on-time rate, case and refund rates, dispute win rate and money lost per supplier', querystring: z.object({ since: isoDate.optional() }) } },
      async (request) => ({ items: await supplierScorecards(ctx.db, actorOf(request).workspaceId, request.query.since) }),
    );
    app.get('/disputes/buyer-accounts', { schema: { tags: ['disputes'], summary: 'Dispute ratio of each AliExpress buyer account over 90 days, with the warning threshold' } }, async (request) => ({
      items: await buyerAccountRatios(ctx.db, actorOf(request).workspaceId, ctx.clock.now()),
    }));
    app.get(
      '/disputes/windows-closing',
      { schema: { tags: ['disputes'], summary: 'Dispute windows closing soon on orders that still need one', querystring: z.object({ days: z.coerce.number().int().min(1).max(60).default(7) }) } },
      async (request) => ({ items: await windowsClosingSoon(ctx.db, actorOf(request).workspaceId, ctx.clock.now(), request.query.days) }),
    );
    app.get('/supplier-orders/:id', { schema: { tags: ['suppliers'], params: idParam } }, async (request) => getSupplierOrder(ctx.db, actorOf(request).workspaceId, request.params.id));
    app.post(
      '/supplier-orders/:id/events',
      { schema: { tags: ['suppliers'], summary: 'Move a supplier order (paid, shipped, delivered, completed, cancelled)', params: idParam, body: z.object({ action: z.enum(actions), at: isoDate.optional() }) } },
      async (request) => {
        const actor = actorOf(request);
        requireRole(actor, 'agent');
        await getSupplierOrder(ctx.db, actor.workspaceId, request.params.id);
        await ctx.db.transaction().execute((tx) =>
          advanceSupplierOrder(tx, { workspaceId: actor.workspaceId, supplierOrderId: request.params.id, action: request.body.action, at: request.body.at ?? ctx.clock.now(), actor: actor.label }),
        );
        return getSupplierOrder(ctx.db, actor.workspaceId, request.params.id);
      },
    );
    app.put(
      '/supplier-orders/:id/dispute-window',
      {
        schema: {
          tags: ['disputes'],
          summary: 'Set the real closing date from AliExpress’s countdown (null goes back to the rules)',
          params: idParam,
          body: z.object({ closesAt: isoDate.nullable(), note: z.string().max(1000).optional() }),
        },
      },
      async (request) => overrideDisputeWindow(ctx, actorOf(request), request.params.id, request.body.closesAt, request.body.note),
    );
    app.get('/settings/dispute-rules', { schema: { tags: ['settings'], summary: 'All versions of the dispute-window rules' } }, async () => ({ versions: await listDisputeRules(ctx.db) }));
    app.post(
      '/settings/dispute-rules',
      {
        schema: {
          tags: ['settings'],
          summary: 'Add a new version of the dispute-window rules',
          body: z.object({ platform: z.enum(['aliexpress', 'cjdropshipping']), effectiveFrom: isoDate, rules: z.record(z.string(), z.unknown()), note: z.string().max(1000).optional() }),
        },
      },
      async (request, reply) => reply.status(201).send(await addDisputeRulesVersion(ctx.db, actorOf(request), request.body)),
    );
  };
}
