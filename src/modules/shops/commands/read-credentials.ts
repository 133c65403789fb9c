import type { Executor } from '../../../db/database.ts';
import { unseal } from '../../../shared/crypto.ts';
import { AppError } from '../../../shared/errors.ts';

/** Only connectors call this, right before talking to the platform; credentials never leave the process. */
export async function readShopCredentials(db: Executor, secretKey: Buffer, shopId: string): Promise<Record<string, string>> {
  const row = await db.selectFrom('shops').select(['credentials_encrypted']).where('id', '=', shopId).executeTakeFirst();
  if (!row?.credentials_encrypted) throw new AppError('CONFLICT', `Shop ${shopId} has no stored credentials.`);
  return JSON.parse(unseal(row.credentials_encrypted, secretKey)) as Record<string, string>;
}
