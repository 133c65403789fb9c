// What every platform adapter hands to the business modules, in Recoup's own words.
// Adapters speak the platform's wire format on one side and these shapes on the other;
// modules never see a platform payload except as `raw`, kept for the record.
// Money is always integer minor units plus an ISO 4217 currency.

export interface ExternalCustomer {
  externalId: string | null;
  email: string | null;
  name: string | null;
  phone?: string | null;
}

export interface ExternalAddress {
  name: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
}

export interface ExternalOrderLine {
  externalId: string;
  sku: string | null;
  title: string;
  quantity: number;
  /** price of one unit after line discounts, minor units */
  unitPriceMinor: number;
  productExternalId?: string | null;
  variantExternalId?: string | null;
}

export interface ExternalOrder {
  externalId: string;
  /** what the merchant and the customer call the order, e.g. "#1042" */
  orderNumber: string;
  createdAt: string;
  updatedAt: string;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  /** sum of refunds the platform already made on this order */
  refundedMinor: number;
  customer: ExternalCustomer;
  shippingAddress: ExternalAddress | null;
  lines: ExternalOrderLine[];
  cancelledAt: string | null;
  raw?: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A refund Recoup asks a store to make. `idempotencyKey` is Recoup's resolution id. */
export interface RefundRequest {
  orderExternalId: string;
  idempotencyKey: string;
  currency: string;
  amountMinor: number;
  reason: string;
  lines?: { lineExternalId: string; quantity: number }[];
  /** refund to store credit instead of the original payment method, where the platform can */
  toStoreCredit?: boolean;
}

export interface RefundResult {
  externalId: string;
  amountMinor: number;
  currency: string;
  createdAt: string;
}

export interface DiscountRequest {
  idempotencyKey: string;
  code: string;
  currency: string;
  /** fixed amount off, minor units; or percent (1-100) */
  amountMinor?: number;
  percent?: number;
  customerEmail: string | null;
  expiresAt?: string | null;
}

export interface DiscountResult {
  externalId: string;
  code: string;
}

export interface FulfillmentRequest {
  orderExternalId: string;
  idempotencyKey: string;
  trackingNumber: string;
  carrier: string | null;
  trackingUrl: string | null;
  lines?: { lineExternalId: string; quantity: number }[];
  notifyCustomer: boolean;
}

/**
 * A store platform (Shopify, WooCommerce). Every money-moving call is exactly-once from
 * Recoup's side: before retrying a call whose outcome is unknown, the caller asks
 * `findRefund`/`findDiscount` for the mark left by `idempotencyKey`.
 */
export interface StoreConnector {
  readonly platform: 'shopify' | 'woocommerce';
  listOrders(options: { cursor: string | null; updatedSince?: string | null; pageSize?: number }): Promise<Page<ExternalOrder> & { total?: number }>;
  getOrder(externalId: string): Promise<ExternalOrder | null>;
  /** largest amount the platform will still refund on this order, minor units */
  refundableAmount(orderExternalId: string): Promise<{ amountMinor: number; currency: string }>;
  createRefund(request: RefundRequest): Promise<RefundResult>;
  findRefund(orderExternalId: string, idempotencyKey: string): Promise<RefundResult | null>;
  createDiscount(request: DiscountRequest): Promise<DiscountResult>;
  findDiscount(idempotencyKey: string, code: string): Promise<DiscountResult | null>;
  pushFulfillment(request: FulfillmentRequest): Promise<{ externalId: string }>;
}

/** One checkpoint of a parcel as the tracking source reported it, mapped to Recoup's status model. */
export interface ExternalTrackingEvent {
  trackingNumber: string;
  carrier: string | null;
  occurredAt: string;
  /** canonical status (see src/modules/parcels) */
  status: string;
  rawStatus: string;
  rawSubstatus: string | null;
  description: string;
  location: string | null;
  raw?: unknown;
}

export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly kind: 'auth' | 'not_found' | 'invalid' | 'rate_limited' | 'unavailable' | 'conflict' | 'exceeds_refundable',
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
