import cliProgress from 'cli-progress';
import type { Recoup } from '../app.ts';
import { getShop } from '../modules/shops/index.ts';
import { backfillShop, type SyncState } from '../modules/sync/index.ts';
import type { Actor } from '../shared/actor.ts';

/**
 * `recoup import shop ID`: backfills a connected shop's order history here, with a progress bar.
 * It runs in this process (the rate limit is the shop's, so one backfill at a time: a lease makes
 * a second one, or the worker's, wait its turn). Stopped midway, it resumes where it was.
 */
export async function importShop(recoup: Recoup, actor: Actor, shopId: string, options: { restart?: boolean } = {}): Promise<void> {
  const shop = await getShop(recoup.ctx.db, actor.workspaceId, shopId);
  const interactive = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { format: `${shop.name} [{bar}] {percentage}% | {value}/{total} orders | {rate} orders/s | ETA {eta_formatted}`, hideCursor: true, noTTYOutput: !interactive, notTTYSchedule: 2000, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let shown = false;
  const show = (state: SyncState) => {
    // Shopify does not tell its order count up front: the bar's end moves with the pages.
    const total = state.total ?? Math.max(state.done + 1, 1);
    const rate = Math.round(state.done / Math.max(0.001, (Date.now() - started) / 1000));
    if (!shown) {
      bar.start(total, state.done, { rate });
      shown = true;
    } else {
      bar.setTotal(state.status === 'done' ? state.done : total);
      bar.update(state.done, { rate });
    }
  };
  try {
    const result = await backfillShop(recoup.ctx, shopId, { restart: options.restart, onProgress: show, actor: actor.label });
    bar.stop();
    console.log(`Backfilled ${result.done} orders from ${shop.platform} shop ${shop.name}: ${result.created} new, ${result.updated} updated (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  } catch (error) {
    bar.stop();
    throw error;
  }
}
