import type { AddressInfo } from 'node:net';
import type { ShopifySandbox } from '../../sandbox/shopify/index.ts';
import type { WooCommerceSandbox } from '../../sandbox/woocommerce/index.ts';
import type { TestApp } from '../support/app.ts';

/** Connects a simulated Shopify shop through the API, as a merchant would. */
export async function connectShopify(t: TestApp, sandbox: ShopifySandbox, name = 'Sim Shopify'): Promise<string> {
  const res = await t.api('POST', '/api/v1/shops/connect', {
    name, platform: 'shopify', currency: sandbox.currency,
    credentials: { shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken, apiSecret: sandbox.apiSecret },
  });
  if (res.status !== 201) throw new Error(`connect shopify: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function connectWoo(t: TestApp, sandbox: WooCommerceSandbox, options: { requestsPerSecond?: number; name?: string } = {}): Promise<string> {
  const res = await t.api('POST', '/api/v1/shops/connect', {
    name: options.name ?? 'Sim Woo', platform: 'woocommerce', currency: sandbox.currency,
    credentials: { baseUrl: sandbox.url, consumerKey: sandbox.consumerKey, consumerSecret: sandbox.consumerSecret, webhookSecret: sandbox.webhookSecret },
    ...(options.requestsPerSecond ? { requestsPerSecond: options.requestsPerSecond } : {}),
  });
  if (res.status !== 201) throw new Error(`connect woo: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Recoup listening on a real port, so simulators can deliver webhooks to it. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
