import type { Executor } from '../../db/database.ts';
import type { Row, SupplierPlatform } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { DisputeRules } from './dispute-window.ts';
import type { SupplierOrderStatus } from './supplier-orders.states.ts';

export interface SupplierOrder {
  id: string;
  orderId: string;
  supplier: { id: string; name: string; platform: SupplierPlatform; storeUrl: string | null };
  externalId: string | null;
  buyerAccount: string | null;
  status: SupplierOrderStatus;
  currency: string;
  paidMinor: number;
  shippingMethod: string | null;
  placedAt: string | null;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  lines: { orderLineId: string; quantity: number; costMinor: number }[];
  disputeWindow: {
    opensAt: string | null;
    closesAt: string | null;
    source: 'rules' | 'staff';
    rulesVersion: number | null;
    overriddenBy: string | null;
    overriddenAt: string | null;
  };
  /** link to the order on the supplier's site, for staff to open the dispute there */
  deepLink: string | null;
}

type JoinedRow = Row<'supplier_orders'> & { supplier_name: string; supplier_platform: SupplierPlatform; supplier_store_url: string | null };

export function deepLinkFor(platform: SupplierPlatform, externalId: string | null): string | null {
  if (!externalId) return null;
  if (platform === 'aliexpress') return `https://www.aliexpress.com/p/order/detail.html?orderId=${encodeURIComponent(externalId)}`;
  if (platform === 'cjdropshipping') return `https://cjdropshipping.com/myCJ.html#/orderDetail?id=${encodeURIComponent(externalId)}`;
  return null;
}

function toSupplierOrder(row: JoinedRow, lines: Row<'supplier_order_lines'>[]): SupplierOrder {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    orderId: row.order_id,
    supplier: { id: row.supplier_id, name: row.supplier_name, platform: row.supplier_platform, storeUrl: row.supplier_store_url },
    externalId: row.external_id,
    buyerAccount: row.buyer_account,
    status: row.status as SupplierOrderStatus,
    currency: row.currency,
    paidMinor: row.paid_minor,
    shippingMethod: row.shipping_method,
    placedAt: iso(row.placed_at),
    paidAt: iso(row.paid_at),
    shippedAt: iso(row.shipped_at),
    completedAt: iso(row.completed_at),
    lines: lines.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity, costMinor: l.cost_minor })),
    disputeWindow: {
      opensAt: iso(row.window_opens_at),
      closesAt: iso(row.window_closes_at),
      source: row.window_override_closes_at ? 'staff' : 'rules',
      rulesVersion: row.window_rules_version,
      overriddenBy: row.window_override_by,
      overriddenAt: iso(row.window_override_at),
    },
    deepLink: deepLinkFor(row.supplier_platform, row.external_id),
  };
}

function selectSupplierOrders(db: Executor) {
  return db
    .selectFrom('supplier_orders')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .selectAll('supplier_orders')
    .select(['suppliers.name as supplier_name', 'suppliers.platform as supplier_platform', 'suppliers.store_url as supplier_store_url']);
}

async function withLines(db: Executor, rows: JoinedRow[]): Promise<SupplierOrder[]> {
  if (rows.length === 0) return [];
  const lines = await db.selectFrom('supplier_order_lines').selectAll().where('supplier_order_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((row) => toSupplierOrder(row, lines.filter((l) => l.supplier_order_id === row.id)));
}

export async function listSupplierOrders(db: Executor, filter: { workspaceId: string; orderId: string }): Promise<SupplierOrder[]> {
  const rows = await selectSupplierOrders(db).where('supplier_orders.workspace_id', '=', filter.workspaceId).where('supplier_orders.order_id', '=', filter.orderId).orderBy('supplier_orders.created_at').execute();
  return withLines(db, rows);
}

export async function getSupplierOrder(db: Executor, workspaceId: string, id: string): Promise<SupplierOrder> {
  const row = await selectSupplierOrders(db).where('supplier_orders.id', '=', id).where('supplier_orders.workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Supplier order', id);
  return (await withLines(db, [row]))[0]!;
}

/** The rules version in force at `at` for a platform. */
export async function activeDisputeRules(db: Executor, platform: SupplierPlatform, at: Date): Promise<{ version: number; rules: DisputeRules }> {
  const row = await db
    .selectFrom('dispute_window_rules')
    .select(['version', 'rules'])
    .where('platform', '=', platform === 'other' ? 'aliexpress' : platform)
    .where('effective_from', '<=', at)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT', `No dispute-window rules are in force for ${platform}; add a version in Settings.`);
  return { version: row.version, rules: row.rules as DisputeRules };
}
