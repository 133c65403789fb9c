import type { Database } from '../../../db/database.ts';
import type { Role } from '../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { randomToken, sha256 } from '../../../shared/crypto.ts';
import { audit, ensureWorkspace } from '../staff.repository.ts';

/** Returns the token once; only its hash is kept. */
export async function createApiToken(db: Database, input: { name: string; role?: Role }, actorLabel = 'cli'): Promise<{ id: string; token: string }> {
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', 'A token needs a --name, e.g. --name "zapier".');
  const token = randomToken('rcp_');
  const id = newId('apiToken');
  await db.transaction().execute(async (tx) => {
    const workspaceId = await ensureWorkspace(tx);
    await tx.insertInto('api_tokens').values({ id, workspace_id: workspaceId, name, role: input.role ?? 'admin', token_hash: sha256(token) }).execute();
    await audit(tx, { workspaceId, actor: actorLabel, action: 'api_token.create', target: id, data: { name, role: input.role ?? 'admin' } });
  });
  return { id, token };
}

export async function revokeApiToken(db: Database, id: string, actorLabel: string): Promise<void> {
  const revoked = await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).returning('workspace_id').executeTakeFirst();
  if (!revoked) throw new AppError('NOT_FOUND', `API token ${id} was not found or is already revoked.`);
  await audit(db, { workspaceId: revoked.workspace_id, actor: actorLabel, action: 'api_token.revoke', target: id });
}
