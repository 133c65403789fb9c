import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, ensureDatabase, migrate, type Database } from '../../src/db/database.ts';

export interface TestDatabase {
  db: Database;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the run's server, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `recoup_t_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const { db } = connect(url, 8);
  await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
