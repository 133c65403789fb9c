import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/staff/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('workspace policies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('are edited by admins, validated, merged, and applied where they matter', async () => {
    const bad = await t.api('PATCH', '/api/v1/settings/workspace', { reminderDays: [0] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^reminderDays\.0/);
    expect((await t.api('PATCH', '/api/v1/settings/workspace', { colour: 'blue' })).status).toBe(400);

    const { token } = await createApiToken(t.ctx.db, { name: 'agent', role: 'agent' });
    expect((await t.api('PATCH', '/api/v1/settings/workspace', { reminderDays: [5] }, token)).status).toBe(403);

    await t.api('PATCH', '/api/v1/settings/workspace', { reminderDays: [2, 10, 5], sla: { firstReplyHours: 4 } });
    const saved = await t.api('PATCH', '/api/v1/settings/workspace', { sla: { resolutionDays: 3 }, requiredEvidence: { damaged: { photos: 3, note: 'Three photos please.' } } });
    expect(saved.body).toMatchObject({ reminderDays: [10, 5, 2], sla: { firstReplyHours: 4, resolutionDays: 3 } });

    const order = await t.api('POST', '/api/v1/orders', { shopId: t.shopId, orderNumber: '#W1', placedAt: '2026-02-01T10:00:00Z', currency: 'USD', customer: { email: null, name: null }, shippingCountry: 'US', lines: [{ title: 'Mug', quantity: 1, unitPriceMinor: 900 }] });
    const kase = await t.api('POST', '/api/v1/cases', { orderId: order.body.id, reason: 'damaged' });
    const view = (await t.api('GET', `/api/v1/cases/${kase.body.id}`)).body;
    expect(view.evidenceNeeded).toEqual({ missingPhotos: 3, note: 'Three photos please.' });
    expect(view.clocks.find((c: { name: string }) => c.name === 'first_reply').dueAt).toBe(new Date(new Date(view.createdAt).getTime() + 4 * 3_600_000).toISOString());
  });
});

describe('users and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('invites staff, changes roles, keeps the last owner, and creates and revokes tokens', async () => {
    const invited = await t.api('POST', '/api/v1/users', { email: 'vera@shop.test', name: 'Vera', role: 'agent', password: 'a long first password' });
    expect(invited.status).toBe(201);
    expect((await t.api('PATCH', `/api/v1/users/${invited.body.id}`, { role: 'viewer' })).body).toMatchObject({ role: 'viewer', disabled: false });
    const owner = (await t.api('GET', '/api/v1/users')).body.items.find((u: { role: string }) => u.role === 'owner');
    const { token: ownerToken } = await createApiToken(t.ctx.db, { name: 'owner-ish', role: 'admin' });
    const demote = await t.api('PATCH', `/api/v1/users/${owner.id}`, { role: 'agent' }, ownerToken);
    expect(demote.status).toBe(403); // admins cannot demote an owner

    const created = await t.api('POST', '/api/v1/tokens', { name: 'zapier', role: 'viewer' });
    expect(created.body.token).toMatch(/^rcp_/);
    expect((await t.api('GET', '/api/v1/orders', undefined, created.body.token)).status).toBe(200);
    const listed = (await t.api('GET', '/api/v1/tokens')).body.items;
    expect(JSON.stringify(listed)).not.toContain(created.body.token);
    expect((await t.api('DELETE', `/api/v1/tokens/${created.body.id}`)).status).toBe(200);
    expect((await t.api('GET', '/api/v1/orders', undefined, created.body.token)).status).toBe(401);
  });
});
