import { sql, type Kysely } from 'kysely';

// Store connections in sync: one sync state per connected shop (backfill cursor and progress, the
// reconciliation watermark, a lease so one process backfills at a time), the intent of every
// money-moving call to a store (one row per resolution, written before the call), and each
// parcel's push to the store as a fulfilment. Orders remember the platform's updated_at so an old
// webhook arriving late never overwrites a newer state; lines are matched by their external id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table orders add column external_updated_at timestamptz;
    create unique index order_lines_external on order_lines (order_id, external_id) where external_id is not null;

    create table shop_syncs (
      shop_id text primary key references shops(id),
      workspace_id text not null references workspaces(id),
      status text not null default 'idle' check (status in ('idle','running','done','failed')),
      cursor text,
      total int,
      done int not null default 0,
      created int not null default 0,
      updated int not null default 0,
      started_at timestamptz,
      finished_at timestamptz,
      last_error text,
      lease_owner text,
      lease_until timestamptz,
      synced_through timestamptz,
      reconciled_at timestamptz,
      updated_at timestamptz not null default now()
    );

    create table store_executions (
      resolution_id text primary key references resolutions(id),
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      operation text not null check (operation in ('refund','store_credit','discount')),
      idempotency_key text not null,
      request jsonb not null,
      status text not null default 'pending' check (status in ('pending','succeeded','failed')),
      attempts int not null default 0,
      lease_owner text,
      lease_until timestamptz,
      external_id text,
      result jsonb,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index store_executions_pending on store_executions (lease_until) where status = 'pending';

    create table store_pushes (
      parcel_id text primary key references parcels(id),
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      status text not null default 'pending' check (status in ('pending','pushed','skipped','failed')),
      attempts int not null default 0,
      external_id text,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists store_pushes;
    drop table if exists store_executions;
    drop table if exists shop_syncs;
    drop index if exists order_lines_external;
    alter table orders drop column if exists external_updated_at;
  `.execute(db);
}
