import type { AliExpressOrder } from '../../connectors/aliexpress/index.ts';
import type { SupplierOrderStatus } from '../suppliers/index.ts';

/**
 * Where AliExpress's word for an order puts it in Recoup's supplier-order lifecycle; null leaves
 * the order where it is (a dispute, a freeze, a cancellation only requested). The connector's
 * finer status is kept beside it on the link (detail_status).
 */
export function lifecycleTarget(order: Pick<AliExpressOrder, 'status' | 'rawStatus'>): SupplierOrderStatus | null {
  switch (order.status) {
    case 'placed':
    case 'awaiting_payment':
      return 'placed';
    case 'paid':
      return 'paid';
    case 'shipped':
    case 'partly_shipped':
      return 'shipped';
    case 'delivered':
      // FINISH: the buyer confirmed or the protection ran out; no dispute can be opened after it.
      return order.rawStatus.toUpperCase() === 'FINISH' ? 'completed' : 'delivered';
    case 'cancelled':
      return order.rawStatus.toUpperCase() === 'IN_CANCEL' ? null : 'cancelled';
    default:
      return null;
  }
}

const FORWARD: SupplierOrderStatus[] = ['placed', 'paid', 'shipped', 'delivered', 'completed'];
const STEP: Record<string, 'pay' | 'ship' | 'deliver' | 'complete'> = { paid: 'pay', shipped: 'ship', delivered: 'deliver', completed: 'complete' };

/** The lifecycle actions that take a supplier order from `current` to `target`, one state at a time. */
export function actionsTo(current: SupplierOrderStatus, target: SupplierOrderStatus | null): ('pay' | 'ship' | 'deliver' | 'complete' | 'cancel')[] {
  if (target === null || target === current) return [];
  if (target === 'cancelled') return current === 'placed' || current === 'paid' ? ['cancel'] : [];
  const from = FORWARD.indexOf(current);
  const to = FORWARD.indexOf(target);
  if (from < 0 || to <= from) return [];
  return FORWARD.slice(from + 1, to + 1).map((s) => STEP[s]!);
}
