import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { scanRuleTriggers } from '../../src/modules/rules/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The other rule triggers: evidence added, supplier replied, parcel flagged, clock warning; and the
// abuse signals tagged when a case opens.
describe('rule triggers and abuse signals', () => {
  let t: TestApp;
  let n = 0;
  const openCase = async (reason: string, email = `t${++n}@example.com`) => {
    const order = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId, orderNumber: `#T${++n}`, placedAt: '2026-03-01T10:00:00Z', currency: 'USD', customer: { email, name: 'Tess' }, shippingCountry: 'US', lines: [{ title: 'Clock', quantity: 1, unitPriceMinor: 2500 }],
    });
    const so = await t.api('POST', `/api/v1/orders/${order.body.id}/supplier-orders`, {
      supplier: { platform: 'aliexpress', name: 'Tick Tock' }, externalId: `AET${n}`, currency: 'USD', paidMinor: 600, placedAt: '2026-03-01T12:00:00Z', shippedAt: '2026-03-02T12:00:00Z',
      lines: [{ orderLineId: order.body.lines[0].id, quantity: 1, costMinor: 600 }],
    });
    const kase = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason });
    return { orderId: order.body.id as string, caseId: kase.body.id as string, supplierOrderId: so.body.id as string };
  };
  const rule = (body: object) => t.api('POST', '/api/v1/rules', body).then((r) => expect(r.status).toBe(201));
  const applied = async (caseId: string) => (await t.api('GET', `/api/v1/cases/${caseId}`)).body.timeline.filter((e: { kind: string }) => e.kind === 'rule.applied').map((e: { summary: string }) => e.summary);

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-25T10:00:00Z' });
    await rule({ name: 'Photo in', trigger: 'evidence.added', conditions: [{ fact: 'photos', op: 'gte', value: 1 }], actions: [{ type: 'tag', tag: 'photo-received' }] });
    await rule({ name: 'Supplier answered', trigger: 'supplier.replied', conditions: [], actions: [{ type: 'draft_dispute' }] });
    await rule({ name: 'Stalled parcel', trigger: 'parcel.flagged', conditions: [{ fact: 'parcelFlags', op: 'contains', value: 'stalled' }], actions: [{ type: 'tag', tag: 'stalled' }] });
    await rule({ name: 'Slow reply', trigger: 'clock.warning', conditions: [], actions: [{ type: 'tag', tag: 'sla-warning' }] });
  });
  afterAll(() => t?.close());

  it('runs on evidence added', async () => {
    const { caseId } = await openCase('damaged');
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const boundary = 'b0undary';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/evidence`, headers: { authorization: `Bearer ${t.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    await t.drainJobs();
    expect((await t.api('GET', `/api/v1/cases/${caseId}`)).body.tags).toContain('photo-received');
    expect(await applied(caseId)).toEqual(['Rule "Photo in": tagged photo-received, because the photos attached is at least 1 (1)']);
  });

  it('runs when the supplier replies, drafting the dispute', async () => {
    const { caseId } = await openCase('not_received');
    await t.api('POST', `/api/v1/cases/${caseId}/messages`, { channel: 'supplier', direction: 'outbound', body: 'Where is it?' });
    await t.api('POST', `/api/v1/cases/${caseId}/messages`, { channel: 'supplier', direction: 'inbound', body: 'Please open a dispute.' });
    await t.drainJobs();
    const view = (await t.api('GET', `/api/v1/cases/${caseId}`)).body;
    expect(view.disputes).toMatchObject([{ status: 'prepared', amountMinor: 600 }]);
  });

  it('runs on a flagged parcel and on a clock warning, once per event', async () => {
    const { orderId, caseId } = await openCase('late_delivery');
    const parcel = await t.api('POST', `/api/v1/orders/${orderId}/parcels`, { trackingNumber: 'LPTRIG0001CN', shippedAt: '2026-03-02T12:00:00Z' });
    await t.api('POST', `/api/v1/parcels/${parcel.body.parcelId}/events`, { events: [{ occurredAt: '2026-03-03T10:00:00Z', status: 'in_transit', rawStatus: 'InTransit' }] });
    await t.ctx.db.updateTable('parcels').set({ flags: ['stalled'] }).where('id', '=', parcel.body.parcelId).execute();
    t.clock.set('2026-03-26T09:00:00Z'); // 23 h after opening: the first-reply clock is in its warning
    await scanRuleTriggers(t.ctx);
    await scanRuleTriggers(t.ctx);
    const tags = (await t.api('GET', `/api/v1/cases/${caseId}`)).body.tags;
    expect(tags).toEqual(expect.arrayContaining(['stalled', 'sla-warning']));
    expect((await applied(caseId)).filter((s: string) => s.startsWith('Rule "Stalled parcel"'))).toHaveLength(1);
  });

  it('tags a customer with repeated claims, saying why', async () => {
    await openCase('not_received', 'serial@example.com');
    await openCase('damaged', 'serial@example.com');
    const { caseId } = await openCase('delivered_not_received', 'serial@example.com');
    await t.drainJobs();
    const view = (await t.api('GET', `/api/v1/cases/${caseId}`)).body;
    expect(view.tags).toContain('repeat-claimant');
    expect(view.customerHistory).toMatchObject({ cases: 3 });
    expect(view.timeline.find((e: { kind: string }) => e.kind === 'case.signals').summary).toContain('the customer has 2 earlier claims');
  });
});
