// CJ payloads → Recoup shapes, and CJ's statuses in Recoup's words. CJ prices are USD decimals
// (JSON numbers); Recoup keeps integer cents. Dates come as "yyyy-MM-dd HH:mm:ss" (China time)
// or ISO with an offset.
import { ConnectorError } from '../types.ts';

export const CJ_ORDER_STATUS_TABLE = {
  CREATED: 'placed',
  IN_CART: 'placed',
  UNPAID: 'awaiting_payment',
  UNSHIPPED: 'paid',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
} as const;
export type CjSupplierStatus = (typeof CJ_ORDER_STATUS_TABLE)[keyof typeof CJ_ORDER_STATUS_TABLE];

// The public docs found do not list dispute statuses; these match the simulator (see the report).
export const CJ_DISPUTE_STATUS_TABLE = {
  PENDING: 'open',
  PROCESSING: 'under_review',
  RESOLVED: 'resolved',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
} as const;
export type CjDisputeState = (typeof CJ_DISPUTE_STATUS_TABLE)[keyof typeof CJ_DISPUTE_STATUS_TABLE];
/** finallyDeal: how CJ settled the dispute */
const OUTCOMES = { 1: 'refund', 2: 'reissue', 3: 'rejected' } as const;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** USD decimal (number or string) → cents, refusing anything that is not an amount. */
export function cents(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new ConnectorError(`CJ sent an amount Recoup cannot read: ${JSON.stringify(value)}`, 'invalid');
  return Math.round(n * 100);
}

export function cjTimeToIso(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  if (/^\d{13}$/.test(text)) return new Date(Number(text)).toISOString();
  const plain = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)$/.exec(text);
  const ms = plain ? Date.parse(`${plain[1]}T${plain[2]}+08:00`) : Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export interface CjOrder {
  orderId: string;
  orderNumber: string | null;
  status: CjSupplierStatus | null;
  rawStatus: string;
  currency: 'USD';
  totalMinor: number;
  productMinor: number;
  postageMinor: number;
  /** what the merchant paid CJ; 0 before payment */
  paidMinor: number;
  createdAt: string | null;
  paidAt: string | null;
  trackingNumbers: { number: string; carrier: string | null }[];
  lines: { lineItemId: string | null; variantId: string | null; sku: string | null; title: string | null; quantity: number; unitPriceMinor: number }[];
  raw: unknown;
}

export function parseCjOrder(data: unknown): CjOrder {
  const o = obj(data);
  const rawStatus = str(o.orderStatus) ?? '';
  const status = (CJ_ORDER_STATUS_TABLE as Record<string, CjSupplierStatus>)[rawStatus.toUpperCase()] ?? null;
  const totalMinor = cents(o.orderAmount);
  const paidAt = cjTimeToIso(o.paymentDate);
  const paid = paidAt !== null || status === 'paid' || status === 'shipped' || status === 'delivered';
  const trackNumber = str(o.trackNumber);
  return {
    orderId: str(o.orderId) ?? '',
    orderNumber: str(o.orderNum),
    status,
    rawStatus,
    currency: 'USD',
    totalMinor,
    productMinor: cents(o.productAmount),
    postageMinor: cents(o.postageAmount),
    paidMinor: paid ? totalMinor : 0,
    createdAt: cjTimeToIso(o.createDate),
    paidAt,
    trackingNumbers: trackNumber ? [{ number: trackNumber, carrier: str(o.logisticName) }] : [],
    lines: list(o.productList).map((l) => ({
      lineItemId: str(l.lineItemId), variantId: str(l.vid), sku: str(l.sku), title: str(l.productName), quantity: Number(l.quantity ?? 0), unitPriceMinor: cents(l.sellPrice),
    })),
    raw: data,
  };
}

export interface CjDispute {
  disputeId: string;
  orderId: string | null;
  orderNumber: string | null;
  /** Recoup's key given at opening */
  businessDisputeId: string | null;
  status: CjDisputeState | null;
  rawStatus: string;
  reasonId: number | null;
  reason: string | null;
  expect: 'refund' | 'reissue' | null;
  refundTo: 'balance' | 'original' | null;
  currency: 'USD';
  requestedMinor: number;
  refundedMinor: number;
  outcome: 'refund' | 'reissue' | 'rejected' | null;
  reissueOrderId: string | null;
  lines: { lineItemId: string; quantity: number }[];
  replies: { from: string | null; text: string; at: string | null }[];
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}

export function parseCjDispute(data: unknown): CjDispute {
  const d = obj(data);
  const rawStatus = str(d.status) ?? '';
  const expectType = Number(d.expectType);
  const refundType = Number(d.refundType);
  return {
    disputeId: str(d.id) ?? str(d.disputeId) ?? '',
    orderId: str(d.orderId),
    orderNumber: str(d.orderNumber),
    businessDisputeId: str(d.businessDisputeId),
    status: (CJ_DISPUTE_STATUS_TABLE as Record<string, CjDisputeState>)[rawStatus.toUpperCase()] ?? null,
    rawStatus,
    reasonId: d.disputeReasonId === undefined ? null : Number(d.disputeReasonId),
    reason: str(d.disputeReason),
    expect: expectType === 1 ? 'refund' : expectType === 2 ? 'reissue' : null,
    refundTo: refundType === 1 ? 'balance' : refundType === 2 ? 'original' : null,
    currency: 'USD',
    requestedMinor: cents(d.money),
    refundedMinor: cents(d.refundAmount),
    outcome: OUTCOMES[Number(d.finallyDeal) as keyof typeof OUTCOMES] ?? null,
    reissueOrderId: str(d.resendOrderCode),
    lines: list(d.productInfoList).map((l) => ({ lineItemId: str(l.lineItemId) ?? '', quantity: Number(l.quantity ?? 0) })),
    replies: list(d.replyList).map((r) => ({ from: str(r.from), text: str(r.content) ?? '', at: cjTimeToIso(r.createDate) })),
    createdAt: cjTimeToIso(d.createDate),
    updatedAt: cjTimeToIso(d.updateDate),
    raw: data,
  };
}

export function parseDisputableLines(data: unknown) {
  return list(obj(data).productInfoList).map((p) => ({
    lineItemId: str(p.lineItemId) ?? '', variantId: str(p.cjVariantId), sku: str(p.sku), title: str(p.cjProductName), supplierName: str(p.supplierName),
    unitPriceMinor: cents(p.price), quantity: Number(p.quantity ?? 0),
    /** false while another dispute on this line is unfinished */
    canDispute: p.canChoose === true,
  }));
}

export function parseConfirmInfo(data: unknown) {
  const c = obj(data);
  return {
    maxAmountMinor: cents(c.maxAmount),
    maxProductMinor: cents(c.maxProductPrice),
    maxPostageMinor: cents(c.maxPostage),
    reasons: list(c.disputeReasonList).map((r) => ({ id: Number(r.disputeReasonId), name: str(r.reasonName) ?? '' })),
    lines: list(c.productInfoList).map((p) => ({ lineItemId: str(p.lineItemId) ?? '', quantity: Number(p.quantity ?? 0), unitPrice: Number(p.price ?? 0) })),
  };
}

export const pageOf = (data: unknown) => {
  const p = obj(data);
  return { list: list(p.list), total: Number(p.total ?? 0), pageNum: Number(p.pageNum ?? 1), pageSize: Number(p.pageSize ?? 20) };
};
