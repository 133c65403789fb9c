import type { AppContext } from '../../../context.ts';
import { refreshAliExpressToken } from '../clients.ts';

/** Access tokens expiring within this are renewed by the cron job, well before use would need it. */
export const CRON_REFRESH_WITHIN_MS = 6 * 3_600_000;

/**
 * Renews every AliExpress access token that expires soon. A failure is kept on the account
 * (`lastError`, shown in Settings) and does not stop the others.
 */
export async function refreshAliExpressTokens(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>): Promise<{ refreshed: number; failed: number }> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectFrom('supplier_accounts')
    .select(['id'])
    .where('platform', '=', 'aliexpress')
    .where('enabled', '=', true)
    .where('access_expires_at', '<', new Date(now.getTime() + CRON_REFRESH_WITHIN_MS))
    .execute();
  let refreshed = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      await refreshAliExpressToken(ctx, id, { marginMs: CRON_REFRESH_WITHIN_MS });
      refreshed++;
    } catch (error) {
      failed++;
      await ctx.db.updateTable('supplier_accounts').set({ last_error: (error as Error).message.slice(0, 1000) }).where('id', '=', id).execute();
    }
  }
  return { refreshed, failed };
}
