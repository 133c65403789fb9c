import type { Executor } from '../../../db/database.ts';
import { getShop } from '../../shops/index.ts';
import { toSyncState, type SyncState } from '../sync.repository.ts';

export interface ShopSyncView extends SyncState {
  platform: string;
  /** 0-100 when the platform tells its order count, else null */
  percent: number | null;
  /** where to point the store's webhooks (relative to PUBLIC_URL) */
  webhookPath: string | null;
}

export async function getSyncStatus(db: Executor, workspaceId: string, shopId: string): Promise<ShopSyncView> {
  const shop = await getShop(db, workspaceId, shopId);
  const row = await db.selectFrom('shop_syncs').selectAll().where('shop_id', '=', shopId).executeTakeFirst();
  const state: SyncState = row
    ? toSyncState(row, new Date())
    : { shopId, status: 'idle', done: 0, total: null, created: 0, updated: 0, startedAt: null, finishedAt: null, lastError: null, syncedThrough: null, reconciledAt: null, running: false };
  const percent = state.status === 'done' ? 100 : state.total ? Math.min(100, Math.floor((state.done / state.total) * 100)) : null;
  return { ...state, platform: shop.platform, percent, webhookPath: shop.platform === 'manual' ? null : `/webhooks/${shop.platform}/${shop.id}` };
}
