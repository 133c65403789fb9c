import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { createShop, getShop, listShops } from '../../modules/shops/index.ts';
import { getWorkspaceSettings, updateWorkspaceSettings } from '../../modules/staff/index.ts';
import { actorOf } from '../auth.ts';
import { currency, idParam } from './schemas.ts';

export function shopRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/settings/workspace', { schema: { tags: ['settings'], summary: 'Reminder days, SLAs, approval limit, dispute-ratio warning, required evidence' } }, async (request) =>
      getWorkspaceSettings(ctx.db, actorOf(request).workspaceId),
    );
    app.patch('/settings/workspace', { schema: { tags: ['settings'], summary: 'Change some of the workspace policies (admins)', body: z.record(z.string(), z.unknown()) } }, async (request) =>
      updateWorkspaceSettings(ctx.db, actorOf(request), request.body),
    );
    app.get('/shops', { schema: { tags: ['shops'], summary: 'The workspace’s shops' } }, async (request) => ({ items: await listShops(ctx.db, actorOf(request).workspaceId) }));
    app.get('/shops/:id', { schema: { tags: ['shops'], params: idParam } }, async (request) => getShop(ctx.db, actorOf(request).workspaceId, request.params.id));
    app.post(
      '/shops',
      {
        schema: {
          tags: ['shops'],
          summary: 'Add a shop (manual, or connected with credentials that are sealed at rest)',
          body: z.object({
            name: z.string().min(1).max(200),
            platform: z.enum(['manual', 'shopify', 'woocommerce']),
            currency,
            domain: z.string().max(255).nullable().optional(),
            credentials: z.record(z.string(), z.string()).nullable().optional(),
            branding: z.object({ logoUrl: z.url().optional(), color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(), supportEmail: z.email().optional() }).optional(),
          }),
        },
      },
      async (request, reply) => reply.status(201).send(await createShop({ db: ctx.db, secretKey: ctx.config.secretKey }, actorOf(request), request.body)),
    );
  };
}
