import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

function multipart(file: Buffer, filename: string, type: string) {
  const boundary = '----recoup-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('evidence uploads', () => {
  let t: TestApp;
  let caseId: string;
  const upload = (file: Buffer, filename: string, type: string) => {
    const body = multipart(file, filename, type);
    return t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/evidence`, headers: { ...body.headers, authorization: `Bearer ${t.token}` }, payload: body.payload });
  };

  beforeAll(async () => {
    t = await startTestApp();
    const order = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId,
      orderNumber: '#E1',
      placedAt: '2026-02-01T10:00:00Z',
      currency: 'USD',
      customer: { email: 'e@example.com', name: 'E' },
      shippingCountry: 'US',
      lines: [{ title: 'Vase', quantity: 1, unitPriceMinor: 3000 }],
    });
    caseId = (await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'damaged' })).body.id;
  });
  afterAll(() => t?.close());

  it('refuses a file that is not an image or PDF, whatever it claims to be', async () => {
    const res = await upload(Buffer.from('#!/bin/sh\necho pwned\n'), 'photo.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('only photos') });
  });

  it('refuses a file over 10 MB', async () => {
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 1), 'huge.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stores a JPEG with GPS data without the GPS data, by content hash', async () => {
    const withGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 40/1' } })
      .toBuffer();
    expect((await sharp(withGps).metadata()).exif?.toString('latin1')).toContain('PhoneCo');

    const res = await upload(withGps, 'damage.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const evidence = res.json();
    expect(evidence).toMatchObject({ kind: 'photo', mime: 'image/jpeg', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/evidence/${evidence.id}/file`, headers: { authorization: `Bearer ${t.token}` } });
    expect(stored.statusCode).toBe(200);
    const meta = await sharp(stored.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(stored.rawPayload.toString('latin1')).not.toContain('PhoneCo');
    expect([meta.width, meta.height]).toEqual([64, 48]);

    const again = await upload(withGps, 'damage-again.jpg', 'image/jpeg');
    expect(again.json().contentHash).toBe(evidence.contentHash);
    expect(await t.ctx.db.selectFrom('files').select('content_hash').execute()).toHaveLength(1);

    const view = await t.api('GET', `/api/v1/cases/${caseId}`);
    expect(view.body.evidence).toHaveLength(2);
    expect(view.body.evidenceNeeded.missingPhotos).toBe(0);
  });
});
