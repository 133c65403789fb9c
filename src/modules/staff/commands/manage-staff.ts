import type { Database } from '../../../db/database.ts';
import type { Role } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { audit } from '../staff.repository.ts';

export async function listUsers(db: Database, workspaceId: string) {
  const rows = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'shop_ids', 'created_at', 'disabled_at']).where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, shopIds: r.shop_ids, createdAt: r.created_at.toISOString(), disabled: r.disabled_at !== null }));
}

/** Change a user's role, shops or access. Only owners make owners; nobody removes the last owner. */
export async function updateUser(db: Database, actor: Actor, userId: string, patch: { role?: Role; shopIds?: string[] | null; disabled?: boolean }) {
  requireRole(actor, 'admin');
  if (patch.role === 'owner') requireRole(actor, 'owner');
  await db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom('users').selectAll().where('id', '=', userId).where('workspace_id', '=', actor.workspaceId).forUpdate().executeTakeFirst();
    if (!user) throw new AppError('NOT_FOUND', `User ${userId} was not found.`);
    if (user.role === 'owner' && ((patch.role && patch.role !== 'owner') || patch.disabled)) {
      requireRole(actor, 'owner');
      const owners = await tx.selectFrom('users').select('id').where('workspace_id', '=', actor.workspaceId).where('role', '=', 'owner').where('disabled_at', 'is', null).execute();
      if (owners.length <= 1) throw new AppError('CONFLICT', 'This is the last owner; make someone else owner first.');
    }
    await tx
      .updateTable('users')
      .set({
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.shopIds !== undefined ? { shop_ids: patch.shopIds } : {}),
        ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? new Date() : null } : {}),
      })
      .where('id', '=', userId)
      .execute();
    if (patch.disabled) await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(tx, { workspaceId: actor.workspaceId, actor: actor.label, action: 'user.update', target: userId, data: patch });
  });
  return (await listUsers(db, actor.workspaceId)).find((u) => u.id === userId)!;
}

export async function listApiTokens(db: Database, workspaceId: string) {
  const rows = await db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at']).where('workspace_id', '=', workspaceId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null, revoked: r.revoked_at !== null }));
}
