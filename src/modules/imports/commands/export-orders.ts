import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../../db/database.ts';
import { formatDecimal } from '../../../shared/money.ts';
import { ORDER_CSV_COLUMNS } from '../order-csv.ts';

/** Orders as CSV in the import format, so an export can be imported elsewhere unchanged. */
export async function exportOrdersCsv(db: Executor, filter: { workspaceId: string; shopId?: string }): Promise<string> {
  let query = db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .leftJoin('customers', 'customers.id', 'orders.customer_id')
    .leftJoin('supplier_order_lines', 'supplier_order_lines.order_line_id', 'order_lines.id')
    .leftJoin('supplier_orders', 'supplier_orders.id', 'supplier_order_lines.supplier_order_id')
    .leftJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .select([
      'orders.order_number',
      'orders.placed_at',
      'orders.currency',
      'orders.shipping_minor',
      'orders.shipping_country',
      'customers.email',
      'customers.name as customer_name',
      'order_lines.position',
      'order_lines.sku',
      'order_lines.title',
      'order_lines.quantity',
      'order_lines.unit_price_minor',
      'suppliers.name as supplier_name',
      'suppliers.platform as supplier_platform',
      'supplier_orders.id as supplier_order_id',
      'supplier_orders.external_id as supplier_external_id',
      'supplier_orders.shipping_method',
      'supplier_orders.shipped_at',
      'supplier_order_lines.cost_minor',
    ])
    .where('orders.workspace_id', '=', filter.workspaceId);
  if (filter.shopId) query = query.where('orders.shop_id', '=', filter.shopId);
  const rows = await query.orderBy('orders.placed_at').orderBy('orders.id').orderBy('order_lines.position').execute();

  const supplierOrderIds = [...new Set(rows.map((r) => r.supplier_order_id).filter((id): id is string => !!id))];
  const parcels = supplierOrderIds.length
    ? await db.selectFrom('parcels').select(['supplier_order_id', 'tracking_number', 'carrier']).where('supplier_order_id', 'in', supplierOrderIds).execute()
    : [];
  const records = rows.map((r) => {
    const parcel = parcels.find((p) => p.supplier_order_id === r.supplier_order_id);
    return [
      r.order_number,
      r.placed_at.toISOString(),
      r.email ?? '',
      r.customer_name ?? '',
      r.shipping_country ?? '',
      r.currency,
      r.position === 0 ? formatDecimal(r.shipping_minor, r.currency) : '',
      r.sku ?? '',
      r.title,
      String(r.quantity),
      formatDecimal(r.unit_price_minor, r.currency),
      r.supplier_name ?? '',
      r.supplier_platform ?? '',
      r.supplier_external_id ?? '',
      r.cost_minor === null ? '' : formatDecimal(r.cost_minor, r.currency),
      r.shipping_method ?? '',
      r.shipped_at?.toISOString() ?? '',
      parcel?.tracking_number ?? '',
      parcel?.carrier ?? '',
    ];
  });
  return stringify([[...ORDER_CSV_COLUMNS], ...records]);
}
