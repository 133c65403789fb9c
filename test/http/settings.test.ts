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
