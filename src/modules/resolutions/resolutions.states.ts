import type { LedgerKind, ResolutionKind } from '../../db/schema.ts';
import { defineLifecycle } from '../../shared/lifecycle.ts';

// How the customer is made whole. Approval reserves the amount against the order; execution goes
// through the shop's own API exactly once (manual shops: the merchant records that they did it).
export const resolutionLifecycle = defineLifecycle({
  name: 'resolution',
  states: ['proposed', 'approved', 'return_in_transit', 'return_received', 'executing', 'executed', 'failed', 'rejected', 'cancelled'] as const,
  finalStates: ['executed', 'rejected', 'cancelled'] as const,
  table: {
    approve: { from: ['proposed'], to: 'approved' },
    reject: { from: ['proposed'], to: 'rejected' },
    return_shipped: { from: ['approved'], to: 'return_in_transit' },
    return_received: { from: ['approved', 'return_in_transit'], to: 'return_received' },
    execute: { from: ['approved', 'return_received'], to: 'executing' },
    succeed: { from: ['executing'], to: 'executed' },
    fail: { from: ['executing'], to: 'failed' },
    retry: { from: ['failed'], to: 'executing' },
    cancel: { from: ['proposed', 'approved', 'return_in_transit', 'failed'], to: 'cancelled' },
  },
});
export type ResolutionStatus = (typeof resolutionLifecycle.states)[number];
export type ResolutionAction = keyof typeof resolutionLifecycle.table;

export const RESOLUTION_KINDS = ['full_refund', 'partial_refund', 'refund_after_return', 'reship', 'store_credit', 'discount'] as const satisfies readonly ResolutionKind[];

/** Kinds that give money back on the order and so count against what it can still refund. */
export const REFUNDING_KINDS: readonly ResolutionKind[] = ['full_refund', 'partial_refund', 'refund_after_return', 'store_credit'];

/** States in which an approved amount is reserved but not yet counted in the order's refunded total. */
export const RESERVING_STATES: readonly ResolutionStatus[] = ['approved', 'return_in_transit', 'return_received', 'executing', 'failed'];

export const LEDGER_KIND: Record<ResolutionKind, LedgerKind> = {
  full_refund: 'refund',
  partial_refund: 'refund',
  refund_after_return: 'refund',
  store_credit: 'store_credit',
  discount: 'discount',
  reship: 'reship_cost',
};
