import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../../src/modules/disputes/index.ts';
import { DAY_MS } from '../../src/shared/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// 10,000 supplier orders driven through 120 simulated days with a controlled clock: every reminder
// fires exactly once, at its time, and every dispute window that closes at risk had a reminder.

const T0 = new Date('2026-01-01T00:00:00Z');
const STEP_HOURS = 4;
const N = 10_000;

describe('dispute deadline reminders over 120 days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: T0.toISOString() });
    // Bulk data straight in SQL: 10,000 orders, each with one supplier order whose window closes
    // between day -2 and day 118 of the run. One in four has a delivered parcel (not at risk);
    // one in ten gets a dispute filed on day 30 (its window needs no more reminders after that).
    await sql`insert into suppliers (id, workspace_id, platform, name) values ('sup_bulk', ${t.workspaceId}, 'aliexpress', 'Bulk Supplier')`.execute(t.ctx.db);
    await sql`
      insert into orders (id, workspace_id, shop_id, order_number, currency, total_minor, placed_at)
        select 'ord_b' || i, ${t.workspaceId}, ${t.shopId}, '#B' || i, 'USD', 1000, ${T0}::timestamptz - interval '70 days'
        from generate_series(1, ${N}) as i`.execute(t.ctx.db);
    await sql`
      insert into supplier_orders (id, workspace_id, order_id, supplier_id, status, currency, paid_minor, shipped_at, window_opens_at, window_closes_at)
        select 'spo_b' || i, ${t.workspaceId}, 'ord_b' || i, 'sup_bulk', 'shipped', 'USD', 400,
               w - interval '60 days', w - interval '49 days', w
        from generate_series(1, ${N}) as i, lateral (select ${T0}::timestamptz + ((i % 1200) * interval '0.1 day') - interval '2 days' + (i % 7) * interval '13 minutes' as w) x`.execute(t.ctx.db);
    await sql`
      insert into parcels (id, workspace_id, order_id, supplier_order_id, tracking_number, status)
        select 'prc_b' || i, ${t.workspaceId}, 'ord_b' || i, 'spo_b' || i, 'LPB' || lpad(i::text, 9, '0'), 'delivered'
        from generate_series(1, ${N}) as i where i % 4 = 0`.execute(t.ctx.db);
  }, 120_000);
  afterAll(() => t?.close());

  it('fires 7, 3 and 1 days before each window exactly once, on time, and never misses a closing window', async () => {
    const end = T0.getTime() + 120 * DAY_MS;
    let scans = 0;
    for (let now = T0.getTime(); now <= end; now += STEP_HOURS * 3_600_000) {
      t.clock.set(new Date(now));
      if (now === T0.getTime() + 30 * DAY_MS) {
        await sql`
          insert into cases (id, workspace_id, shop_id, order_id, reason, customer_status, supplier_status, opened_by, public_token)
            select 'case_b' || i, ${t.workspaceId}, ${t.shopId}, 'ord_b' || i, 'not_received', 'new', 'dispute_open', 'staff', 'pt' || i
            from generate_series(1, ${N}) as i where i % 10 = 5`.execute(t.ctx.db);
        await sql`
          insert into disputes (id, workspace_id, case_id, supplier_order_id, status, reason, platform_reason, request, currency, amount_minor, opened_at)
            select 'dsp_b' || i, ${t.workspaceId}, 'case_b' || i, 'spo_b' || i, 'opened', 'not_received', 'Package not received', 'refund_only', 'USD', 400, ${new Date(now)}
            from generate_series(1, ${N}) as i where i % 10 = 5`.execute(t.ctx.db);
      }
      await sendDeadlineReminders(t.ctx);
      // a second scan at the same instant (another worker) must add nothing
      if (scans % 50 === 0) expect(await sendDeadlineReminders(t.ctx)).toEqual([]);
      scans++;
    }

    const windows = await t.ctx.db.selectFrom('supplier_orders').select(['id', 'window_closes_at']).where('id', 'like', 'spo_b%').execute();
    const reminders = await t.ctx.db.selectFrom('deadline_reminders').selectAll().where('deadline_kind', '=', 'dispute_window').execute();
    const byOrder = new Map<string, typeof reminders>();
    for (const r of reminders) byOrder.set(r.subject_id, [...(byOrder.get(r.subject_id) ?? []), r]);

    const disputedAt = T0.getTime() + 30 * DAY_MS;
    let checked = 0;
    for (const w of windows) {
      const i = Number(w.id.slice(5));
      const closes = w.window_closes_at!.getTime();
      const mine = (byOrder.get(w.id) ?? []).sort((a, b) => b.days_before - a.days_before);
      const atRisk = i % 4 !== 0;
      if (!atRisk || closes <= T0.getTime()) {
        expect(mine).toEqual([]);
        continue;
      }
      // the stages whose time falls inside the run (a window already within 7 days at T0 starts at the most urgent stage reached)
      const disputed = i % 10 === 5;
      const expected = [7, 3, 1].filter((d) => {
        const due = closes - d * DAY_MS;
        const firstReached = Math.max(due, T0.getTime());
        if (firstReached > end) return false;
        if (disputed && firstReached >= disputedAt) return false;
        // an earlier-reached stage is skipped when the run started past it (only the most urgent fires)
        const moreUrgent = [3, 1].filter((x) => x < d).some((x) => closes - x * DAY_MS <= T0.getTime());
        return !moreUrgent;
      });
      expect(mine.map((r) => r.days_before)).toEqual(expected);
      for (const r of mine) {
        const due = Math.max(closes - r.days_before * DAY_MS, T0.getTime());
        expect(r.fired_at.getTime()).toBeGreaterThanOrEqual(due);
        expect(r.fired_at.getTime() - due).toBeLessThan(STEP_HOURS * 3_600_000);
      }
      // every at-risk window that closed during the run, undisputed, was reminded at least once
      if (closes <= end && !(disputed && closes - 7 * DAY_MS >= disputedAt)) expect(mine.length).toBeGreaterThan(0);
      checked++;
    }
    console.log(`${scans} scans, ${reminders.length} window reminders over ${checked} at-risk windows`);
    expect(checked).toBeGreaterThan(7000);
  }, 300_000);
});
