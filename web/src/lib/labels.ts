// Words for the API's codes, in one place.

export const REASONS = {
  not_received: 'Not received',
  late_delivery: 'Late delivery',
  wrong_item: 'Wrong item',
  damaged: 'Damaged',
  defective: 'Defective',
  not_as_described: 'Not as described',
  missing_item: 'Missing item',
  delivered_not_received: 'Delivered but not received',
  other: 'Something else',
} as const;
export type Reason = keyof typeof REASONS;
export const REASON_KEYS = Object.keys(REASONS) as Reason[];
export const reasonLabel = (reason: string) => REASONS[reason as Reason] ?? reason;

export const STEP_TITLES: Record<string, string> = {
  confirm_with_customer: 'Confirm with the customer',
  verify_order: 'Verify the order',
  ask_supplier: 'Ask the supplier',
  open_dispute: 'Open the supplier dispute',
  resolve_with_customer: 'Resolve with the customer',
};

export const RESOLUTION_KINDS = {
  full_refund: 'Full refund',
  partial_refund: 'Partial refund',
  refund_after_return: 'Refund after return',
  reship: 'Reship',
  store_credit: 'Store credit',
  discount: 'Discount code',
} as const;
export type ResolutionKind = keyof typeof RESOLUTION_KINDS;

export const CUSTOMER_STATUSES = ['new', 'waiting_on_customer', 'ready_to_resolve', 'resolving', 'resolved'] as const;
export const SUPPLIER_STATUSES = ['not_started', 'asked_supplier', 'dispute_open', 'escalated', 'won', 'partly_won', 'lost', 'waived'] as const;
