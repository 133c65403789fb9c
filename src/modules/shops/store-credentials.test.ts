import { describe, expect, it } from 'vitest';
import { parseStoreCredentials, storeDomain } from './store-credentials.ts';

describe('store credentials', () => {
  it('names the missing field of a platform\'s credentials', () => {
    expect(() => parseStoreCredentials('shopify', { shopDomainOrUrl: 'acme', accessToken: 'shpat_x' })).toThrow(/apiSecret/);
    expect(() => parseStoreCredentials('woocommerce', { baseUrl: 'https://shop.example', consumerKey: 'ck', consumerSecret: 'cs' })).toThrow(/webhookSecret/);
  });

  it('knows a shop by its domain, whether given a handle, a myshopify domain or a URL', () => {
    const shopify = (shopDomainOrUrl: string) => storeDomain(parseStoreCredentials('shopify', { shopDomainOrUrl, accessToken: 't', apiSecret: 's' }));
    expect(shopify('acme')).toBe('acme.myshopify.com');
    expect(shopify('acme.myshopify.com')).toBe('acme.myshopify.com');
    expect(shopify('http://127.0.0.1:4101')).toBe('127.0.0.1:4101');
    expect(storeDomain(parseStoreCredentials('woocommerce', { baseUrl: 'https://shop.example/', consumerKey: 'ck', consumerSecret: 'cs', webhookSecret: 'w' }))).toBe('shop.example');
  });
});
