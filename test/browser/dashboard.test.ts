import { sql } from 'kysely';
import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox } from '../../sandbox/shopify/index.ts';
import { startHarness, STAFF, watchErrors, type Harness } from './support/harness.ts';

// What a person does on the pages, in real Chromium against a real Recoup with the demo business.

describe('the staff dashboard and the customer pages', () => {
  let h: Harness;
  let staff: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    h = await startHarness();
    staff = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await staff.newPage();
    errors = watchErrors(page);
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  }, 60_000);

  /** An order whose dispute window is open now and that has no case yet. */
  async function freshOrder(): Promise<{ id: string; orderNumber: string; email: string }> {
    const now = new Date();
    const row = await h.recoup.ctx.db
      .selectFrom('orders as o')
      .innerJoin('customers as c', 'c.id', 'o.customer_id')
      .innerJoin('supplier_orders as so', 'so.order_id', 'o.id')
      .select(['o.id', 'o.order_number', 'c.email'])
      .where('so.window_opens_at', '<=', now)
      .where('so.window_closes_at', '>', new Date(now.getTime() + 3 * 86_400_000))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('cases').select('cases.id').whereRef('cases.order_id', '=', 'o.id'))))
      .where(({ exists, selectFrom }) => exists(selectFrom('parcels').select('parcels.id').whereRef('parcels.order_id', '=', 'o.id')))
      .where(sql<boolean>`(select count(*) from supplier_orders s2 where s2.order_id = o.id) = 1`)
      .orderBy('o.placed_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    return { id: row.id, orderNumber: row.order_number, email: row.email! };
  }

  it('signs in and the home queues show the same counts as the API', async () => {
    await page.goto(h.baseUrl + '/');
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('UNAUTHENTICATED');
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toBe(STAFF.email);

    const queues = (await (await page.request.get(h.baseUrl + '/api/v1/queues')).json()) as { cases: { new: number; waitingOnMe: number }; disputesClosingSoon: { count: number }; parcels: Record<string, number> };
    expect(await page.getByTestId('count-new-cases').textContent()).toBe(String(queues.cases.new));
    expect(await page.getByTestId('count-waiting-on-me').textContent()).toBe(String(queues.cases.waitingOnMe));
    expect(await page.getByTestId('count-closing').textContent()).toBe(String(queues.disputesClosingSoon.count));
    expect(await page.getByTestId('parcels-stalled').textContent()).toBe(String(queues.parcels.stalled));
    expect(queues.cases.waitingOnMe).toBeGreaterThan(0);
    await page.getByRole('table').first().waitFor();
    await h.shoot(page, 'home');
  }, 60_000);

  it('finds an order by its number and shows everything about it', async () => {
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Customer' }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(40);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(100);
    await h.shoot(page, 'orders');

    const order = await h.recoup.ctx.db.selectFrom('orders').select(['id', 'order_number']).where('order_number', '=', '#1100').executeTakeFirstOrThrow();
    await page.getByLabel('Search').fill('1100');
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.getByRole('link', { name: order.order_number }).click();
    await page.getByRole('heading', { name: `Order ${order.order_number}` }).waitFor();
    for (const title of ['Items', 'Supplier orders', 'Parcels', 'Timeline', 'Customer', 'Money']) await page.getByRole('heading', { name: title, exact: true }).waitFor();
    await page.getByText('Dispute window').first().waitFor();
    await h.shoot(page, 'order-detail');
  }, 60_000);

  it('works a case through all five steps until it closes', async () => {
    const order = await freshOrder();
    await page.goto(`${h.baseUrl}/orders/${order.id}`);
    await page.getByRole('button', { name: 'Open a case' }).click();
    await page.getByLabel('Reason').selectOption('not_received');
    await page.getByLabel('What happened').fill('The customer says nothing arrived after five weeks.');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('heading', { name: /Case #\d+ · Not received/ }).waitFor();
    const step = (n: number) => page.getByTestId(`step-${n}`);

    // Only what the state allows: a new case can be confirmed, not resolved or won.
    await page.getByRole('button', { name: 'Confirm details' }).waitFor();
    expect(await page.getByRole('button', { name: 'Won' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Confirm details' }).click();
    await expect.poll(() => step(1).getAttribute('data-done')).toBe('true');
    expect(await page.getByRole('button', { name: 'Confirm details' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Mark as verified' }).click();
    await expect.poll(() => step(2).getAttribute('data-done')).toBe('true');

    await page.getByLabel(/Message to the supplier/).fill('Hello, the parcel has not arrived. Please check with the carrier.');
    await page.getByRole('button', { name: 'Record message to supplier' }).click();
    await expect.poll(() => step(3).getAttribute('data-done')).toBe('true');

    await page.getByRole('button', { name: 'Prepare dispute' }).click();
    await page.getByRole('button', { name: 'Opened on AliExpress' }).click();
    await page.getByLabel('AliExpress dispute number (optional)').fill('AE-555001');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => step(4).getAttribute('data-done')).toBe('true');
    await page.getByText('Seller must respond by').waitFor();
    await page.getByRole('button', { name: 'Won', exact: true }).click();
    await page.getByTestId('dispute').getByText('Won', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Propose a resolution' }).click();
    await page.getByLabel('Resolution', { exact: true }).selectOption('full_refund');
    await page.getByRole('button', { name: 'Propose', exact: true }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('button', { name: /Record as done in the store/ }).click();
    await page.getByLabel('Reference in your store admin (optional)').fill('refund-7781');
    await page.getByRole('button', { name: 'Mark as done' }).click();

    await page.getByText(/^Closed /).waitFor();
    for (let n = 1; n <= 5; n++) expect(await step(n).getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('resolution').getByText('Executed').count()).toBe(1);
    const money = await page.getByTestId('case-money').textContent();
    expect(money).toMatch(/Refunded[^0-9]*[1-9]/);
    expect(await page.getByRole('button', { name: /Approve|Confirm details|Prepare dispute|Propose a resolution/ }).count()).toBe(0);
    await h.shoot(page, 'case-detail');

    // The customer's view of the same case carries no internal entry, staff name or supplier data.
    const caseId = page.url().split('/').pop()!;
    const { public_token: publicToken } = await h.recoup.ctx.db.selectFrom('cases').select('public_token').where('id', '=', caseId).executeTakeFirstOrThrow();
    const publicView = await (await page.request.get(`${h.baseUrl}/api/public/cases/${publicToken}`)).text();
    expect(publicView).toContain('Problem reported: not received');
    for (const secret of [STAFF.email, 'supplier', 'Dispute', 'AE-555001', 'refund-7781']) expect(publicView).not.toContain(secret);

    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('columnheader', { name: 'Dispute window' }).waitFor();
    await page.getByRole('checkbox', { name: /Select case/ }).nth(0).check();
    await page.getByRole('checkbox', { name: /Select case/ }).nth(1).check();
    await page.getByText('2 selected').waitFor();
    await h.shoot(page, 'cases');
    // Bulk: prepare the two cases' disputes; the bar reports each item's outcome.
    await page.getByRole('button', { name: 'Prepare disputes' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Done: 2 of 2/);
    const bulk = await h.recoup.ctx.db.selectFrom('bulk_operations').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(bulk).toMatchObject({ kind: 'prepare_disputes', status: 'finished', total: 2, done: 2 });
    await page.getByRole('button', { name: 'Clear selection' }).click();
  }, 90_000);

  it('lets a customer look up an order, report a problem, follow it and reply', async () => {
    const order = await freshOrder();
    const customer = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await customer.newPage();
    const phoneErrors = watchErrors(phone);

    await phone.goto(h.baseUrl + '/track');
    await phone.getByLabel('Order number').fill(order.orderNumber.replace('#', ''));
    await phone.getByLabel('Email').fill('someone.else@example.com');
    await phone.getByRole('button', { name: 'Find my order' }).click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toContain('No order matches that number and email.');

    await phone.getByLabel('Email').fill(order.email.toUpperCase());
    await phone.getByRole('button', { name: 'Find my order' }).click();
    await phone.getByRole('heading', { name: `Order ${order.orderNumber}` }).waitFor();
    await phone.getByTestId('parcel-status').first().waitFor();
    await phone.getByLabel('Journey').first().waitFor();
    await h.shoot(phone, 'track');

    await phone.getByRole('button', { name: 'Report a problem' }).click();
    await phone.getByLabel('What went wrong?').selectOption('damaged');
    await phone.getByRole('checkbox').first().check();
    await phone.getByLabel('Tell us what happened').fill('The box was crushed and the lid is cracked.');
    await phone.getByRole('button', { name: 'Send report' }).click();
    await phone.getByTestId('case-status').waitFor();
    expect(await phone.getByTestId('case-status').textContent()).toBe('We received your report');
    await phone.getByText('Problem reported: damaged').waitFor();
    await phone.getByText('The box was crushed and the lid is cracked.').waitFor();

    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#b45309' } }).jpeg().toBuffer();
    await phone.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'crushed-box.jpg', mimeType: 'image/jpeg', buffer: photo });
    await phone.getByRole('button', { name: 'Upload photo' }).click();
    await phone.getByText('1 photo sent.').waitFor();

    await phone.getByLabel(/Write to/).fill('I can send photos tomorrow.');
    await phone.getByRole('button', { name: 'Send', exact: true }).click();
    await phone.getByText('I can send photos tomorrow.').waitFor();
    await h.shoot(phone, 'track-case');
    const caseUrl = phone.url();

    // Back on the order page the report is listed; staff see it as opened by the customer.
    await phone.getByRole('link', { name: /← Order/ }).click();
    await phone.getByRole('heading', { name: 'Your reports' }).waitFor();
    const rows = (await (await page.request.get(`${h.baseUrl}/api/v1/dashboard/cases?q=${encodeURIComponent(order.orderNumber)}`)).json()) as { items: { openedBy: string; reason: string }[] };
    expect(rows.items).toEqual([expect.objectContaining({ openedBy: 'customer', reason: 'damaged' })]);
    // Staff answer; the customer sees the case move on their page.
    const opened = await h.recoup.ctx.db.selectFrom('cases').innerJoin('orders', 'orders.id', 'cases.order_id').select('cases.id').where('orders.order_number', '=', order.orderNumber).executeTakeFirstOrThrow();
    const asked = await page.request.post(`${h.baseUrl}/api/v1/cases/${opened.id}/request-info`, { data: { message: 'Could you also photograph the label?' } });
    expect(asked.status()).toBe(200);
    await phone.goto(caseUrl);
    await phone.getByText(/Could you also photograph the label\?/).first().waitFor();
    // Nothing internal reaches the customer's page.
    const body = await phone.content();
    expect(body).not.toContain(STAFF.email);
    expect(phoneErrors).toEqual([]);
    await customer.close();

    // Guessing orders is slowed down: the lookup answers 429 once the bucket is empty.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await page.request.post(`${h.baseUrl}/api/public/track/lookup`, { data: { orderNumber: String(1000 + i), email: 'guess@example.com' } });
      statuses.push(response.status());
    }
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
  }, 90_000);

  it('shows analytics, suppliers and settings', async () => {
    await page.goto(h.baseUrl + '/analytics');
    await page.getByRole('heading', { name: 'Cases by reason' }).waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByLabel('Range', { exact: true }).selectOption('12');
    await page.getByRole('heading', { name: 'Analytics' }).waitFor();
    await page.getByText('The last 12 months', { exact: false }).waitFor();
    await page.getByLabel('Shop', { exact: true }).selectOption({ index: 1 });
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByRole('cell', { name: /\d+\.\d d/ }).first().waitFor();
    await h.shoot(page, 'analytics');

    await page.getByRole('link', { name: 'Suppliers' }).click();
    await page.getByRole('columnheader', { name: 'Disputes won' }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(2);
    await h.shoot(page, 'suppliers');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('cell', { name: 'Gadget Corner' }).waitFor();
    await page.getByRole('cell', { name: 'v1' }).first().waitFor();
    await page.getByRole('button', { name: 'Add a shop' }).click();
    await page.getByLabel('Name').fill('Night Owl Lamps');
    await page.getByLabel('Currency').fill('GBP');
    await page.getByRole('button', { name: 'Add shop' }).click();
    await page.getByRole('cell', { name: 'Night Owl Lamps' }).waitFor();
    await h.shoot(page, 'settings');

    // Connecting a Shopify store (the simulator): the credentials are tried, then sealed.
    const shopify = await startShopifySandbox({ seedOrders: 3, seed: 5 });
    try {
      await page.getByRole('button', { name: 'Add a shop' }).click();
      await page.getByLabel('Name').fill('Owl Lamps on Shopify');
      await page.getByLabel('Platform').selectOption('shopify');
      await page.getByLabel('Domain').fill(shopify.url);
      await page.getByLabel('Admin API access token').fill(shopify.accessToken);
      await page.getByLabel('API secret (signs webhooks)').fill(shopify.apiSecret);
      await page.getByRole('button', { name: 'Add shop' }).click();
      await page.getByRole('cell', { name: 'Owl Lamps on Shopify' }).waitFor();
      await page.getByText('connected', { exact: true }).first().waitFor();
      const stored = await h.recoup.ctx.db.selectFrom('shops').select(['platform', 'credentials_encrypted']).where('name', '=', 'Owl Lamps on Shopify').executeTakeFirstOrThrow();
      expect(stored.platform).toBe('shopify');
      expect(stored.credentials_encrypted).not.toContain(shopify.accessToken);
    } finally {
      await shopify.close();
    }
    expect(errors).toEqual([]);
  }, 60_000);
});
