import type { Kysely } from 'kysely';

// Reserved for supplier accounts, product mapping and shipping presets (filled in by that work).
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
