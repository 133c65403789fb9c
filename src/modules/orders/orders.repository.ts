import type { Executor } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';

export interface OrderLine {
  id: string;
  position: number;
  externalId: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Order {
  id: string;
  workspaceId: string;
  shopId: string;
  externalId: string | null;
  orderNumber: string;
  customer: { id: string; email: string | null; name: string | null } | null;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  refundedMinor: number;
  shippingCountry: string | null;
  shippingAddress: Record<string, unknown> | null;
  placedAt: string;
  cancelledAt: string | null;
  lines: OrderLine[];
}

type OrderRow = Row<'orders'> & { customer_email: string | null; customer_name: string | null };

export function toOrder(row: OrderRow, lines: Row<'order_lines'>[]): Order {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    shopId: row.shop_id,
    externalId: row.external_id,
    orderNumber: row.order_number,
    customer: row.customer_id ? { id: row.customer_id, email: row.customer_email, name: row.customer_name } : null,
    currency: row.currency,
    totalMinor: row.total_minor,
    shippingMinor: row.shipping_minor,
    refundedMinor: row.refunded_minor,
    shippingCountry: row.shipping_country,
    shippingAddress: row.shipping_address,
    placedAt: row.placed_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    lines: lines
      .sort((a, b) => a.position - b.position)
      .map((l) => ({ id: l.id, position: l.position, externalId: l.external_id, sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unit_price_minor })),
  };
}

export function selectOrders(db: Executor) {
  return db
    .selectFrom('orders')
    .leftJoin('customers', 'customers.id', 'orders.customer_id')
    .selectAll('orders')
    .select(['customers.email as customer_email', 'customers.name as customer_name']);
}

export async function loadLines(db: Executor, orderIds: string[]): Promise<Map<string, Row<'order_lines'>[]>> {
  const byOrder = new Map<string, Row<'order_lines'>[]>();
  if (orderIds.length === 0) return byOrder;
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', 'in', orderIds).execute();
  for (const line of lines) byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
  return byOrder;
}

export async function getOrder(db: Executor, workspaceId: string, orderId: string): Promise<Order> {
  const row = await selectOrders(db).where('orders.id', '=', orderId).where('orders.workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Order', orderId);
  const lines = await loadLines(db, [row.id]);
  return toOrder(row, lines.get(row.id) ?? []);
}

/** Locks the order row for the rest of the transaction: refunds against one order are serialised here. */
export async function lockOrder(tx: Executor, orderId: string) {
  const row = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Order', orderId);
  return row;
}
