import type { Executor } from '../../../db/database.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { seal } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { toConnectionView, type TrackingConnectionView, type TrackingProvider } from '../queries/tracking-connections.ts';

const DEFAULT_BASE_URLS: Record<TrackingProvider, string> = { aftership: 'https://api.aftership.com', '17track': 'https://api.17track.net' };

export interface SaveTrackingConnectionInput {
  provider: TrackingProvider;
  /** required the first time; left out, the stored key is kept */
  apiKey?: string;
  /** AfterShip: the webhook secret; 17TRACK signs with the API key, so it may stay empty */
  webhookSecret?: string | null;
  baseUrl?: string | null;
  requestsPerSecond?: number | null;
  enabled?: boolean;
}

/** Connects the workspace to a tracking service, or changes that connection. Secrets are sealed. */
export async function saveTrackingConnection(db: Executor, secretKey: Buffer, actor: Actor, input: SaveTrackingConnectionInput): Promise<TrackingConnectionView> {
  requireRole(actor, 'admin');
  const existing = await db.selectFrom('tracking_connections').selectAll().where('workspace_id', '=', actor.workspaceId).where('provider', '=', input.provider).executeTakeFirst();
  if (!existing && !input.apiKey) throw new AppError('VALIDATION_FAILED', `apiKey is required to connect ${input.provider}.`);
  const values = {
    base_url: (input.baseUrl ?? existing?.base_url ?? DEFAULT_BASE_URLS[input.provider]).replace(/\/+$/, ''),
    api_key_encrypted: input.apiKey ? seal(input.apiKey, secretKey) : existing!.api_key_encrypted,
    webhook_secret_encrypted: input.webhookSecret === undefined ? (existing?.webhook_secret_encrypted ?? null) : input.webhookSecret ? seal(input.webhookSecret, secretKey) : null,
    requests_per_second: input.requestsPerSecond === undefined ? (existing?.requests_per_second ?? null) : input.requestsPerSecond,
    enabled: input.enabled ?? existing?.enabled ?? true,
    updated_at: new Date(),
  };
  const row = existing
    ? await db.updateTable('tracking_connections').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
    : await db.insertInto('tracking_connections').values({ id: newId('trackingConnection'), workspace_id: actor.workspaceId, provider: input.provider, ...values }).returningAll().executeTakeFirstOrThrow();
  return toConnectionView(row);
}
