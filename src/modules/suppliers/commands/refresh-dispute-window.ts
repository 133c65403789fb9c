import type { Executor } from '../../../db/database.ts';
import { computeDisputeWindow } from '../dispute-window.ts';
import { activeDisputeRules } from '../suppliers.repository.ts';

/** Recomputes and stores a supplier order's window from the rules in force when it shipped. */
export async function refreshDisputeWindow(db: Executor, supplierOrderId: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('supplier_orders')
    .innerJoin('suppliers', 'suppliers.id', 'supplier_orders.supplier_id')
    .innerJoin('orders', 'orders.id', 'supplier_orders.order_id')
    .select([
      'supplier_orders.shipped_at',
      'supplier_orders.completed_at',
      'supplier_orders.window_override_closes_at',
      'suppliers.platform',
      'orders.shipping_country',
    ])
    .where('supplier_orders.id', '=', supplierOrderId)
    .executeTakeFirstOrThrow();
  const { version, rules } = await activeDisputeRules(db, row.platform, row.shipped_at ?? now);
  const window = computeDisputeWindow({
    shippedAt: row.shipped_at,
    completedAt: row.completed_at,
    country: row.shipping_country,
    rules,
    overrideClosesAt: row.window_override_closes_at,
  });
  await db
    .updateTable('supplier_orders')
    .set({ window_opens_at: window.opensAt, window_closes_at: window.closesAt, window_rules_version: version })
    .where('id', '=', supplierOrderId)
    .execute();
}
