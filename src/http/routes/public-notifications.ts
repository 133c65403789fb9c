import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { escapeHtml, unsubscribe } from '../../modules/notifications/index.ts';

// Customer-facing notification links: the opt-out in every parcel email. No account needed; the
// token is an HMAC under the instance key, so it only works for the address it was made for.
export function publicNotificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const params = z.object({ token: z.string().min(10).max(600) });
    app.get('/unsubscribe/:token', { schema: { tags: ['public'], summary: 'Stop parcel emails to this address (link in every email)', params } }, async (request, reply) => {
      const { email } = await unsubscribe(ctx.db, ctx.config.secretKey, request.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><meta charset="utf-8"><title>Unsubscribed</title><p>Done: no more parcel emails will be sent to ${escapeHtml(email)}.</p>`);
    });
  };
}
