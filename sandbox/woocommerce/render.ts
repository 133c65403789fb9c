import { toWooDecimal } from './money.ts';
import type { SimCoupon, SimMeta, SimNote, SimOrder, SimRefund, WooStore } from './store.ts';

// REST v3 representations, field for field as WooCommerce prints them: money as strings at the
// shop's decimals (but line `price` as a float, total ÷ quantity, unrounded), dates twice — site
// local time and `_gmt` — both without a zone designator, ids as integers.

export function wooDate(date: Date | null, offsetMinutes = 0): string | null {
  if (!date) return null;
  return new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

export function renderMeta(meta: SimMeta[]): { id: number; key: string; value: unknown }[] {
  return meta.map((m) => ({ id: m.id, key: m.key, value: m.value }));
}

export function renderOrder(store: WooStore, o: SimOrder, base: string): Record<string, unknown> {
  const money = (minor: number) => toWooDecimal(minor, store.decimals);
  const local = (d: Date | null) => wooDate(d, store.utcOffsetMinutes);
  const gmt = (d: Date | null) => wooDate(d);
  return {
    id: o.id, parent_id: 0, status: o.status, currency: o.currency, version: '9.4.3', prices_include_tax: false,
    date_created: local(o.createdAt), date_modified: local(o.modifiedAt), discount_total: money(o.discountMinor), discount_tax: money(0),
    shipping_total: money(o.shippingMinor), shipping_tax: money(0), cart_tax: money(o.taxMinor), total: money(o.totalMinor), total_tax: money(o.taxMinor),
    customer_id: o.customerId, order_key: o.orderKey, billing: { ...o.billing }, shipping: { ...o.shipping, email: undefined },
    payment_method: o.paymentMethod, payment_method_title: o.paymentMethodTitle, transaction_id: o.transactionId,
    customer_ip_address: '203.0.113.7', customer_user_agent: 'Mozilla/5.0', created_via: 'checkout', customer_note: o.customerNote,
    date_completed: local(o.completedAt), date_paid: local(o.paidAt), cart_hash: '', number: o.number, meta_data: renderMeta(o.meta),
    line_items: o.lines.map((l) => ({
      id: l.id, name: l.name, product_id: l.productId, variation_id: l.variationId, quantity: l.quantity, tax_class: '',
      subtotal: money(l.subtotalMinor), subtotal_tax: money(0), total: money(l.totalMinor), total_tax: money(0), taxes: [], meta_data: [],
      sku: l.sku, price: l.totalMinor / l.quantity / 10 ** store.decimals, image: { id: '', src: '' }, parent_name: null,
    })),
    tax_lines: [],
    shipping_lines: o.shippingMinor > 0 || o.lines.length > 0
      ? [{ id: o.lines.length + o.id * 10, method_title: o.shippingMinor > 0 ? 'Flat rate' : 'Free shipping', method_id: o.shippingMinor > 0 ? 'flat_rate' : 'free_shipping', instance_id: '1', total: money(o.shippingMinor), total_tax: money(0), taxes: [], meta_data: [] }]
      : [],
    fee_lines: [], coupon_lines: [],
    refunds: o.refunds.map((r) => ({ id: r.id, reason: r.reason, total: money(-r.amountMinor) })),
    payment_url: `${base}/checkout/order-pay/${o.id}/?pay_for_order=true&key=${o.orderKey}`, is_editable: o.status === 'pending' || o.status === 'on-hold',
    needs_payment: o.status === 'pending' || o.status === 'failed', needs_processing: true,
    date_created_gmt: gmt(o.createdAt), date_modified_gmt: gmt(o.modifiedAt), date_completed_gmt: gmt(o.completedAt), date_paid_gmt: gmt(o.paidAt),
    currency_symbol: currencySymbol(o.currency),
    _links: {
      self: [{ href: `${base}/wp-json/wc/v3/orders/${o.id}` }], collection: [{ href: `${base}/wp-json/wc/v3/orders` }],
      ...(o.customerId ? { customer: [{ href: `${base}/wp-json/wc/v3/customers/${o.customerId}` }] } : {}),
    },
  };
}

export function renderRefund(store: WooStore, order: SimOrder, r: SimRefund, base: string): Record<string, unknown> {
  const money = (minor: number) => toWooDecimal(minor, store.decimals);
  return {
    id: r.id, date_created: wooDate(r.createdAt, store.utcOffsetMinutes), date_created_gmt: wooDate(r.createdAt), amount: money(r.amountMinor),
    reason: r.reason, refunded_by: r.refundedBy, refunded_payment: r.refundedPayment, meta_data: [],
    line_items: r.lines.map((l) => {
      const line = order.lines.find((x) => x.id === l.itemId)!;
      return {
        id: l.id, name: line.name, product_id: line.productId, variation_id: 0, quantity: -l.quantity, tax_class: '',
        subtotal: money(-l.totalMinor), subtotal_tax: money(0), total: money(-l.totalMinor), total_tax: money(0), taxes: [],
        meta_data: [{ id: 0, key: '_refunded_item_id', value: String(l.itemId) }], sku: line.sku, price: -l.totalMinor / Math.max(1, l.quantity) / 10 ** store.decimals,
      };
    }),
    shipping_lines: [], tax_lines: [], fee_lines: [],
    _links: { self: [{ href: `${base}/wp-json/wc/v3/orders/${order.id}/refunds/${r.id}` }], up: [{ href: `${base}/wp-json/wc/v3/orders/${order.id}` }] },
  };
}

export function renderNote(n: SimNote, offsetMinutes: number, base: string): Record<string, unknown> {
  return {
    id: n.id, author: n.author, date_created: wooDate(n.createdAt, offsetMinutes), date_created_gmt: wooDate(n.createdAt), note: n.note, customer_note: n.customerNote,
    _links: { self: [{ href: `${base}/wp-json/wc/v3/orders/${n.orderId}/notes/${n.id}` }], up: [{ href: `${base}/wp-json/wc/v3/orders/${n.orderId}` }] },
  };
}

export function renderCoupon(store: WooStore, c: SimCoupon, base: string): Record<string, unknown> {
  const local = (d: Date | null) => wooDate(d, store.utcOffsetMinutes);
  return {
    id: c.id, code: c.code, amount: toWooDecimal(c.amountMinor, store.decimals), status: 'publish',
    date_created: local(c.createdAt), date_created_gmt: wooDate(c.createdAt), date_modified: local(c.modifiedAt), date_modified_gmt: wooDate(c.modifiedAt),
    discount_type: c.discountType, description: c.description, date_expires: local(c.dateExpires), date_expires_gmt: wooDate(c.dateExpires),
    usage_count: 0, individual_use: c.individualUse, product_ids: [], excluded_product_ids: [], usage_limit: c.usageLimit,
    usage_limit_per_user: c.usageLimitPerUser, limit_usage_to_x_items: null, free_shipping: c.freeShipping, product_categories: [],
    excluded_product_categories: [], exclude_sale_items: false, minimum_amount: '0.00', maximum_amount: '0.00',
    email_restrictions: [...c.emailRestrictions], used_by: [], meta_data: renderMeta(c.meta),
    _links: { self: [{ href: `${base}/wp-json/wc/v3/coupons/${c.id}` }], collection: [{ href: `${base}/wp-json/wc/v3/coupons` }] },
  };
}

function currencySymbol(currency: string): string {
  return ({ USD: '$', EUR: '€', GBP: '£', JPY: '¥', BRL: 'R$', AUD: '$', CAD: '$' } as Record<string, string>)[currency] ?? currency;
}
