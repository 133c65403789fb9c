// AliExpress order statuses in Recoup's words. The table is data so the dashboard and tests can
// read it; `mapAliExpressOrderStatus` adds the one rule a table cannot hold: FINISH means both
// "buyer confirmed receipt" and "order closed", told apart by end_reason and logistics status.

export const SUPPLIER_ORDER_STATUSES = ['placed', 'awaiting_payment', 'paid', 'shipped', 'partly_shipped', 'delivered', 'cancelled', 'in_dispute', 'frozen'] as const;
export type AliExpressSupplierStatus = (typeof SUPPLIER_ORDER_STATUSES)[number];

/** `order_status` of aliexpress.trade.ds.order.get → Recoup supplier-order status. */
export const ALIEXPRESS_ORDER_STATUS_TABLE = {
  // created, not yet paid
  PLACE_ORDER_SUCCESS: 'awaiting_payment',
  WAIT_BUYER_PAY: 'awaiting_payment',
  // payment submitted; AliExpress has not confirmed it
  PAYMENT_PROCESSING: 'placed',
  WAIT_GROUP: 'placed',
  WAIT_COMPLETE_ADDRESS: 'placed',
  // the buyer's money is taken; AliExpress checks funds or risk before the seller may ship
  WAIT_SELLER_EXAMINE_MONEY: 'paid',
  RISK_CONTROL: 'paid',
  RISK_CONTROL_HOLD: 'paid',
  WAIT_SELLER_SEND_GOODS: 'paid',
  SELLER_PART_SEND_GOODS: 'partly_shipped',
  WAIT_BUYER_ACCEPT_GOODS: 'shipped',
  // buyer accepted; funds moving to the seller
  FUND_PROCESSING: 'delivered',
  FINISH: 'delivered',
  IN_CANCEL: 'cancelled',
  CANCEL: 'cancelled',
  ORDER_CANCEL: 'cancelled',
  CLOSED: 'cancelled',
  IN_ISSUE: 'in_dispute',
  IN_FROZEN: 'frozen',
} as const satisfies Record<string, AliExpressSupplierStatus>;

export type AliExpressOrderStatus = keyof typeof ALIEXPRESS_ORDER_STATUS_TABLE;

/** `orderStatus` of a DROPSHIPPER_ORDER_STATUS_UPDATE push → the status it announces. A hint: re-read the order. */
export const ALIEXPRESS_PUSH_STATUS_TABLE = {
  OrderCreated: 'awaiting_payment',
  paymentFailedEvent: 'awaiting_payment',
  PaymentAuthorized: 'paid',
  OrderShipped: 'shipped',
  OrderConfirmed: 'delivered',
  OrderClosed: 'cancelled',
} as const satisfies Record<string, AliExpressSupplierStatus>;

// Logistics states in which nothing ever left the seller: a FINISH here is a closed order.
const NEVER_SHIPPED = new Set(['DEFAULT', 'WAIT_SELLER_SEND_GOODS', 'NO_LOGISTICS']);

/**
 * Maps an order's raw status (plus its logistics status and child end_reasons, when known) to
 * Recoup's status; null for a status this table does not know, so callers keep the old one.
 */
export function mapAliExpressOrderStatus(
  rawStatus: string,
  context: { logisticsStatus?: string | null; endReasons?: (string | null | undefined)[] } = {},
): AliExpressSupplierStatus | null {
  const status = (ALIEXPRESS_ORDER_STATUS_TABLE as Record<string, AliExpressSupplierStatus>)[rawStatus.toUpperCase()] ?? null;
  if (rawStatus.toUpperCase() !== 'FINISH') return status;
  const reasons = (context.endReasons ?? []).filter((r): r is string => typeof r === 'string' && r !== '');
  const everyLineEnded = reasons.length > 0 && reasons.length === (context.endReasons ?? []).length;
  if (everyLineEnded && reasons.every((r) => /cancel|close/i.test(r))) return 'cancelled';
  if (context.logisticsStatus && NEVER_SHIPPED.has(context.logisticsStatus.toUpperCase())) return 'cancelled';
  return 'delivered';
}

export function mapAliExpressPushStatus(orderStatus: string): AliExpressSupplierStatus | null {
  return (ALIEXPRESS_PUSH_STATUS_TABLE as Record<string, AliExpressSupplierStatus>)[orderStatus] ?? null;
}

/**
 * A tracking node of aliexpress.ds.order.tracking.get (free text such as "Package picked up",
 * "Arrived at destination country", "Delivered") in Recoup's parcel words. AliExpress publishes
 * no list of node names, so this reads the text; unknown text means the parcel is moving.
 */
export function mapAliExpressTrackingNode(name: string, description = ''): string {
  const text = `${name} ${description}`.toLowerCase();
  if (/out for delivery/.test(text)) return 'out_for_delivery';
  if (/pick ?up point|ready for pick ?up|awaiting collection/.test(text)) return 'available_for_pickup';
  if (/fail(ed)? (delivery|attempt)|delivery attempt/.test(text)) return 'failed_attempt';
  if (/return(ed)? to sender|returned/.test(text)) return 'returned';
  if (/returning|return in progress/.test(text)) return 'returning';
  if (/customs/.test(text) && /held|hold|detain|inspect/.test(text)) return 'customs_hold';
  if (/lost|damaged/.test(text)) return 'lost_or_damaged';
  if (/\bdelivered\b|signed/.test(text)) return 'delivered';
  if (/electronic information|label created|order information received|info received/.test(text)) return 'info_received';
  return 'in_transit';
}
