import type { Executor } from '../../../db/database.ts';
import { newId } from '../../../shared/ids.ts';

export interface CustomerInput {
  workspaceId: string;
  shopId: string;
  email: string | null;
  name: string | null;
  externalId?: string | null;
  phone?: string | null;
}

/** One customer per shop and email; a later order fills in a missing name. */
export async function upsertCustomer(db: Executor, input: CustomerInput): Promise<string | null> {
  if (!input.email) return null;
  const email = input.email.trim();
  const existing = await db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('shop_id', '=', input.shopId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (existing) {
    if (!existing.name && input.name) await db.updateTable('customers').set({ name: input.name }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = newId('customer');
  await db
    .insertInto('customers')
    .values({ id, workspace_id: input.workspaceId, shop_id: input.shopId, email, name: input.name, external_id: input.externalId ?? null, phone: input.phone ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Lost a race with another import of the same customer: use theirs.
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('shop_id', '=', input.shopId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirstOrThrow();
  return row.id;
}
