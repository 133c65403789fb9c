import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../sandbox/shopify/index.ts';
import { createShopifyConnector } from '../../src/connectors/shopify/index.ts';
import { backfillShop } from '../../src/modules/sync/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { connectShopify, until } from './support.ts';

// Exactly once, across a kill -9: a real worker process sends the refund, the simulator makes it
// and loses the answer, the worker is killed before it can learn anything. A fresh worker picks
// the resolution up, finds the refund by its mark, and completes it: one refund in the store.
const SECRET_KEY = 'ab'.repeat(32);

function startWorker(t: TestApp): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: t.database.url, RECOUP_SECRET_KEY: SECRET_KEY, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  return { child, output };
}
const exited = (child: ChildProcess) => new Promise<NodeJS.Signals | number | null>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
  else child.once('exit', (code, signal) => resolve(signal ?? code));
});

describe('a refund whose answer is lost, retried by a fresh worker after kill -9', () => {
  let t: TestApp;
  let shopify: ShopifySandbox;
  let shopId: string;
  const workers: ChildProcess[] = [];
  const used = new Set<number>();
  const refundable = async () => {
    const order = shopify.orders().find((o) => o.refunds.length === 0 && !o.cancelledAt && o.customerId !== null && !used.has(o.id))!;
    used.add(order.id);
    const row = await t.ctx.db.selectFrom('orders').selectAll().where('external_id', '=', `gid://shopify/Order/${order.id}`).executeTakeFirstOrThrow();
    const lines = await t.ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', row.id).orderBy('position').execute();
    return { sim: order, row, lines };
  };
  const openCase = async (orderId: string, lineId: string) => {
    const kase = await t.api('POST', '/api/v1/cases', { orderId, reason: 'damaged', lines: [{ orderLineId: lineId, quantity: 1 }] });
    expect(kase.status).toBe(201);
    return kase.body.id as string;
  };
  const approved = async (caseId: string, body: object) => {
    const proposed = await t.api('POST', `/api/v1/cases/${caseId}/resolutions`, body);
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const ok = await t.api('POST', `/api/v1/resolutions/${proposed.body.id}/approve`);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    return proposed.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    shopify = await startShopifySandbox({ seedOrders: 20, seed: 5, bucketSize: 2000, restoreRate: 20000, autoWebhooks: false });
    shopId = await connectShopify(t, shopify);
    await backfillShop(t.ctx, shopId);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await shopify?.close();
    await t?.close();
  });

  it('is created once in the store and completed once in Recoup', async () => {
    const { sim, row, lines } = await refundable();
    const caseId = await openCase(row.id, lines[0]!.id);
    const resolutionId = await approved(caseId, { kind: 'partial_refund', amountMinor: 1000, note: 'Arrived broken' });

    // The simulator makes the refund, then drops the connection; at that very moment the worker is killed.
    let first: ChildProcess | null = null;
    shopify.faults.loseResponse(1, { match: 'refundCreate' });
    shopify.store.onEvent((event) => {
      if (event.topic !== 'refunds/create' || event.order.id !== sim.id || !first) return;
      shopify.faults.nextTimeouts(1000, { hangMs: 60_000 }); // should the kill land late, nothing more gets through
      first.kill('SIGKILL');
    });
    const executing = await t.api('POST', `/api/v1/resolutions/${resolutionId}/execute`, {});
    expect(executing.body.status).toBe('executing');
    const w1 = startWorker(t);
    first = w1.child;
    workers.push(first);
    expect(await exited(first), w1.output.join('')).toBe('SIGKILL');
    shopify.faults.clear();

    const marked = () => shopify.order(sim.id)!.refunds.filter((r) => r.note?.includes(`recoup:${resolutionId}`));
    expect(marked()).toHaveLength(1);
    expect((await t.api('GET', `/api/v1/resolutions/${resolutionId}`)).body.status).toBe('executing');
    const intent = await t.ctx.db.selectFrom('store_executions').selectAll().where('resolution_id', '=', resolutionId).executeTakeFirstOrThrow();
    expect(intent).toMatchObject({ status: 'pending', attempts: 1, operation: 'refund', idempotency_key: resolutionId });

    // The dead worker's lease would lapse after EXECUTION_LEASE_SECONDS; the test moves that clock.
    await t.ctx.db.updateTable('store_executions').set({ lease_until: new Date(Date.now() - 1000) }).where('resolution_id', '=', resolutionId).execute();
    const w2 = startWorker(t);
    workers.push(w2.child);
    // The minute's sweep, as its cron would send it.
    await t.ctx.db.transaction().execute((tx) => t.ctx.jobs.enqueue(tx, 'store.executions-sweep', {}));
    const done = await until(async () => {
      const r = await t.api('GET', `/api/v1/resolutions/${resolutionId}`);
      return r.body.status === 'executed' ? r.body : null;
    }, 45_000, `the fresh worker to complete the refund\n${w2.output.join('')}`);
    w2.child.kill('SIGTERM');
    await exited(w2.child);

    expect(marked()).toHaveLength(1);
    expect(done.externalId).toBe(marked()[0] ? `gid://shopify/Refund/${marked()[0]!.id}` : null);
    const after = await t.ctx.db.selectFrom('store_executions').selectAll().where('resolution_id', '=', resolutionId).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'succeeded', attempts: 2 });
    const order = await t.ctx.db.selectFrom('orders').select('refunded_minor').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(order.refunded_minor).toBe(1000);
    const ledger = await t.ctx.db.selectFrom('ledger_entries').select(['amount_minor', 'kind']).where('resolution_id', '=', resolutionId).execute();
    expect(ledger).toEqual([{ amount_minor: 1000, kind: 'refund' }]);
  }, 90_000);

  it('answers 409 REFUND_EXCEEDS_REFUNDABLE above what is refundable, from Recoup and from the store', async () => {
    const { sim, row, lines } = await refundable();
    const caseId = await openCase(row.id, lines[0]!.id);
    const tooMuch = await t.api('POST', `/api/v1/cases/${caseId}/resolutions`, { kind: 'partial_refund', amountMinor: row.total_minor + 1 });
    expect([tooMuch.status, tooMuch.body.error.code]).toEqual([409, 'REFUND_EXCEEDS_REFUNDABLE']);

    // The merchant refunds most of the order in the Shopify admin; Recoup has not heard yet.
    const merchant = createShopifyConnector({ shopDomainOrUrl: shopify.url, accessToken: shopify.accessToken });
    const taken = row.total_minor - 100;
    await merchant.createRefund({ orderExternalId: row.external_id!, idempotencyKey: 'shopify-admin', currency: row.currency, amountMinor: taken, reason: 'admin' });
    const resolutionId = await approved(caseId, { kind: 'partial_refund', amountMinor: 500 });
    await t.api('POST', `/api/v1/resolutions/${resolutionId}/execute`, {});
    await t.drainJobs();
    const failed = (await t.api('GET', `/api/v1/resolutions/${resolutionId}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatch(/^REFUND_EXCEEDS_REFUNDABLE: /);
    expect(shopify.order(sim.id)!.refunds).toHaveLength(1);
    // The refusal brought Recoup's balance up to date: the same ask is now refused by Recoup itself.
    const again = await t.api('POST', `/api/v1/cases/${caseId}/resolutions`, { kind: 'partial_refund', amountMinor: 500 });
    expect([again.status, again.body.error.code]).toEqual([409, 'REFUND_EXCEEDS_REFUNDABLE']);
  });
});
