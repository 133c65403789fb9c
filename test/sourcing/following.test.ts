import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertStoreOrders, PRODUCTS, startSourcingWorld, type SourcingWorld } from './support.ts';

// Following AliExpress supplier orders: the DROPSHIPPER_ORDER_STATUS_UPDATE push (verified on the
// raw body, over real HTTP) and the poll under it move the supplier order along its lifecycle and
// hand tracking numbers and checkpoints to parcels.

let w: SourcingWorld;
let base: string;
const supplierOrderOf = async (orderId: string) => (await w.t.api('POST', `/api/v1/orders/${orderId}/place-with-aliexpress`, {})).body.supplierOrders[0];
const parcelsOf = (orderId: string) => w.t.ctx.db.selectFrom('parcels').selectAll().where('order_id', '=', orderId).execute();

beforeAll(async () => {
  w = await startSourcingWorld({ launched: true });
  base = await w.t.app.listen({ port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(() => w?.close());

describe('the status push', () => {
  it('moves the supplier order to shipped with its parcel and first checkpoint', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'push', count: 1, skus: [PRODUCTS.holder.sku] });
    const placed = await supplierOrderOf(orderId!);
    expect(placed.status).toBe('paid');
    w.ae.setPushUrl(`${base}/webhooks/aliexpress/${w.accountId}`);

    w.advance(2 * 86_400_000);
    w.ae.advanceOrder(placed.externalId, 'ship', { trackingNumber: 'LP00987654321CN' });
    await w.ae.flushPushes();
    expect(w.ae.pushes().map((p) => [p.orderStatus, p.status])).toEqual([['OrderShipped', 200]]);
    await w.t.drainJobs();

    const after = await w.t.api('GET', `/api/v1/supplier-orders/${placed.id}`);
    expect(after.body).toMatchObject({ status: 'shipped', shippedAt: w.t.clock.now().toISOString() });
    expect(after.body.disputeWindow.closesAt).not.toBeNull(); // shipped: the window is counted now
    const parcels = await parcelsOf(orderId!);
    expect(parcels).toHaveLength(1);
    expect(parcels[0]).toMatchObject({ tracking_number: 'LP00987654321CN', supplier_order_id: placed.id, carrier: 'Cainiao', status: 'in_transit' });
    const link = await w.t.ctx.db.selectFrom('supplier_order_links').selectAll().where('supplier_order_id', '=', placed.id).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ platform_status: 'WAIT_BUYER_ACCEPT_GOODS', detail_status: 'shipped', final: false });
  });

  it('takes a duplicated push once and refuses one signed with another secret', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'push2', count: 1, skus: [PRODUCTS.cable.sku] });
    const placed = await supplierOrderOf(orderId!);
    const stored = async () => (await w.t.ctx.db.selectFrom('webhook_deliveries').select('id').where('source', '=', 'aliexpress').execute()).length;
    const before = await stored();
    w.ae.setPushUrl(`${base}/webhooks/aliexpress`); // without the account in the URL, every connected app is tried

    w.ae.setPushFaults({ badSignature: true });
    w.ae.pushOrderStatus(placed.externalId, 'PaymentAuthorized');
    await w.ae.flushPushes();
    expect(w.ae.pushes().at(-1)!.status).toBe(401);
    expect(await stored()).toBe(before);

    w.ae.setPushFaults({ duplicate: true });
    w.ae.advanceOrder(placed.externalId, 'ship');
    await w.ae.flushPushes();
    expect(w.ae.pushes().slice(-2).map((p) => p.status)).toEqual([200, 200]);
    expect(await stored()).toBe(before + 1);
    w.ae.setPushFaults({});
    await w.t.drainJobs();
    expect((await w.t.api('GET', `/api/v1/supplier-orders/${placed.id}`)).body.status).toBe('shipped');
    expect(await parcelsOf(orderId!)).toHaveLength(1);
  });
});

describe('the poll', () => {
  it('catches what no push told: shipped, then delivered, then completed and no longer polled', async () => {
    w.ae.setPushUrl(null);
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'poll', count: 1, skus: [PRODUCTS.lamp.sku] });
    const placed = await supplierOrderOf(orderId!);
    const poll = async () => {
      w.advance(3 * 3_600_000); // quieter than the poll's two hours
      await w.t.ctx.db.transaction().execute((tx) => w.t.ctx.jobs.enqueue(tx, 'sourcing.poll-orders', {}));
      await w.t.drainJobs();
      return (await w.t.api('GET', `/api/v1/supplier-orders/${placed.id}`)).body;
    };

    expect((await poll()).status).toBe('paid');
    w.ae.advanceOrder(placed.externalId, 'ship', { trackingNumber: 'LP00111222333CN' });
    expect(await poll()).toMatchObject({ status: 'shipped' });
    expect((await parcelsOf(orderId!))[0]).toMatchObject({ tracking_number: 'LP00111222333CN', supplier_order_id: placed.id });

    w.advance(9 * 86_400_000);
    w.ae.addTrackingEvent(placed.externalId, { name: 'Arrived at destination country', desc: 'Arrived at the destination country sorting center' });
    w.ae.advanceOrder(placed.externalId, 'deliver');
    expect((await poll()).status).toBe('shipped'); // AliExpress still says WAIT_BUYER_ACCEPT_GOODS
    expect((await parcelsOf(orderId!))[0]!.status).toBe('delivered');
    const events = await w.t.ctx.db.selectFrom('tracking_events').innerJoin('parcels', 'parcels.id', 'tracking_events.parcel_id').select(['tracking_events.status', 'tracking_events.source']).orderBy('tracking_events.occurred_at').where('parcels.order_id', '=', orderId!).execute();
    expect(events.map((e) => e.status)).toEqual(['in_transit', 'in_transit', 'delivered']);
    expect(new Set(events.map((e) => e.source))).toEqual(new Set(['aliexpress']));

    w.ae.advanceOrder(placed.externalId, 'confirm');
    expect(await poll()).toMatchObject({ status: 'completed' });
    const link = await w.t.ctx.db.selectFrom('supplier_order_links').select(['final', 'platform_status']).where('supplier_order_id', '=', placed.id).executeTakeFirstOrThrow();
    expect(link).toEqual({ final: true, platform_status: 'FINISH' });

    const timeline = await w.t.ctx.db.selectFrom('timeline_entries').select('summary').where('subject_id', '=', placed.id).orderBy('occurred_at').execute();
    expect(timeline.map((e) => e.summary).join(' | ')).toMatch(/ship.*deliver.*complete/);
  });

  it('a staff "read now" does the same on demand', async () => {
    const [orderId] = await insertStoreOrders(w.t, { prefix: 'now', count: 1, skus: [PRODUCTS.holder.sku] });
    const placed = await supplierOrderOf(orderId!);
    w.ae.advanceOrder(placed.externalId, 'cancel');
    const read = await w.t.api('POST', `/api/v1/supplier-orders/${placed.id}/sync`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('cancelled');
  });
});
