import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/modules/staff/index.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('signing in and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('signs in with a password and keeps an httpOnly session cookie', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'owner@test.local', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'Email or password is wrong.' });

    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'OWNER@test.local', password: 'correct horse battery' } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name === 'recoup_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { recoup_session: cookie.value } });
    expect(me.json()).toMatchObject({ label: 'owner@test.local', role: 'owner', type: 'user' });

    await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies: { recoup_session: cookie.value } });
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { recoup_session: cookie.value } });
    expect(after.statusCode).toBe(401);
  });

  it('stores only a hash of API tokens', async () => {
    const { token } = await createApiToken(t.ctx.db, { name: 'zapier' });
    const rows = await t.ctx.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false);
    expect((await t.api('GET', '/api/v1/orders', undefined, token)).status).toBe(200);
  });

  it('lets viewers read but not change anything', async () => {
    const { token } = await createApiToken(t.ctx.db, { name: 'readonly', role: 'viewer' });
    expect((await t.api('GET', '/api/v1/orders', undefined, token)).status).toBe(200);
    const write = await t.api('POST', '/api/v1/shops', { name: 'X', platform: 'manual', currency: 'USD' }, token);
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
  });

  it('keeps agents to their shops and under their approval limit', async () => {
    await createUser(t.ctx.db, { email: 'agent@test.local', name: 'Agent', password: 'agent password 1', role: 'agent', shopIds: ['shp_other'] });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'agent@test.local', password: 'agent password 1' } });
    const cookie = signIn.cookies.find((c) => c.name === 'recoup_session')!.value;
    const order = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId,
      orderNumber: '#A1',
      placedAt: '2026-02-01T10:00:00Z',
      currency: 'USD',
      customer: { email: 'a@example.com', name: 'A' },
      shippingCountry: 'US',
      lines: [{ title: 'Thing', quantity: 1, unitPriceMinor: 9000 }],
    });
    expect(order.status).toBe(201);
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.body.id}`, cookies: { recoup_session: cookie } });
    expect(seen.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/orders', cookies: { recoup_session: cookie } });
    expect(list.json().items).toEqual([]);
  });

  it('refuses a resolution above the agent approval limit', async () => {
    await createUser(t.ctx.db, { email: 'agent2@test.local', name: 'Agent Two', password: 'agent password 2', role: 'agent' });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'agent2@test.local', password: 'agent password 2' } });
    const cookie = signIn.cookies.find((c) => c.name === 'recoup_session')!.value;
    const order = (await t.api('GET', '/api/v1/orders?q=%23A1')).body.items[0];
    const kase = await t.api('POST', '/api/v1/cases', { orderId: order.id, reason: 'damaged' });
    const proposal = await t.api('POST', `/api/v1/cases/${kase.body.id}/resolutions`, { kind: 'full_refund' });
    const approve = await t.app.inject({ method: 'POST', url: `/api/v1/resolutions/${proposal.body.id}/approve`, cookies: { recoup_session: cookie } });
    expect(approve.statusCode).toBe(403);
    expect(approve.json().error.code).toBe('APPROVAL_LIMIT_EXCEEDED');
    expect((await t.api('POST', `/api/v1/resolutions/${proposal.body.id}/approve`)).status).toBe(200);
  });
});
