// The CJ simulator's orders and disputes, with CJ's dispute rules: only paid orders, one
// unfinished dispute per order line, refund at most what was paid for the chosen lines (plus
// postage), reasons from a fixed list. Amounts are integer cents; the wire shows USD decimals.

export type CjOrderStatus = 'CREATED' | 'IN_CART' | 'UNPAID' | 'UNSHIPPED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';
// Dispute statuses are not in the public docs this sandbox was built from; these are stand-ins.
export type CjDisputeStatus = 'PENDING' | 'PROCESSING' | 'RESOLVED' | 'REJECTED' | 'CANCELLED';

export interface CjSimLine { lineItemId: string; productId: string; variantId: string; sku: string; name: string; supplierName: string; unitPriceMinor: number; quantity: number }
export interface CjSimOrder {
  orderId: string; orderNum: string; status: CjOrderStatus; createdAt: number; paidAt: number | null;
  postageMinor: number; lines: CjSimLine[]; trackNumber: string | null; logisticName: string; countryCode: string;
}
export interface CjSimDispute {
  id: string; orderId: string; businessDisputeId: string; reasonId: number; expectType: 1 | 2; refundType: 1 | 2;
  amountMinor: number; message: string; imageUrls: string[]; videoUrls: string[];
  lines: { lineItemId: string; quantity: number }[];
  status: CjDisputeStatus; createdAt: number; updatedAt: number;
  finallyDeal: 1 | 2 | 3 | null; refundedMinor: number; resendOrderCode: string | null;
  replies: { from: 'cj' | 'customer'; text: string; at: number }[];
}

export const DISPUTE_REASONS = [
  { disputeReasonId: 1, reasonName: 'Product not received' },
  { disputeReasonId: 2, reasonName: 'Product damaged' },
  { disputeReasonId: 3, reasonName: 'Wrong product or quantity' },
  { disputeReasonId: 4, reasonName: 'Quality problem' },
  { disputeReasonId: 5, reasonName: 'Tracking not updated' },
];

/** Refusals as (code, message); the codes other than 1600100 are this sandbox's own (see the report). */
export const CJ_ERRORS = {
  param: [1600100, 'Param error'],
  orderNotFound: [1603000, 'Order does not exist'],
  orderNotDisputable: [1603001, 'The order status does not allow a dispute'],
  disputeExists: [1603002, 'There is an unfinished dispute on this product, it cannot be selected'],
  amountTooHigh: [1603003, 'The refund amount exceeds the maximum refundable amount'],
  disputeNotFound: [1603004, 'Dispute does not exist'],
  cannotCancel: [1603005, 'The dispute can no longer be cancelled'],
} as const;
export type CjRefusal = readonly [number, string];

const DISPUTABLE: CjOrderStatus[] = ['UNSHIPPED', 'SHIPPED', 'DELIVERED'];
const FINISHED: CjDisputeStatus[] = ['RESOLVED', 'REJECTED', 'CANCELLED'];

export interface DisputeRequest {
  orderId?: string; businessDisputeId?: string; disputeReasonId?: number; expectType?: number; refundType?: number;
  messageText?: string; imageUrl?: unknown; videoUrl?: unknown; refundAmount?: number | string;
  productInfoList?: { lineItemId?: string; quantity?: number | string }[];
}

export function createCjStore(deps: { now: () => number; random: () => number }) {
  const orders = new Map<string, CjSimOrder>();
  const disputes = new Map<string, CjSimDispute>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${Date.UTC(2025, 0, 1) + ++counter * 7919 + Math.floor(deps.random() * 1000)}`;

  const openOn = (orderId: string, lineItemId: string) =>
    [...disputes.values()].find((d) => d.orderId === orderId && !FINISHED.includes(d.status) && d.lines.some((l) => l.lineItemId === lineItemId)) ?? null;

  /** Lines and the most CJ refunds for them: the chosen goods plus the order's postage. */
  function confirm(orderId: string | undefined, chosen: { lineItemId?: string; quantity?: number | string }[] | undefined) {
    const order = orders.get(orderId ?? '');
    if (!order) return { refusal: CJ_ERRORS.orderNotFound };
    if (!DISPUTABLE.includes(order.status)) return { refusal: CJ_ERRORS.orderNotDisputable };
    if (!Array.isArray(chosen) || chosen.length === 0) return { refusal: CJ_ERRORS.param };
    const lines: { line: CjSimLine; quantity: number }[] = [];
    for (const pick of chosen) {
      const line = order.lines.find((l) => l.lineItemId === pick.lineItemId);
      const quantity = Number(pick.quantity ?? line?.quantity);
      if (!line || !Number.isInteger(quantity) || quantity < 1 || quantity > line.quantity) return { refusal: CJ_ERRORS.param };
      if (openOn(order.orderId, line.lineItemId)) return { refusal: CJ_ERRORS.disputeExists };
      lines.push({ line, quantity });
    }
    const productMinor = lines.reduce((n, { line, quantity }) => n + line.unitPriceMinor * quantity, 0);
    return { order, lines, productMinor, maxMinor: productMinor + order.postageMinor };
  }

  function create(request: DisputeRequest) {
    const confirmed = confirm(request.orderId, request.productInfoList);
    if ('refusal' in confirmed) return { refusal: confirmed.refusal };
    const images = Array.isArray(request.imageUrl) ? request.imageUrl : [];
    const videos = Array.isArray(request.videoUrl) ? request.videoUrl : [];
    const urlsOk = [...images, ...videos].every((u) => typeof u === 'string' && /^https?:\/\/\S+$/.test(u)) && images.length <= 6;
    const reasonOk = DISPUTE_REASONS.some((r) => r.disputeReasonId === Number(request.disputeReasonId));
    const text = typeof request.messageText === 'string' ? request.messageText.trim() : '';
    if (!request.businessDisputeId || !reasonOk || !urlsOk || !text || text.length > 500 || ![1, 2].includes(Number(request.expectType))) return { refusal: CJ_ERRORS.param };
    const amountMinor = request.refundAmount === undefined ? confirmed.productMinor : Math.round(Number(request.refundAmount) * 100);
    if (!Number.isFinite(amountMinor) || amountMinor < 0) return { refusal: CJ_ERRORS.param };
    if (amountMinor > confirmed.maxMinor) return { refusal: CJ_ERRORS.amountTooHigh };
    const dispute: CjSimDispute = {
      id: nextId('D'), orderId: confirmed.order.orderId, businessDisputeId: request.businessDisputeId, reasonId: Number(request.disputeReasonId),
      expectType: Number(request.expectType) as 1 | 2, refundType: Number(request.refundType ?? 1) === 2 ? 2 : 1, amountMinor, message: text,
      imageUrls: images as string[], videoUrls: videos as string[], lines: confirmed.lines.map(({ line, quantity }) => ({ lineItemId: line.lineItemId, quantity })),
      status: 'PENDING', createdAt: deps.now(), updatedAt: deps.now(), finallyDeal: null, refundedMinor: 0, resendOrderCode: null, replies: [],
    };
    disputes.set(dispute.id, dispute);
    return { dispute };
  }

  function mustDispute(id: string) {
    const dispute = disputes.get(id);
    if (!dispute) throw new Error(`CJ sandbox: no dispute ${id}`);
    return dispute;
  }

  return {
    orders,
    disputes,
    confirm,
    create,
    openOn,
    addOrder(input: { orderNum?: string; status?: CjOrderStatus; postageMinor?: number; countryCode?: string; trackNumber?: string | null; lines: Omit<CjSimLine, 'lineItemId' | 'productId' | 'variantId'>[] }) {
      const order: CjSimOrder = {
        orderId: nextId(''), orderNum: input.orderNum ?? `#${1000 + orders.size}`, status: input.status ?? 'UNSHIPPED', createdAt: deps.now(),
        paidAt: ['CREATED', 'IN_CART', 'UNPAID'].includes(input.status ?? 'UNSHIPPED') ? null : deps.now(), postageMinor: input.postageMinor ?? 0,
        lines: input.lines.map((l) => ({ ...l, lineItemId: nextId('L'), productId: nextId('P'), variantId: nextId('V') })),
        trackNumber: input.trackNumber ?? null, logisticName: 'CJPacket Ordinary', countryCode: input.countryCode ?? 'US',
      };
      orders.set(order.orderId, order);
      return order;
    },
    setOrderStatus(orderId: string, status: CjOrderStatus, extra: { trackNumber?: string } = {}) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`CJ sandbox: no order ${orderId}`);
      order.status = status;
      if (order.paidAt === null && DISPUTABLE.includes(status)) order.paidAt = deps.now();
      if (extra.trackNumber) order.trackNumber = extra.trackNumber;
    },
    /** CJ staff move a dispute: review it, then refund, reissue or reject. */
    moveDispute(id: string, to: 'review' | 'refund' | 'reissue' | 'reject', extra: { refundMinor?: number; reply?: string } = {}) {
      const dispute = mustDispute(id);
      if (FINISHED.includes(dispute.status)) throw new Error(`CJ sandbox: dispute ${id} is already ${dispute.status}`);
      dispute.updatedAt = deps.now();
      if (extra.reply) dispute.replies.push({ from: 'cj', text: extra.reply, at: deps.now() });
      if (to === 'review') dispute.status = 'PROCESSING';
      else if (to === 'reject') Object.assign(dispute, { status: 'REJECTED', finallyDeal: 3 });
      else if (to === 'reissue') Object.assign(dispute, { status: 'RESOLVED', finallyDeal: 2, resendOrderCode: nextId('CJR') });
      else Object.assign(dispute, { status: 'RESOLVED', finallyDeal: 1, refundedMinor: Math.min(extra.refundMinor ?? dispute.amountMinor, dispute.amountMinor) });
      return dispute;
    },
    cancel(orderId: string | undefined, disputeId: string | undefined): CjRefusal | null {
      const dispute = disputes.get(disputeId ?? '');
      if (!dispute || (orderId && dispute.orderId !== orderId)) return CJ_ERRORS.disputeNotFound;
      if (FINISHED.includes(dispute.status)) return CJ_ERRORS.cannotCancel;
      Object.assign(dispute, { status: 'CANCELLED', updatedAt: deps.now() });
      return null;
    },
  };
}

export type CjStore = ReturnType<typeof createCjStore>;
