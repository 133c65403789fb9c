import type { Database } from '../../../db/database.ts';
import type { Platform } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { seal } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { currencyExponent } from '../../../shared/money.ts';
import { toShop, type Shop } from '../shops.repository.ts';

export interface CreateShopInput {
  name: string;
  platform: Platform;
  currency: string;
  domain?: string | null;
  /** platform credentials (access token, consumer key/secret…), sealed before storage */
  credentials?: Record<string, string> | null;
  branding?: Shop['branding'];
}

export async function createShop(deps: { db: Database; secretKey: Buffer }, actor: Actor, input: CreateShopInput): Promise<Shop> {
  requireRole(actor, 'admin');
  currencyExponent(input.currency); // validates the code
  if (input.platform !== 'manual' && !input.credentials) {
    throw new AppError('VALIDATION_FAILED', `A ${input.platform} shop needs credentials to connect.`);
  }
  const row = await deps.db
    .insertInto('shops')
    .values({
      id: newId('shop'),
      workspace_id: actor.workspaceId,
      name: input.name,
      platform: input.platform,
      currency: input.currency.toUpperCase(),
      domain: input.domain ?? null,
      credentials_encrypted: input.credentials ? seal(JSON.stringify(input.credentials), deps.secretKey) : null,
      branding: JSON.stringify(input.branding ?? {}),
      settings: JSON.stringify({}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShop(row);
}
