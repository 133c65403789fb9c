import { fileURLToPath } from 'node:url';

// The local simulators, by platform name: what `recoup sandbox <platform> --port N` runs. Each
// has a standalone script (its main.ts) that prints how to connect to it; tests import each
// simulator's own index.ts instead and start it on port 0.

export interface SandboxEntry {
  description: string;
  /** absolute path of the standalone script; takes --port, --host and its own options */
  main: string;
  defaultPort: number;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const SANDBOXES = {
  shopify: { description: 'Shopify Admin GraphQL API 2025-01: orders, refunds, store credit, discounts, fulfilments; cost-based rate limit; signed webhooks', main: here('./shopify/main.ts'), defaultPort: 4101 },
  woocommerce: { description: 'WooCommerce REST API v3: orders, refunds, notes, coupons; Basic/OAuth auth; signed webhooks', main: here('./woocommerce/main.ts'), defaultPort: 4102 },
  aliexpress: { description: 'AliExpress dropshipping /sync gateway: signed calls, OAuth tokens, order.create, pushes', main: here('./aliexpress/main.ts'), defaultPort: 4103 },
  cjdropshipping: { description: 'CJdropshipping API 2.0: access tokens, orders, disputes', main: here('./cjdropshipping/main.ts'), defaultPort: 4104 },
  aftership: { description: 'AfterShip Tracking API: trackings, checkpoints, signed webhooks', main: here('./aftership/main.ts'), defaultPort: 4105 },
  '17track': { description: '17TRACK API v2.2: register, gettrackinfo, signed pushes', main: here('./17track/main.ts'), defaultPort: 4106 },
} as const satisfies Record<string, SandboxEntry>;

export type SandboxPlatform = keyof typeof SANDBOXES;

export function isSandboxPlatform(name: string): name is SandboxPlatform {
  return Object.hasOwn(SANDBOXES, name);
}
