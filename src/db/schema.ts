import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely's view of the tables in migrations/. bigint money columns arrive as JS numbers
// (see database.ts: the int8 parser refuses anything beyond Number.MAX_SAFE_INTEGER).

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, string | T, string | T>;

export type Role = 'owner' | 'admin' | 'agent' | 'viewer';
export type Platform = 'manual' | 'shopify' | 'woocommerce';
export type SupplierPlatform = 'aliexpress' | 'cjdropshipping' | 'other';
export type Visibility = 'internal' | 'customer';

export interface WorkspacesTable {
  id: string;
  name: string;
  settings: Json;
  created_at: CreatedAt;
}
export interface UsersTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  shop_ids: string[] | null;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}
export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export interface ShopsTable {
  id: string;
  workspace_id: string;
  name: string;
  platform: Platform;
  currency: string;
  domain: string | null;
  credentials_encrypted: string | null;
  branding: Json;
  settings: Json;
  created_at: CreatedAt;
}
export interface CustomersTable {
  id: string;
  workspace_id: string;
  shop_id: string;
  external_id: string | null;
  email: string | null;
  name: string | null;
  phone: string | null;
  created_at: CreatedAt;
}
export interface OrdersTable {
  id: string;
  workspace_id: string;
  shop_id: string;
  external_id: string | null;
  order_number: string;
  customer_id: string | null;
  currency: string;
  total_minor: number;
  shipping_minor: Generated<number>;
  refunded_minor: Generated<number>;
  shipping_country: string | null;
  shipping_address: Json | null;
  placed_at: Timestamp;
  cancelled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** the platform's updated_at of the state stored (connected shops); older webhooks never overwrite it */
  external_updated_at: Timestamp | null;
}
export interface OrderLinesTable {
  id: string;
  order_id: string;
  position: number;
  external_id: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unit_price_minor: number;
}
export interface SuppliersTable {
  id: string;
  workspace_id: string;
  platform: SupplierPlatform;
  name: string;
  external_id: string | null;
  store_url: string | null;
  rating: string | null;
  created_at: CreatedAt;
}
export interface DisputeWindowRulesTable {
  id: string;
  platform: SupplierPlatform;
  version: number;
  effective_from: Timestamp;
  rules: Json<unknown>;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}
export interface SupplierOrdersTable {
  id: string;
  workspace_id: string;
  order_id: string;
  supplier_id: string;
  external_id: string | null;
  buyer_account: string | null;
  status: string;
  currency: string;
  paid_minor: Generated<number>;
  shipping_method: string | null;
  placed_at: Timestamp | null;
  paid_at: Timestamp | null;
  shipped_at: Timestamp | null;
  completed_at: Timestamp | null;
  window_opens_at: Timestamp | null;
  window_closes_at: Timestamp | null;
  window_rules_version: number | null;
  window_override_closes_at: Timestamp | null;
  window_override_by: string | null;
  window_override_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface SupplierOrderLinesTable {
  supplier_order_id: string;
  order_line_id: string;
  quantity: number;
  cost_minor: number;
}
export interface ParcelsTable {
  id: string;
  workspace_id: string;
  order_id: string;
  supplier_order_id: string | null;
  tracking_number: string;
  carrier: string | null;
  status: Generated<string>;
  last_event_at: Timestamp | null;
  shipped_at: Timestamp | null;
  delivered_at: Timestamp | null;
  promised_by: Timestamp | null;
  flags: Generated<string[]>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  tracking_connection_id: string | null;
  registered_at: Timestamp | null;
  registration_error: string | null;
  polled_at: Timestamp | null;
  estimated_delivery_at: Timestamp | null;
}
export interface TrackingEventsTable {
  id: string;
  parcel_id: string;
  occurred_at: Timestamp;
  status: string;
  raw_status: string;
  raw_substatus: string | null;
  description: Generated<string>;
  location: string | null;
  source: string;
  dedupe_key: string;
  received_at: CreatedAt;
}
export interface CasesTable {
  id: string;
  number: Generated<number>;
  workspace_id: string;
  shop_id: string;
  order_id: string;
  customer_id: string | null;
  reason: string;
  description: Generated<string>;
  customer_status: string;
  supplier_status: string;
  opened_by: 'customer' | 'staff' | 'rule';
  assignee_id: string | null;
  tags: Generated<string[]>;
  public_token: string;
  verified_at: Timestamp | null;
  first_reply_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export interface CaseLinesTable {
  id: string;
  case_id: string;
  order_line_id: string;
  quantity: number;
}
export interface FilesTable {
  content_hash: string;
  mime: string;
  size: number;
  bytes: Buffer;
  created_at: CreatedAt;
}
export interface EvidenceTable {
  id: string;
  case_id: string;
  kind: string;
  content_hash: string | null;
  filename: string | null;
  note: string | null;
  uploaded_by: string;
  created_at: CreatedAt;
}
export interface MessagesTable {
  id: string;
  case_id: string;
  channel: 'customer' | 'supplier';
  direction: 'inbound' | 'outbound';
  body: string;
  author: string;
  created_at: CreatedAt;
}
export interface DisputesTable {
  id: string;
  workspace_id: string;
  case_id: string;
  supplier_order_id: string;
  status: string;
  reason: string;
  platform_reason: string;
  request: 'refund_only' | 'return_and_refund';
  currency: string;
  amount_minor: number;
  recovered_minor: Generated<number>;
  external_id: string | null;
  opened_at: Timestamp | null;
  seller_response_due_at: Timestamp | null;
  escalate_from_at: Timestamp | null;
  auto_escalate_at: Timestamp | null;
  return_ship_by_at: Timestamp | null;
  refund_expected_by: Timestamp | null;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type ResolutionKind = 'full_refund' | 'partial_refund' | 'refund_after_return' | 'reship' | 'store_credit' | 'discount';
export interface ResolutionsTable {
  id: string;
  workspace_id: string;
  case_id: string;
  order_id: string;
  kind: ResolutionKind;
  status: string;
  currency: string;
  amount_minor: number;
  details: Json;
  external_id: string | null;
  failure: string | null;
  proposed_by: string;
  approved_by: string | null;
  executed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}
export type LedgerKind = 'refund' | 'store_credit' | 'discount' | 'reship_cost' | 'recovery';
export interface LedgerEntriesTable {
  id: string;
  workspace_id: string;
  shop_id: string;
  order_id: string;
  case_id: string | null;
  supplier_id: string | null;
  resolution_id: string | null;
  dispute_id: string | null;
  kind: LedgerKind;
  currency: string;
  amount_minor: number;
  occurred_at: Timestamp;
  created_at: CreatedAt;
}
export interface TimelineEntriesTable {
  id: string;
  workspace_id: string;
  order_id: string | null;
  case_id: string | null;
  subject_type: string;
  subject_id: string;
  kind: string;
  actor: string;
  visibility: Visibility;
  summary: string;
  data: Json;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
}
export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string | null;
  actor: string;
  action: string;
  target: string | null;
  data: Json;
  at: CreatedAt;
}
export interface ImportsTable {
  id: string;
  workspace_id: string;
  shop_id: string;
  source: string;
  status: string;
  total: Generated<number>;
  done: Generated<number>;
  errors: Json<unknown[]>;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

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

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  shops: ShopsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  suppliers: SuppliersTable;
  dispute_window_rules: DisputeWindowRulesTable;
  supplier_orders: SupplierOrdersTable;
  supplier_order_lines: SupplierOrderLinesTable;
  parcels: ParcelsTable;
  tracking_events: TrackingEventsTable;
  tracking_connections: TrackingConnectionsTable;
  notification_templates: NotificationTemplatesTable;
  notifications: NotificationsTable;
  notification_opt_outs: NotificationOptOutsTable;
  cases: CasesTable;
  case_lines: CaseLinesTable;
  files: FilesTable;
  evidence: EvidenceTable;
  messages: MessagesTable;
  disputes: DisputesTable;
  resolutions: ResolutionsTable;
  ledger_entries: LedgerEntriesTable;
  timeline_entries: TimelineEntriesTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  deadline_reminders: DeadlineRemindersTable;
  message_templates: MessageTemplatesTable;
  rules: RulesTable;
  rule_runs: RuleRunsTable;
  bulk_operations: BulkOperationsTable;
  shop_syncs: ShopSyncsTable;
  store_executions: StoreExecutionsTable;
  store_pushes: StorePushesTable;
  supplier_accounts: SupplierAccountsTable;
  product_mappings: ProductMappingsTable;
  shipping_presets: ShippingPresetsTable;
  supplier_order_links: SupplierOrderLinksTable;
}

export type Row<T extends keyof DB> = Selectable<DB[T]>;
export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
export type RowUpdate<T extends keyof DB> = Updateable<DB[T]>;
