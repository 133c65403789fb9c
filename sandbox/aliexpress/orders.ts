// The simulator's order book: aliexpress.ds.order.create's rules (validate everything before
// creating anything, one order per seller, out_order_id deduplicated for 24 h) and the moves a
// test makes afterwards (pay, ship, deliver, confirm, cancel, dispute...).
import { validateAddress, type PlaceOrderRefusal, type SimProduct, type SimShippingMethod, type WireAddress } from './catalogue.ts';

export interface SimTrackingNode { name: string; desc: string; at: number }
export interface SimParcel {
  trackingNumber: string;
  carrier: string;
  serviceName: string;
  etaAt: number | null;
  lineIndexes: number[];
  nodes: SimTrackingNode[];
}
export interface SimOrderLine {
  productId: string; skuId: string; skuAttr: string; title: string; quantity: number;
  unitPriceMinor: number; shippingMinor: number; method: SimShippingMethod; endReason: string | null;
}
export interface SimOrder {
  orderId: string;
  outOrderId: string;
  buyerUserId: string;
  product: Pick<SimProduct, 'seller'>;
  currency: string;
  status: string;
  logisticsStatus: string;
  createdAt: number;
  paidAt: number | null;
  address: WireAddress;
  lines: SimOrderLine[];
  parcels: SimParcel[];
}

export interface WireItem { product_id?: string | number; sku_attr?: string; product_count?: number | string; logistics_service_name?: string; order_memo?: string }
export type PlaceResult = { ok: true; orderIds: string[]; repeated: boolean } | { ok: false; refusal: PlaceOrderRefusal };

/** Push event names of DROPSHIPPER_ORDER_STATUS_UPDATE, keyed by the move that fires them. */
export const PUSH_EVENT = {
  create: 'OrderCreated', pay: 'PaymentAuthorized', paymentFailed: 'paymentFailedEvent',
  ship: 'OrderShipped', confirm: 'OrderConfirmed', close: 'OrderClosed',
} as const;

export type OrderStep = 'pay' | 'ship' | 'ship-part' | 'deliver' | 'confirm' | 'request-cancel' | 'cancel' | 'dispute' | 'freeze' | 'risk';
export interface StepOptions { trackingNumber?: string; carrier?: string; lineIndexes?: number[]; firstScan?: boolean }

const IDEMPOTENCY_MS = 24 * 3_600_000;
const UNPAID = new Set(['PLACE_ORDER_SUCCESS', 'WAIT_BUYER_PAY', 'PAYMENT_PROCESSING', 'RISK_CONTROL', 'WAIT_SELLER_EXAMINE_MONEY']);

export function createOrderBook(deps: { now: () => number; random: () => number; catalogue: () => Map<string, SimProduct>; onEvent: (order: SimOrder, event: string) => void }) {
  const orders = new Map<string, SimOrder>();
  const byOutOrderId = new Map<string, { orderIds: string[]; at: number; buyer: string }>();
  let nextId = 8_100_000_000_000_000 + Math.floor(deps.random() * 1e12);
  const newOrderId = () => String((nextId += 1 + Math.floor(deps.random() * 997)));
  const newTrackingNumber = () => `LP00${String(Math.floor(deps.random() * 1e12)).padStart(12, '0')}`;

  function place(buyerUserId: string, request: { out_order_id?: string; logistics_address?: WireAddress; product_items?: WireItem[] }, payNow: boolean): PlaceResult {
    const outOrderId = typeof request.out_order_id === 'string' ? request.out_order_id : '';
    const previous = outOrderId ? byOutOrderId.get(`${buyerUserId}|${outOrderId}`) : undefined;
    if (previous && deps.now() - previous.at < IDEMPOTENCY_MS) return { ok: true, orderIds: previous.orderIds, repeated: true };

    const addressRefusal = validateAddress(request.logistics_address);
    if (addressRefusal) return { ok: false, refusal: addressRefusal };
    const country = request.logistics_address!.country!;
    const items = request.product_items;
    if (!Array.isArray(items) || items.length === 0) return { ok: false, refusal: { code: 'ERROR_WHEN_BUILD_FOR_PLACE_ORDER', msg: 'product_items is required' } };

    // Check every line before touching stock, so a refused order leaves nothing behind.
    const planned: { product: SimProduct; line: SimOrderLine }[] = [];
    const catalogue = deps.catalogue();
    for (const item of items) {
      const product = catalogue.get(String(item.product_id ?? ''));
      if (!product) return { ok: false, refusal: { code: 'ERROR_WHEN_BUILD_FOR_PLACE_ORDER', msg: `product ${item.product_id} not found` } };
      const sku = product.skus.find((s) => s.skuAttr === (item.sku_attr ?? '')) ?? (product.skus.length === 1 && !item.sku_attr ? product.skus[0] : undefined);
      if (!sku) return { ok: false, refusal: { code: 'ERROR_WHEN_BUILD_FOR_PLACE_ORDER', msg: `sku_attr "${item.sku_attr ?? ''}" not found on product ${product.productId}` } };
      const quantity = Number(item.product_count);
      if (!Number.isInteger(quantity) || quantity < 1) return { ok: false, refusal: { code: 'ERROR_WHEN_BUILD_FOR_PLACE_ORDER', msg: 'product_count must be a positive integer' } };
      const methods = product.shipping[country] ?? [];
      if (methods.length === 0) return { ok: false, refusal: { code: 'DELIVERY_METHOD_NOT_EXIST', msg: `product ${product.productId} does not ship to ${country}` } };
      const method = methods.find((m) => m.code === item.logistics_service_name);
      if (!method) return { ok: false, refusal: { code: 'DELIVERY_METHOD_NOT_EXIST', msg: `logistics_service_name "${item.logistics_service_name ?? ''}" is not available for ${country}; available: ${methods.map((m) => m.code).join(', ')}` } };
      const wanted = planned.filter((p) => p.line.skuId === sku.skuId).reduce((n, p) => n + p.line.quantity, 0) + quantity;
      if (wanted > sku.stock) return { ok: false, refusal: { code: 'INVENTORY_HOLD_ERROR', msg: `only ${sku.stock} left of sku ${sku.skuId}` } };
      planned.push({ product, line: { productId: product.productId, skuId: sku.skuId, skuAttr: sku.skuAttr, title: product.title, quantity, unitPriceMinor: sku.priceMinor, shippingMinor: method.costMinor, method, endReason: null } });
    }

    const bySeller = new Map<string, typeof planned>();
    for (const p of planned) bySeller.set(p.product.seller.sellerId, [...(bySeller.get(p.product.seller.sellerId) ?? []), p]);
    const orderIds: string[] = [];
    for (const group of bySeller.values()) {
      for (const { product, line } of group) product.skus.find((s) => s.skuId === line.skuId)!.stock -= line.quantity;
      const order: SimOrder = {
        orderId: newOrderId(), outOrderId, buyerUserId, product: { seller: group[0]!.product.seller }, currency: group[0]!.product.currency ?? 'USD',
        status: 'PLACE_ORDER_SUCCESS', logisticsStatus: 'DEFAULT', createdAt: deps.now(), paidAt: null,
        address: { ...request.logistics_address }, lines: group.map((g) => g.line), parcels: [],
      };
      orders.set(order.orderId, order);
      orderIds.push(order.orderId);
      deps.onEvent(order, PUSH_EVENT.create);
      if (payNow) advance(order.orderId, 'pay');
    }
    if (outOrderId) byOutOrderId.set(`${buyerUserId}|${outOrderId}`, { orderIds, at: deps.now(), buyer: buyerUserId });
    return { ok: true, orderIds, repeated: false };
  }

  function mustGet(orderId: string): SimOrder {
    const order = orders.get(orderId);
    if (!order) throw new Error(`AliExpress sandbox: no order ${orderId}`);
    return order;
  }

  function addParcel(order: SimOrder, options: StepOptions, lineIndexes: number[]) {
    const method = order.lines[lineIndexes[0] ?? 0]!.method;
    const parcel: SimParcel = {
      trackingNumber: options.trackingNumber ?? newTrackingNumber(), carrier: options.carrier ?? method.carrier ?? method.company,
      serviceName: method.code, etaAt: deps.now() + method.maxDays * 86_400_000, lineIndexes, nodes: [],
    };
    if (options.firstScan !== false) parcel.nodes.push({ name: 'Package picked up', desc: 'The carrier has picked up the package', at: deps.now() });
    order.parcels.push(parcel);
  }

  function advance(orderId: string, step: OrderStep, options: StepOptions = {}): SimOrder {
    const order = mustGet(orderId);
    const shippedLines = new Set(order.parcels.flatMap((p) => p.lineIndexes));
    const unshipped = order.lines.map((_, i) => i).filter((i) => !shippedLines.has(i));
    switch (step) {
      case 'pay':
        if (!UNPAID.has(order.status)) throw new Error(`AliExpress sandbox: order ${orderId} is ${order.status}, not awaiting payment`);
        Object.assign(order, { status: 'WAIT_SELLER_SEND_GOODS', logisticsStatus: 'WAIT_SELLER_SEND_GOODS', paidAt: deps.now() });
        deps.onEvent(order, PUSH_EVENT.pay);
        break;
      case 'ship-part':
      case 'ship': {
        const lines = options.lineIndexes ?? (step === 'ship-part' ? unshipped.slice(0, 1) : unshipped);
        addParcel(order, options, lines);
        const everything = order.lines.every((_, i) => order.parcels.some((p) => p.lineIndexes.includes(i)));
        order.status = everything ? 'WAIT_BUYER_ACCEPT_GOODS' : 'SELLER_PART_SEND_GOODS';
        order.logisticsStatus = everything ? 'SELLER_SEND_GOODS' : 'SELLER_SEND_PART_GOODS';
        deps.onEvent(order, PUSH_EVENT.ship);
        break;
      }
      case 'deliver':
        for (const parcel of order.parcels) parcel.nodes.push({ name: 'Delivered', desc: 'Delivered to the recipient', at: deps.now() });
        break;
      case 'confirm':
        Object.assign(order, { status: 'FINISH', logisticsStatus: 'BUYER_ACCEPT_GOODS' });
        deps.onEvent(order, PUSH_EVENT.confirm);
        break;
      case 'request-cancel':
        order.status = 'IN_CANCEL';
        break;
      case 'cancel':
        // A closed order reads FINISH with an end_reason on each line, not a status of its own.
        order.status = 'FINISH';
        for (const line of order.lines) line.endReason = 'CANCELED';
        deps.onEvent(order, PUSH_EVENT.close);
        break;
      case 'dispute':
        order.status = 'IN_ISSUE';
        break;
      case 'freeze':
        order.status = 'IN_FROZEN';
        break;
      case 'risk':
        order.status = 'RISK_CONTROL';
        break;
    }
    return order;
  }

  return {
    orders,
    place,
    advance,
    get: (orderId: string) => orders.get(orderId) ?? null,
    mustGet,
    setStatus(orderId: string, status: string, extra: { logisticsStatus?: string; endReason?: string | null } = {}) {
      const order = mustGet(orderId);
      order.status = status;
      if (extra.logisticsStatus) order.logisticsStatus = extra.logisticsStatus;
      if (extra.endReason !== undefined) for (const line of order.lines) line.endReason = extra.endReason;
      return order;
    },
    addTrackingEvent(orderId: string, node: { name: string; desc?: string; at?: number; trackingNumber?: string }) {
      const order = mustGet(orderId);
      const parcel = node.trackingNumber ? order.parcels.find((p) => p.trackingNumber === node.trackingNumber) : order.parcels.at(-1);
      if (!parcel) throw new Error(`AliExpress sandbox: order ${orderId} has no parcel to add tracking to; ship it first`);
      parcel.nodes.push({ name: node.name, desc: node.desc ?? node.name, at: node.at ?? deps.now() });
    },
  };
}

export type OrderBook = ReturnType<typeof createOrderBook>;
