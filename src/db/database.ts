import { Kysely, Migrator, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction: queries and commands accept both. */
export type Executor = Kysely<DB>;

// bigint (int8) money and counts as JS numbers, refusing values that would lose precision.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`int8 value ${text} is beyond JavaScript's safe integer range`);
  return value;
});

export interface OpenedDatabase {
  db: Database;
  pool: pg.Pool;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export function connect(url: string, max = 10): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client dropped by the server is replaced on next use
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/** Creates a database on the server behind `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * With DATABASE_URL, that server and database; without, the embedded PostgreSQL in the data dir
 * (started here, or the one another Recoup process already runs).
 */
export async function openDatabase(config: Config, options: { log?: (line: string) => void; poolSize?: number } = {}): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const { db, pool } = connect(config.databaseUrl, options.poolSize);
    return { db, pool, url: config.databaseUrl, embedded: false, close: () => db.destroy() };
  }
  const server = await startEmbeddedPostgres(config.dataDir, options.log);
  try {
    const url = await ensureDatabase(server.adminUrl, 'recoup');
    const { db, pool } = connect(url, options.poolSize);
    return {
      db,
      pool,
      url,
      embedded: true,
      close: async () => {
        await db.destroy();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Brings the schema up to date. Safe to run from several processes at once (Kysely takes a lock). */
export async function migrate(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
