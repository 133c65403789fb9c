import { verify } from '@node-rs/argon2';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { randomToken, sha256 } from '../../../shared/crypto.ts';
import { DAY_MS } from '../../../shared/clock.ts';
import { findUserByEmail, toStaffUser, type StaffUser } from '../staff.repository.ts';

const SESSION_DAYS = 14;
// A real hash of a throwaway password, so an unknown email costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$5uFkJiXLkU1XwdtPhUdBCw$OG5hNh32I/MT5tRI7188pO471dmV7RLqUibREt8D0PY';

export async function signIn(db: Database, email: string, password: string, now = new Date()): Promise<{ token: string; user: StaffUser; expiresAt: Date }> {
  const row = await findUserByEmail(db, email);
  const valid = await verify(row?.password_hash ?? DUMMY_HASH, password).catch(() => false);
  if (!row || !valid || row.disabled_at) throw new AppError('UNAUTHENTICATED', 'Email or password is wrong.');
  const token = randomToken('rs_');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.insertInto('sessions').values({ id: newId('session'), user_id: row.id, token_hash: sha256(token), expires_at: expiresAt }).execute();
  return { token, user: toStaffUser(row), expiresAt };
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}
