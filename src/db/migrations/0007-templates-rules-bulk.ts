import { sql, type Kysely } from 'kysely';

// Message templates, automation rules (with a record of every run) and bulk operations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table message_templates (
      id text primary key,
      workspace_id text not null references workspaces(id),
      key text not null,
      channel text not null check (channel in ('customer','supplier')),
      name text not null,
      subject text not null default '',
      body text not null,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      unique (workspace_id, key)
    );

    create table rules (
      id text primary key,
      workspace_id text not null references workspaces(id),
      name text not null,
      trigger text not null,
      conditions jsonb not null,
      actions jsonb not null,
      priority int not null default 100,
      enabled boolean not null default true,
      created_by text not null,
      created_at timestamptz not null default now()
    );
    create index rules_trigger on rules (workspace_id, trigger, priority);

    create table rule_runs (
      id bigserial primary key,
      rule_id text not null references rules(id),
      case_id text not null references cases(id),
      event_key text not null,
      matched boolean not null,
      explanation text not null,
      actions jsonb not null default '[]',
      ran_at timestamptz not null default now(),
      unique (rule_id, case_id, event_key)
    );

    create table bulk_operations (
      id text primary key,
      workspace_id text not null references workspaces(id),
      kind text not null,
      params jsonb not null default '{}',
      status text not null check (status in ('queued','running','finished')),
      total int not null,
      done int not null default 0,
      failed int not null default 0,
      results jsonb not null default '[]',
      created_by text not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists bulk_operations, rule_runs, rules, message_templates`.execute(db);
}
