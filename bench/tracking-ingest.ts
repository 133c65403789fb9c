import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { startRecoup } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { drainTrackingDeliveries } from '../src/jobs/tracking-jobs.ts';
import { saveTrackingConnection } from '../src/modules/parcels/index.ts';
import { createShop } from '../src/modules/shops/index.ts';
import { ensureWorkspace } from '../src/modules/staff/index.ts';
import { systemActor } from '../src/shared/actor.ts';
import { newId } from '../src/shared/ids.ts';

// Tracking-event ingestion through the real webhook endpoint of a listening Recoup (API in this
// process, workers in a `recoup worker` process, embedded PostgreSQL, senders in a worker thread),
// then the raw PostgreSQL insert rate of the same rows on the same server, as ratios. Two raw rates
// are printed: one row per INSERT and transaction, the fair yardstick for events that arrive one
// per request and must be durable before the 200; and multi-row inserts of 1,000, an upper bound
// that no per-request path can approach. Each webhook is an AfterShip `tracking_update` carrying
// the parcel's checkpoints so far (as AfterShip sends them), so each brings exactly one new event.
//   node --import tsx bench/tracking-ingest.ts [--parcels 2000] [--events 5] [--concurrency 32]

const { values } = parseArgs({ options: { parcels: { type: 'string', default: '2000' }, events: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '32' } } });
const PARCELS = Number(values.parcels);
const PER_PARCEL = Number(values.events);
const CONCURRENCY = Number(values.concurrency);
const SECRET = 'bench-secret';
const TAGS = [['InfoReceived', 'InfoReceived_001'], ['InTransit', 'InTransit_002'], ['InTransit', 'InTransit_007'], ['InTransit', 'InTransit_004'], ['InTransit', 'InTransit_006'], ['InTransit', 'InTransit_005'], ['OutForDelivery', 'OutForDelivery_001'], ['Delivered', 'Delivered_001']] as const;

const dataDir = mkdtempSync(path.join(tmpdir(), 'recoup-bench-'));
const config = loadConfig({ RECOUP_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
// API here and workers in a `recoup worker` process on the same data dir (it finds the embedded
// PostgreSQL this process started), as a merchant runs `recoup serve` + `recoup worker`.
const recoup = await startRecoup(config, { serve: true, work: false, port: 0 });
const workers = process.env.BENCH_NO_WORK === '1' ? null : await startWorkerProcess();

async function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], { env: { ...process.env, RECOUP_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('workers running') && resolve());
    child.once('exit', (code) => reject(new Error(`recoup worker exited with ${code}`)));
  });
  return child;
}
const { db } = recoup.ctx;
try {
  const workspaceId = await ensureWorkspace(db);
  const actor = systemActor(workspaceId);
  const shop = await createShop({ db, secretKey: config.secretKey }, actor, { name: 'Bench', platform: 'manual', currency: 'USD' });
  const connection = await saveTrackingConnection(db, config.secretKey, actor, { provider: 'aftership', apiKey: 'bench-key', webhookSecret: SECRET, baseUrl: 'http://127.0.0.1:9' });
  const numbers = Array.from({ length: PARCELS }, (_, i) => `YT${String(10 ** 15 + i)}`);
  const orders = numbers.map((_, i) => ({ id: newId('order'), workspace_id: workspaceId, shop_id: shop.id, order_number: `#B${i}`, currency: 'USD', total_minor: 100, placed_at: new Date(), shipping_country: 'US' }));
  for (let i = 0; i < PARCELS; i += 1000) await db.insertInto('orders').values(orders.slice(i, i + 1000)).execute();
  const parcels = numbers.map((n, i) => ({ id: newId('parcel'), workspace_id: workspaceId, order_id: orders[i]!.id, tracking_number: n, carrier: 'yunexpress', registered_at: new Date(), tracking_connection_id: connection.id }));
  for (let i = 0; i < PARCELS; i += 1000) await db.insertInto('parcels').values(parcels.slice(i, i + 1000)).execute();

  // Webhook k of each parcel carries checkpoints 0..k; sent round by round so each parcel's arrive in order.
  const start = Date.UTC(2025, 0, 1);
  const body = (n: string, k: number) => {
    const checkpoints = Array.from({ length: k + 1 }, (_, c) => {
      const [tag, subtag] = TAGS[c % TAGS.length]!;
      return { checkpoint_time: new Date(start + c * 7_200_000).toISOString(), tag, subtag, message: `${subtag} scan ${c}`, location: 'Shenzhen, CN', slug: 'yunexpress' };
    });
    const last = checkpoints.at(-1)!;
    return JSON.stringify({ event: 'tracking_update', event_id: `${n}-${k}`, ts: 1, msg: { id: `id${n}`, tracking_number: n, slug: 'yunexpress', tag: last.tag, subtag: last.subtag, updated_at: last.checkpoint_time, checkpoints } });
  };
  const requests: { body: string; sig: string }[] = [];
  for (let k = 0; k < PER_PARCEL; k++) for (const n of numbers) {
    const b = body(n, k);
    requests.push({ body: b, sig: createHmac('sha256', SECRET).update(b).digest('base64') });
  }
  const url = `${recoup.url}/webhooks/aftership/${connection.id}`;
  const total = requests.length;

  // The senders run in a worker thread (another core), as a real platform's would be another machine.
  const started = performance.now();
  const sent = await new Promise<{ latencies: number[]; failed: number; seconds: number }>((resolve, reject) => {
    const sender = new Worker(new URL('./support/webhook-sender.mjs', import.meta.url), { workerData: { url, requests, concurrency: CONCURRENCY } });
    sender.once('message', resolve);
    sender.once('error', reject);
  });
  const { latencies, failed } = sent;
  const receivedSeconds = sent.seconds;
  console.log(`  (sent ${total} in ${receivedSeconds.toFixed(2)} s)`);
  if (process.env.BENCH_WORK_AFTER === '1') {
    const { jobDefinitions } = await import('../src/jobs/registry.ts');
    const def = jobDefinitions(recoup.ctx).find((d) => d.name === 'webhook.process')!;
    const t0 = performance.now();
    await recoup.ctx.jobs.work(def);
    for (;;) {
      const left = Number((await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'webhook.process' and state in ('created','retry','active')`.execute(db)).rows[0]!.n);
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`  workers cleared ${total} webhook.process jobs in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    await recoup.stop();
    process.exit(0);
  }
  if (process.env.BENCH_NO_WORK === '1') {
    // Processing alone: the same drain the webhook.process job runs, over everything stored.
    const t0 = performance.now();
    const drained = await drainTrackingDeliveries(recoup.ctx);
    console.log(`  drain alone: ${drained.deliveries} deliveries, ${drained.events} new events in ${((performance.now() - t0) / 1000).toFixed(2)} s = ${(drained.events / ((performance.now() - t0) / 1000)).toFixed(0)} events/s`);
    await recoup.stop();
    process.exit(0);
  }
  // Applied: every event in tracking_events (the workers run in this process).
  let applied = 0;
  while (applied < total) {
    applied = Number((await sql<{ n: number }>`select count(*)::int as n from tracking_events`.execute(db)).rows[0]!.n);
    if (performance.now() - started > 600_000) break;
    if (applied < total) await new Promise((r) => setTimeout(r, 20));
  }
  const appliedSeconds = (performance.now() - started) / 1000;
  const lag = await sql<{ p50: number; p99: number; max: number }>`
    select percentile_cont(0.5) within group (order by ms) as p50, percentile_cont(0.99) within group (order by ms) as p99, max(ms) as max
    from (select extract(epoch from (processed_at - received_at)) * 1000 as ms from webhook_deliveries) d`.execute(db);
  const backlog = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'webhook.process' and state in ('created','retry','active')`.execute(db);

  // The same rows straight into PostgreSQL: multi-row inserts of 1,000 (into a copy of the table).
  await sql`create table bench_events (like tracking_events including all)`.execute(db);
  const rows = await sql<Record<string, unknown>>`select * from tracking_events`.execute(db);
  const rawStarted = performance.now();
  for (let i = 0; i < rows.rows.length; i += 1000) {
    const part = rows.rows.slice(i, i + 1000);
    await sql`insert into bench_events (id, parcel_id, occurred_at, status, raw_status, raw_substatus, description, location, source, dedupe_key)
      select * from unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.parcel_id)}::text[], ${part.map((r) => r.occurred_at)}::timestamptz[], ${part.map((r) => r.status)}::text[],
        ${part.map((r) => r.raw_status)}::text[], ${part.map((r) => r.raw_substatus)}::text[], ${part.map((r) => r.description)}::text[], ${part.map((r) => r.location)}::text[],
        ${part.map((r) => r.source)}::text[], ${part.map((r) => r.dedupe_key)}::text[])`.execute(db);
  }
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  // And one row per statement, one statement per transaction: what a webhook per event costs the database at least.
  await sql`truncate bench_events`.execute(db);
  const singleStarted = performance.now();
  const sample = rows.rows.slice(0, 2000);
  let k = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (k < sample.length) {
      const r = sample[k++]!;
      await sql`insert into bench_events (id, parcel_id, occurred_at, status, raw_status, source, dedupe_key) values (${r.id}, ${r.parcel_id}, ${r.occurred_at}, ${r.status}, ${r.raw_status}, ${r.source}, ${r.dedupe_key})`.execute(db);
    }
  }));
  const singleRate = sample.length / ((performance.now() - singleStarted) / 1000);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const rate = total / receivedSeconds;
  const rawRate = rows.rows.length / rawSeconds;
  const fmt = (n: number | string, d = 0) => Number(n).toFixed(d);
  console.log(`Tracking ingestion: ${PARCELS} parcels × ${PER_PARCEL} events = ${total} webhooks (1 new event each), ${CONCURRENCY} concurrent senders, embedded PostgreSQL`);
  console.log(`  received (HTTP 200)   ${fmt(rate)} events/s over ${fmt(receivedSeconds, 2)} s; ${failed} refused`);
  console.log(`  latency               p50 ${fmt(pct(0.5), 1)} ms  p99 ${fmt(pct(0.99), 1)} ms  max ${fmt(latencies.at(-1)!, 1)} ms`);
  console.log(`  applied (end to end)  ${applied} of ${total} events in ${fmt(appliedSeconds, 2)} s = ${fmt(applied / appliedSeconds)} events/s`);
  console.log(`  received → applied    p50 ${fmt(lag.rows[0]!.p50)} ms  p99 ${fmt(lag.rows[0]!.p99)} ms  max ${fmt(lag.rows[0]!.max)} ms; webhook.process jobs still queued: ${backlog.rows[0]!.n}`);
  console.log(`  raw insert, unnest×1000  ${fmt(rawRate)} rows/s   → webhook rate is ${fmt((rate / rawRate) * 100, 1)}% of it`);
  console.log(`  raw insert, 1 row/tx     ${fmt(singleRate)} rows/s   → webhook rate is ${fmt((rate / singleRate) * 100, 1)}% of it`);
} finally {
  if (workers) {
    const exited = new Promise((resolve) => workers.once('exit', resolve));
    workers.kill('SIGTERM');
    await exited;
  }
  await recoup.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
