import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { storeConnectorFor } from '../connector-for.ts';
import { saveStoreOrders } from '../store-orders.ts';
import { advanceWatermark, releaseLease, takeLease, SYNC_LEASE_SECONDS_RECONCILE } from '../sync.repository.ts';
import { WATERMARK_OVERLAP_MS } from './backfill-shop.ts';

// Webhooks get lost (Shopify drops subscriptions after repeated failures, WooCommerce disables a
// webhook after five). Every few minutes each backfilled shop is asked for the orders updated
// since the newest change Recoup has seen (less an overlap), and those are written like any other
// state: older states never overwrite newer ones, so repeats are harmless.

export interface ReconcileResult { shopId: string; seen: number; created: number; updated: number; skipped?: string }

export async function reconcileShop(ctx: Pick<AppContext, 'db' | 'config'>, shopId: string): Promise<ReconcileResult> {
  const sync = await ctx.db.selectFrom('shop_syncs').select(['workspace_id', 'status', 'synced_through']).where('shop_id', '=', shopId).executeTakeFirst();
  if (!sync || !sync.synced_through) return { shopId, seen: 0, created: 0, updated: 0, skipped: 'not backfilled yet' };
  const owner = randomUUID();
  if (!(await takeLease(ctx.db, shopId, owner, SYNC_LEASE_SECONDS_RECONCILE))) return { shopId, seen: 0, created: 0, updated: 0, skipped: 'a sync is running' };
  const result: ReconcileResult = { shopId, seen: 0, created: 0, updated: 0 };
  try {
    const connector = await storeConnectorFor(ctx, shopId);
    const since = new Date(sync.synced_through.getTime() - WATERMARK_OVERLAP_MS).toISOString();
    let watermark: Date | null = sync.synced_through;
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof connector.listOrders>> = await connector.listOrders({ cursor, updatedSince: since });
      const saved = await ctx.db.transaction().execute((tx) => saveStoreOrders(tx, { id: shopId, workspaceId: sync.workspace_id }, page.items, 'reconciliation'));
      result.seen += page.items.length;
      result.created += saved.created;
      result.updated += saved.updated;
      watermark = advanceWatermark(watermark, page.items);
      cursor = page.nextCursor;
      await ctx.db.updateTable('shop_syncs').set({ lease_until: sql<Date>`now() + make_interval(secs => ${SYNC_LEASE_SECONDS_RECONCILE})` }).where('shop_id', '=', shopId).where('lease_owner', '=', owner).execute();
    } while (cursor);
    await ctx.db.updateTable('shop_syncs').set({ synced_through: watermark, reconciled_at: new Date(), last_error: null, updated_at: sql<Date>`now()` }).where('shop_id', '=', shopId).execute();
    return result;
  } catch (error) {
    await ctx.db.updateTable('shop_syncs').set({ last_error: `reconciliation: ${(error as Error).message}`.slice(0, 2000) }).where('shop_id', '=', shopId).execute();
    throw error;
  } finally {
    await releaseLease(ctx.db, shopId, owner);
  }
}

/** Every connected shop that finished its backfill. */
export async function reconcileAllShops(ctx: Pick<AppContext, 'db' | 'config'>): Promise<ReconcileResult[]> {
  const shops = await ctx.db.selectFrom('shop_syncs').innerJoin('shops', 'shops.id', 'shop_syncs.shop_id')
    .select('shop_syncs.shop_id').where('shops.platform', '!=', 'manual').where('shop_syncs.synced_through', 'is not', null).execute();
  const results: ReconcileResult[] = [];
  for (const { shop_id } of shops) {
    try {
      results.push(await reconcileShop(ctx, shop_id));
    } catch (error) {
      // One unreachable shop must not stop the others; its error is on its sync state.
      results.push({ shopId: shop_id, seen: 0, created: 0, updated: 0, skipped: (error as Error).message });
    }
  }
  return results;
}
