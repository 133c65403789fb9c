import { sql, type Kysely } from 'kysely';

// Tracking services (AfterShip, 17TRACK) per workspace, each parcel's registration with them,
// and proactive customer email: editable templates, a log with one row per message (its unique
// key is what makes "never the same message twice" hold), and the opt-outs every send honours.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table tracking_connections (
      id text primary key,
      workspace_id text not null references workspaces(id),
      provider text not null check (provider in ('aftership','17track')),
      base_url text not null,
      api_key_encrypted text not null,
      webhook_secret_encrypted text,
      requests_per_second int check (requests_per_second between 1 and 1000),
      enabled boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, provider)
    );

    alter table parcels
      add column tracking_connection_id text references tracking_connections(id),
      add column registered_at timestamptz,
      add column registration_error text,
      add column polled_at timestamptz,
      add column estimated_delivery_at timestamptz;
    create index parcels_unregistered on parcels (workspace_id, created_at) where registered_at is null and registration_error is null;
    create index parcels_flags on parcels using gin (flags);

    create table notification_templates (
      id text primary key,
      workspace_id text not null references workspaces(id),
      kind text not null check (kind in ('shipped','delayed','out_for_delivery','delivered','problem')),
      subject text not null,
      body text not null,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      unique (workspace_id, kind)
    );

    create table notifications (
      id text primary key,
      workspace_id text not null references workspaces(id),
      order_id text not null references orders(id),
      parcel_id text references parcels(id),
      kind text not null,
      key text not null,
      data jsonb not null default '{}',
      recipient text,
      status text not null default 'queued' check (status in ('queued','sending','sent','skipped','failed','unknown')),
      reason text,
      subject text,
      attempts int not null default 0,
      message_id text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      sent_at timestamptz,
      unique (workspace_id, key)
    );
    create index notifications_queued on notifications (created_at) where status = 'queued';
    create index notifications_order on notifications (order_id);

    create table notification_opt_outs (
      workspace_id text not null references workspaces(id),
      email text not null check (email = lower(email)),
      created_at timestamptz not null default now(),
      primary key (workspace_id, email)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists notification_opt_outs, notifications, notification_templates;
    alter table parcels drop column if exists tracking_connection_id, drop column if exists registered_at,
      drop column if exists registration_error, drop column if exists polled_at, drop column if exists estimated_delivery_at;
    drop table if exists tracking_connections;
  `.execute(db);
}
