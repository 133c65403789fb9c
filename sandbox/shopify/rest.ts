import { restAmount } from './money.ts';
import {
  financialStatus, gid, lineUnitAfterDiscount, refundedQuantity, subtotalMinor, totalDiscountMinor, totalMinor,
  type ShopStore, type SimFulfillment, type SimOrder, type SimRefund,
} from './store.ts';

// Webhook payloads are the REST representation of the resource at the subscription's API version:
// snake_case, numeric ids plus `admin_graphql_api_id`, money as fixed-decimal strings and *_set bags.

const set = (minor: number, currency: string) => {
  const money = { amount: restAmount(minor, currency), currency_code: currency };
  return { shop_money: money, presentment_money: money };
};

export function restOrder(store: ShopStore, order: SimOrder) {
  const c = order.currency;
  const customer = order.customerId === null ? null : store.customers.get(order.customerId) ?? null;
  const a = order.shippingAddress;
  return {
    id: order.id, admin_graphql_api_id: gid('Order', order.id), name: order.name, order_number: order.number, number: order.number - 1000,
    email: order.email, phone: order.phone, created_at: order.createdAt, updated_at: order.updatedAt, processed_at: order.createdAt,
    cancelled_at: order.cancelledAt, cancel_reason: order.cancelledAt ? 'customer' : null, closed_at: null,
    currency: c, presentment_currency: c, financial_status: financialStatus(order).toLowerCase(),
    fulfillment_status: order.fulfillments.length === 0 ? null : order.fulfillmentOrders.every((f) => f.status === 'CLOSED') ? 'fulfilled' : 'partial',
    total_price: restAmount(totalMinor(order), c), total_price_set: set(totalMinor(order), c),
    subtotal_price: restAmount(subtotalMinor(order), c), subtotal_price_set: set(subtotalMinor(order), c),
    total_discounts: restAmount(totalDiscountMinor(order), c), total_tax: restAmount(0, c),
    total_shipping_price_set: set(order.shippingMinor, c),
    tags: order.tags.join(', '), note: order.note, test: false, source_name: 'web',
    customer: customer && { id: customer.id, admin_graphql_api_id: gid('Customer', customer.id), email: customer.email, first_name: customer.firstName, last_name: customer.lastName, phone: customer.phone },
    shipping_address: a && {
      first_name: a.firstName, last_name: a.lastName, name: `${a.firstName} ${a.lastName}`, address1: a.address1, address2: a.address2,
      city: a.city, province: a.province, province_code: a.provinceCode, zip: a.zip, country: a.country, country_code: a.countryCode, phone: a.phone,
    },
    line_items: order.lines.map((l) => ({
      id: l.id, admin_graphql_api_id: gid('LineItem', l.id), product_id: l.productId, variant_id: l.variantId,
      title: l.title, variant_title: l.variantTitle, name: `${l.title} - ${l.variantTitle}`, sku: l.sku, vendor: l.vendor,
      quantity: l.quantity, fulfillable_quantity: l.quantity - refundedQuantity(order, l.id),
      price: restAmount(l.unitMinor, c), price_set: set(l.unitMinor, c),
      total_discount: restAmount(l.unitDiscountMinor * l.quantity, c), total_discount_set: set(l.unitDiscountMinor * l.quantity, c),
      discount_allocations: l.unitDiscountMinor > 0 ? [{ amount: restAmount(l.unitDiscountMinor * l.quantity, c), amount_set: set(l.unitDiscountMinor * l.quantity, c), discount_application_index: 0 }] : [],
      requires_shipping: true,
    })),
    shipping_lines: order.shippingMinor > 0 ? [{ title: 'Standard Shipping', price: restAmount(order.shippingMinor, c), price_set: set(order.shippingMinor, c) }] : [],
    refunds: order.refunds.map((r) => restRefund(order, r)),
    fulfillments: order.fulfillments.map((f) => restFulfillment(order, f)),
  };
}

export function restRefund(order: SimOrder, refund: SimRefund) {
  const c = order.currency;
  return {
    id: refund.id, admin_graphql_api_id: gid('Refund', refund.id), order_id: order.id, created_at: refund.createdAt, processed_at: refund.createdAt,
    note: refund.note, restock: false,
    refund_line_items: refund.lines.map((rl) => {
      const line = order.lines.find((l) => l.id === rl.lineItemId)!;
      return { id: rl.id, line_item_id: rl.lineItemId, quantity: rl.quantity, restock_type: rl.restockType.toLowerCase(), subtotal: restAmount(rl.subtotalMinor, c), subtotal_set: set(rl.subtotalMinor, c), total_tax: restAmount(0, c), line_item: { id: line.id, title: line.title, sku: line.sku, price: restAmount(lineUnitAfterDiscount(line), c) } };
    }),
    transactions: refund.transactions.map((t) => ({
      id: t.id, admin_graphql_api_id: gid('OrderTransaction', t.id), order_id: order.id, kind: 'refund', status: 'success', gateway: t.gateway,
      parent_id: t.parentId, amount: restAmount(t.amountMinor, c), currency: c, created_at: t.createdAt,
    })),
    order_adjustments: refund.shippingMinor > 0 ? [{ kind: 'shipping_refund', amount: restAmount(-refund.shippingMinor, c), reason: 'Shipping refund' }] : [],
  };
}

export function restFulfillment(order: SimOrder, f: SimFulfillment) {
  return {
    id: f.id, admin_graphql_api_id: gid('Fulfillment', f.id), order_id: order.id, name: f.name, status: 'success', service: 'manual',
    created_at: f.createdAt, updated_at: f.updatedAt, shipment_status: null,
    tracking_company: f.tracking[0]?.company ?? null, tracking_number: f.tracking[0]?.number ?? null, tracking_url: f.tracking[0]?.url ?? null,
    tracking_numbers: f.tracking.map((t) => t.number), tracking_urls: f.tracking.map((t) => t.url).filter(Boolean),
    line_items: f.lines.map((l) => ({ id: l.lineItemId, quantity: l.quantity })),
  };
}
