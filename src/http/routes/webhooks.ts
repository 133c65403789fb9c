import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.ts';
import { receiveDelivery } from '../../modules/webhooks/index.ts';
import { AppError } from '../../shared/errors.ts';
import { storeWebhookSources } from '../webhook-sources/stores.ts';
import { supplierWebhookSources } from '../webhook-sources/suppliers.ts';
import { trackingWebhookSources } from '../webhook-sources/tracking.ts';
import type { WebhookSource } from '../webhook-sources/types.ts';

const SIGNATURE_HEADERS = /hmac|signature|sign|topic|event|delivery|webhook|shop|source|triggered|api-version|content-type|resource/i;

/**
 * POST /webhooks/:source[/:key]. The body is kept as raw bytes (never re-serialised) so the
 * signature is checked on exactly what the platform signed. A bad signature is refused with 401
 * and stored nowhere; a good one is stored, acknowledged, and processed by a job.
 */
export function webhookRoutes(ctx: AppContext, sources: Record<string, WebhookSource> = { ...trackingWebhookSources, ...storeWebhookSources, ...supplierWebhookSources }): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1_048_576 }, (_request, body, done) => done(null, body));

    const handle = async (request: { params: { source: string; key?: string }; body: unknown; headers: Record<string, string | string[] | undefined> }) => {
      const source = sources[request.params.source];
      if (!source) throw new AppError('NOT_FOUND', `No webhook source "${request.params.source}".`);
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = await source.verify(ctx, { rawBody, headers: request.headers, key: request.params.key ?? null });
      if (!verdict.ok) throw new AppError('WEBHOOK_SIGNATURE_INVALID', `Webhook refused: ${verdict.reason}`);
      if ('ping' in verdict) return { ok: true };
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([k, v]) => typeof v === 'string' && SIGNATURE_HEADERS.test(k))) as Record<string, string>;
      const { duplicate } = await receiveDelivery(ctx, { source: request.params.source, deliveryKey: verdict.deliveryKey, topic: verdict.topic, workspaceId: verdict.workspaceId, shopId: verdict.shopId, headers, body: rawBody });
      return { ok: true, duplicate };
    };
    app.post<{ Params: { source: string } }>('/:source', async (request) => handle(request));
    app.post<{ Params: { source: string; key: string } }>('/:source/:key', async (request) => handle(request));
  };
}
