import type { Generated } from 'kysely';
import type { Timestamp, CreatedAt, UpdatedAt, Json } from './columns.ts';

// Webhooks, dispute desk, automation and the platform integrations (migrations 0003 and later).

export interface WebhookDeliveriesTable {
  id: string;
  source: string;
  delivery_key: string;
  topic: string;
  workspace_id: string | null;
  shop_id: string | null;
  headers: Json;
  body: Buffer;
  received_at: CreatedAt;
  processed_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface DeadlineRemindersTable {
  id: Generated<number>;
  workspace_id: string;
  subject_type: 'supplier_order' | 'dispute';
  subject_id: string;
  order_id: string;
  deadline_kind: string;
  deadline_at: Timestamp;
  days_before: number;
  fired_at: Timestamp;
}

export interface MessageTemplatesTable {
  id: string;
  workspace_id: string;
  key: string;
  channel: 'customer' | 'supplier';
  name: string;
  subject: Generated<string>;
  body: string;
  updated_by: string;
  updated_at: UpdatedAt;
}
export interface RulesTable {
  id: string;
  workspace_id: string;
  name: string;
  trigger: string;
  conditions: Json<unknown[]>;
  actions: Json<unknown[]>;
  priority: Generated<number>;
  enabled: Generated<boolean>;
  created_by: string;
  created_at: CreatedAt;
}
export interface RuleRunsTable {
  id: Generated<number>;
  rule_id: string;
  case_id: string;
  event_key: string;
  matched: boolean;
  explanation: string;
  actions: Json<unknown[]>;
  ran_at: CreatedAt;
}
export interface BulkOperationsTable {
  id: string;
  workspace_id: string;
  kind: string;
  params: Json;
  status: 'queued' | 'running' | 'finished';
  total: number;
  done: Generated<number>;
  failed: Generated<number>;
  results: Json<unknown[]>;
  created_by: string;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface TrackingConnectionsTable {
  id: string;
  workspace_id: string;
  provider: 'aftership' | '17track';
  base_url: string;
  api_key_encrypted: string;
  webhook_secret_encrypted: string | null;
  requests_per_second: number | null;
  enabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface NotificationTemplatesTable {
  id: string;
  workspace_id: string;
  kind: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: UpdatedAt;
}
export interface NotificationsTable {
  id: string;
  workspace_id: string;
  order_id: string;
  parcel_id: string | null;
  kind: string;
  key: string;
  data: Json;
  recipient: string | null;
  status: Generated<'queued' | 'sending' | 'sent' | 'skipped' | 'failed' | 'unknown'>;
  reason: string | null;
  subject: string | null;
  attempts: Generated<number>;
  message_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  sent_at: Timestamp | null;
}
export interface NotificationOptOutsTable {
  workspace_id: string;
  email: string;
  created_at: CreatedAt;
}

export type ShopSyncStatus = 'idle' | 'running' | 'done' | 'failed';
export interface ShopSyncsTable {
  shop_id: string;
  workspace_id: string;
  status: Generated<ShopSyncStatus>;
  cursor: string | null;
  total: number | null;
  done: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  synced_through: Timestamp | null;
  reconciled_at: Timestamp | null;
  updated_at: UpdatedAt;
}
export interface StoreExecutionsTable {
  resolution_id: string;
  workspace_id: string;
  shop_id: string;
  operation: 'refund' | 'store_credit' | 'discount';
  idempotency_key: string;
  request: Json;
  status: Generated<'pending' | 'succeeded' | 'failed'>;
  attempts: Generated<number>;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  external_id: string | null;
  result: Json | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface StorePushesTable {
  parcel_id: string;
  workspace_id: string;
  shop_id: string;
  status: Generated<'pending' | 'pushed' | 'skipped' | 'failed'>;
  attempts: Generated<number>;
  external_id: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SupplierAccountsTable {
  id: string;
  workspace_id: string;
  platform: 'aliexpress' | 'cjdropshipping';
  name: string;
  base_url: string;
  login: string;
  secret_encrypted: string;
  access_token_encrypted: string | null;
  refresh_token_encrypted: string | null;
  access_expires_at: Timestamp | null;
  refresh_expires_at: Timestamp | null;
  external_user_id: string | null;
  buyer_account: string | null;
  auto_pay: Generated<boolean>;
  requests_per_second: number | null;
  enabled: Generated<boolean>;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface ProductMappingsTable {
  id: string;
  workspace_id: string;
  sku: string;
  product_id: string;
  sku_attr: Generated<string>;
  supplier_name: string;
  supplier_store_url: string | null;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface ShippingPresetsTable {
  id: string;
  workspace_id: string;
  product_id: string | null;
  country: string | null;
  shipping_method: string;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface SupplierOrderLinksTable {
  supplier_order_id: string;
  workspace_id: string;
  account_id: string;
  out_order_id: string;
  platform_status: string | null;
  detail_status: string | null;
  logistics_status: string | null;
  total_minor: Generated<number>;
  final: Generated<boolean>;
  synced_at: Timestamp | null;
  created_at: CreatedAt;
}
