import type { AppContext } from '../../../context.ts';
import { newId } from '../../../shared/ids.ts';

export interface VerifiedDelivery {
  source: string;
  /** the platform's delivery id, or a stable hash of the payload where it has none */
  deliveryKey: string;
  topic: string;
  workspaceId: string | null;
  shopId: string | null;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Stores a verified webhook and enqueues its processing in the same transaction. A delivery seen
 * before (platforms retry and duplicate) is acknowledged and changes nothing.
 */
export async function receiveDelivery(ctx: Pick<AppContext, 'db' | 'jobs'>, delivery: VerifiedDelivery): Promise<{ id: string; duplicate: boolean }> {
  return ctx.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('webhook_deliveries')
      .values({
        id: newId('webhook'),
        source: delivery.source,
        delivery_key: delivery.deliveryKey,
        topic: delivery.topic,
        workspace_id: delivery.workspaceId,
        shop_id: delivery.shopId,
        headers: JSON.stringify(delivery.headers),
        body: delivery.body,
      })
      .onConflict((oc) => oc.columns(['source', 'delivery_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx.selectFrom('webhook_deliveries').select('id').where('source', '=', delivery.source).where('delivery_key', '=', delivery.deliveryKey).executeTakeFirstOrThrow();
      return { id: existing.id, duplicate: true };
    }
    await ctx.jobs.enqueue(tx, 'webhook.process', { deliveryId: inserted.id });
    return { id: inserted.id, duplicate: false };
  });
}
