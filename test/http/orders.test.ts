import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('the orders API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 1; i <= 25; i++) {
      const res = await t.api('POST', '/api/v1/orders', {
        shopId: t.shopId,
        orderNumber: `#${3000 + i}`,
        placedAt: new Date(Date.UTC(2026, 1, 1, 0, i)).toISOString(),
        currency: 'USD',
        customer: { email: `c${i % 5}@example.com`, name: `Customer ${i % 5}` },
        shippingCountry: i % 2 ? 'US' : 'DE',
        shippingMinor: 199,
        lines: [{ sku: 'SKU', title: 'Item', quantity: 1 + (i % 3), unitPriceMinor: 1000 + i }],
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('pages through every order once, newest first, with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { orderNumber: string }[]; nextCursor: string | null } } = await t.api('GET', `/api/v1/orders?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((o) => o.orderNumber));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('#3025');
    expect(seen.at(-1)).toBe('#3001');
  });

  it('filters by country and finds by order number or email', async () => {
    const de = await t.api('GET', '/api/v1/orders?country=DE&limit=100');
    expect(de.body.items).toHaveLength(12);
    expect((await t.api('GET', '/api/v1/orders?q=3007')).body.items.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(['#3007']);
    expect((await t.api('GET', '/api/v1/orders?q=c3@example.com&limit=100')).body.items).toHaveLength(5);
  });

  it('computes totals in integer minor units', async () => {
    const order = (await t.api('GET', '/api/v1/orders?q=3004')).body.items[0];
    expect(order.totalMinor).toBe((1000 + 4) * 2 + 199);
  });

  it('refuses bad input with 400 naming the field, and a foreign cursor', async () => {
    const bad = await t.api('POST', '/api/v1/orders', { shopId: t.shopId, orderNumber: '#X', placedAt: 'soon', currency: 'USD', customer: { email: null, name: null }, shippingCountry: null, lines: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^body\.placedAt/);
    const cursor = await t.api('GET', '/api/v1/orders?cursor=garbage');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe('VALIDATION_FAILED');
    const dup = await t.api('POST', '/api/v1/orders', { shopId: t.shopId, orderNumber: '#3001', placedAt: '2026-02-01T00:00:00Z', currency: 'USD', customer: { email: null, name: null }, shippingCountry: null, lines: [{ title: 'x', quantity: 1, unitPriceMinor: 1 }] });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
  });
});
