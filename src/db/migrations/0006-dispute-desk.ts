import { sql, type Kysely } from 'kysely';

// Reminders before dispute deadlines, each fired once: the unique key is the deadline itself,
// so a deadline that moves (staff copy the real countdown) gets reminders of its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deadline_reminders (
      id bigserial primary key,
      workspace_id text not null references workspaces(id),
      subject_type text not null check (subject_type in ('supplier_order','dispute')),
      subject_id text not null,
      order_id text not null references orders(id),
      deadline_kind text not null,
      deadline_at timestamptz not null,
      days_before int not null,
      fired_at timestamptz not null,
      unique (subject_id, deadline_kind, deadline_at, days_before)
    );
    create index deadline_reminders_workspace on deadline_reminders (workspace_id, fired_at desc);
    -- what the reminder scan and the dispute desk look up by supplier order
    create index parcels_supplier_order on parcels (supplier_order_id);
    create index disputes_supplier_order on disputes (supplier_order_id);
    create index supplier_orders_closes on supplier_orders (window_closes_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists deadline_reminders`.execute(db);
}
