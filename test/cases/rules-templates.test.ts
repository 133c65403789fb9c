import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

describe('rules and templates', () => {
  let t: TestApp;
  const order = async (n: string, price: number) => {
    const res = await t.api('POST', '/api/v1/orders', {
      shopId: t.shopId, orderNumber: n, placedAt: '2026-02-20T10:00:00Z', currency: 'USD',
      customer: { email: `${n.slice(1)}@example.com`, name: 'Rita' }, shippingCountry: 'US', lines: [{ title: 'Lamp', quantity: 1, unitPriceMinor: price }],
    });
    await t.api('POST', `/api/v1/orders/${res.body.id}/supplier-orders`, {
      supplier: { platform: 'aliexpress', name: 'Bright LED' }, externalId: `AE${n.slice(1)}`, currency: 'USD', paidMinor: 700,
      placedAt: '2026-02-20T12:00:00Z', shippedAt: '2026-02-22T12:00:00Z', lines: [{ orderLineId: res.body.lines[0].id, quantity: 1, costMinor: 700 }],
    });
    return res.body.id as string;
  };
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-10T10:00:00Z' });
  });
  afterAll(() => t?.close());

  it('asks for photos when the reason is damaged and none came, and says why on the timeline', async () => {
    const rule = await t.api('POST', '/api/v1/rules', {
      name: 'Photos for damage', trigger: 'case.opened', priority: 10,
      conditions: [{ fact: 'reason', op: 'eq', value: 'damaged' }, { fact: 'photos', op: 'eq', value: 0 }],
      actions: [{ type: 'ask_for_evidence', message: 'Please send a photo of the damage.' }, { type: 'tag', tag: 'needs-photos' }],
    });
    expect(rule.status).toBe(201);
    const bad = await t.api('POST', '/api/v1/rules', { name: 'x', trigger: 'case.opened', conditions: [{ fact: 'mood', op: 'eq', value: 1 }], actions: [{ type: 'tag', tag: 'x' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^conditions\.0\.fact/);

    const kase = (await t.api('POST', '/api/v1/cases', { orderId: await order('#R1', 3000), reason: 'damaged' })).body;
    await t.drainJobs();
    await t.drainJobs(); // a second delivery of the same job changes nothing
    const view = (await t.api('GET', `/api/v1/cases/${kase.id}`)).body;
    expect(view.customerStatus).toBe('waiting_on_customer');
    expect(view.tags).toContain('needs-photos');
    const applied = view.timeline.filter((e: { kind: string }) => e.kind === 'rule.applied');
    expect(applied).toHaveLength(1);
    expect(applied[0].summary).toBe('Rule "Photos for damage": asked the customer for evidence; tagged needs-photos, because the reason is damaged (damaged) and no photo was attached');
  });

  it('proposes and auto-approves a refund for a first claim under a limit, and previews without writing', async () => {
    const rule = {
      name: 'Refund small first claims', trigger: 'case.opened', priority: 20,
      conditions: [{ fact: 'reason', op: 'eq', value: 'not_received' }, { fact: 'orderValueMinor', op: 'lt', value: 5000 }, { fact: 'customerEarlierClaims', op: 'eq', value: 0 }],
      actions: [{ type: 'propose_resolution', kind: 'full_refund' }, { type: 'auto_approve', maxMinor: 5000 }],
    };
    const small = (await t.api('POST', '/api/v1/cases', { orderId: await order('#R2', 2500), reason: 'not_received' })).body;
    const big = (await t.api('POST', '/api/v1/cases', { orderId: await order('#R3', 9000), reason: 'not_received' })).body;
    const preview = await t.api('POST', '/api/v1/rules/preview', rule);
    expect(preview.body.matches.map((m: { caseId: string }) => m.caseId)).toEqual([small.id]);
    expect(await t.ctx.db.selectFrom('resolutions').select('id').execute()).toEqual([]);

    await t.drainJobs(); // the cases' own case.opened jobs ran before the rule existed
    expect((await t.api('POST', '/api/v1/rules', rule)).status).toBe(201);
    const third = (await t.api('POST', '/api/v1/cases', { orderId: await order('#R4', 2000), reason: 'not_received' })).body;
    await t.drainJobs();
    const view = (await t.api('GET', `/api/v1/cases/${third.id}`)).body;
    expect(view.resolutions).toMatchObject([{ kind: 'full_refund', status: 'approved', amountMinor: 2000, approvedBy: 'rule:Refund small first claims' }]);
    expect(view.customerStatus).toBe('resolving');
    expect(view.timeline.find((e: { kind: string }) => e.kind === 'rule.applied').summary).toContain('because the reason is not_received');
    expect((await t.api('GET', `/api/v1/cases/${big.id}`)).body.resolutions).toEqual([]);
  });

  it('renders templates with the case’s variables and keeps the sent message on the timeline', async () => {
    const kase = (await t.api('POST', '/api/v1/cases', { orderId: await order('#R5', 1500), reason: 'wrong_item', description: 'Got a blue lamp, ordered red.' })).body;
    const preview = await t.api('GET', `/api/v1/cases/${kase.id}/templates/supplier_damaged/preview`);
    expect(preview.body.body).toContain('For order AER5, my customer received 1 × Lamp and reports: Got a blue lamp, ordered red. (wrong item)');
    expect(preview.body.missing).toEqual([]);
    const bad = await t.api('PUT', '/api/v1/templates/custom_one', { channel: 'customer', name: 'x', body: 'Hi {{customer.nickname}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('{{customer.nickname}}');
    const sent = await t.api('POST', `/api/v1/cases/${kase.id}/templates/supplier_damaged/send`);
    expect(sent.status).toBe(201);
    const view = (await t.api('GET', `/api/v1/cases/${kase.id}`)).body;
    expect(view.supplierStatus).toBe('asked_supplier');
    expect(view.messages[0].body).toContain('Bright LED');
  });
});
