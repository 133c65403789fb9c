import { hash } from '@node-rs/argon2';
import type { Database } from '../../../db/database.ts';
import type { Role } from '../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { audit, ensureWorkspace, findUserByEmail, toStaffUser, type StaffUser } from '../staff.repository.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  shopIds?: string[] | null;
}

export async function createUser(db: Database, input: CreateUserInput, actorLabel = 'cli'): Promise<StaffUser> {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) throw new AppError('VALIDATION_FAILED', `email "${input.email}" is not an email address.`);
  if (input.password.length < 10) throw new AppError('VALIDATION_FAILED', 'password must be at least 10 characters.');
  if (await findUserByEmail(db, input.email)) throw new AppError('CONFLICT', `A user with email ${input.email} already exists.`);
  const passwordHash = await hash(input.password); // argon2id with the library's recommended cost
  return db.transaction().execute(async (tx) => {
    const workspaceId = await ensureWorkspace(tx);
    const row = await tx
      .insertInto('users')
      .values({
        id: newId('user'),
        workspace_id: workspaceId,
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        shop_ids: input.shopIds ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, { workspaceId, actor: actorLabel, action: 'user.create', target: row.id, data: { email: row.email, role: row.role } });
    return toStaffUser(row);
  });
}
