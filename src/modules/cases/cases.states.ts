import { defineLifecycle } from '../../shared/lifecycle.ts';

// A case runs on two axes at once, because merchants often refund first and recover later.
// The customer side ends when the customer is made whole (or the claim is declined); the supplier
// side ends when the money is won, lost or not pursued. The case closes when both have ended.

export const CASE_REASONS = [
  'not_received',
  'late_delivery',
  'wrong_item',
  'damaged',
  'defective',
  'not_as_described',
  'missing_item',
  'delivered_not_received',
  'other',
] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

export const customerSide = defineLifecycle({
  name: 'case',
  states: ['new', 'waiting_on_customer', 'ready_to_resolve', 'resolving', 'resolved'] as const,
  finalStates: ['resolved'] as const,
  table: {
    request_info: { from: ['new', 'ready_to_resolve'], to: 'waiting_on_customer' },
    customer_replied: { from: ['waiting_on_customer'], to: 'new' },
    confirm: { from: ['new', 'waiting_on_customer'], to: 'ready_to_resolve' },
    start_resolution: { from: ['new', 'ready_to_resolve'], to: 'resolving' },
    resolution_failed: { from: ['resolving'], to: 'ready_to_resolve' },
    resolve: { from: ['resolving'], to: 'resolved' },
    decline: { from: ['new', 'waiting_on_customer', 'ready_to_resolve'], to: 'resolved' },
  },
});
export type CustomerStatus = (typeof customerSide.states)[number];
export type CustomerAction = keyof typeof customerSide.table;

export const supplierSide = defineLifecycle({
  name: 'case_supplier',
  states: ['not_started', 'asked_supplier', 'dispute_open', 'escalated', 'won', 'partly_won', 'lost', 'waived'] as const,
  finalStates: ['won', 'partly_won', 'lost', 'waived'] as const,
  table: {
    ask_supplier: { from: ['not_started'], to: 'asked_supplier' },
    open_dispute: { from: ['not_started', 'asked_supplier'], to: 'dispute_open' },
    escalate: { from: ['dispute_open'], to: 'escalated' },
    win: { from: ['dispute_open', 'escalated', 'asked_supplier'], to: 'won' },
    win_partly: { from: ['dispute_open', 'escalated', 'asked_supplier'], to: 'partly_won' },
    lose: { from: ['dispute_open', 'escalated'], to: 'lost' },
    dispute_cancelled: { from: ['dispute_open', 'escalated'], to: 'asked_supplier' },
    waive: { from: ['not_started', 'asked_supplier'], to: 'waived' },
  },
});
export type SupplierStatus = (typeof supplierSide.states)[number];
export type SupplierAction = keyof typeof supplierSide.table;
