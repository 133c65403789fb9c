import type { Tx } from '../../../db/database.ts';
import { transition } from '../../timeline/index.ts';
import { supplierOrderLifecycle } from '../supplier-orders.states.ts';
import { refreshDisputeWindow } from './refresh-dispute-window.ts';

type Action = keyof typeof supplierOrderLifecycle.table;

const STAMP: Partial<Record<Action, 'paid_at' | 'shipped_at' | 'completed_at'>> = { pay: 'paid_at', ship: 'shipped_at', complete: 'completed_at' };

/** Moves a supplier order along its lifecycle (from AliExpress status, or staff) and keeps its window current. */
export async function advanceSupplierOrder(
  tx: Tx,
  input: { workspaceId: string; supplierOrderId: string; action: Action; at: Date; actor: string },
): Promise<void> {
  const row = await tx.selectFrom('supplier_orders').select(['order_id', 'external_id']).where('id', '=', input.supplierOrderId).executeTakeFirstOrThrow();
  const stamp = STAMP[input.action];
  await transition(tx, {
    lifecycle: supplierOrderLifecycle,
    table: 'supplier_orders',
    id: input.supplierOrderId,
    action: input.action,
    actor: input.actor,
    workspaceId: input.workspaceId,
    orderId: row.order_id,
    caseId: null,
    visibility: 'internal',
    summary: `Supplier order ${row.external_id ?? input.supplierOrderId}: ${input.action}`,
    set: stamp ? { [stamp]: input.at } : {},
  });
  await refreshDisputeWindow(tx, input.supplierOrderId, input.at);
}
