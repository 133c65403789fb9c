import { sql } from 'kysely';
import { create17TrackClient, read17TrackWebhook } from '../connectors/17track/index.ts';
import { createAfterShipClient, readAfterShipWebhook } from '../connectors/aftership/index.ts';
import type { ExternalTrackingEvent } from '../connectors/types.ts';
import type { AppContext } from '../context.ts';
import { createMailer, sendPendingNotifications } from '../modules/notifications/index.ts';
import {
  applyTrackingUpdates, listEnabledConnections, markPolled, parcelsToPoll, parcelsToRegister, recordRegistration,
  type IncomingTrackingEvent, type TrackingConnection, type TrackingUpdate,
} from '../modules/parcels/index.ts';
import type { DeliveryHandler } from '../modules/webhooks/index.ts';
import type { JobDefinition } from './queue.ts';

// Jobs and webhook handlers of the tracking integrations (AfterShip, 17TRACK) and the customer
// emails they lead to.

export const TRACKING_SOURCES = ['aftership', '17track'] as const;
const INGEST_CHUNK = 1000;
const REGISTER_BATCH = 200;

const toIncoming = (e: ExternalTrackingEvent): IncomingTrackingEvent => ({
  occurredAt: new Date(e.occurredAt), status: e.status, rawStatus: e.rawStatus, rawSubstatus: e.rawSubstatus, description: e.description, location: e.location,
});

/**
 * Applies every stored, unprocessed tracking webhook in arrival order, a chunk per transaction,
 * one drainer at a time (advisory lock). Any `webhook.process` job runs it; the jobs after the
 * first find their delivery already applied. Batching is what lets ingestion keep up: one chunk
 * is a few multi-row statements, whatever its size.
 */
export async function drainTrackingDeliveries(ctx: Pick<AppContext, 'db' | 'clock' | 'jobs'>): Promise<{ deliveries: number; events: number }> {
  const total = { deliveries: 0, events: 0 };
  for (;;) {
    const done = await ctx.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtext('recoup.tracking-ingest'))`.execute(tx);
      const rows = await tx
        .selectFrom('webhook_deliveries')
        .select(['id', 'source', 'workspace_id', 'body', 'received_at'])
        .where('processed_at', 'is', null)
        .where('source', 'in', TRACKING_SOURCES)
        .orderBy('received_at')
        .orderBy('id')
        .limit(INGEST_CHUNK)
        .execute();
      if (rows.length === 0) return 0;
      const updates: TrackingUpdate[] = [];
      for (const row of rows) {
        const read = row.source === 'aftership' ? readAfterShipWebhook(row.body) : read17TrackWebhook(row.body, () => row.received_at);
        if (!read || !row.workspace_id) continue; // verified on arrival, so only a foreign topic lands here
        updates.push({
          workspaceId: row.workspace_id, trackingNumber: read.trackingNumber, source: row.source, events: read.events.map(toIncoming),
          carrier: read.events.at(-1)?.carrier ?? null, estimatedDeliveryAt: read.estimatedDelivery ? new Date(read.estimatedDelivery) : null,
        });
      }
      const applied = await applyTrackingUpdates(tx, updates, { now: ctx.clock.now() });
      const ids = rows.map((r) => r.id);
      await tx.updateTable('webhook_deliveries').set((eb) => ({ processed_at: ctx.clock.now(), attempts: eb('attempts', '+', 1), last_error: null })).where('id', 'in', ids).execute();
      if (applied.notifications > 0) await ctx.jobs.enqueue(tx, 'notifications.send', {});
      total.events += applied.inserted;
      return rows.length;
    });
    total.deliveries += done;
    if (done < INGEST_CHUNK) return total;
  }
}

type TrackingClient = Pick<ReturnType<typeof createAfterShipClient>, 'register' | 'getTracking'>;

export function trackingJobs(ctx: AppContext): { jobs: JobDefinition<never>[]; webhookHandlers: Record<string, DeliveryHandler> } {
  // One client per connection version, so its pacing spans jobs.
  const clients = new Map<string, TrackingClient>();
  const clientFor = (c: TrackingConnection): TrackingClient => {
    const id = `${c.id}@${c.updatedAt}`;
    if (!clients.has(id)) {
      const options = { baseUrl: c.baseUrl, apiKey: c.apiKey, ...(c.requestsPerSecond ? { requestsPerSecond: c.requestsPerSecond } : {}) };
      clients.set(id, c.provider === 'aftership' ? createAfterShipClient(options) : create17TrackClient(options));
    }
    return clients.get(id)!;
  };

  /** Registers every parcel waiting for it, with its workspace's service (the first connected one). */
  async function registerPending(): Promise<void> {
    const done = new Set<string>();
    for (const connection of await listEnabledConnections(ctx.db, ctx.config.secretKey)) {
      if (done.has(connection.workspaceId)) continue;
      done.add(connection.workspaceId);
      for (;;) {
        const batch = await parcelsToRegister(ctx.db, connection.workspaceId, REGISTER_BATCH);
        if (batch.length === 0) break;
        const slugged = batch.map((p) => ({ number: p.trackingNumber, carrier: p.carrier && /^[a-z0-9-]+$/.test(p.carrier.toLowerCase()) ? p.carrier.toLowerCase() : null }));
        const result = await clientFor(connection).register(slugged);
        const byNumber = new Map(batch.map((p) => [p.trackingNumber, p]));
        const accepted = result.accepted.filter((a) => byNumber.has(a.number)).map((a) => ({ parcelId: byNumber.get(a.number)!.id, carrier: a.carrier }));
        const answered = new Set([...result.accepted.map((a) => a.number), ...result.rejected.map((r) => r.number)]);
        const rejected = [
          ...result.rejected.map((r) => ({ trackingNumber: r.number, code: r.code, message: r.message, invalidNumber: r.status === 'invalid_number' })),
          ...batch.filter((p) => !answered.has(p.trackingNumber)).map((p) => ({ trackingNumber: p.trackingNumber, code: 'no_answer', message: 'The service did not answer for this number', invalidNumber: false })),
        ].filter((r) => byNumber.has(r.trackingNumber)).map((r) => ({ ...r, parcelId: byNumber.get(r.trackingNumber)!.id }));
        await recordRegistration(ctx.db, connection.workspaceId, { connectionId: connection.id, source: connection.provider, accepted, rejected }, ctx.clock.now());
        if (batch.length < REGISTER_BATCH) break;
      }
    }
  }

  /** Reads what webhooks did not bring: parcels on their way that nothing was heard about for 12 hours. */
  async function pollQuiet(): Promise<void> {
    for (const connection of await listEnabledConnections(ctx.db, ctx.config.secretKey)) {
      const now = ctx.clock.now();
      const parcels = await parcelsToPoll(ctx.db, connection.id, now, { quietHours: 12, limit: 500 });
      if (parcels.length === 0) continue;
      const events = await clientFor(connection).getTracking(parcels.map((p) => p.trackingNumber));
      const updates = parcels.map((p) => ({ workspaceId: connection.workspaceId, trackingNumber: p.trackingNumber, source: connection.provider, events: (events.get(p.trackingNumber) ?? []).map(toIncoming) }));
      await ctx.db.transaction().execute(async (tx) => {
        const applied = await applyTrackingUpdates(tx, updates, { now });
        if (applied.notifications > 0) await ctx.jobs.enqueue(tx, 'notifications.send', {});
      });
      await markPolled(ctx.db, parcels.map((p) => p.id), now);
    }
  }

  async function sendNotifications(): Promise<void> {
    const mailer = createMailer(ctx.config.smtpUrl, ctx.config.mailFrom);
    try {
      await sendPendingNotifications(ctx, mailer);
    } finally {
      mailer?.close();
    }
  }

  const jobs = [
    { name: 'tracking.register', retryLimit: 8, retryDelaySeconds: 30, batchSize: 100, handle: async () => registerPending() } satisfies JobDefinition<{ parcelId: string }>,
    { name: 'tracking.poll', retryLimit: 2, retryDelaySeconds: 60, cron: '*/30 * * * *', handle: async () => { await registerPending(); await pollQuiet(); } } satisfies JobDefinition<object>,
    { name: 'notifications.send', retryLimit: 5, retryDelaySeconds: 30, batchSize: 100, cron: '* * * * *', handle: async () => sendNotifications() } satisfies JobDefinition<object>,
  ];
  const ingest: DeliveryHandler = async () => {
    await drainTrackingDeliveries(ctx);
  };
  return { jobs: jobs as unknown as JobDefinition<never>[], webhookHandlers: { aftership: ingest, '17track': ingest } };
}
