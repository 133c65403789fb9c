import type { Executor } from '../../../db/database.ts';
import { DAY_MS } from '../../../shared/clock.ts';

export interface ClosingWindow {
  supplierOrderId: string;
  orderId: string;
  orderNumber: string;
  supplierName: string;
  closesAt: string;
  daysLeft: number;
  openCaseId: string | null;
  disputeStatus: string | null;
}

/**
 * Supplier orders whose dispute window closes within `days` and that still matter: an open case
 * without a filed dispute. The queue that makes sure no window passes unnoticed.
 */
export async function windowsClosingSoon(db: Executor, workspaceId: string, now: Date, days = 7): Promise<ClosingWindow[]> {
  const rows = await db
    .selectFrom('supplier_orders')
    .innerJoin('orders', 'orders.id', 'supplier_orders.order_id')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .innerJoin('cases', (join) => join.onRef('cases.order_id', '=', 'supplier_orders.order_id').on('cases.closed_at', 'is', null))
    .leftJoin('disputes', (join) => join.onRef('disputes.supplier_order_id', '=', 'supplier_orders.id').on('disputes.status', 'not in', ['prepared', 'cancelled']))
    .select(['supplier_orders.id', 'supplier_orders.order_id', 'orders.order_number', 'suppliers.name', 'supplier_orders.window_closes_at', 'cases.id as case_id', 'disputes.status as dispute_status'])
    .where('supplier_orders.workspace_id', '=', workspaceId)
    .where('supplier_orders.window_closes_at', '>', now)
    .where('supplier_orders.window_closes_at', '<=', new Date(now.getTime() + days * DAY_MS))
    .where('disputes.id', 'is', null)
    .where('cases.supplier_status', 'in', ['not_started', 'asked_supplier'])
    .orderBy('supplier_orders.window_closes_at')
    .execute();
  return rows.map((r) => ({
    supplierOrderId: r.id,
    orderId: r.order_id,
    orderNumber: r.order_number,
    supplierName: r.name,
    closesAt: r.window_closes_at!.toISOString(),
    daysLeft: Math.max(0, Math.floor((r.window_closes_at!.getTime() - now.getTime()) / DAY_MS)),
    openCaseId: r.case_id,
    disputeStatus: r.dispute_status,
  }));
}
