// The simulator's in-memory shop: plain records, minor-unit money, numeric ids rendered as GIDs
// at the edge. Derived amounts (totals, refunded, refundable) are computed, never stored twice.

export interface SimCustomer { id: number; email: string; firstName: string; lastName: string; phone: string | null }
export interface SimAddress {
  firstName: string; lastName: string; address1: string; address2: string | null; city: string;
  province: string | null; provinceCode: string | null; zip: string; country: string; countryCode: string; phone: string | null;
}
export interface SimLine {
  id: number; productId: number; variantId: number; title: string; variantTitle: string; sku: string | null;
  quantity: number; unitMinor: number; /** line-level discount per unit */ unitDiscountMinor: number; vendor: string;
}
export interface SimTransaction {
  id: number; kind: 'SALE' | 'REFUND'; gateway: string; amountMinor: number; parentId: number | null; createdAt: string;
}
export interface SimRefundLine { id: number; lineItemId: number; quantity: number; restockType: string; subtotalMinor: number }
export interface SimRefund {
  id: number; orderId: number; createdAt: string; note: string | null; lines: SimRefundLine[];
  transactions: SimTransaction[]; shippingMinor: number;
}
export interface SimFulfillmentOrderLine { id: number; lineItemId: number; totalQuantity: number; remainingQuantity: number }
export interface SimFulfillmentOrder { id: number; orderId: number; status: 'OPEN' | 'IN_PROGRESS' | 'CLOSED'; lines: SimFulfillmentOrderLine[] }
export interface SimTracking { number: string; company: string | null; url: string | null }
export interface SimFulfillment {
  id: number; orderId: number; name: string; status: 'SUCCESS'; createdAt: string; updatedAt: string;
  tracking: SimTracking[]; lines: { lineItemId: number; quantity: number }[]; notifyCustomer: boolean;
}
export interface SimOrder {
  id: number; number: number; name: string; createdAt: string; updatedAt: string; currency: string;
  shippingMinor: number; customerId: number | null; email: string | null; phone: string | null;
  shippingAddress: SimAddress | null; lines: SimLine[]; transactions: SimTransaction[]; refunds: SimRefund[];
  fulfillmentOrders: SimFulfillmentOrder[]; fulfillments: SimFulfillment[]; tags: string[]; note: string | null;
  cancelledAt: string | null;
}
export interface SimDiscount {
  id: number; codeId: number; title: string; code: string; startsAt: string; endsAt: string | null;
  percentage: number | null; amountMinor: number | null; customerIds: number[] | 'all'; appliesOncePerCustomer: boolean;
  usageLimit: number | null; createdAt: string;
}
export interface SimGiftCard {
  id: number; code: string; initialMinor: number; balanceMinor: number; note: string | null; customerId: number | null;
  expiresOn: string | null; createdAt: string;
}
export interface SimStoreCreditTransaction { id: number; accountId: number; amountMinor: number; balanceAfterMinor: number; createdAt: string; expiresAt: string | null }
export interface SimStoreCreditAccount { id: number; customerId: number; currency: string; balanceMinor: number; transactions: SimStoreCreditTransaction[] }

export type StoreEvent =
  | { topic: 'orders/create' | 'orders/updated'; order: SimOrder }
  | { topic: 'refunds/create'; order: SimOrder; refund: SimRefund }
  | { topic: 'fulfillments/create'; order: SimOrder; fulfillment: SimFulfillment };

export class ShopStore {
  readonly orders = new Map<number, SimOrder>();
  readonly customers = new Map<number, SimCustomer>();
  readonly discounts: SimDiscount[] = [];
  readonly giftCards: SimGiftCard[] = [];
  readonly storeCreditAccounts: SimStoreCreditAccount[] = [];
  /** fulfillment order id → order id, so fulfillmentCreate can find its order without a scan */
  readonly fulfillmentOrderIndex = new Map<number, number>();
  private nextId = 1;
  private nextOrderNumber = 1001;
  private listeners: ((event: StoreEvent) => void)[] = [];

  constructor(readonly shopName: string, readonly currency: string, readonly now: () => Date = () => new Date()) {}

  /** Shopify ids are large, sparse integers; one counter per shop keeps them unique across types. */
  id(): number {
    return 5_900_000_000_000 + this.nextId++;
  }

  orderNumber(): number {
    return this.nextOrderNumber++;
  }

  timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  onEvent(listener: (event: StoreEvent) => void): void {
    this.listeners.push(listener);
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  insertOrder(order: SimOrder, emit = true): SimOrder {
    this.orders.set(order.id, order);
    for (const fo of order.fulfillmentOrders) this.fulfillmentOrderIndex.set(fo.id, order.id);
    if (order.number >= this.nextOrderNumber) this.nextOrderNumber = order.number + 1;
    if (emit) this.emit({ topic: 'orders/create', order });
    return order;
  }

  touch(order: SimOrder): void {
    order.updatedAt = this.timestamp();
  }
}

export const lineUnitAfterDiscount = (line: SimLine) => line.unitMinor - line.unitDiscountMinor;
export const subtotalMinor = (order: SimOrder) => order.lines.reduce((sum, l) => sum + lineUnitAfterDiscount(l) * l.quantity, 0);
export const totalMinor = (order: SimOrder) => subtotalMinor(order) + order.shippingMinor;
export const totalDiscountMinor = (order: SimOrder) => order.lines.reduce((sum, l) => sum + l.unitDiscountMinor * l.quantity, 0);

export function refundedMinor(order: SimOrder): number {
  return order.refunds.reduce((sum, r) => sum + r.transactions.reduce((s, t) => s + t.amountMinor, 0), 0);
}

/** What each sale transaction can still give back: its amount minus refunds already parented on it. */
export function refundableByParent(order: SimOrder): Map<number, number> {
  const remaining = new Map<number, number>();
  for (const t of order.transactions) if (t.kind === 'SALE') remaining.set(t.id, t.amountMinor);
  for (const refund of order.refunds) {
    for (const t of refund.transactions) {
      if (t.parentId !== null) remaining.set(t.parentId, (remaining.get(t.parentId) ?? 0) - t.amountMinor);
    }
  }
  return remaining;
}

export function maximumRefundableMinor(order: SimOrder): number {
  let sum = 0;
  for (const value of refundableByParent(order).values()) sum += Math.max(0, value);
  return sum;
}

export function refundedQuantity(order: SimOrder, lineItemId: number): number {
  return order.refunds.reduce((sum, r) => sum + r.lines.filter((l) => l.lineItemId === lineItemId).reduce((s, l) => s + l.quantity, 0), 0);
}

export function refundedShippingMinor(order: SimOrder): number {
  return order.refunds.reduce((sum, r) => sum + r.shippingMinor, 0);
}

export const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

/** Accepts a GID of the expected type (or a bare number) and returns the numeric id. */
export function parseGid(value: unknown, type: string): number | null {
  if (typeof value !== 'string') return null;
  const match = new RegExp(`^(?:gid://shopify/${type}/)?(\\d+)$`).exec(value);
  return match ? Number(match[1]) : null;
}

export function financialStatus(order: SimOrder): string {
  const refunded = refundedMinor(order);
  if (refunded === 0) return 'PAID';
  return refunded >= totalMinor(order) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

export function fulfillmentStatus(order: SimOrder): string {
  const ordered = order.lines.reduce((s, l) => s + l.quantity, 0);
  const shipped = order.fulfillments.reduce((s, f) => s + f.lines.reduce((a, l) => a + l.quantity, 0), 0);
  if (shipped === 0) return 'UNFULFILLED';
  return shipped >= ordered ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
}
