import { createShopifyConnector } from '../../connectors/shopify/index.ts';
import type { StoreConnector } from '../../connectors/types.ts';
import { createWooCommerceConnector } from '../../connectors/woocommerce/index.ts';
import type { AppContext } from '../../context.ts';
import { readStoreCredentials, type StoreCredentials } from '../shops/index.ts';

// One connector per connected shop and process, built from the shop's sealed credentials. It is
// kept while the credentials are unchanged, so its rate-limit pacing spans jobs: every call to a
// shop from this process goes through the same pacer.

export interface ConnectorSettings { requestsPerSecond?: number }

export function connectorFromCredentials(credentials: StoreCredentials, settings: ConnectorSettings = {}): StoreConnector {
  if (credentials.platform === 'shopify') {
    return createShopifyConnector({ shopDomainOrUrl: credentials.shopDomainOrUrl, accessToken: credentials.accessToken, apiVersion: credentials.apiVersion });
  }
  return createWooCommerceConnector({
    baseUrl: credentials.baseUrl, consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret,
    ...(settings.requestsPerSecond ? { requestsPerSecond: settings.requestsPerSecond } : {}),
  });
}

const cache = new Map<string, { version: string; connector: StoreConnector }>();

export async function storeConnectorFor(ctx: Pick<AppContext, 'db' | 'config'>, shopId: string): Promise<StoreConnector> {
  const row = await ctx.db.selectFrom('shops').select(['credentials_encrypted', 'settings']).where('id', '=', shopId).executeTakeFirst();
  const version = `${row?.credentials_encrypted ?? ''}|${JSON.stringify(row?.settings ?? {})}`;
  const hit = cache.get(shopId);
  if (hit && hit.version === version) return hit.connector;
  const credentials = await readStoreCredentials(ctx.db, ctx.config.secretKey, shopId);
  const settings = (row?.settings ?? {}) as ConnectorSettings;
  const connector = connectorFromCredentials(credentials, settings);
  cache.set(shopId, { version, connector });
  return connector;
}
