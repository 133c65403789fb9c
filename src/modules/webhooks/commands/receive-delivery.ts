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
 * Stores a verified webhook. A delivery seen before (platforms retry and duplicate) is
 * acknowledged and changes nothing. The stored row is the outbox: once it is committed the
 * source's processing job is nudged, and the `webhook.sweep` job picks up anything a nudge missed.
 */
export async function receiveDelivery(ctx: Pick<AppContext, 'db' | 'jobs'>, delivery: VerifiedDelivery): Promise<{ id: string; duplicate: boolean }> {
  const result = await batcherFor(ctx.db).store(delivery);
  if (!result.duplicate) ctx.jobs.nudge('webhook.process', { source: delivery.source }, `webhook:${delivery.source}`);
  return result;
}

// Group commit: deliveries arriving together are written by one multi-row INSERT in one
// transaction, so a burst pays for one WAL flush instead of one per webhook. Each caller still
// gets its answer only after its row is committed.
const MAX_BATCH = 200;
const batchers = new WeakMap<object, DeliveryBatcher>();

function batcherFor(db: AppContext['db']): DeliveryBatcher {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new DeliveryBatcher(db)));
  return batcher;
}

type Waiting = { delivery: VerifiedDelivery; resolve: (r: { id: string; duplicate: boolean }) => void; reject: (e: unknown) => void };

class DeliveryBatcher {
  private queue: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: AppContext['db']) {}

  store(delivery: VerifiedDelivery): Promise<{ id: string; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ delivery, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const results = await this.write(batch.map((w) => w.delivery));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
  }

  private async write(deliveries: VerifiedDelivery[]): Promise<{ id: string; duplicate: boolean }[]> {
    const rows = deliveries.map((d) => ({
      id: newId('webhook'),
      source: d.source,
      delivery_key: d.deliveryKey,
      topic: d.topic,
      workspace_id: d.workspaceId,
      shop_id: d.shopId,
      headers: JSON.stringify(d.headers),
      body: d.body,
    }));
    const inserted = await this.db
      .insertInto('webhook_deliveries')
      .values(rows)
      .onConflict((oc) => oc.columns(['source', 'delivery_key']).doNothing())
      .returning(['id'])
      .execute();
    const fresh = new Set(inserted.map((r) => r.id));
    const missing = rows.filter((r) => !fresh.has(r.id));
    const existing = missing.length
      ? await this.db
          .selectFrom('webhook_deliveries')
          .select(['id', 'source', 'delivery_key'])
          .where((eb) => eb.or(missing.map((m) => eb.and([eb('source', '=', m.source), eb('delivery_key', '=', m.delivery_key)]))))
          .execute()
      : [];
    return rows.map((r) =>
      fresh.has(r.id) ? { id: r.id, duplicate: false } : { id: existing.find((e) => e.source === r.source && e.delivery_key === r.delivery_key)?.id ?? r.id, duplicate: true },
    );
  }
}
