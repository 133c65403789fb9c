import type { Executor } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { readUnsubscribeToken } from '../unsubscribe-token.ts';

/** Honours an opt-out link: no parcel email goes to that address again in that workspace. */
export async function unsubscribe(db: Executor, secretKey: Buffer, token: string): Promise<{ email: string }> {
  const who = readUnsubscribeToken(token, secretKey);
  if (!who) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid. Copy the whole link from the email.');
  const workspace = await db.selectFrom('workspaces').select('id').where('id', '=', who.workspaceId).executeTakeFirst();
  if (!workspace) throw new AppError('NOT_FOUND', 'This unsubscribe link is not valid any more.');
  await db.insertInto('notification_opt_outs').values({ workspace_id: who.workspaceId, email: who.email }).onConflict((oc) => oc.doNothing()).execute();
  return { email: who.email };
}
