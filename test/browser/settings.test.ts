import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, STAFF, watchErrors, type Harness } from './support/harness.ts';

// The Settings tabs, in real Chromium against a real Recoup with the demo business.

describe('the settings screens', () => {
  let h: Harness;
  let staff: BrowserContext;
  let page: Page;
  let errors: string[];
  const api = async <T>(path: string) => (await (await page.request.get(h.baseUrl + path)).json()) as T;
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  /** Each test starts on Settings, so one can run alone (-t). */
  const onSettings = async () => {
    if (!new URL(page.url()).pathname.startsWith('/settings')) await page.goto(h.baseUrl + '/settings');
  };

  beforeAll(async () => {
    h = await startHarness({ orders: 60 });
    staff = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await staff.newPage();
    errors = watchErrors(page);
    page.setDefaultTimeout(15_000);
    await page.goto(h.baseUrl + '/');
    await page.getByLabel('Email').fill(STAFF.email);
    await page.getByLabel('Password').fill(STAFF.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-user').waitFor();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  }, 60_000);

  it('opens on shops and lists users with their roles', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    expect(await tab('Shops').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('cell', { name: 'Gadget Corner' }).waitFor();
    await h.shoot(page, 'settings-shops');

    await tab('Users & roles').click();
    await page.getByRole('cell', { name: /Browser Owner/ }).waitFor();
    expect(await page.getByLabel(`Role of ${STAFF.email}`).inputValue()).toBe('owner');
    // The tab is in the address, so a reload keeps it.
    expect(page.url()).toContain('tab=users');

    // Invite an agent, then make them a viewer limited to no shop but one.
    await page.getByRole('button', { name: 'Invite a user' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ada Agent');
    await page.getByLabel('Email', { exact: true }).fill('ada@browser.test');
    await page.getByLabel('Role', { exact: true }).selectOption('agent');
    await page.getByLabel(/First password/).fill('short');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    // The browser refuses a short password before the API sees it; a long one goes through.
    expect(await page.getByRole('cell', { name: /Ada Agent/ }).count()).toBe(0);
    await page.getByLabel(/First password/).fill('a long first password');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('cell', { name: /Ada Agent/ }).waitFor();
    await page.getByLabel('Role of ada@browser.test').selectOption('viewer');
    await expect.poll(async () => (await api<{ items: { email: string; role: string }[] }>('/api/v1/users')).items.find((u) => u.email === 'ada@browser.test')?.role).toBe('viewer');
    await h.shoot(page, 'settings-users');
  }, 60_000);

  it('creates an API token, shows it once and lists it', async () => {
    await onSettings();
    await tab('API tokens').click();
    await page.getByLabel('Token name').fill('zapier sync');
    await page.getByLabel('Token role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('new-token').waitFor();
    const token = await page.getByLabel('New token').inputValue();
    expect(token).toMatch(/^rcp_/);
    await page.getByRole('cell', { name: 'zapier sync' }).waitFor();
    await h.shoot(page, 'settings-tokens');

    // The token works against the API, and the list never carries it.
    const me = await fetch(h.baseUrl + '/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const listed = await api<{ items: { name: string; role: string }[] }>('/api/v1/tokens');
    expect(listed.items).toContainEqual(expect.objectContaining({ name: 'zapier sync', role: 'viewer' }));
    expect(JSON.stringify(listed)).not.toContain(token);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-token').count()).toBe(0);

    // Revoking asks first; then the token stops working.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('revoked', { exact: true }).waitFor();
    expect((await fetch(h.baseUrl + '/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  }, 60_000);

  it('previews a rule as a dry run, saves it and disables it', async () => {
    await onSettings();
    await tab('Rules').click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Rule name').fill('Damaged without photos: ask for one');
    await page.getByLabel('When').selectOption('case.opened');
    const condition = page.getByRole('group', { name: 'Condition 1' });
    await condition.getByLabel('Fact').selectOption('photos');
    await condition.getByLabel('Operator').selectOption('gte');
    await condition.getByLabel('Value').fill('0');
    const action = page.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('Action').selectOption('tag');
    await action.getByLabel('Tag').fill('needs-photo');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('rule-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    const [, checked, matched] = /latest (\d+) open cases; the rule would act on (\d+)/.exec(text) ?? [];
    expect(Number(checked)).toBeGreaterThan(0);
    expect(Number(matched)).toBeGreaterThan(0);
    expect(text).toContain('would tag');
    // A preview writes nothing.
    expect((await api<{ items: unknown[] }>('/api/v1/rules')).items).toHaveLength(0);
    await h.shoot(page, 'settings-rules');

    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('cell', { name: 'Damaged without photos: ask for one', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Disable rule Damaged without photos: ask for one' }).click();
    await page.getByRole('button', { name: 'Enable rule Damaged without photos: ask for one' }).waitFor();
    const rules = await api<{ items: { name: string; enabled: boolean; conditions: unknown[]; actions: unknown[] }[] }>('/api/v1/rules');
    expect(rules.items).toEqual([expect.objectContaining({ name: 'Damaged without photos: ask for one', enabled: false, conditions: [{ fact: 'photos', op: 'gte', value: 0 }], actions: [{ type: 'tag', tag: 'needs-photo' }] })]);
  }, 60_000);

  it('edits a template with its variables', async () => {
    await onSettings();
    await tab('Templates').click();
    await page.getByRole('button', { name: /^Edit / }).first().waitFor();
    const { items } = await api<{ items: { key: string; name: string }[] }>('/api/v1/templates');
    const first = items[0]!;
    await page.getByRole('button', { name: `Edit ${first.name}`, exact: true }).click();
    await page.getByRole('list', { name: 'Template variables' }).getByRole('button').first().waitFor();

    await page.getByLabel('Subject').fill('About {{nope}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown variable');

    await page.getByLabel('Subject').fill('Your order {{order.number}}: an update');
    await page.getByLabel('Body').fill('Hello, ');
    await page.getByRole('button', { name: 'Insert customer.name' }).click();
    await expect.poll(() => page.getByLabel('Body').inputValue()).toBe('Hello, {{customer.name}}');
    await h.shoot(page, 'settings-templates');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('cell', { name: 'Your order {{order.number}}: an update' }).waitFor();
    const after = await api<{ items: { key: string; subject: string; body: string; custom: boolean }[] }>('/api/v1/templates');
    expect(after.items.find((t) => t.key === first.key)).toMatchObject({ subject: 'Your order {{order.number}}: an update', body: 'Hello, {{customer.name}}', custom: true });

    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel(/^Key/).fill('customer_thanks');
    await page.getByLabel('Template name').fill('Thank the customer');
    await page.getByLabel('Body').fill('Thanks {{customer.name}}, we are on it.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('cell', { name: 'Thank the customer customer_thanks' }).waitFor();
  }, 60_000);

  it('changes the reminder days and the other policies', async () => {
    await onSettings();
    await tab('Policies').click();
    await expect.poll(() => page.getByLabel(/Reminder days/).inputValue()).toBe('7, 3, 1');
    await page.getByLabel(/Reminder days/).fill('2, 10, 5');
    await page.getByLabel('First reply within (hours)').fill('12');
    await page.getByRole('button', { name: 'Save policies' }).click();
    await page.getByText('Policies saved.').waitFor();
    await expect.poll(() => page.getByLabel(/Reminder days/).inputValue()).toBe('10, 5, 2');
    const policies = await api<{ reminderDays: number[]; sla: { firstReplyHours: number } }>('/api/v1/settings/workspace');
    expect(policies.reminderDays).toEqual([10, 5, 2]);
    expect(policies.sla.firstReplyHours).toBe(12);
    await page.getByLabel('Photos needed for Damaged').fill('3');
    await page.getByRole('button', { name: 'Save evidence rules' }).click();
    await page.getByText('Saved. Cases show what is still missing by these numbers.').waitFor();
    const evidence = await api<{ requiredEvidence: Record<string, { photos: number }> }>('/api/v1/settings/workspace');
    expect(evidence.requiredEvidence.damaged?.photos).toBe(3);
    expect(evidence.requiredEvidence.not_received?.photos).toBe(0);
    await h.shoot(page, 'settings-policies');

    await page.getByLabel(/Reminder days/).fill('90');
    await page.getByRole('button', { name: 'Save policies' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('VALIDATION_FAILED');
  }, 60_000);

  it('sets a shop’s parcel thresholds and shows the tracking connections', async () => {
    await onSettings();
    await tab('Parcel thresholds').click();
    await page.getByLabel(/Late after \(days\)/).waitFor();
    await page.getByLabel(/Late after \(days\)/).fill('25');
    await page.getByRole('button', { name: 'Save thresholds' }).click();
    await page.getByText('Saved. The next parcel scan uses these numbers.').waitFor();
    const shopId = await page.getByLabel('Shop', { exact: true }).inputValue();
    expect((await api<{ promisedDeliveryDays: number }>(`/api/v1/shops/${shopId}/parcel-thresholds`)).promisedDeliveryDays).toBe(25);
    await h.shoot(page, 'settings-thresholds');

    await tab('Tracking connections').click();
    await page.getByRole('cell', { name: 'AfterShip', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Connect 17TRACK' }).click();
    await page.getByLabel(/API key/).fill('test-key-1234');
    await page.getByRole('button', { name: 'Connect 17TRACK' }).last().click();
    await page.getByRole('cell', { name: /\/webhooks\/17track\// }).waitFor();
    await h.shoot(page, 'settings-tracking');
    expect(errors).toEqual([]);
  }, 60_000);
});
