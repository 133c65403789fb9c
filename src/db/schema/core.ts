import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, CreatedAt, UpdatedAt, Json, Role, Platform, SupplierPlatform, Visibility } from './columns.ts';

// The domain core (migrations 0001-0002): workspace, staff, shops, orders, suppliers, parcels, cases, money, timeline.

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
