// AliExpress payloads → Recoup shapes. Lists arrive either bare (simplify=true) or wrapped in an
// object named after the item type ({ ae_child_order_info: [...] }); both are read. Money comes
// as decimal strings and becomes integer minor units; wire times are GMT+8.
import { currencyExponent, parseDecimal } from '../../shared/money.ts';
import { ConnectorError } from '../types.ts';
import { idString } from './json.ts';
import { mapAliExpressOrderStatus, type AliExpressSupplierStatus } from './statuses.ts';

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {});
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

export function asList(value: unknown): Obj[] {
  if (Array.isArray(value)) return value.map(obj);
  const inner = Object.values(obj(value)).find(Array.isArray);
  return Array.isArray(inner) ? inner.map(obj) : [];
}

export function toMinor(value: unknown, currency: string): number {
  if (typeof value === 'number') return Math.round(value * 10 ** currencyExponent(currency));
  const text = str(value);
  if (text === null) return 0;
  try {
    return parseDecimal(text, currency);
  } catch {
    throw new ConnectorError(`AliExpress sent an amount Recoup cannot read: "${text}" ${currency}`, 'invalid');
  }
}

/** "2025-03-01 10:00:00" (GMT+8) or epoch milliseconds → ISO 8601. */
export function wireTimeToIso(value: unknown): string | null {
  if (typeof value === 'number' && value > 0) return new Date(value).toISOString();
  const text = str(value);
  if (text === null) return null;
  if (/^\d{13}$/.test(text)) return new Date(Number(text)).toISOString();
  const match = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)$/.exec(text);
  const ms = match ? Date.parse(`${match[1]}T${match[2]}+08:00`) : Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export interface AliExpressOrderLine {
  productId: string; skuId: string | null; title: string | null; quantity: number;
  unitPriceMinor: number; shippingMinor: number; endReason: string | null;
}

export interface AliExpressOrder {
  orderId: string;
  /** Recoup's status; null when AliExpress sent a status this connector does not know */
  status: AliExpressSupplierStatus | null;
  rawStatus: string;
  logisticsStatus: string | null;
  createdAt: string | null;
  paidAt: string | null;
  /** created + pay_timeout_second while unpaid */
  payDeadline: string | null;
  /** what the buyer account paid AliExpress; 0 while unpaid */
  paidMinor: number;
  totalMinor: number;
  currency: string;
  /** earliest carrier event, when tracking was read */
  shippedAt: string | null;
  trackingNumbers: { number: string; carrier: string | null }[];
  store: { id: string; name: string | null; url: string | null } | null;
  lines: AliExpressOrderLine[];
  raw: unknown;
}

const PAID_STATES = new Set<AliExpressSupplierStatus>(['paid', 'shipped', 'partly_shipped', 'delivered', 'in_dispute', 'frozen']);

export function parseOrder(orderId: string, result: unknown): AliExpressOrder {
  const r = obj(result);
  const rawStatus = str(r.order_status) ?? '';
  if (!rawStatus) throw new ConnectorError(`AliExpress returned order ${orderId} without an order_status`, 'invalid');
  const amount = obj(r.order_amount);
  const currency = (str(amount.currency_code) ?? 'USD').toUpperCase();
  const lines: AliExpressOrderLine[] = asList(r.child_order_list).map((c) => ({
    productId: idString(c.product_id),
    skuId: str(c.sku_id),
    title: str(c.product_name),
    quantity: Number(c.product_count ?? 0),
    unitPriceMinor: toMinor(obj(c.product_price).amount, currency),
    shippingMinor: toMinor(obj(c.shipping_fee).amount, currency),
    endReason: str(c.end_reason),
  }));
  const logisticsStatus = str(r.logistics_status);
  const status = mapAliExpressOrderStatus(rawStatus, { logisticsStatus, endReasons: lines.map((l) => l.endReason) });
  const createdAt = wireTimeToIso(r.gmt_create);
  const paidAt = wireTimeToIso(r.order_paidtime_string);
  const totalMinor = toMinor(amount.amount, currency);
  const payTimeout = Number(r.pay_timeout_second ?? 0);
  const store = obj(r.store_info);
  return {
    orderId,
    status,
    rawStatus,
    logisticsStatus,
    createdAt,
    paidAt,
    payDeadline: !paidAt && createdAt && payTimeout > 0 ? new Date(Date.parse(createdAt) + payTimeout * 1000).toISOString() : null,
    paidMinor: paidAt || (status && PAID_STATES.has(status)) ? totalMinor : 0,
    totalMinor,
    currency,
    shippedAt: null,
    trackingNumbers: asList(r.logistics_info_list).map((l) => ({ number: str(l.logistics_no) ?? '', carrier: str(l.logistics_service) })).filter((t) => t.number !== ''),
    store: store.store_id === undefined ? null : { id: idString(store.store_id), name: str(store.store_name), url: str(store.store_url) },
    lines,
    raw: result,
  };
}

export interface AliExpressParcel {
  trackingNumber: string;
  carrier: string | null;
  etaAt: string | null;
  /** oldest first */
  events: { name: string; description: string; occurredAt: string | null }[];
  items: { productId: string; skuId: string | null; quantity: number; title: string | null }[];
}

export interface AliExpressTracking { orderId: string; found: boolean; parcels: AliExpressParcel[]; raw: unknown }

export function parseTracking(orderId: string, result: unknown): AliExpressTracking {
  const r = obj(result);
  // ret:false code 1001 "TRACKING DATA NOT FOUND" is normal until the carrier's first scan.
  if (r.ret === false || r.ret === 'false') return { orderId, found: false, parcels: [], raw: result };
  const parcels = asList(obj(r.data).tracking_detail_line_list).map((line): AliExpressParcel => ({
    trackingNumber: str(line.mail_no) ?? '',
    carrier: str(line.carrier_name),
    etaAt: wireTimeToIso(line.eta_time_stamps),
    events: asList(line.detail_node_list)
      .map((n) => ({ name: str(n.tracking_name) ?? '', description: str(n.tracking_detail_desc) ?? '', occurredAt: wireTimeToIso(n.time_stamp) }))
      .sort((a, b) => (a.occurredAt ?? '').localeCompare(b.occurredAt ?? '')),
    items: asList(line.package_item_list).map((i) => ({ productId: idString(i.item_id), skuId: str(i.sku_id), quantity: Number(i.quantity ?? 0), title: str(i.item_title) })),
  }));
  return { orderId, found: parcels.length > 0, parcels, raw: result };
}

export interface FreightOption {
  code: string; company: string | null; minDays: number | null; maxDays: number | null; guaranteedDays: number | null;
  feeMinor: number; currency: string; freeShipping: boolean; tracking: boolean; shipFrom: string | null; availableStock: number | null;
}

export function parseFreight(result: unknown): { available: boolean; reason: string | null; options: FreightOption[] } {
  const r = obj(result);
  if (r.success === false || r.success === 'false') return { available: false, reason: str(r.msg) ?? str(r.code), options: [] };
  const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));
  const options = asList(r.delivery_options).map((o): FreightOption => {
    const currency = (str(o.shipping_fee_currency) ?? 'USD').toUpperCase();
    return {
      code: str(o.code) ?? '', company: str(o.company), minDays: num(o.min_delivery_days), maxDays: num(o.max_delivery_days),
      guaranteedDays: num(o.guaranteed_delivery_days), feeMinor: toMinor(o.shipping_fee_cent, currency), currency,
      freeShipping: o.free_shipping === true || o.free_shipping === 'true', tracking: o.tracking !== false && o.tracking !== 'false',
      shipFrom: str(o.ship_from_country), availableStock: num(o.available_stock),
    };
  });
  return { available: options.length > 0, reason: options.length > 0 ? null : 'DELIVERY_INFO_EMPTY', options };
}
