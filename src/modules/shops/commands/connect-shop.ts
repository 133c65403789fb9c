import type { Database, Executor } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { seal } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { getShop, type Shop } from '../shops.repository.ts';
import { parseStoreCredentials, storeDomain, type StoreCredentials } from '../store-credentials.ts';
import { createShop } from './create-shop.ts';
import { readShopCredentials } from './read-credentials.ts';

export interface ConnectShopInput {
  name: string;
  platform: 'shopify' | 'woocommerce';
  currency: string;
  /** Shopify: shopDomainOrUrl, accessToken, apiSecret; WooCommerce: baseUrl, consumerKey, consumerSecret, webhookSecret */
  credentials: Record<string, unknown>;
  /** WooCommerce hosts' request limit to stay under (default 5/s) */
  requestsPerSecond?: number;
}

/** Adds a Shopify or WooCommerce shop; its credentials are sealed with RECOUP_SECRET_KEY before they are stored. */
export async function connectShop(deps: { db: Database; secretKey: Buffer }, actor: Actor, input: ConnectShopInput): Promise<Shop> {
  const credentials = parseStoreCredentials(input.platform, input.credentials);
  const shop = await createShop(deps, actor, {
    name: input.name, platform: input.platform, currency: input.currency, domain: storeDomain(credentials),
    credentials: credentials as unknown as Record<string, string>,
  });
  if (input.requestsPerSecond !== undefined) {
    await deps.db.updateTable('shops').set({ settings: JSON.stringify({ requestsPerSecond: input.requestsPerSecond }) }).where('id', '=', shop.id).execute();
  }
  return getShop(deps.db, actor.workspaceId, shop.id);
}

/** Replaces a connected shop's credentials (a rotated token or webhook secret). */
export async function updateShopCredentials(deps: { db: Database; secretKey: Buffer }, actor: Actor, shopId: string, raw: Record<string, unknown>): Promise<Shop> {
  requireRole(actor, 'admin');
  const shop = await getShop(deps.db, actor.workspaceId, shopId);
  if (shop.platform === 'manual') throw new AppError('CONFLICT', `Shop ${shop.name} is a manual shop; it has no platform to connect to.`);
  const credentials = parseStoreCredentials(shop.platform, raw);
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('shops').set({ credentials_encrypted: seal(JSON.stringify(credentials), deps.secretKey), domain: storeDomain(credentials) }).where('id', '=', shopId).execute();
    await appendTimeline(tx, {
      workspaceId: actor.workspaceId, orderId: null, subjectType: 'shop', subjectId: shopId, kind: 'shop.credentials_updated',
      actor: actor.label, visibility: 'internal', summary: `${shop.platform} credentials replaced`,
    });
  });
  return getShop(deps.db, actor.workspaceId, shopId);
}

/** The shop's platform and credentials, validated; connectors only. */
export async function readStoreCredentials(db: Executor, secretKey: Buffer, shopId: string): Promise<StoreCredentials> {
  const row = await db.selectFrom('shops').select(['platform']).where('id', '=', shopId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Shop ${shopId} was not found.`);
  if (row.platform === 'manual') throw new AppError('CONFLICT', `Shop ${shopId} is a manual shop; it has no platform API.`);
  return parseStoreCredentials(row.platform, await readShopCredentials(db, secretKey, shopId));
}
