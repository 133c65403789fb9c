import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from './index.ts';

let sandbox: ShopifySandbox;
const gql = async (query: string, variables: Record<string, unknown> = {}, token = sandbox.accessToken) => {
  const response = await fetch(sandbox.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, any>; errors?: any; extensions?: { cost: any } } };
};

beforeAll(async () => {
  sandbox = await startShopifySandbox({ seedOrders: 50, seed: 5, bucketSize: 1000, restoreRate: 50, webhookRetryDelaysMs: [5, 5, 5] });
});
afterAll(() => sandbox.close());

describe('the Shopify sandbox', () => {
  it('seeds the same shop for the same seed', async () => {
    const other = await startShopifySandbox({ seedOrders: 50, seed: 5 });
    const strip = (s: ShopifySandbox) => s.orders().map((o) => [o.name, o.createdAt, o.lines.map((l) => [l.sku, l.quantity, l.unitMinor]), o.shippingAddress?.countryCode]);
    expect(strip(other)).toEqual(strip(sandbox));
    await other.close();
    expect(sandbox.orders()[0]!.name).toBe('#1001');
    expect(new Set(sandbox.orders().map((o) => o.shippingAddress?.countryCode)).size).toBeGreaterThan(4);
  });

  it('answers 401 with Shopify\'s message for a wrong token', async () => {
    const { status, body } = await gql('{ shop { name } }', {}, 'nope');
    expect(status).toBe(401);
    expect(body.errors).toBe('[API] Invalid API key or access token (unrecognized login or wrong password)');
  });

  it('reports the calculated cost and refunds the unused part', async () => {
    const { body } = await gql('{ orders(first: 10) { nodes { id lineItems(first: 5) { nodes { id } } } } }');
    const cost = body.extensions!.cost;
    expect(cost.requestedQueryCost).toBe(2 + 10 * (1 + 2 + 5));
    expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost);
    expect(cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
  });

  it('refuses a query above the max cost, and throttles without executing when the bucket is short', async () => {
    const tooBig = await gql('{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }');
    expect(tooBig.body.errors[0].extensions.code).toBe('MAX_COST_EXCEEDED');
    sandbox.bucket.drain();
    const order = sandbox.orders()[0]!;
    const before = sandbox.stats().throttled;
    const { status, body } = await gql('mutation($id: ID!) { tagsAdd(id: $id, tags: ["x"]) { userErrors { message } } }', { id: `gid://shopify/Order/${order.id}` });
    expect(status).toBe(200);
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Throttled', extensions: expect.objectContaining({ code: 'THROTTLED' }) })]);
    expect(body.data).toBeUndefined();
    expect(order.tags).not.toContain('x');
    expect(sandbox.stats().throttled).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 300));
  });

  it('never refunds above the refundable amount', async () => {
    await new Promise((r) => setTimeout(r, 500));
    const order = sandbox.orders().find((o) => o.refunds.length === 0)!;
    const sale = order.transactions[0]!;
    const input = (amount: string) => ({ input: { orderId: `gid://shopify/Order/${order.id}`, transactions: [{ orderId: `gid://shopify/Order/${order.id}`, parentId: `gid://shopify/OrderTransaction/${sale.id}`, gateway: sale.gateway, kind: 'REFUND', amount }] } });
    const mutation = 'mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }';
    const over = await gql(mutation, input(((sale.amountMinor + 1) / 100).toFixed(2)));
    expect(over.body.data!.refundCreate.userErrors[0]).toMatchObject({ field: ['transactions', '0', 'amount'], message: expect.stringContaining('exceeds the maximum refundable') });
    expect(order.refunds).toHaveLength(0);
    const full = await gql(mutation, input((sale.amountMinor / 100).toFixed(2)));
    expect(full.body.data!.refundCreate.refund.id).toMatch(/^gid:\/\/shopify\/Refund\//);
    const again = await gql(mutation, input('0.01'));
    expect(again.body.data!.refundCreate.userErrors).toHaveLength(1);
    expect(order.refunds).toHaveLength(1);
  });

  it('delivers duplicates and out-of-order webhooks on demand, retrying failures', async () => {
    const received: { id: string; topic: string; body: string }[] = [];
    let fail = 1;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (fail-- > 0) return res.writeHead(503).end();
        received.push({ id: String(req.headers['x-shopify-webhook-id']), topic: String(req.headers['x-shopify-topic']), body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    sandbox.subscribeWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, ['orders/updated']);
    const [a, b] = sandbox.orders();
    const first = sandbox.emitWebhook('orders/updated', a!.id, { duplicate: 1 });
    await sandbox.webhooks.idle();
    expect(received.filter((r) => r.id === first.webhookId)).toHaveLength(2);
    expect(sandbox.webhooks.deliveries.some((d) => d.webhookId === first.webhookId && d.status === 503)).toBe(true);
    sandbox.webhooks.pause();
    const one = sandbox.emitWebhook('orders/updated', a!.id);
    const two = sandbox.emitWebhook('orders/updated', b!.id);
    sandbox.webhooks.release('reverse');
    await sandbox.webhooks.idle();
    expect(received.slice(-2).map((r) => r.id)).toEqual([two.webhookId, one.webhookId]);
    sandbox.webhooks.unsubscribeAll();
    await new Promise((r) => server.close(r));
  });
});
