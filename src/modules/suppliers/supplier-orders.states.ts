import { defineLifecycle } from '../../shared/lifecycle.ts';

// A supplier order as Recoup follows it. Completion is AliExpress's FINISH: buyer protection
// ends there, so no dispute can be opened after it.
export const supplierOrderLifecycle = defineLifecycle({
  name: 'supplier_order',
  states: ['placed', 'paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const,
  finalStates: ['completed', 'cancelled'] as const,
  table: {
    pay: { from: ['placed'], to: 'paid' },
    ship: { from: ['placed', 'paid'], to: 'shipped' },
    deliver: { from: ['shipped'], to: 'delivered' },
    complete: { from: ['paid', 'shipped', 'delivered'], to: 'completed' },
    cancel: { from: ['placed', 'paid'], to: 'cancelled' },
  },
});

export type SupplierOrderStatus = (typeof supplierOrderLifecycle.states)[number];
