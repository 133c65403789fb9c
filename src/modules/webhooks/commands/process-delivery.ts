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
