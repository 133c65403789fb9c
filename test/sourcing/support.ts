import { sql } from 'kysely';
import { startAliExpressSandbox, type AliExpressSandbox } from '../../sandbox/aliexpress/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// A Recoup and an AliExpress simulator on one clock, with a buyer account connected through the
// API and the simulator's products mapped to store SKUs.

export const T0 = '2026-03-02T08:00:00.000Z';

export const PRODUCTS = {
  holder: { sku: 'PH-BLK', productId: '1005002704149141', skuAttr: '14:175#Black', supplierName: 'Sunrise Gadgets Store' },
  cable: { sku: 'CABLE-2M', productId: '1005003112223334', skuAttr: '', supplierName: 'Sunrise Gadgets Store' },
  lamp: { sku: 'LAMP-W', productId: '1005004556667778', skuAttr: '14:771#White;200007763:201336100#China', supplierName: 'Happy Home Official Store' },
};

export const US_ADDRESS = { name: 'Maria Lopez', line1: '12 Oak Street', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US', phone: '(512) 555-0142' };

export interface SourcingWorld {
  t: TestApp;
  ae: AliExpressSandbox;
  accountId: string;
  /** moves Recoup's clock and AliExpress's together */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Token lives default to a test app's (one and two days); `launched` gives a launched app's 30 and 60. */
export async function startSourcingWorld(options: { launched?: boolean } = {}): Promise<SourcingWorld> {
  const t = await startTestApp({ now: T0 });
  const lives = options.launched ? { tokenTtlSeconds: 30 * 86_400, refreshTtlSeconds: 60 * 86_400 } : {};
  const ae = await startAliExpressSandbox({ now: T0, appKey: '34567812', appSecret: 'sandbox-app-secret-0001', ...lives });
  const connected = await t.api('POST', '/api/v1/sourcing/accounts/aliexpress', {
    name: 'Main buyer', appKey: ae.appKey, appSecret: ae.appSecret, code: ae.issueAuthCode({ userId: '2000000042', account: 'buyer@gadget-corner.test' }), baseUrl: ae.url,
  });
  if (connected.status !== 201) throw new Error(`connect failed: ${JSON.stringify(connected.body)}`);
  for (const p of Object.values(PRODUCTS)) {
    const mapped = await t.api('PUT', '/api/v1/sourcing/product-mappings', p);
    if (mapped.status !== 200) throw new Error(`mapping failed: ${JSON.stringify(mapped.body)}`);
  }
  await t.api('PUT', '/api/v1/sourcing/shipping-presets', { shippingMethod: 'CAINIAO_FULFILLMENT_STD' });
  return {
    t,
    ae,
    accountId: connected.body.id,
    advance(ms: number) {
      t.clock.advance(ms);
      ae.advance(ms);
    },
    async close() {
      await ae.close();
      await t.close();
    },
  };
}

/** Store orders straight in SQL (fast for a thousand): one line per SKU given, quantity 1. */
export async function insertStoreOrders(t: TestApp, options: { prefix: string; count: number; skus: string[]; address?: Record<string, unknown> }): Promise<string[]> {
  const address = JSON.stringify(options.address ?? US_ADDRESS);
  await sql`
    insert into orders (id, workspace_id, shop_id, order_number, currency, total_minor, shipping_country, shipping_address, placed_at)
      select 'ord_' || ${options.prefix} || i, ${t.workspaceId}, ${t.shopId}, '#' || ${options.prefix} || i, 'USD', 2499, ${JSON.parse(address).country}, ${address}::jsonb, ${T0}::timestamptz
      from generate_series(1, ${options.count}) as i`.execute(t.ctx.db);
  for (const [position, sku] of options.skus.entries()) {
    await sql`
      insert into order_lines (id, order_id, position, sku, title, quantity, unit_price_minor)
        select 'oli_' || ${options.prefix} || i || '_' || ${position}, 'ord_' || ${options.prefix} || i, ${position}, ${sku}, ${sku}, 1, 2499
        from generate_series(1, ${options.count}) as i`.execute(t.ctx.db);
  }
  return Array.from({ length: options.count }, (_, i) => `ord_${options.prefix}${i + 1}`);
}

/** Row counts of everything a refused placement must leave alone. */
export async function sourcingCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['supplier_orders', 'supplier_order_lines', 'supplier_order_links', 'suppliers', 'parcels', 'timeline_entries', 'disputes', 'ledger_entries'] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Runs `fn` over `items`, `limit` at a time. */
export async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  }));
  return results;
}
