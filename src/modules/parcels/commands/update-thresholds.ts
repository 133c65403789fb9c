import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { requireRole, requireShop, type Actor } from '../../../shared/actor.ts';
import { notFound } from '../../../shared/errors.ts';
import { getParcelThresholds } from '../queries/thresholds.ts';
import type { TroubleThresholds } from '../trouble.ts';

export type ThresholdsPatch = Partial<Omit<TroubleThresholds, 'stalledDays'>> & { stalledDays?: Partial<TroubleThresholds['stalledDays']> };

/** Changes some of a shop's trouble thresholds; the rest keep their values. The next scan uses them. */
export async function updateParcelThresholds(db: Executor, actor: Actor, shopId: string, patch: ThresholdsPatch): Promise<TroubleThresholds> {
  requireRole(actor, 'admin');
  requireShop(actor, shopId);
  const shop = await db.selectFrom('shops').select('settings').where('id', '=', shopId).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
  if (!shop) throw notFound('Shop', shopId);
  const current = ((shop.settings as { parcelThresholds?: ThresholdsPatch }).parcelThresholds ?? {}) as ThresholdsPatch;
  const next: ThresholdsPatch = { ...current, ...patch, stalledDays: { ...(current.stalledDays ?? {}), ...(patch.stalledDays ?? {}) } };
  await db
    .updateTable('shops')
    .set({ settings: sql`jsonb_set(settings, '{parcelThresholds}', ${JSON.stringify(next)}::jsonb)` })
    .where('id', '=', shopId)
    .execute();
  return getParcelThresholds(db, shopId);
}
