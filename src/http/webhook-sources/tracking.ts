import { verify17TrackWebhook } from '../../connectors/17track/index.ts';
import { verifyAfterShipWebhook } from '../../connectors/aftership/index.ts';
import type { AppContext } from '../../context.ts';
import { loadTrackingConnection, type TrackingConnection, type TrackingProvider } from '../../modules/parcels/index.ts';
import type { Verification, WebhookSource } from './types.ts';

// Tracking services (AfterShip, 17TRACK). The URL names the connection (/webhooks/aftership/trc_…,
// shown in its settings); without it, the one connection to that provider is meant. Connections
// are cached for a few seconds: a webhook burst should not open the sealed secrets per request.

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; connection: TrackingConnection }>();

async function connectionFor(ctx: AppContext, provider: TrackingProvider, key: string | null): Promise<TrackingConnection | null> {
  const cacheKey = `${provider}:${key ?? ''}`;
  const hit = cache.get(cacheKey);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.connection;
  const found = await loadTrackingConnection(ctx.db, ctx.config.secretKey, key ? { id: key } : { provider });
  const connection = found && found.provider === provider && found.enabled ? found : null;
  // Only found connections are kept: a service connected a second ago must work at once.
  if (connection) cache.set(cacheKey, { at: Date.now(), connection });
  return connection;
}

function source(provider: TrackingProvider): WebhookSource {
  return {
    async verify(ctx, { rawBody, headers, key }): Promise<Verification> {
      const connection = await connectionFor(ctx, provider, key);
      if (!connection) return { ok: false, reason: `no enabled ${provider} connection${key ? ` ${key}` : ''}` };
      const result =
        provider === 'aftership'
          ? connection.webhookSecret
            ? verifyAfterShipWebhook(rawBody, headers, connection.webhookSecret)
            : ({ ok: false, reason: 'the AfterShip connection has no webhook secret' } as const)
          : // 17TRACK signs with the account's API key unless a separate secret was configured.
            verify17TrackWebhook(rawBody, headers, connection.webhookSecret ?? connection.apiKey);
      if (!result.ok) return { ok: false, reason: result.reason };
      return { ok: true, deliveryKey: result.deliveryKey, topic: result.event, workspaceId: connection.workspaceId, shopId: null };
    },
  };
}

export const trackingWebhookSources: Record<string, WebhookSource> = { aftership: source('aftership'), '17track': source('17track') };
