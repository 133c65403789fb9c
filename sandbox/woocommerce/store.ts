// The simulated shop's state. Ids come from the sequences WordPress really uses: orders, refunds
// and coupons are all posts (one shared counter, so ids have gaps), notes are comments, line
// items live in their own table. Money is integer minor units at the shop's decimals.

export interface SimAddress {
  first_name: string; last_name: string; company: string; address_1: string; address_2: string;
  city: string; state: string; postcode: string; country: string; email?: string; phone: string;
}

export interface SimLine {
  id: number; name: string; productId: number; variationId: number; quantity: number; sku: string;
  subtotalMinor: number; totalMinor: number;
}

export interface SimRefund {
  id: number; orderId: number; createdAt: Date; amountMinor: number; reason: string; refundedBy: number;
  refundedPayment: boolean; lines: { id: number; itemId: number; quantity: number; totalMinor: number }[];
}

export interface SimNote { id: number; orderId: number; author: string; createdAt: Date; note: string; customerNote: boolean }
export interface SimMeta { id: number; key: string; value: unknown }

export type OrderStatus = 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed';

export interface SimOrder {
  id: number; number: string; orderKey: string; status: OrderStatus; currency: string;
  createdAt: Date; modifiedAt: Date; paidAt: Date | null; completedAt: Date | null;
  customerId: number; billing: SimAddress; shipping: SimAddress;
  paymentMethod: string; paymentMethodTitle: string; transactionId: string;
  lines: SimLine[]; shippingMinor: number; discountMinor: number; taxMinor: number; totalMinor: number;
  refunds: SimRefund[]; notes: SimNote[]; meta: SimMeta[]; customerNote: string;
}

export interface SimCoupon {
  id: number; code: string; amountMinor: number; discountType: 'percent' | 'fixed_cart' | 'fixed_product';
  description: string; dateExpires: Date | null; emailRestrictions: string[]; usageLimit: number | null;
  usageLimitPerUser: number | null; individualUse: boolean; freeShipping: boolean; createdAt: Date; modifiedAt: Date; meta: SimMeta[];
}

/** Gateways that implement process_refund(); bacs and cod do not, as in WooCommerce core. */
export const REFUNDABLE_GATEWAYS = new Set(['stripe', 'ppcp-gateway', 'woocommerce_payments']);

export type StoreEvent = { topic: 'order.created' | 'order.updated'; order: SimOrder } | { topic: 'coupon.created'; coupon: SimCoupon };

export class WooStore {
  readonly orders = new Map<number, SimOrder>();
  readonly coupons = new Map<number, SimCoupon>();
  private postId = 1000;
  private commentId = 1;
  private itemId = 1;
  private metaId = 1;
  private listeners: ((event: StoreEvent) => void)[] = [];

  constructor(readonly currency: string, readonly decimals: number, readonly utcOffsetMinutes: number, readonly now: () => Date = () => new Date(Math.floor(Date.now() / 1000) * 1000)) {}

  nextPostId(gap = 0): number {
    this.postId += 1 + gap;
    return this.postId;
  }
  nextCommentId(): number { return this.commentId++; }
  nextItemId(): number { return this.itemId++; }
  nextMetaId(): number { return this.metaId++; }

  onEvent(listener: (event: StoreEvent) => void): void { this.listeners.push(listener); }
  emit(event: StoreEvent): void { for (const l of this.listeners) l(event); }

  refundedMinor(order: SimOrder): number {
    return order.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  }

  addNote(order: SimOrder, note: string, options: { customerNote?: boolean; author?: string; at?: Date } = {}): SimNote {
    const created: SimNote = {
      id: this.nextCommentId(), orderId: order.id, author: options.author ?? 'system', createdAt: options.at ?? this.now(),
      note, customerNote: options.customerNote ?? false,
    };
    order.notes.push(created);
    return created;
  }

  /** Saves an order the way WC_Order::save() does: bumps date_modified and fires order.updated. */
  touch(order: SimOrder): void {
    const now = this.now();
    order.modifiedAt = now > order.modifiedAt ? now : new Date(order.modifiedAt.getTime() + 1000);
    this.emit({ topic: 'order.updated', order });
  }

  setStatus(order: SimOrder, status: OrderStatus): void {
    if (order.status === status) return;
    const label = (s: string) => (s === 'on-hold' ? 'On hold' : s.charAt(0).toUpperCase() + s.slice(1));
    this.addNote(order, `Order status changed from ${label(order.status)} to ${label(status)}.`);
    order.status = status;
    if (status === 'completed' && !order.completedAt) order.completedAt = this.now();
  }

  findCouponByCode(code: string): SimCoupon | undefined {
    const wanted = code.trim().toLowerCase();
    for (const c of this.coupons.values()) if (c.code === wanted) return c;
    return undefined;
  }
}
