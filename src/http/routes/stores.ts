import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { getShop, updateShopCredentials } from '../../modules/shops/index.ts';
import { connectStore, getSyncStatus } from '../../modules/sync/index.ts';
import { requireRole } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import { currency, idParam } from './schemas.ts';

// Connecting shops, backfill progress and sync status.
export function storeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/shops/connect',
      {
        schema: {
          tags: ['shops'],
          summary: 'Connect a Shopify or WooCommerce shop (credentials are tried, then sealed at rest)',
          description: 'Shopify credentials: shopDomainOrUrl, accessToken, apiSecret (signs webhooks). WooCommerce: baseUrl, consumerKey, consumerSecret, webhookSecret. Point the store\'s webhooks at /webhooks/<platform>/<shop id>.',
          body: z.object({
            name: z.string().min(1).max(200),
            platform: z.enum(['shopify', 'woocommerce']),
            currency,
            credentials: z.record(z.string(), z.string()),
            requestsPerSecond: z.number().int().min(1).max(1000).optional(),
            verify: z.boolean().optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await connectStore(ctx, actorOf(request), request.body)),
    );

    app.put(
      '/shops/:id/credentials',
      { schema: { tags: ['shops'], summary: 'Replace a connected shop\'s credentials', params: idParam, body: z.object({ credentials: z.record(z.string(), z.string()) }) } },
      async (request) => updateShopCredentials({ db: ctx.db, secretKey: ctx.config.secretKey }, actorOf(request), request.params.id, request.body.credentials),
    );

    app.get(
      '/shops/:id/sync',
      { schema: { tags: ['shops'], summary: 'Backfill progress and sync state of a shop', params: idParam } },
      async (request) => getSyncStatus(ctx.db, actorOf(request).workspaceId, request.params.id),
    );

    app.post(
      '/shops/:id/sync',
      {
        schema: {
          tags: ['shops'],
          summary: 'Start (or resume) backfilling the shop\'s order history; follow it with GET',
          params: idParam,
          body: z.object({ restart: z.boolean().optional() }).optional(),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, 'admin');
        const shop = await getShop(ctx.db, actor.workspaceId, request.params.id);
        if (shop.platform === 'manual') throw new AppError('CONFLICT', `Shop ${shop.name} is a manual shop: import its orders from CSV.`);
        await ctx.db.transaction().execute((tx) => ctx.jobs.enqueue(tx, 'store.backfill', { shopId: shop.id, restart: request.body?.restart === true }));
        return reply.status(202).send(await getSyncStatus(ctx.db, actor.workspaceId, shop.id));
      },
    );

    app.post(
      '/shops/:id/reconcile',
      { schema: { tags: ['shops'], summary: 'Ask the store now for orders changed since the last sync', params: idParam } },
      async (request, reply) => {
        const actor = actorOf(request);
        requireRole(actor, 'admin');
        const shop = await getShop(ctx.db, actor.workspaceId, request.params.id);
        if (shop.platform === 'manual') throw new AppError('CONFLICT', `Shop ${shop.name} is a manual shop; it has nothing to reconcile with.`);
        await ctx.db.transaction().execute((tx) => ctx.jobs.enqueue(tx, 'store.reconcile', { shopId: shop.id }));
        return reply.status(202).send(await getSyncStatus(ctx.db, actor.workspaceId, shop.id));
      },
    );
  };
}
