import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../sandbox/shopify/index.ts';
import { backfillShop } from '../../src/modules/sync/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { connectShopify } from './support.ts';

// Two partial refunds on one Shopify order, approved at the same moment, together above what the
// order can refund: one wins, the other gets 409, and Recoup's ledger matches the store to the cent.
describe('concurrent partial refunds on a Shopify order', () => {
  let t: TestApp;
  let shopify: ShopifySandbox;
  let shopId: string;
  beforeAll(async () => {
    t = await startTestApp();
    shopify = await startShopifySandbox({ seedOrders: 12, seed: 21, bucketSize: 2000, restoreRate: 20000, autoWebhooks: false });
    shopId = await connectShopify(t, shopify);
    await backfillShop(t.ctx, shopId);
  });
  afterAll(async () => {
    await shopify?.close();
    await t?.close();
  });

  it('refunds once, refuses the other with REFUND_EXCEEDS_REFUNDABLE, and the ledger equals the store', async () => {
    const order = await t.ctx.db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('refunded_minor', '=', 0).where('cancelled_at', 'is', null).where('total_minor', '>', 1000).orderBy('placed_at').executeTakeFirstOrThrow();
    const [line] = await t.ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    const share = Math.ceil(order.total_minor * 0.6);
    const caseA = await t.api('POST', '/api/v1/cases', { orderId: order.id, reason: 'damaged', lines: [{ orderLineId: line!.id, quantity: 1 }] });
    const caseB = await t.api('POST', '/api/v1/cases', { orderId: order.id, reason: 'defective', lines: [{ orderLineId: line!.id, quantity: 1 }] });
    const a = await t.api('POST', `/api/v1/cases/${caseA.body.id}/resolutions`, { kind: 'partial_refund', amountMinor: share });
    const b = await t.api('POST', `/api/v1/cases/${caseB.body.id}/resolutions`, { kind: 'partial_refund', amountMinor: share });
    expect([a.status, b.status]).toEqual([201, 201]);

    const approvals = await Promise.all([t.api('POST', `/api/v1/resolutions/${a.body.id}/approve`), t.api('POST', `/api/v1/resolutions/${b.body.id}/approve`)]);
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(approvals.find((r) => r.status === 409)!.body.error.code).toBe('REFUND_EXCEEDS_REFUNDABLE');
    const winner = approvals.find((r) => r.status === 200)!.body;

    expect((await t.api('POST', `/api/v1/resolutions/${winner.id}/execute`, {})).status).toBe(200);
    await t.drainJobs();
    expect((await t.api('GET', `/api/v1/resolutions/${winner.id}`)).body.status).toBe('executed');

    const sim = shopify.order(order.external_id!)!;
    const storeRefunded = sim.refunds.reduce((sum, r) => sum + r.transactions.reduce((s, x) => s + x.amountMinor, 0), 0);
    const ledger = await t.ctx.db.selectFrom('ledger_entries').select(['amount_minor']).where('order_id', '=', order.id).where('kind', '=', 'refund').execute();
    const recoup = await t.ctx.db.selectFrom('orders').select('refunded_minor').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(storeRefunded).toBe(share);
    expect(ledger.reduce((s, l) => s + l.amount_minor, 0)).toBe(storeRefunded);
    expect(recoup.refunded_minor).toBe(storeRefunded);
  });
});
