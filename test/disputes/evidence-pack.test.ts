import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('the dispute evidence pack', () => {
  let t: TestApp;
  let disputeId: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-20T10:00:00Z' });
    const order = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId,
      orderNumber: '#P1',
      placedAt: '2026-03-01T10:00:00Z',
      currency: 'USD',
      customer: { email: 'p@example.com', name: 'Paula' },
      shippingCountry: 'FR',
      lines: [{ sku: 'VASE-1', title: 'Ceramic vase', quantity: 1, unitPriceMinor: 3900 }],
    });
    const so = await t.api('POST', `/api/v1/orders/${order.body.id}/supplier-orders`, {
      supplier: { platform: 'aliexpress', name: 'HomeJoy Decor Factory' },
      externalId: '8188000011112222',
      currency: 'USD',
      paidMinor: 1150,
      placedAt: '2026-03-01T12:00:00Z',
      shippedAt: '2026-03-03T12:00:00Z',
      lines: [{ orderLineId: order.body.lines[0].id, quantity: 1, costMinor: 1150 }],
    });
    expect(so.status).toBe(201);
    const parcel = await t.api('POST', `/api/v1/orders/${order.body.id}/parcels`, { trackingNumber: 'LP99887766CN', carrier: 'Cainiao', supplierOrderId: so.body.id });
    await t.api('POST', `/api/v1/parcels/${parcel.body.parcelId}/events`, {
      events: [
        { occurredAt: '2026-03-04T08:00:00Z', status: 'in_transit', rawStatus: 'InTransit', description: 'Departed Shenzhen' },
        { occurredAt: '2026-03-15T08:00:00Z', status: 'delivered', rawStatus: 'Delivered', description: 'Delivered to mailbox', location: 'Lyon' },
      ],
    });
    const kase = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'damaged', description: 'The vase arrived in pieces.' });
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#8a5a2b' } })
      .composite([{ input: Buffer.from('<svg width="320" height="240"><path d="M20 200 L160 30 L300 200 Z" fill="#eee"/></svg>'), top: 0, left: 0 }])
      .jpeg()
      .toBuffer();
    const boundary = 'pack-boundary';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="broken-vase.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${kase.body.id}/evidence`, headers: { authorization: `Bearer ${t.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode).toBe(201);
    await t.api('POST', `/api/v1/cases/${kase.body.id}/messages`, { channel: 'supplier', direction: 'outbound', body: 'The item arrived broken, photos attached.' });
    await t.api('POST', `/api/v1/cases/${kase.body.id}/messages`, { channel: 'supplier', direction: 'inbound', body: 'Sorry, please open a dispute.' });
    const dispute = await t.api('POST', `/api/v1/cases/${kase.body.id}/disputes`, { supplierOrderId: so.body.id });
    expect(dispute.status).toBe(201);
    disputeId = dispute.body.id;
  });
  afterAll(() => t?.close());

  it('renders a PDF whose first page is not blank', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${disputeId}/evidence-pack.pdf`, headers: { authorization: `Bearer ${t.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
    writeFileSync(path.join(dir, 'pack.pdf'), res.rawPayload);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'pack.pdf'), path.join(dir, 'page')]);
    const page = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    if (process.env.KEEP_PACK) writeFileSync('/tmp/pack-page1.png', readFileSync(path.join(dir, page)));
    const stats = await sharp(readFileSync(path.join(dir, page))).stats();
    // a blank page is one flat colour; text and a photo make the channels vary
    expect(stats.channels[0]!.stdev).toBeGreaterThan(5);
    const text = execFileSync('pdftotext', [path.join(dir, 'pack.pdf'), '-']).toString();
    expect(text).toContain('8188000011112222');
    expect(text).toContain('Item not as described: damaged');
    expect(text).toContain('Delivered to mailbox');
    expect(text).toContain('please open a dispute');
  });

  it('zips the PDF with the original files', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${disputeId}/evidence-pack.zip`, headers: { authorization: `Bearer ${t.token}` } });
    expect(res.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'zip-'));
    writeFileSync(path.join(dir, 'pack.zip'), res.rawPayload);
    const listing = execFileSync('python3', ['-c', `import zipfile,sys; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))`, path.join(dir, 'pack.zip')]).toString();
    expect(listing.split('\n').filter(Boolean).sort()).toEqual(['data.json', 'evidence.pdf', 'files/01-broken-vase.jpg']);
  });
});
