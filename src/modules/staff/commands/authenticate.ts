import type { Database } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { sha256 } from '../../../shared/crypto.ts';

/** Turns a bearer API token into an actor, or null. */
export async function authenticateToken(db: Database, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  return { type: 'token', id: row.id, label: `token:${row.name}`, workspaceId: row.workspace_id, role: row.role, shopIds: null };
}

/** Turns a session cookie into an actor, or null when unknown, expired or the user is disabled. */
export async function authenticateSession(db: Database, token: string, now = new Date()): Promise<(Actor & { email: string; name: string }) | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.workspace_id', 'users.email', 'users.name', 'users.role', 'users.shop_ids', 'users.disabled_at', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at <= now) return null;
  return { type: 'user', id: row.id, label: row.email, workspaceId: row.workspace_id, role: row.role, shopIds: row.shop_ids, email: row.email, name: row.name };
}
