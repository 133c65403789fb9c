import type { Executor } from '../../../db/database.ts';
import type { Row } from '../../../db/schema.ts';
import { unseal } from '../../../shared/crypto.ts';

export const TRACKING_PROVIDERS = ['aftership', '17track'] as const;
export type TrackingProvider = (typeof TRACKING_PROVIDERS)[number];

/** What staff see of a connection: never the secrets, only whether they are set. */
export interface TrackingConnectionView {
  id: string;
  provider: TrackingProvider;
  baseUrl: string;
  enabled: boolean;
  requestsPerSecond: number | null;
  hasWebhookSecret: boolean;
  /** where to point the service's webhooks */
  webhookPath: string;
  updatedAt: string;
}

/** A connection with its secrets opened, for the jobs and the webhook check only. */
export interface TrackingConnection extends TrackingConnectionView {
  workspaceId: string;
  apiKey: string;
  webhookSecret: string | null;
}

export function toConnectionView(row: Row<'tracking_connections'>): TrackingConnectionView {
  return {
    id: row.id,
    provider: row.provider,
    baseUrl: row.base_url,
    enabled: row.enabled,
    requestsPerSecond: row.requests_per_second,
    hasWebhookSecret: row.webhook_secret_encrypted !== null,
    webhookPath: `/webhooks/${row.provider}/${row.id}`,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listTrackingConnections(db: Executor, workspaceId: string): Promise<TrackingConnectionView[]> {
  const rows = await db.selectFrom('tracking_connections').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map(toConnectionView);
}

const open = (row: Row<'tracking_connections'>, key: Buffer): TrackingConnection => ({
  ...toConnectionView(row),
  workspaceId: row.workspace_id,
  apiKey: unseal(row.api_key_encrypted, key),
  webhookSecret: row.webhook_secret_encrypted ? unseal(row.webhook_secret_encrypted, key) : null,
});

/** By id, or the workspace's enabled connection to `provider` (then `id` is null). */
export async function loadTrackingConnection(db: Executor, secretKey: Buffer, by: { id: string } | { workspaceId: string; provider?: TrackingProvider } | { provider: TrackingProvider }): Promise<TrackingConnection | null> {
  let query = db.selectFrom('tracking_connections').selectAll();
  if ('id' in by) query = query.where('id', '=', by.id);
  else {
    query = query.where('enabled', '=', true);
    if ('workspaceId' in by) query = query.where('workspace_id', '=', by.workspaceId);
    if (by.provider) query = query.where('provider', '=', by.provider);
  }
  const rows = await query.orderBy('created_at').limit(2).execute();
  // Without an id, a provider alone must name exactly one connection.
  if (rows.length === 0 || (!('id' in by) && !('workspaceId' in by) && rows.length > 1)) return null;
  return open(rows[0]!, secretKey);
}

export async function listEnabledConnections(db: Executor, secretKey: Buffer): Promise<TrackingConnection[]> {
  const rows = await db.selectFrom('tracking_connections').selectAll().where('enabled', '=', true).orderBy('created_at').execute();
  return rows.map((row) => open(row, secretKey));
}
