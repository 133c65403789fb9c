import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { AppError } from '../../../shared/errors.ts';
import { storeConnectorFor } from '../connector-for.ts';
import { saveStoreOrders } from '../store-orders.ts';
import { advanceWatermark, ensureSyncRow, releaseLease, takeLease, toSyncState, type SyncState } from '../sync.repository.ts';

// Backfills a connected shop's order history, page by page, inside the platform's rate limit (the
// connector paces every call). Each page is written together with the cursor that follows it, so
// a backfill that stops (crash, deploy, Ctrl-C) resumes exactly where it was: nothing skipped,
// nothing written twice. One process at a time holds the shop's lease, renewed with every page.

export const SYNC_LEASE_SECONDS = 120;
/** overlap when asking the platform for changes, against clock skew and same-second edits */
export const WATERMARK_OVERLAP_MS = 5 * 60_000;

export interface BackfillOptions {
  /** start over even if a previous backfill finished or stopped midway */
  restart?: boolean;
  pageSize?: number;
  onProgress?: (state: SyncState) => void;
  actor?: string;
}

export async function backfillShop(ctx: Pick<AppContext, 'db' | 'config' | 'clock'>, shopId: string, options: BackfillOptions = {}): Promise<SyncState> {
  const shopRow = await ctx.db.selectFrom('shops').select(['id', 'workspace_id', 'platform', 'name']).where('id', '=', shopId).executeTakeFirst();
  if (!shopRow) throw new AppError('NOT_FOUND', `Shop ${shopId} was not found.`);
  if (shopRow.platform === 'manual') throw new AppError('CONFLICT', `Shop ${shopRow.name} is a manual shop: import its orders from CSV (recoup import orders FILE --shop ${shopId}).`);
  const shop = { id: shopRow.id, workspaceId: shopRow.workspace_id };
  await ensureSyncRow(ctx.db, shop);
  const owner = randomUUID();
  const row = await takeLease(ctx.db, shopId, owner, SYNC_LEASE_SECONDS);
  if (!row) throw new AppError('CONFLICT', `A sync of shop ${shopRow.name} is already running; follow it at GET /api/v1/shops/${shopId}/sync.`);

  // Platform times are compared with this, not with Recoup's business clock.
  const startedWall = new Date();
  const resume = (row.status === 'running' || row.status === 'failed') && !options.restart && row.cursor !== null;
  if (!resume) {
    await ctx.db.updateTable('shop_syncs').set({
      status: 'running', cursor: null, done: 0, created: 0, updated: 0, total: null, started_at: startedWall, finished_at: null, last_error: null,
    }).where('shop_id', '=', shopId).execute();
  }
  const actor = options.actor ?? 'sync';
  try {
    const connector = await storeConnectorFor(ctx, shopId);
    let state = await ctx.db.selectFrom('shop_syncs').selectAll().where('shop_id', '=', shopId).executeTakeFirstOrThrow();
    let cursor = state.cursor;
    let watermark = state.synced_through;
    const backfillStart = state.started_at ?? startedWall;
    options.onProgress?.(toSyncState(state, new Date()));
    // The next page is fetched while this one is written: the rate limit, not the database, sets the pace.
    const fetchPage = (at: string | null) => {
      const promise = connector.listOrders({ cursor: at, pageSize: options.pageSize });
      promise.catch(() => undefined); // awaited below; a write failing first must not leave it unhandled
      return promise;
    };
    let ahead = fetchPage(cursor);
    do {
      const page = await ahead;
      watermark = advanceWatermark(watermark, page.items);
      const next = page.nextCursor;
      if (next) ahead = fetchPage(next);
      state = await ctx.db.transaction().execute(async (tx) => {
        const saved = await saveStoreOrders(tx, shop, page.items, actor);
        const updated = await tx.updateTable('shop_syncs')
          .set((eb) => ({
            cursor: next, done: eb('done', '+', page.items.length), created: eb('created', '+', saved.created), updated: eb('updated', '+', saved.updated),
            total: page.total ?? state.total, lease_until: sql<Date>`now() + make_interval(secs => ${SYNC_LEASE_SECONDS})`, updated_at: sql<Date>`now()`,
          }))
          .where('shop_id', '=', shopId).where('lease_owner', '=', owner)
          .returningAll().executeTakeFirst();
        if (!updated) throw new AppError('CONFLICT', `The sync lease of shop ${shopId} was lost; another process took over.`);
        return updated;
      });
      options.onProgress?.(toSyncState(state, new Date()));
      cursor = next;
    } while (cursor);
    // Changes made while the backfill ran may sit on pages already read: reconciliation starts
    // from before the backfill began.
    const through = watermark && watermark.getTime() < backfillStart.getTime() ? watermark : new Date(backfillStart.getTime() - WATERMARK_OVERLAP_MS);
    const finished = await ctx.db.updateTable('shop_syncs')
      .set((eb) => ({ status: 'done', cursor: null, finished_at: new Date(), total: eb.fn.coalesce('total', 'done'), synced_through: through, lease_owner: null, lease_until: null, updated_at: sql<Date>`now()` }))
      .where('shop_id', '=', shopId).returningAll().executeTakeFirstOrThrow();
    const result = toSyncState(finished, new Date());
    options.onProgress?.(result);
    return result;
  } catch (error) {
    await ctx.db.updateTable('shop_syncs').set({ status: 'failed', last_error: (error as Error).message.slice(0, 2000), updated_at: sql<Date>`now()` })
      .where('shop_id', '=', shopId).where('lease_owner', '=', owner).execute();
    await releaseLease(ctx.db, shopId, owner);
    throw error;
  }
}
