import type { Executor } from '../../../db/database.ts';
import { DEFAULT_THRESHOLDS, type TroubleThresholds } from '../trouble.ts';

/** A shop's trouble thresholds: its own numbers over the defaults (shops.settings.parcelThresholds). */
export async function getParcelThresholds(db: Executor, shopId: string | undefined): Promise<TroubleThresholds> {
  if (!shopId) return DEFAULT_THRESHOLDS;
  const shop = await db.selectFrom('shops').select('settings').where('id', '=', shopId).executeTakeFirst();
  const custom = (shop?.settings as { parcelThresholds?: Partial<TroubleThresholds> } | undefined)?.parcelThresholds;
  return custom ? { ...DEFAULT_THRESHOLDS, ...custom, stalledDays: { ...DEFAULT_THRESHOLDS.stalledDays, ...(custom.stalledDays ?? {}) } } : DEFAULT_THRESHOLDS;
}
