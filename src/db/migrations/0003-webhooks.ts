import { sql, type Kysely } from 'kysely';

// Every inbound webhook is stored, verified and deduplicated before anything acts on it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_deliveries (
      id text primary key,
      source text not null,
      delivery_key text not null,
      topic text not null,
      workspace_id text references workspaces(id),
      shop_id text references shops(id),
      headers jsonb not null,
      body bytea not null,
      received_at timestamptz not null default now(),
      processed_at timestamptz,
      attempts int not null default 0,
      last_error text,
      unique (source, delivery_key)
    );
    create index webhook_deliveries_unprocessed on webhook_deliveries (received_at) where processed_at is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists webhook_deliveries`.execute(db);
}
