import type { Executor } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';

export interface StaffUser {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  shopIds: string[] | null;
}

/** This install's workspace; made on first use. (The schema allows several, for agencies.) */
export async function ensureWorkspace(db: Executor, name = 'My store'): Promise<string> {
  const existing = await db.selectFrom('workspaces').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId('workspace');
  await db.insertInto('workspaces').values({ id, name, settings: JSON.stringify({}) }).execute();
  return id;
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function toStaffUser(row: { id: string; workspace_id: string; email: string; name: string; role: Role; shop_ids: string[] | null }): StaffUser {
  return { id: row.id, workspaceId: row.workspace_id, email: row.email, name: row.name, role: row.role, shopIds: row.shop_ids };
}

export async function audit(db: Executor, entry: { workspaceId: string | null; actor: string; action: string; target?: string; data?: Record<string, unknown> }) {
  await db
    .insertInto('audit_log')
    .values({ workspace_id: entry.workspaceId, actor: entry.actor, action: entry.action, target: entry.target ?? null, data: JSON.stringify(entry.data ?? {}) })
    .execute();
}
