import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Row, ShopSyncStatus } from '../../db/schema.ts';

export interface SyncState {
  shopId: string;
  status: ShopSyncStatus;
  /** orders written so far by the current or last backfill */
  done: number;
  /** what the platform said it holds, when it says (WooCommerce does; Shopify does not) */
  total: number | null;
  created: number;
  updated: number;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  /** newest platform updated_at seen: reconciliation asks for changes since then */
  syncedThrough: string | null;
  reconciledAt: string | null;
  running: boolean;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toSyncState(row: Row<'shop_syncs'>, now: Date): SyncState {
  return {
    shopId: row.shop_id, status: row.status, done: row.done, total: row.total, created: row.created, updated: row.updated,
    startedAt: iso(row.started_at), finishedAt: iso(row.finished_at), lastError: row.last_error,
    syncedThrough: iso(row.synced_through), reconciledAt: iso(row.reconciled_at),
    running: row.status === 'running' && !!row.lease_until && row.lease_until.getTime() > now.getTime(),
  };
}

export const SYNC_LEASE_SECONDS_RECONCILE = 120;

export async function ensureSyncRow(db: Executor, shop: { id: string; workspaceId: string }): Promise<void> {
  await db.insertInto('shop_syncs').values({ shop_id: shop.id, workspace_id: shop.workspaceId }).onConflict((oc) => oc.column('shop_id').doNothing()).execute();
}

/** Takes the shop's sync lease when nobody holds a live one (database time, so hosts may disagree on clocks). */
export async function takeLease(db: Executor, shopId: string, owner: string, seconds: number): Promise<Row<'shop_syncs'> | null> {
  const row = await db
    .updateTable('shop_syncs')
    .set({ lease_owner: owner, lease_until: sql<Date>`now() + make_interval(secs => ${seconds})`, updated_at: sql<Date>`now()` })
    .where('shop_id', '=', shopId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`), eb('lease_owner', '=', owner)]))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function releaseLease(db: Executor, shopId: string, owner: string): Promise<void> {
  await db.updateTable('shop_syncs').set({ lease_owner: null, lease_until: null }).where('shop_id', '=', shopId).where('lease_owner', '=', owner).execute();
}

/** Moves the watermark forward only. */
export function advanceWatermark(current: Date | null, orders: readonly { updatedAt: string }[]): Date | null {
  let max = current?.getTime() ?? null;
  for (const o of orders) {
    const t = Date.parse(o.updatedAt);
    if (!Number.isNaN(t) && (max === null || t > max)) max = t;
  }
  return max === null ? null : new Date(max);
}
