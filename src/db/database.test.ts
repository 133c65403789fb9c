import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { migrate } from './database.ts';

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('run twice without change (idempotent)', async () => {
    expect(await migrate(t.db)).toEqual([]);
    const rules = await t.db.selectFrom('dispute_window_rules').select(['platform', 'version']).execute();
    expect(rules).toContainEqual({ platform: 'aliexpress', version: 1 });
  });

  it('returns bigint money as safe JavaScript numbers', async () => {
    const { rows } = await sql<{ n: number }>`select 9007199254740991::bigint as n`.execute(t.db);
    expect(rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
    await expect(sql`select 9007199254740993::bigint as n`.execute(t.db)).rejects.toThrow(/safe integer/);
  });
});
