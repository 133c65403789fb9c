import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWooCommerceSandbox, type WooCommerceSandbox } from '../../../sandbox/woocommerce/index.ts';
import type { ExternalOrder } from '../types.ts';
import { createWooCommerceConnector } from './index.ts';

// A backfill of ~2,000 orders with the host's rate limit on: the connector must never be
// throttled, and what it read must equal what was seeded, field by field.

let sandbox: WooCommerceSandbox;
beforeAll(async () => {
  sandbox = await startWooCommerceSandbox({ seedOrders: 2000, seed: 99, rateLimitPerSecond: 8 });
});
afterAll(async () => sandbox.close());

it('backfills 2,000 orders inside the rate limit, equal to the seeded data', async () => {
  const connector = createWooCommerceConnector({ baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, requestsPerSecond: 8 });
  const read: ExternalOrder[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof connector.listOrders>> = await connector.listOrders({ cursor });
    expect(page.total).toBe(2000);
    read.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);

  expect(sandbox.stats()).toMatchObject({ throttled: 0, requests: 20 });
  expect(sandbox.stats().maxObservedRate).toBeLessThanOrEqual(8);
  expect(connector.stats().rateLimited429).toBe(0);
  const seeded = sandbox.orders().sort((a, b) => a.id - b.id);
  expect(read.map((o) => o.externalId)).toEqual(seeded.map((o) => String(o.id)));
  for (const [i, o] of read.entries()) {
    const s = seeded[i]!;
    expect({
      total: o.totalMinor, shipping: o.shippingMinor, refunded: o.refundedMinor, currency: o.currency, created: o.createdAt, updated: o.updatedAt,
      email: o.customer.email, name: o.customer.name, country: o.shippingAddress?.country, cancelled: o.cancelledAt !== null,
      lines: o.lines.map((l) => [l.externalId, l.quantity, l.sku, l.title]),
    }).toEqual({
      total: s.totalMinor, shipping: s.shippingMinor, refunded: s.refunds.reduce((t, r) => t + r.amountMinor, 0), currency: 'USD',
      created: s.createdAt.toISOString(), updated: s.modifiedAt.toISOString(), email: s.billing.email, name: `${s.billing.first_name} ${s.billing.last_name}`,
      country: s.shipping.country, cancelled: s.status === 'cancelled',
      lines: s.lines.map((l) => [String(l.id), l.quantity, l.sku || null, l.name]),
    });
    expect(o.lines.reduce((t, l) => t + l.unitPriceMinor * l.quantity, 0)).toBeCloseTo(s.lines.reduce((t, l) => t + l.totalMinor, 0), -1);
  }
  const modifiedSince = seeded[1500]!.modifiedAt.toISOString();
  const since = await connector.listOrders({ cursor: null, updatedSince: modifiedSince });
  expect(since.total).toBe(seeded.filter((s) => s.modifiedAt.getTime() > Date.parse(modifiedSince) - 1000).length);
});
