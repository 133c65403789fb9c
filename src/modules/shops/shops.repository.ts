import type { Executor } from '../../db/database.ts';
import type { Platform, Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';

export interface Shop {
  id: string;
  workspaceId: string;
  name: string;
  platform: Platform;
  currency: string;
  domain: string | null;
  connected: boolean;
  branding: { logoUrl?: string; color?: string; supportEmail?: string };
  settings: Record<string, unknown>;
  createdAt: string;
}

export function toShop(row: Row<'shops'>): Shop {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    platform: row.platform,
    currency: row.currency,
    domain: row.domain,
    connected: row.credentials_encrypted !== null,
    branding: row.branding as Shop['branding'],
    settings: row.settings,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getShop(db: Executor, workspaceId: string, shopId: string): Promise<Shop> {
  const row = await db.selectFrom('shops').selectAll().where('id', '=', shopId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Shop', shopId);
  return toShop(row);
}

export async function listShops(db: Executor, workspaceId: string): Promise<Shop[]> {
  const rows = await db.selectFrom('shops').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map(toShop);
}
