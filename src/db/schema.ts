import type { Insertable, Selectable, Updateable } from 'kysely';
import type { WorkspacesTable, UsersTable, SessionsTable, ApiTokensTable, ShopsTable, CustomersTable, OrdersTable, OrderLinesTable, SuppliersTable, DisputeWindowRulesTable, SupplierOrdersTable, SupplierOrderLinesTable, ParcelsTable, TrackingEventsTable, CasesTable, CaseLinesTable, FilesTable, EvidenceTable, MessagesTable, DisputesTable, ResolutionsTable, LedgerEntriesTable, TimelineEntriesTable, AuditLogTable, ImportsTable } from './schema/core.ts';
import type { WebhookDeliveriesTable, DeadlineRemindersTable, MessageTemplatesTable, RulesTable, RuleRunsTable, BulkOperationsTable, TrackingConnectionsTable, NotificationTemplatesTable, NotificationsTable, NotificationOptOutsTable, ShopSyncsTable, StoreExecutionsTable, StorePushesTable, SupplierAccountsTable, ProductMappingsTable, ShippingPresetsTable, SupplierOrderLinksTable } from './schema/integrations.ts';

// Kysely's view of the tables in migrations/, split by area under schema/. bigint money columns
// arrive as JS numbers (see database.ts: the int8 parser refuses anything beyond Number.MAX_SAFE_INTEGER).
export type { Role, Platform, SupplierPlatform, Visibility } from './schema/columns.ts';
export type { WorkspacesTable, UsersTable, SessionsTable, ApiTokensTable, ShopsTable, CustomersTable, OrdersTable, OrderLinesTable, SuppliersTable, DisputeWindowRulesTable, SupplierOrdersTable, SupplierOrderLinesTable, ParcelsTable, TrackingEventsTable, CasesTable, CaseLinesTable, FilesTable, EvidenceTable, MessagesTable, DisputesTable, ResolutionKind, ResolutionsTable, LedgerKind, LedgerEntriesTable, TimelineEntriesTable, AuditLogTable, ImportsTable } from './schema/core.ts';
export type { WebhookDeliveriesTable, DeadlineRemindersTable, MessageTemplatesTable, RulesTable, RuleRunsTable, BulkOperationsTable, TrackingConnectionsTable, NotificationTemplatesTable, NotificationsTable, NotificationOptOutsTable, ShopSyncStatus, ShopSyncsTable, StoreExecutionsTable, StorePushesTable, SupplierAccountsTable, ProductMappingsTable, ShippingPresetsTable, SupplierOrderLinksTable } from './schema/integrations.ts';

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
