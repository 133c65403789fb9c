// The shapes the dashboard reads from /api/v1 (see /api/v1/openapi.json). Only the fields used.

export interface Me {
  id: string;
  label: string;
  type: string;
  role: 'owner' | 'admin' | 'agent' | 'viewer' | null;
  shopIds: string[] | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Shop {
  id: string;
  name: string;
  platform: 'manual' | 'shopify' | 'woocommerce';
  currency: string;
  domain: string | null;
  connected: boolean;
  branding: { logoUrl?: string; color?: string; supportEmail?: string };
  createdAt: string;
}

export interface OrderLine {
  id: string;
  position: number;
  sku: string | null;
  title: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Order {
  id: string;
  shopId: string;
  orderNumber: string;
  customer: { id: string; email: string | null; name: string | null } | null;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  refundedMinor: number;
  shippingCountry: string | null;
  placedAt: string;
  cancelledAt: string | null;
  lines: OrderLine[];
}

export interface DisputeWindow {
  opensAt: string | null;
  closesAt: string | null;
  source: 'rules' | 'override' | string;
  rulesVersion: number | null;
  overriddenBy: string | null;
  overriddenAt: string | null;
}

export interface SupplierOrder {
  id: string;
  orderId: string;
  supplier: { id: string; name: string; platform: string; storeUrl: string | null };
  externalId: string | null;
  buyerAccount: string | null;
  status: string;
  currency: string;
  paidMinor: number;
  shippingMethod: string | null;
  placedAt: string | null;
  shippedAt: string | null;
  lines: { orderLineId: string; quantity: number; costMinor: number }[];
  disputeWindow: DisputeWindow;
  deepLink: string | null;
}

export interface TrackingEvent {
  id: string;
  occurredAt: string;
  status: string;
  rawStatus: string;
  description: string;
  location: string | null;
}

export interface Parcel {
  id: string;
  supplierOrderId: string | null;
  trackingNumber: string;
  carrier: string | null;
  status: string;
  flags: string[];
  shippedAt: string | null;
  lastEventAt: string | null;
  deliveredAt: string | null;
  promisedBy: string | null;
  events?: TrackingEvent[];
}

export interface CaseSummary {
  id: string;
  number: number;
  shopId: string;
  orderId: string;
  reason: string;
  description: string;
  customerStatus: string;
  supplierStatus: string;
  openedBy: string;
  createdAt: string;
  closedAt: string | null;
  allowedActions: { customer: string[]; supplier: string[] };
}

export interface CaseRow {
  id: string;
  number: number;
  reason: string;
  customerStatus: string;
  supplierStatus: string;
  openedBy: string;
  createdAt: string;
  closedAt: string | null;
  order: { id: string; orderNumber: string; currency: string; totalMinor: number };
  shop: { id: string; name: string };
  customer: { name: string | null; email: string | null };
  windowClosesAt: string | null;
}

export interface Dispute {
  id: string;
  supplierOrderId: string;
  status: string;
  reason: string;
  platformReason: string;
  request: string;
  currency: string;
  amountMinor: number;
  recoveredMinor: number;
  externalId: string | null;
  openedAt: string | null;
  deadlines: { sellerResponseDueAt: string | null; escalateFromAt: string | null; autoEscalateAt: string | null; returnShipByAt: string | null; refundExpectedBy: string | null };
  closedAt: string | null;
  createdAt: string;
  allowedActions: string[];
}

export interface Resolution {
  id: string;
  kind: string;
  status: string;
  currency: string;
  amountMinor: number;
  details: Record<string, unknown>;
  externalId: string | null;
  failure: string | null;
  proposedBy: string;
  approvedBy: string | null;
  executedAt: string | null;
  createdAt: string;
  allowedActions: string[];
}

export interface TimelineEntry {
  id: string;
  caseId: string | null;
  kind: string;
  actor: string;
  visibility: 'internal' | 'customer';
  summary: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface Refundable {
  refundableMinor: number;
  currency: string;
  refundedMinor: number;
  totalMinor: number;
}

export interface CaseMoney {
  currency: string;
  customerPaidMinor: number;
  supplierCostMinor: number;
  refundedMinor: number;
  storeCreditMinor: number;
  discountMinor: number;
  reshipCostMinor: number;
  recoveredMinor: number;
  netLossMinor: number;
  recoveryRate: number;
}

export interface Message {
  id: string;
  channel: 'customer' | 'supplier';
  direction: 'inbound' | 'outbound';
  body: string;
  author: string;
  createdAt: string;
}

export interface CaseDetail extends CaseSummary {
  steps: { step: number; name: string; done: boolean }[];
  clocks: { name: string; subjectId: string; dueAt: string | null; state: string }[];
  lines: { id: string; orderLineId: string; quantity: number }[];
  order: Order;
  supplierOrders: SupplierOrder[];
  parcels: Parcel[];
  disputes: Dispute[];
  resolutions: Resolution[];
  refundable: Refundable;
  money: CaseMoney;
  messages: Message[];
  timeline: TimelineEntry[];
  customerHistory: { orders: number; cases: number; casesByReason: Record<string, number>; refundedMinor: number } | null;
  evidence: { id: string; kind: string; filename: string | null; uploadedBy: string; createdAt: string }[];
  evidenceNeeded: { missingPhotos: number; note: string };
  tags: string[];
  publicToken: string;
  verifiedAt: string | null;
}

export interface OrderDetail extends Order {
  supplierOrders: SupplierOrder[];
  parcels: Parcel[];
  cases: CaseSummary[];
  resolutions: Resolution[];
  refundable: Refundable;
  timeline: TimelineEntry[];
}

export interface Queues {
  cases: { new: number; waitingOnMe: number; waitingOnCustomer: number; open: number };
  disputesClosingSoon: { count: number; items: { supplierOrderId: string; orderId: string; orderNumber: string; supplierName: string; closesAt: string; daysLeft: number; openCaseId: string | null }[] };
  parcels: Record<string, number>;
  failedActions: number;
  thisMonth: { currency: string; refundedMinor: number; recoveredMinor: number }[];
}

export interface LedgerRow {
  key: string;
  currency: string;
  refundedMinor: number;
  storeCreditMinor: number;
  reshipCostMinor: number;
  recoveredMinor: number;
  costMinor: number;
}
