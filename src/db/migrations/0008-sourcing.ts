import { sql, type Kysely } from 'kysely';

// Sourcing: the workspace's buyer accounts on the supplier platforms (AliExpress OAuth tokens, CJ
// API keys, all sealed), which supplier product each store SKU is bought as, the shipping method
// to ask for per product and destination, and what Recoup follows of each supplier order placed
// through a platform (its out_order_id, the platform's own status words, when it was last read).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table supplier_accounts (
      id text primary key,
      workspace_id text not null references workspaces(id),
      platform text not null check (platform in ('aliexpress','cjdropshipping')),
      name text not null,
      base_url text not null,
      -- AliExpress: the app key; CJ: the account email
      login text not null,
      -- AliExpress: the app secret; CJ: the API key
      secret_encrypted text not null,
      access_token_encrypted text,
      refresh_token_encrypted text,
      access_expires_at timestamptz,
      refresh_expires_at timestamptz,
      external_user_id text,
      buyer_account text,
      auto_pay boolean not null default true,
      -- CJ's per-account limit (1/s for free accounts); null: the platform default
      requests_per_second int check (requests_per_second between 1 and 100),
      enabled boolean not null default true,
      last_error text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, platform, name)
    );

    create table product_mappings (
      id text primary key,
      workspace_id text not null references workspaces(id),
      sku text not null,
      product_id text not null,
      sku_attr text not null default '',
      supplier_name text not null,
      supplier_store_url text,
      updated_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (workspace_id, sku)
    );

    -- product_id null: any product; country null: any destination. The most specific wins.
    create table shipping_presets (
      id text primary key,
      workspace_id text not null references workspaces(id),
      product_id text,
      country text check (country ~ '^[A-Z]{2}$'),
      shipping_method text not null,
      updated_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index shipping_presets_scope on shipping_presets (workspace_id, coalesce(product_id, ''), coalesce(country, ''));

    create table supplier_order_links (
      supplier_order_id text primary key references supplier_orders(id),
      workspace_id text not null references workspaces(id),
      account_id text not null references supplier_accounts(id),
      out_order_id text not null,
      platform_status text,
      detail_status text,
      logistics_status text,
      total_minor bigint not null default 0,
      final boolean not null default false,
      synced_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index supplier_order_links_out on supplier_order_links (workspace_id, out_order_id);
    create index supplier_order_links_open on supplier_order_links (synced_at) where not final;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists supplier_order_links, shipping_presets, product_mappings, supplier_accounts;`.execute(db);
}
