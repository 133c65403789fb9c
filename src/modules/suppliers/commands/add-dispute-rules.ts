import { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import type { SupplierPlatform } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { audit } from '../../staff/index.ts';

const days = z.number().int().min(0).max(365);
export const disputeRulesSchema = z.object({
  earliestOpenDaysAfterShip: days,
  protectionDays: z.record(z.string(), days).and(z.object({ default: days })),
  completionGraceDays: days,
  sellerResponseDays: days,
  escalateFromDays: days,
  autoEscalateDays: days,
  returnShipDays: days,
  refundExpectedBusinessDays: days,
});

/** Rules are never edited in place: a change is a new version, effective from a date. */
export async function addDisputeRulesVersion(db: Database, actor: Actor, input: { platform: SupplierPlatform; effectiveFrom: Date; rules: unknown; note?: string }) {
  requireRole(actor, 'admin');
  const parsed = disputeRulesSchema.safeParse(input.rules);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `rules.${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  return db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('dispute_window_rules').select((eb) => eb.fn.max('version').as('v')).where('platform', '=', input.platform).executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    const id = newId('disputeRule');
    await tx
      .insertInto('dispute_window_rules')
      .values({ id, platform: input.platform, version, effective_from: input.effectiveFrom, rules: JSON.stringify(parsed.data), note: input.note ?? null, created_by: actor.label })
      .execute();
    await audit(tx, { workspaceId: actor.workspaceId, actor: actor.label, action: 'dispute_rules.add', target: id, data: { platform: input.platform, version } });
    return { id, platform: input.platform, version };
  });
}

export async function listDisputeRules(db: Database) {
  const rows = await db.selectFrom('dispute_window_rules').selectAll().orderBy('platform').orderBy('version', 'desc').execute();
  return rows.map((r) => ({ id: r.id, platform: r.platform, version: r.version, effectiveFrom: r.effective_from.toISOString(), rules: r.rules, note: r.note, createdBy: r.created_by }));
}
