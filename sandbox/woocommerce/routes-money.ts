import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseWooDecimal, toWooDecimal } from './money.ts';
import { renderCoupon, renderRefund } from './render.ts';
import { NAMESPACE, WooHttpError, bareDataError, intParam, invalidParam, missingParam, paginate, siteUrl } from './respond.ts';
import { applyMeta, findOrder } from './routes-orders.ts';
import { REFUNDABLE_GATEWAYS, type SimCoupon, type SimRefund, type WooStore } from './store.ts';

// Refunds and coupons: the two writes that move money. Refund creation follows
// WC_REST_Order_Refunds_Controller + wc_create_refund: refusals come back as HTTP 500 with
// `woocommerce_rest_cannot_create_order_refund` (see bareDataError), a full refund turns the
// order "refunded", and the save fires order.updated (WooCommerce has no refund topic).

type Query = Record<string, string | undefined>;

export function registerMoneyRoutes(app: FastifyInstance, store: WooStore): void {
  app.get<{ Params: { id: string }; Querystring: Query }>(`${NAMESPACE}/orders/:id/refunds`, async (request, reply) => {
    const order = findOrder(store, request.params.id, 'woocommerce_rest_invalid_order_id', 'Invalid order ID.');
    const page = intParam(request.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
    const perPage = intParam(request.query, 'per_page', 10, 1, 100);
    const newestFirst = [...order.refunds].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    return paginate(request, reply, newestFirst, page, perPage).map((r) => renderRefund(store, order, r, siteUrl(request)));
  });

  app.get<{ Params: { id: string; refundId: string } }>(`${NAMESPACE}/orders/:id/refunds/:refundId`, async (request) => {
    const order = findOrder(store, request.params.id, 'woocommerce_rest_invalid_order_id', 'Invalid order ID.');
    const refund = order.refunds.find((r) => String(r.id) === request.params.refundId);
    if (!refund) throw new WooHttpError(404, 'woocommerce_rest_shop_order_refund_invalid_id', 'Invalid ID.');
    return renderRefund(store, order, refund, siteUrl(request));
  });

  app.post<{ Params: { id: string } }>(`${NAMESPACE}/orders/:id/refunds`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.amount !== undefined && typeof body.amount !== 'string') throw invalidParam('amount', 'amount is not of type string.');
    const order = store.orders.get(Number(request.params.id));
    if (!order) throw bareDataError('woocommerce_rest_invalid_order_id', 'Invalid order ID.', 404);
    const lineInput = Array.isArray(body.line_items) ? (body.line_items as Record<string, unknown>[]) : [];
    const lines = lineInput.flatMap((l) => {
      const line = order.lines.find((x) => x.id === Number(l.id));
      if (!line) return []; // wc_create_refund skips items that are not on the order
      const quantity = Math.max(0, Math.floor(Number(l.quantity ?? l.qty ?? 0)));
      const total = parseWooDecimal(l.refund_total ?? 0, store.decimals) ?? 0;
      return [{ id: store.nextItemId(), itemId: line.id, quantity, totalMinor: total }];
    });
    // RestApiUtil: with no amount, the amount is the sum of the line refund totals.
    const amount = body.amount === undefined ? lines.reduce((s, l) => s + l.totalMinor, 0) : parseWooDecimal(body.amount, store.decimals);
    if (amount === null) throw invalidParam('amount', 'amount is not a number.');
    if (amount < 0) throw bareDataError('woocommerce_rest_invalid_order_refund', 'Refund amount must be greater than zero.', 400);
    const remaining = order.totalMinor - store.refundedMinor(order);
    if (amount > remaining) throw bareDataError('woocommerce_rest_cannot_create_order_refund', 'Invalid refund amount.', 500);
    const apiRefund = typeof body.api_refund === 'boolean' ? body.api_refund : true;
    if (apiRefund && !REFUNDABLE_GATEWAYS.has(order.paymentMethod)) {
      throw bareDataError('woocommerce_rest_cannot_create_order_refund', 'The payment gateway for this order does not support automatic refunds.', 500);
    }
    const reason = typeof body.reason === 'string' && body.reason !== '' ? body.reason : '';
    const refund: SimRefund = { id: store.nextPostId(), orderId: order.id, createdAt: store.now(), amountMinor: amount, reason, refundedBy: 1, refundedPayment: apiRefund, lines };
    order.refunds.push(refund);
    if (apiRefund) {
      const gatewayId = `re_${randomBytes(12).toString('hex')}`;
      store.addNote(order, `Refunded ${toWooDecimal(amount, store.decimals)} ${order.currency} – Refund ID: ${gatewayId}${reason ? ` – Reason: ${reason}` : ''}`);
    }
    if (store.refundedMinor(order) === order.totalMinor) store.setStatus(order, 'refunded');
    store.touch(order);
    const base = siteUrl(request);
    reply.code(201).header('Location', `${base}${NAMESPACE}/orders/${order.id}/refunds/${refund.id}`);
    return renderRefund(store, order, refund, base);
  });

  app.get<{ Querystring: Query }>(`${NAMESPACE}/coupons`, async (request, reply) => {
    const page = intParam(request.query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
    const perPage = intParam(request.query, 'per_page', 10, 1, 100);
    const code = request.query.code?.trim().toLowerCase();
    const search = request.query.search?.toLowerCase();
    const items = [...store.coupons.values()]
      .filter((c) => (!code || c.code === code) && (!search || c.code.includes(search) || c.description.toLowerCase().includes(search)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    return paginate(request, reply, items, page, perPage).map((c) => renderCoupon(store, c, siteUrl(request)));
  });

  app.get<{ Params: { id: string } }>(`${NAMESPACE}/coupons/:id`, async (request) => {
    const coupon = store.coupons.get(Number(request.params.id));
    if (!coupon) throw new WooHttpError(404, 'woocommerce_rest_shop_coupon_invalid_id', 'Invalid ID.');
    return renderCoupon(store, coupon, siteUrl(request));
  });

  app.post(`${NAMESPACE}/coupons`, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.code === undefined) throw missingParam('code');
    if (typeof body.code !== 'string' || body.code.trim() === '') throw invalidParam('code', 'code is not of type string.');
    // wc_format_coupon_code + lower case: codes are matched case-insensitively.
    const code = body.code.trim().toLowerCase();
    if (store.findCouponByCode(code)) throw new WooHttpError(400, 'woocommerce_rest_coupon_code_already_exists', 'The coupon code already exists');
    const type = body.discount_type ?? 'fixed_cart';
    if (type !== 'percent' && type !== 'fixed_cart' && type !== 'fixed_product') throw invalidParam('discount_type', 'discount_type is not one of percent, fixed_cart, fixed_product.');
    if (body.amount !== undefined && typeof body.amount !== 'string') throw invalidParam('amount', 'amount is not of type string.');
    const amount = body.amount === undefined ? 0 : parseWooDecimal(body.amount, store.decimals);
    if (amount === null) throw invalidParam('amount', 'amount is not a number.');
    const expiresRaw = typeof body.date_expires_gmt === 'string' ? `${body.date_expires_gmt.replace(/Z$/, '')}Z` : typeof body.date_expires === 'string' ? body.date_expires : null;
    const expires = expiresRaw ? new Date(expiresRaw) : null;
    if (expires && Number.isNaN(expires.getTime())) throw invalidParam('date_expires', 'Invalid date.');
    const emails = Array.isArray(body.email_restrictions) ? body.email_restrictions.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase()) : [];
    const now = store.now();
    const coupon: SimCoupon = {
      id: store.nextPostId(), code, amountMinor: amount, discountType: type, description: typeof body.description === 'string' ? body.description : '',
      dateExpires: expires, emailRestrictions: emails, usageLimit: typeof body.usage_limit === 'number' ? body.usage_limit : null,
      usageLimitPerUser: typeof body.usage_limit_per_user === 'number' ? body.usage_limit_per_user : null, individualUse: body.individual_use === true,
      freeShipping: body.free_shipping === true, createdAt: now, modifiedAt: now, meta: [],
    };
    if (body.meta_data !== undefined) coupon.meta = applyMeta(store, [], body.meta_data);
    store.coupons.set(coupon.id, coupon);
    store.emit({ topic: 'coupon.created', coupon });
    const base = siteUrl(request);
    reply.code(201).header('Location', `${base}${NAMESPACE}/coupons/${coupon.id}`);
    return renderCoupon(store, coupon, base);
  });
}
