// How the simulator writes AliExpress payloads: the `<method>_response` wrapper, gateway
// error_response bodies, and the result shapes of order.get, order.tracking.get and freight.query.
import { formatDecimal } from '../../src/shared/money.ts';
import { wireTime, type SimProduct } from './catalogue.ts';
import type { SimOrder } from './orders.ts';

export interface GatewayError { type: 'ISV' | 'ISP' | 'SYSTEM'; code: string; msg: string; sub_code?: string; sub_msg?: string }

// Gateway refusals, worded as the IOP gateway words them.
export const GATEWAY = {
  incompleteSignature: { type: 'ISV', code: 'IncompleteSignature', msg: 'The request signature does not conform to platform standards' },
  illegalAccessToken: { type: 'ISV', code: 'IllegalAccessToken', msg: 'The specified access token is invalid or expired' },
  invalidAppKey: { type: 'ISV', code: 'InvalidAppKey', msg: 'The specified app key is invalid' },
  invalidTimestamp: { type: 'ISV', code: 'InvalidTimestamp', msg: 'The timestamp is missing, malformed or more than 10 minutes away from the server time' },
  invalidSignMethod: { type: 'ISV', code: 'InvalidSignMethod', msg: 'sign_method must be sha256' },
  invalidApiPath: { type: 'ISV', code: 'InvalidApiPath', msg: 'The specified API path or method is invalid' },
  serviceUnavailable: { type: 'ISP', code: 'ServiceUnavailable', msg: 'The service is temporarily unavailable' },
} as const satisfies Record<string, GatewayError>;

export const missingParameter = (name: string): GatewayError => ({ type: 'ISV', code: 'MissingParameter', msg: `The input parameter "${name}" that is mandatory for processing this request is not supplied`, sub_code: 'isv.missing-parameter' });
export const invalidParameter = (name: string, why: string): GatewayError => ({ type: 'ISV', code: 'InvalidParameter', msg: `The input parameter "${name}" is invalid: ${why}`, sub_code: 'isv.invalid-parameter' });

export const responseKey = (method: string) => `${method.replace(/\./g, '_')}_response`;
export const money = (amountMinor: number, currency: string) => ({ amount: formatDecimal(amountMinor, currency), currency_code: currency });

// Without simplify=true, TOP-style responses wrap every list in an object named after its item type.
const list = <T>(simplify: boolean, itemName: string, items: T[]) => (simplify ? items : { [itemName]: items });

export function renderOrder(order: SimOrder, simplify: boolean) {
  const totalMinor = order.lines.reduce((n, l) => n + l.unitPriceMinor * l.quantity + l.shippingMinor, 0);
  const seller = order.product.seller;
  return {
    gmt_create: wireTime(order.createdAt),
    order_status: order.status,
    logistics_status: order.logisticsStatus,
    pay_timeout_second: order.paidAt === null ? 86_400 : 0,
    order_paidtime_string: order.paidAt === null ? null : wireTime(order.paidAt),
    order_amount: money(totalMinor, order.currency),
    user_order_amount: money(totalMinor, order.currency),
    child_order_list: list(simplify, 'ae_child_order_info', order.lines.map((line) => ({
      product_id: Number(line.productId),
      sku_id: line.skuId,
      product_name: line.title,
      product_count: line.quantity,
      product_price: money(line.unitPriceMinor, order.currency),
      shipping_fee: money(line.shippingMinor, order.currency),
      actual_fee: money(line.unitPriceMinor * line.quantity + line.shippingMinor, order.currency),
      logistics_service_name: line.method.code,
      ...(line.endReason ? { end_reason: line.endReason, end_reason_desc: 'Order closed' } : {}),
    }))),
    logistics_info_list: list(simplify, 'ae_order_logistics_info', order.parcels.map((p) => ({ logistics_no: p.trackingNumber, logistics_service: p.serviceName }))),
    store_info: { store_id: Number(seller.storeId), store_name: seller.storeName, store_url: `https://www.aliexpress.com/store/${seller.storeId}` },
  };
}

export function renderTracking(order: SimOrder) {
  const lines = order.parcels.filter((p) => p.nodes.length > 0);
  if (lines.length === 0) return { ret: false, code: '1001', msg: 'TRACKING DATA NOT FOUND' };
  return {
    ret: true,
    code: '200',
    msg: 'success',
    data: {
      tracking_detail_line_list: lines.map((parcel) => ({
        mail_no: parcel.trackingNumber,
        carrier_name: parcel.carrier,
        eta_time_stamps: parcel.etaAt,
        // newest first, as carriers list them
        detail_node_list: [...parcel.nodes].sort((a, b) => b.at - a.at).map((n) => ({ tracking_name: n.name, tracking_detail_desc: n.desc, time_stamp: n.at })),
        package_item_list: parcel.lineIndexes.map((i) => order.lines[i]!).map((l) => ({ item_id: Number(l.productId), sku_id: l.skuId, quantity: l.quantity, item_title: l.title, sku_desc: l.skuAttr })),
      })),
    },
  };
}

export function renderFreight(product: SimProduct | undefined, request: { shipToCountry?: string; selectedSkuId?: string; quantity?: number | string }, simplify: boolean) {
  if (!product) return { code: 501, success: false, msg: 'DELIVERY_INFO_EMPTY' };
  const sku = request.selectedSkuId ? product.skus.find((s) => s.skuId === String(request.selectedSkuId)) : product.skus[0];
  if (!sku) return { code: 501, success: false, msg: 'DELIVERY_INFO_EMPTY' };
  const methods = product.shipping[String(request.shipToCountry ?? '')] ?? [];
  if (methods.length === 0) return { code: 505, success: false, msg: 'DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS' };
  const currency = product.currency ?? 'USD';
  return {
    code: 200,
    success: true,
    msg: 'success',
    delivery_options: list(simplify, 'delivery_option_d_t_o', methods.map((m) => ({
      code: m.code,
      company: m.company,
      min_delivery_days: m.minDays,
      max_delivery_days: m.maxDays,
      guaranteed_delivery_days: m.guaranteedDays ?? null,
      // named "cent" but written as a decimal amount
      shipping_fee_cent: formatDecimal(m.costMinor, currency),
      shipping_fee_currency: currency,
      free_shipping: m.costMinor === 0,
      tracking: true,
      ship_from_country: product.shipFrom ?? 'CN',
      available_stock: sku.stock,
    }))),
  };
}
