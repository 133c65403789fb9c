import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';

// What it takes to talk to a connected store, per platform. Sealed as one JSON document; only
// connectors read it back (through readStoreCredentials), right before a call.

export const shopifyCredentials = z.object({
  /** "my-shop", "my-shop.myshopify.com", or a base URL (the sandbox: http://127.0.0.1:4101) */
  shopDomainOrUrl: z.string().min(1).max(255),
  accessToken: z.string().min(1).max(500),
  /** the app's API secret: Shopify signs webhooks with it */
  apiSecret: z.string().min(1).max(500),
  apiVersion: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});
export const wooCommerceCredentials = z.object({
  baseUrl: z.url().max(500),
  consumerKey: z.string().min(1).max(200),
  consumerSecret: z.string().min(1).max(200),
  /** the secret set on the shop's webhooks (WooCommerce → Settings → Advanced → Webhooks) */
  webhookSecret: z.string().min(1).max(500),
});

export type ShopifyCredentials = z.infer<typeof shopifyCredentials>;
export type WooCommerceCredentials = z.infer<typeof wooCommerceCredentials>;
export type StoreCredentials = ({ platform: 'shopify' } & ShopifyCredentials) | ({ platform: 'woocommerce' } & WooCommerceCredentials);

/** Validates credentials for a platform; a missing field is a 400 naming it. */
export function parseStoreCredentials(platform: 'shopify' | 'woocommerce', raw: unknown): StoreCredentials {
  const schema = platform === 'shopify' ? shopifyCredentials : wooCommerceCredentials;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', `${platform} credentials: ${issue.path.join('.') || 'value'}: ${issue.message}`);
  }
  return { platform, ...parsed.data } as StoreCredentials;
}

/** The shop's domain as people know it, for lists and webhook matching. */
export function storeDomain(credentials: StoreCredentials): string {
  const raw = credentials.platform === 'shopify' ? credentials.shopDomainOrUrl : credentials.baseUrl;
  const host = /^https?:\/\//.test(raw) ? new URL(raw).host : raw.trim();
  return credentials.platform === 'shopify' && !host.includes('.') && !host.includes(':') ? `${host}.myshopify.com` : host;
}
