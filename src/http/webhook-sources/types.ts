import type { AppContext } from '../../context.ts';

export type Verification =
  | { ok: true; deliveryKey: string; topic: string; workspaceId: string | null; shopId: string | null }
  /** answered 200 and stored nowhere, e.g. WooCommerce's creation ping */
  | { ok: true; ping: true }
  | { ok: false; reason: string };

/**
 * One platform's inbound webhooks: checks the signature on the raw bytes exactly as the platform
 * signs them. `key` is the last path segment (e.g. the shop id in /webhooks/shopify/shp_…).
 */
export interface WebhookSource {
  verify(ctx: AppContext, input: { rawBody: Buffer; headers: Record<string, string | string[] | undefined>; key: string | null }): Promise<Verification>;
}
