import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShopifySandbox, type ShopifySandbox } from '../../../sandbox/shopify/index.ts';
import { createShopifyConnector } from './index.ts';
import { shopifyOrderToExternal } from './mapping.ts';

// A webhook (REST JSON) and a backfill (GraphQL node) of the same order must give the same ExternalOrder.
describe.each(['USD', 'JPY', 'KWD'])('order mapping in %s', (currency) => {
  let sandbox: ShopifySandbox;
  beforeAll(async () => {
    sandbox = await startShopifySandbox({ seedOrders: 60, seed: 11, currency, restoreRate: 1000 });
  });
  afterAll(() => sandbox.close());

  it('maps the REST webhook payload and the GraphQL node to the same order', async () => {
    const connector = createShopifyConnector({ shopDomainOrUrl: sandbox.url, accessToken: sandbox.accessToken });
    let cursor: string | null = null;
    let checked = 0;
    do {
      const page = await connector.listOrders({ cursor });
      for (const viaGraphql of page.items) {
        const sim = sandbox.order(viaGraphql.externalId)!;
        const viaRest = shopifyOrderToExternal(JSON.parse(JSON.stringify(sandbox.restOrder(sim.id))));
        const { raw: _a, lines: gl, ...g } = viaGraphql;
        const { raw: _b, lines: rl, ...r } = viaRest;
        expect(r).toEqual(g);
        expect(rl).toEqual(gl);
        expect(g.currency).toBe(currency);
        checked++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(checked).toBe(60);
  });
});
