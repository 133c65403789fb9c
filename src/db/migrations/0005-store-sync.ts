import type { Kysely } from 'kysely';

// Reserved for store connections and sync (filled in by that work before it lands).
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
