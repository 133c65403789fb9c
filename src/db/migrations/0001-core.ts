import { sql, type Kysely } from 'kysely';

// The domain core. Money columns are bigint minor units with a currency beside them.
// Status columns are written only through transition() (modules/timeline) so each change has
// a timeline entry in the same transaction.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workspaces (
      id text primary key,
      name text not null,
      settings jsonb not null default '{}',
      created_at timestamptz not null default now()
    );

    create table users (
      id text primary key,
      workspace_id text not null references workspaces(id),
      email text not null,
      name text not null,
      role text not null check (role in ('owner','admin','agent','viewer')),
      password_hash text not null,
      shop_ids text[],
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create unique index users_email on users (lower(email));

    create table sessions (
      id text primary key,
      user_id text not null references users(id),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );

    create table api_tokens (
      id text primary key,
      workspace_id text not null references workspaces(id),
      name text not null,
      role text not null check (role in ('owner','admin','agent','viewer')),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table shops (
      id text primary key,
      workspace_id text not null references workspaces(id),
      name text not null,
      platform text not null check (platform in ('manual','shopify','woocommerce')),
      currency text not null,
      domain text,
      credentials_encrypted text,
      branding jsonb not null default '{}',
      settings jsonb not null default '{}',
      created_at timestamptz not null default now()
    );

    create table customers (
      id text primary key,
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      external_id text,
      email text,
      name text,
      phone text,
      created_at timestamptz not null default now()
    );
    create unique index customers_shop_email on customers (shop_id, lower(email)) where email is not null;

    create table orders (
      id text primary key,
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      external_id text,
      order_number text not null,
      customer_id text references customers(id),
      currency text not null,
      total_minor bigint not null check (total_minor >= 0),
      shipping_minor bigint not null default 0 check (shipping_minor >= 0),
      refunded_minor bigint not null default 0 check (refunded_minor >= 0),
      shipping_country text,
      shipping_address jsonb,
      placed_at timestamptz not null,
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (refunded_minor <= total_minor)
    );
    create unique index orders_shop_number on orders (shop_id, order_number);
    create unique index orders_shop_external on orders (shop_id, external_id) where external_id is not null;
    create index orders_workspace_placed on orders (workspace_id, placed_at desc, id desc);
    create index orders_customer on orders (customer_id);

    create table order_lines (
      id text primary key,
      order_id text not null references orders(id),
      position int not null,
      external_id text,
      sku text,
      title text not null,
      quantity int not null check (quantity > 0),
      unit_price_minor bigint not null check (unit_price_minor >= 0)
    );
    create index order_lines_order on order_lines (order_id);

    create table suppliers (
      id text primary key,
      workspace_id text not null references workspaces(id),
      platform text not null check (platform in ('aliexpress','cjdropshipping','other')),
      name text not null,
      external_id text,
      store_url text,
      rating numeric,
      created_at timestamptz not null default now()
    );
    create unique index suppliers_identity on suppliers (workspace_id, platform, lower(name));

    create table dispute_window_rules (
      id text primary key,
      platform text not null,
      version int not null,
      effective_from timestamptz not null,
      rules jsonb not null,
      note text,
      created_by text,
      created_at timestamptz not null default now(),
      unique (platform, version)
    );

    create table supplier_orders (
      id text primary key,
      workspace_id text not null references workspaces(id),
      order_id text not null references orders(id),
      supplier_id text not null references suppliers(id),
      external_id text,
      buyer_account text,
      status text not null,
      currency text not null,
      paid_minor bigint not null default 0 check (paid_minor >= 0),
      shipping_method text,
      placed_at timestamptz,
      paid_at timestamptz,
      shipped_at timestamptz,
      completed_at timestamptz,
      window_opens_at timestamptz,
      window_closes_at timestamptz,
      window_rules_version int,
      window_override_closes_at timestamptz,
      window_override_by text,
      window_override_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index supplier_orders_external on supplier_orders (supplier_id, external_id) where external_id is not null;
    create index supplier_orders_order on supplier_orders (order_id);
    create index supplier_orders_window on supplier_orders (workspace_id, window_closes_at);

    create table supplier_order_lines (
      supplier_order_id text not null references supplier_orders(id),
      order_line_id text not null references order_lines(id),
      quantity int not null check (quantity > 0),
      cost_minor bigint not null check (cost_minor >= 0),
      primary key (supplier_order_id, order_line_id)
    );

    create table parcels (
      id text primary key,
      workspace_id text not null references workspaces(id),
      order_id text not null references orders(id),
      supplier_order_id text references supplier_orders(id),
      tracking_number text not null,
      carrier text,
      status text not null default 'pending',
      last_event_at timestamptz,
      shipped_at timestamptz,
      delivered_at timestamptz,
      promised_by timestamptz,
      flags text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index parcels_tracking on parcels (workspace_id, tracking_number);
    create index parcels_order on parcels (order_id);

    create table tracking_events (
      id text primary key,
      parcel_id text not null references parcels(id),
      occurred_at timestamptz not null,
      status text not null,
      raw_status text not null,
      raw_substatus text,
      description text not null default '',
      location text,
      source text not null,
      dedupe_key text not null,
      received_at timestamptz not null default now(),
      unique (parcel_id, dedupe_key)
    );
    create index tracking_events_parcel on tracking_events (parcel_id, occurred_at);

    create sequence case_numbers start 1001;
    create table cases (
      id text primary key,
      number bigint not null default nextval('case_numbers') unique,
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      order_id text not null references orders(id),
      customer_id text references customers(id),
      reason text not null,
      description text not null default '',
      customer_status text not null,
      supplier_status text not null,
      opened_by text not null check (opened_by in ('customer','staff','rule')),
      assignee_id text references users(id),
      tags text[] not null default '{}',
      public_token text not null unique,
      verified_at timestamptz,
      first_reply_at timestamptz,
      resolved_at timestamptz,
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index cases_workspace_created on cases (workspace_id, created_at desc, id desc);
    create index cases_order on cases (order_id);

    create table case_lines (
      id text primary key,
      case_id text not null references cases(id),
      order_line_id text not null references order_lines(id),
      quantity int not null check (quantity > 0),
      unique (case_id, order_line_id)
    );

    create table files (
      content_hash text primary key,
      mime text not null,
      size int not null,
      bytes bytea not null,
      created_at timestamptz not null default now()
    );

    create table evidence (
      id text primary key,
      case_id text not null references cases(id),
      kind text not null,
      content_hash text references files(content_hash),
      filename text,
      note text,
      uploaded_by text not null,
      created_at timestamptz not null default now()
    );

    create table messages (
      id text primary key,
      case_id text not null references cases(id),
      channel text not null check (channel in ('customer','supplier')),
      direction text not null check (direction in ('inbound','outbound')),
      body text not null,
      author text not null,
      created_at timestamptz not null default now()
    );
    create index messages_case on messages (case_id, created_at);

    create table disputes (
      id text primary key,
      workspace_id text not null references workspaces(id),
      case_id text not null references cases(id),
      supplier_order_id text not null references supplier_orders(id),
      status text not null,
      reason text not null,
      platform_reason text not null,
      request text not null check (request in ('refund_only','return_and_refund')),
      currency text not null,
      amount_minor bigint not null check (amount_minor > 0),
      recovered_minor bigint not null default 0 check (recovered_minor >= 0),
      external_id text,
      opened_at timestamptz,
      seller_response_due_at timestamptz,
      escalate_from_at timestamptz,
      auto_escalate_at timestamptz,
      return_ship_by_at timestamptz,
      refund_expected_by timestamptz,
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (recovered_minor <= amount_minor)
    );
    -- AliExpress allows one dispute per order: at most one live dispute per supplier order.
    create unique index disputes_one_live on disputes (supplier_order_id) where status not in ('lost','cancelled','won','partly_won');
    create index disputes_case on disputes (case_id);

    create table resolutions (
      id text primary key,
      workspace_id text not null references workspaces(id),
      case_id text not null references cases(id),
      order_id text not null references orders(id),
      kind text not null check (kind in ('full_refund','partial_refund','refund_after_return','reship','store_credit','discount')),
      status text not null,
      currency text not null,
      amount_minor bigint not null check (amount_minor >= 0),
      details jsonb not null default '{}',
      external_id text,
      failure text,
      proposed_by text not null,
      approved_by text,
      executed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index resolutions_case on resolutions (case_id);
    create index resolutions_order on resolutions (order_id);

    create table ledger_entries (
      id text primary key,
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      order_id text not null references orders(id),
      case_id text references cases(id),
      supplier_id text references suppliers(id),
      resolution_id text references resolutions(id),
      dispute_id text references disputes(id),
      kind text not null check (kind in ('refund','store_credit','discount','reship_cost','recovery')),
      currency text not null,
      amount_minor bigint not null check (amount_minor >= 0),
      occurred_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    -- The ledger's own guard against doing money twice: one entry per resolution, one per dispute outcome.
    create unique index ledger_once_per_resolution on ledger_entries (resolution_id) where resolution_id is not null;
    create unique index ledger_once_per_dispute on ledger_entries (dispute_id) where dispute_id is not null;
    create index ledger_by_month on ledger_entries (workspace_id, occurred_at);

    create table timeline_entries (
      id text primary key,
      workspace_id text not null references workspaces(id),
      order_id text references orders(id),
      case_id text references cases(id),
      subject_type text not null,
      subject_id text not null,
      kind text not null,
      actor text not null,
      visibility text not null check (visibility in ('internal','customer')),
      summary text not null,
      data jsonb not null default '{}',
      occurred_at timestamptz not null default now()
    );
    create index timeline_order on timeline_entries (order_id, occurred_at);
    create index timeline_case on timeline_entries (case_id, occurred_at);

    create table audit_log (
      id bigserial primary key,
      workspace_id text,
      actor text not null,
      action text not null,
      target text,
      data jsonb not null default '{}',
      at timestamptz not null default now()
    );

    create table imports (
      id text primary key,
      workspace_id text not null references workspaces(id),
      shop_id text not null references shops(id),
      source text not null,
      status text not null,
      total int not null default 0,
      done int not null default 0,
      errors jsonb not null default '[]',
      created_at timestamptz not null default now(),
      finished_at timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table if exists imports, audit_log, timeline_entries, ledger_entries, resolutions, disputes, messages, evidence, files,
      case_lines, cases, tracking_events, parcels, supplier_order_lines, supplier_orders, dispute_window_rules, suppliers,
      order_lines, orders, customers, shops, api_tokens, sessions, users, workspaces cascade;
    drop sequence if exists case_numbers;
  `.execute(db);
}
