import type { AppContext } from '../../../context.ts';

export interface StoredDelivery {
  id: string;
  source: string;
  topic: string;
  workspaceId: string | null;
  shopId: string | null;
  headers: Record<string, string>;
  body: Buffer;
  receivedAt: Date;
}

/** What a module does with one stored delivery of its source; must be idempotent. */
export type DeliveryHandler = (delivery: StoredDelivery) => Promise<void>;

/**
 * Runs the handler for a stored delivery once it succeeds; a failure is recorded on the delivery
 * and rethrown so the job queue retries it.
 */
export async function processDelivery(ctx: Pick<AppContext, 'db'>, deliveryId: string, handlers: Record<string, DeliveryHandler>): Promise<'processed' | 'already' | 'missing'> {
  const row = await ctx.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
  if (!row) return 'missing';
  if (row.processed_at) return 'already';
  const handler = handlers[row.source];
  if (!handler) throw new Error(`No handler for webhooks from ${row.source}.`);
  try {
    await handler({ id: row.id, source: row.source, topic: row.topic, workspaceId: row.workspace_id, shopId: row.shop_id, headers: row.headers as Record<string, string>, body: row.body, receivedAt: row.received_at });
  } catch (error) {
    await ctx.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: (error as Error).message.slice(0, 2000) }))
      .where('id', '=', deliveryId)
      .execute();
    throw error;
  }
  await ctx.db.updateTable('webhook_deliveries').set((eb) => ({ processed_at: new Date(), attempts: eb('attempts', '+', 1), last_error: null })).where('id', '=', deliveryId).execute();
  return 'processed';
}

/** Deliveries that failed this often wait for a person (their last error is kept on the row). */
export const MAX_DELIVERY_ATTEMPTS = 10;

/**
 * Processes every stored, unprocessed delivery of a source in arrival order. A failing delivery is
 * recorded and skipped so it cannot hold up the others; the call then throws so the job retries.
 */
export async function processPendingDeliveries(ctx: Pick<AppContext, 'db'>, source: string, handlers: Record<string, DeliveryHandler>): Promise<{ processed: number; failed: number }> {
  let processed = 0;
  let failed = 0;
  const tried = new Set<string>();
  for (;;) {
    const pending = await ctx.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('source', '=', source)
      .where('processed_at', 'is', null)
      .where('attempts', '<', MAX_DELIVERY_ATTEMPTS)
      .orderBy('received_at')
      .orderBy('id')
      .limit(500)
      .execute();
    const fresh = pending.filter((p) => !tried.has(p.id));
    if (fresh.length === 0) break;
    for (const { id } of fresh) {
      tried.add(id);
      try {
        if ((await processDelivery(ctx, id, handlers)) === 'processed') processed++;
      } catch {
        failed++;
      }
    }
  }
  if (failed > 0) throw new Error(`${failed} ${source} webhook(s) failed; their errors are on the deliveries and they will be retried.`);
  return { processed, failed };
}

/** Sources with deliveries still waiting, for the sweep job. */
export async function sourcesWithPendingDeliveries(ctx: Pick<AppContext, 'db'>): Promise<string[]> {
  const rows = await ctx.db.selectFrom('webhook_deliveries').select('source').distinct().where('processed_at', 'is', null).where('attempts', '<', MAX_DELIVERY_ATTEMPTS).execute();
  return rows.map((r) => r.source);
}
