import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { listNotifications, listNotificationTemplates, NOTIFICATION_KINDS, saveNotificationTemplate } from '../../modules/notifications/index.ts';
import {
  carrierAnalytics, DAYS_MEANING, getParcelThresholds, listTrackingConnections, listTroubleQueue, PARCEL_STATUSES,
  saveTrackingConnection, TRACKING_PROVIDERS, TROUBLE_QUEUES, updateParcelThresholds,
} from '../../modules/parcels/index.ts';
import { requireRole, requireShop } from '../../shared/actor.ts';
import { DAY_MS } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import { idParam, isoDate } from './schemas.ts';

const days = z.number().int().min(1).max(365);
const thresholdsBody = z
  .object({
    promisedDeliveryDays: days,
    probablyLostDays: days,
    probablyLostSilentDays: days,
    noTrackingDays: days,
    stalledDays: z.object({ default: days, ...Object.fromEntries(PARCEL_STATUSES.map((s) => [s, days])) }).partial().strict(),
  })
  .partial()
  .strict();

// Tracking services settings, parcel queues, carrier analytics and customer notifications.
export function trackingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/tracking/connections', { schema: { tags: ['tracking'], summary: 'Tracking service connections (secrets are never returned)' } }, async (request) => ({
      items: await listTrackingConnections(ctx.db, actorOf(request).workspaceId),
    }));
    app.put(
      '/tracking/connections/:provider',
      {
        schema: {
          tags: ['tracking'],
          summary: 'Connect AfterShip or 17TRACK, or change the connection; point the service’s webhooks at the returned webhookPath',
          params: z.object({ provider: z.enum(TRACKING_PROVIDERS) }),
          body: z.object({
            apiKey: z.string().min(4).max(500).optional(),
            webhookSecret: z.string().min(4).max(500).nullable().optional(),
            baseUrl: z.url().nullable().optional(),
            requestsPerSecond: z.number().int().min(1).max(1000).nullable().optional(),
            enabled: z.boolean().optional(),
          }),
        },
      },
      async (request) => saveTrackingConnection(ctx.db, ctx.config.secretKey, actorOf(request), { provider: request.params.provider, ...request.body }),
    );

    app.get('/shops/:id/parcel-thresholds', { schema: { tags: ['tracking'], summary: 'The shop’s trouble thresholds (days), defaults filled in', params: idParam } }, async (request) => {
      const actor = actorOf(request);
      const shop = await ctx.db.selectFrom('shops').select('id').where('id', '=', request.params.id).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
      if (!shop) throw notFound('Shop', request.params.id);
      requireShop(actor, shop.id);
      return getParcelThresholds(ctx.db, shop.id);
    });
    app.patch(
      '/shops/:id/parcel-thresholds',
      { schema: { tags: ['tracking'], summary: 'Change some trouble thresholds of a shop; the next scan uses them', params: idParam, body: thresholdsBody } },
      async (request) => updateParcelThresholds(ctx.db, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/parcel-queues/:queue',
      {
        schema: {
          tags: ['tracking'],
          summary: 'A trouble queue: late, stalled, no_tracking, probably_lost, returned or delivery_failed, oldest first',
          params: z.object({ queue: z.enum(TROUBLE_QUEUES) }),
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const items = await listTroubleQueue(ctx.db, { workspaceId: actor.workspaceId, queue: request.params.queue, shopIds: actor.shopIds, now: ctx.clock.now(), limit: request.query.limit });
        return { queue: request.params.queue, daysMeaning: DAYS_MEANING[request.params.queue], count: items.length, items };
      },
    );

    app.get(
      '/analytics/carriers',
      { schema: { tags: ['analytics'], summary: 'Delivery time p50/p90 and on-time rate by carrier, shipping method and destination country', querystring: z.object({ since: isoDate.optional() }) } },
      async (request) => {
        const actor = actorOf(request);
        const since = request.query.since ?? new Date(ctx.clock.now().getTime() - 180 * DAY_MS);
        return { since: since.toISOString(), ...(await carrierAnalytics(ctx.db, { workspaceId: actor.workspaceId, since, shopIds: actor.shopIds })) };
      },
    );

    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Customer emails: sent, skipped (and why, e.g. SMTP_URL not set) or failed',
          querystring: z.object({ status: z.enum(['queued', 'sending', 'sent', 'skipped', 'failed', 'unknown']).optional(), orderId: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (request) => listNotifications(ctx.db, { workspaceId: actorOf(request).workspaceId, ...request.query }),
    );
    app.get('/notifications/templates', { schema: { tags: ['notifications'], summary: 'The email templates, one per kind, with the variables they may use' } }, async (request) => ({
      items: await listNotificationTemplates(ctx.db, actorOf(request).workspaceId),
    }));
    app.put(
      '/notifications/templates/:kind',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Edit one email template; {{variables}} are HTML-escaped when sent',
          params: z.object({ kind: z.enum(NOTIFICATION_KINDS) }),
          body: z.object({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20_000) }),
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireRole(actor, 'admin');
        return saveNotificationTemplate(ctx.db, actor, { kind: request.params.kind, ...request.body });
      },
    );
  };
}
