import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { systemActor } from '../../shared/actor.ts';
import { exportOrdersCsv, importOrdersCsv } from './index.ts';

const HEADER = 'order_number,placed_at,customer_email,customer_name,shipping_country,currency,shipping,sku,title,quantity,unit_price,supplier,supplier_platform,supplier_order_id,supplier_cost,shipping_method,shipped_at,tracking_number,carrier';

describe('importing orders from CSV', () => {
  let t: TestApp;
  const actor = () => ({ ...systemActor(t.workspaceId), label: 'test' });
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('imports good orders, reports bad rows by line number and reason, and leaves no half order behind', async () => {
    const csv = [
      HEADER,
      '#2001,2026-02-01T10:00:00Z,ana@example.com,Ana Costa,BR,USD,0,MUG-1,Mug,2,9.50,Kitchen Wizard Co.,aliexpress,AE1,4.00,,2026-02-03,LP1234567890CN,Cainiao',
      '#2002,2026-02-02T10:00:00Z,leo@example.com,Leo,US,USD,3.00,LAMP-1,Lamp,1,29.99,,,,,,,,',
      '#2002,,,,,USD,,LAMP-2,Lamp shade,one,5.00,,,,,,,,', // bad quantity: takes order #2002 down whole
      '#2003,yesterday,kim@example.com,Kim,US,USD,0,X,Thing,1,1.00,,,,,,,,', // bad date
      '#2004,2026-02-04T10:00:00Z,not-an-email,Joe,US,USD,0,Y,Thing,1,1.005,,,,,,,,', // bad email and amount: first problem reported
    ].join('\n');
    const report = await importOrdersCsv(t.ctx, actor(), { shopId: t.shopId, csv });
    expect(report.orders).toEqual({ imported: 1, alreadyThere: 0, failed: 3 });
    expect(report.errors).toEqual([
      { line: 4, orderNumber: '#2002', message: 'quantity "one" must be a whole number above 0' },
      { line: 5, orderNumber: '#2003', message: expect.stringContaining('placed_at "yesterday" is not a date') },
      { line: 6, orderNumber: '#2004', message: expect.stringContaining('customer_email "not-an-email"') },
    ]);
    const numbers = (await t.ctx.db.selectFrom('orders').select('order_number').execute()).map((o) => o.order_number);
    expect(numbers).toEqual(['#2001']); // #2002's good first row was not imported alone
    const lines = await t.ctx.db.selectFrom('order_lines').select('title').execute();
    expect(lines.map((l) => l.title)).toEqual(['Mug']);
    const parcels = await t.ctx.db.selectFrom('parcels').select(['tracking_number', 'supplier_order_id']).execute();
    expect(parcels).toEqual([{ tracking_number: 'LP1234567890CN', supplier_order_id: expect.stringMatching(/^spo_/) }]);
  });

  it('can import the same file again without duplicating anything', async () => {
    const csv = `${HEADER}\n#2001,2026-02-01T10:00:00Z,ana@example.com,Ana Costa,BR,USD,0,MUG-1,Mug,2,9.50,,,,,,,,`;
    const report = await importOrdersCsv(t.ctx, actor(), { shopId: t.shopId, csv });
    expect(report.orders).toEqual({ imported: 0, alreadyThere: 1, failed: 0 });
  });

  it('refuses a file without the required columns, saying which', async () => {
    const report = await importOrdersCsv(t.ctx, actor(), { shopId: t.shopId, csv: 'order_number,title\n#1,Thing' });
    expect(report.errors).toEqual([{ line: 1, orderNumber: null, message: 'The header lacks column(s): placed_at, currency, quantity, unit_price' }]);
  });

  it('exports orders in the same format, so an export imports back unchanged', async () => {
    const csv = await exportOrdersCsv(t.ctx.db, { workspaceId: t.workspaceId });
    expect(csv.split('\n')[0]).toBe(HEADER);
    expect(csv).toContain('#2001,2026-02-01T10:00:00.000Z,ana@example.com,Ana Costa,BR,USD,0.00,MUG-1,Mug,2,9.50,Kitchen Wizard Co.,aliexpress,AE1,4.00');
    const other = await startTestApp();
    try {
      const report = await importOrdersCsv(other.ctx, { ...systemActor(other.workspaceId), label: 'test' }, { shopId: other.shopId, csv });
      expect(report).toMatchObject({ orders: { imported: 1, failed: 0 }, errors: [] });
      expect(await exportOrdersCsv(other.ctx.db, { workspaceId: other.workspaceId })).toBe(csv);
    } finally {
      await other.close();
    }
  });
});
