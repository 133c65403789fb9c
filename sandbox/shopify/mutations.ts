import { randomBytes } from 'node:crypto';
import { parseAmount, restAmount } from './money.ts';
import type { Context } from './resolvers.ts';
import {
  lineUnitAfterDiscount, maximumRefundableMinor, parseGid, refundableByParent, refundedQuantity, refundedShippingMinor,
  type SimFulfillment, type SimOrder, type SimRefund, type SimTransaction,
} from './store.ts';

// Mutations behave like Shopify's: business failures are `userErrors` with a field path and a
// message (HTTP 200, nothing written); a refund can never exceed what is still refundable.

type Args = Record<string, unknown>;
type Input = Record<string, unknown>;
const err = (field: (string | number)[], message: string, code?: string) => ({ field: field.map(String), message, ...(code ? { code } : {}) });

function refundCreate(_: never, args: Args, ctx: Context) {
  const input = args.input as Input;
  const { store } = ctx;
  const order = store.orders.get(parseGid(input.orderId, 'Order') ?? -1);
  if (!order) return { refund: null, order: null, userErrors: [err(['orderId'], 'Order does not exist')] };
  if (input.currency != null && input.currency !== order.currency) {
    return { refund: null, order, userErrors: [err(['currency'], `Currency must match the order currency ${order.currency}`)] };
  }
  const errors = [];
  const lines = [];
  for (const [i, item] of ((input.refundLineItems as Input[] | null) ?? []).entries()) {
    const line = order.lines.find((l) => l.id === parseGid(item.lineItemId, 'LineItem'));
    const quantity = Number(item.quantity);
    if (!line) { errors.push(err(['refundLineItems', i, 'lineItemId'], 'Line item does not exist')); continue; }
    if (quantity < 1 || quantity > line.quantity - refundedQuantity(order, line.id)) {
      errors.push(err(['refundLineItems', i, 'quantity'], 'Quantity cannot refund more items than were purchased'));
      continue;
    }
    lines.push({ id: store.id(), lineItemId: line.id, quantity, restockType: String(item.restockType ?? 'NO_RESTOCK'), subtotalMinor: lineUnitAfterDiscount(line) * quantity });
  }
  const shippingInput = input.shipping as Input | null | undefined;
  const shippingLeft = order.shippingMinor - refundedShippingMinor(order);
  let shippingMinor = 0;
  if (shippingInput?.fullRefund === true) shippingMinor = shippingLeft;
  else if (shippingInput?.amount != null) {
    const parsed = parseAmount(shippingInput.amount, order.currency);
    if (parsed === null || parsed < 0 || parsed > shippingLeft) errors.push(err(['shipping', 'amount'], `Shipping refund amount must be between 0 and ${restAmount(shippingLeft, order.currency)}`));
    else shippingMinor = parsed;
  }
  const remaining = refundableByParent(order);
  const transactions: SimTransaction[] = [];
  let total = 0;
  for (const [i, t] of ((input.transactions as Input[] | null) ?? []).entries()) {
    const parentId = parseGid(t.parentId, 'OrderTransaction');
    const amount = parseAmount(t.amount, order.currency);
    if (String(t.kind).toUpperCase() !== 'REFUND') { errors.push(err(['transactions', i, 'kind'], 'Kind must be refund')); continue; }
    if (parseGid(t.orderId, 'Order') !== order.id) { errors.push(err(['transactions', i, 'orderId'], 'Transaction must belong to the refunded order')); continue; }
    if (parentId === null || !remaining.has(parentId)) { errors.push(err(['transactions', i, 'parentId'], 'Parent transaction does not exist')); continue; }
    if (amount === null || amount <= 0) { errors.push(err(['transactions', i, 'amount'], 'Amount must be a positive amount in the order currency')); continue; }
    const left = remaining.get(parentId)!;
    if (amount > left) {
      errors.push(err(['transactions', i, 'amount'], `Refund amount ${restAmount(amount, order.currency)} ${order.currency} exceeds the maximum refundable amount ${restAmount(Math.max(0, left), order.currency)} ${order.currency}`));
      continue;
    }
    remaining.set(parentId, left - amount);
    total += amount;
    transactions.push({ id: store.id(), kind: 'REFUND', gateway: String(t.gateway), amountMinor: amount, parentId, createdAt: store.timestamp() });
  }
  // allowOverRefunding is accepted but ignored: the simulator, like a careful merchant, never over-refunds.
  if (total > maximumRefundableMinor(order)) errors.push(err(['transactions'], 'Refund amount exceeds the maximum refundable amount'));
  if (errors.length > 0) return { refund: null, order, userErrors: errors };
  const refund: SimRefund = {
    id: store.id(), orderId: order.id, createdAt: store.timestamp(), note: (input.note as string | null) ?? null,
    lines, transactions, shippingMinor,
  };
  order.refunds.push(refund);
  store.touch(order);
  store.emit({ topic: 'refunds/create', order, refund });
  store.emit({ topic: 'orders/updated', order });
  return { refund: { order, refund }, order, userErrors: [] };
}

function fulfillmentCreate(_: never, args: Args, ctx: Context) {
  const input = args.fulfillment as Input;
  const { store } = ctx;
  const groups = (input.lineItemsByFulfillmentOrder as Input[]) ?? [];
  if (groups.length === 0) return { fulfillment: null, userErrors: [err(['fulfillment', 'lineItemsByFulfillmentOrder'], 'Line items by fulfillment order must not be empty')] };
  let order: SimOrder | undefined;
  const shipped: { lineItemId: number; quantity: number; apply: () => void }[] = [];
  for (const [i, group] of groups.entries()) {
    const foId = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder') ?? -1;
    const owner = store.orders.get(store.fulfillmentOrderIndex.get(foId) ?? -1);
    const fo = owner?.fulfillmentOrders.find((f) => f.id === foId);
    const field = ['fulfillment', 'lineItemsByFulfillmentOrder', i];
    if (!owner || !fo) return { fulfillment: null, userErrors: [err([...field, 'fulfillmentOrderId'], 'Fulfillment order does not exist.')] };
    if (order && order.id !== owner.id) return { fulfillment: null, userErrors: [err(field, 'All fulfillment orders must belong to the same order.')] };
    order = owner;
    if (fo.status === 'CLOSED') return { fulfillment: null, userErrors: [err(field, `Fulfillment order ${fo.id} has an unfulfillable status= closed.`)] };
    const items = (group.fulfillmentOrderLineItems as Input[] | null) ?? fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => ({ id: String(l.id), quantity: l.remainingQuantity }));
    for (const item of items) {
      const fol = fo.lines.find((l) => l.id === parseGid(item.id, 'FulfillmentOrderLineItem'));
      const quantity = Number(item.quantity);
      if (!fol || quantity < 1 || quantity > fol.remainingQuantity) {
        return { fulfillment: null, userErrors: [err([...field, 'fulfillmentOrderLineItems'], 'Invalid fulfillment order line item quantity requested.')] };
      }
      shipped.push({ lineItemId: fol.lineItemId, quantity, apply: () => { fol.remainingQuantity -= quantity; } });
    }
  }
  if (!order) return { fulfillment: null, userErrors: [] };
  for (const s of shipped) s.apply();
  for (const fo of order.fulfillmentOrders) {
    const left = fo.lines.reduce((sum, l) => sum + l.remainingQuantity, 0);
    fo.status = left === 0 ? 'CLOSED' : left < fo.lines.reduce((sum, l) => sum + l.totalQuantity, 0) ? 'IN_PROGRESS' : fo.status;
  }
  const tracking = input.trackingInfo as Input | null | undefined;
  const numbers = tracking ? ((tracking.numbers as string[] | null) ?? (tracking.number ? [String(tracking.number)] : [])) : [];
  const urls = tracking ? ((tracking.urls as string[] | null) ?? (tracking.url ? [String(tracking.url)] : [])) : [];
  const fulfillment: SimFulfillment = {
    id: store.id(), orderId: order.id, name: `${order.name}.${order.fulfillments.length + 1}`, status: 'SUCCESS',
    createdAt: store.timestamp(), updatedAt: store.timestamp(), notifyCustomer: input.notifyCustomer === true,
    tracking: numbers.map((number, i) => ({ number, company: (tracking?.company as string | null) ?? null, url: urls[i] ?? null })),
    lines: shipped.map(({ lineItemId, quantity }) => ({ lineItemId, quantity })),
  };
  order.fulfillments.push(fulfillment);
  store.touch(order);
  store.emit({ topic: 'fulfillments/create', order, fulfillment });
  store.emit({ topic: 'orders/updated', order });
  return { fulfillment: { order, f: fulfillment }, userErrors: [] };
}

function discountCodeBasicCreate(_: never, args: Args, ctx: Context) {
  const input = args.basicCodeDiscount as Input;
  const { store } = ctx;
  const field = (name: string) => ['basicCodeDiscount', name];
  const code = typeof input.code === 'string' ? input.code.trim() : '';
  if (!code) return { codeDiscountNode: null, userErrors: [err(field('code'), "Code can't be blank", 'BLANK')] };
  if (!input.title) return { codeDiscountNode: null, userErrors: [err(field('title'), "Title can't be blank", 'BLANK')] };
  if (store.discounts.some((d) => d.code.toLowerCase() === code.toLowerCase())) {
    return { codeDiscountNode: null, userErrors: [err(field('code'), 'Code must be unique. Please try a different code.', 'TAKEN')] };
  }
  const value = ((input.customerGets as Input | null)?.value ?? {}) as Input;
  const percentage = typeof value.percentage === 'number' ? value.percentage : null;
  const amountMinor = value.discountAmount ? parseAmount((value.discountAmount as Input).amount, store.currency) : null;
  if ((percentage === null) === (amountMinor === null) || (percentage !== null && (percentage <= 0 || percentage > 1)) || (amountMinor !== null && amountMinor <= 0)) {
    return { codeDiscountNode: null, userErrors: [err(['basicCodeDiscount', 'customerGets', 'value'], 'Value must be a percentage between 0 and 1 or a positive amount', 'INVALID')] };
  }
  const selection = (input.customerSelection ?? { all: true }) as Input;
  const added = ((selection.customers as Input | null)?.add as string[] | null) ?? null;
  const customerIds: number[] | 'all' = added ? added.map((id) => parseGid(id, 'Customer') ?? -1) : 'all';
  if (customerIds !== 'all' && customerIds.some((id) => !store.customers.has(id))) {
    return { codeDiscountNode: null, userErrors: [err(['basicCodeDiscount', 'customerSelection'], 'Customer does not exist', 'INVALID')] };
  }
  const discount = {
    id: store.id(), codeId: store.id(), title: String(input.title), code, startsAt: String(input.startsAt ?? store.timestamp()),
    endsAt: (input.endsAt as string | null) ?? null, percentage, amountMinor, customerIds,
    appliesOncePerCustomer: input.appliesOncePerCustomer === true, usageLimit: (input.usageLimit as number | null) ?? null, createdAt: store.timestamp(),
  };
  store.discounts.push(discount);
  return { codeDiscountNode: discount, userErrors: [] };
}

function giftCardCreate(_: never, args: Args, ctx: Context) {
  const input = args.input as Input;
  const { store } = ctx;
  const initialMinor = parseAmount(input.initialValue, store.currency);
  if (initialMinor === null || initialMinor <= 0) return { giftCard: null, giftCardCode: null, userErrors: [err(['input', 'initialValue'], 'Initial value must be greater than 0', 'GREATER_THAN')] };
  const code = typeof input.code === 'string' ? input.code : randomBytes(8).toString('hex');
  if (!/^[A-Za-z0-9]{8,20}$/.test(code)) return { giftCard: null, giftCardCode: null, userErrors: [err(['input', 'code'], 'Code must be 8 to 20 letters or digits', 'INVALID')] };
  if (store.giftCards.some((g) => g.code.toLowerCase() === code.toLowerCase())) return { giftCard: null, giftCardCode: null, userErrors: [err(['input', 'code'], 'Code has already been taken', 'TAKEN')] };
  const customerId = input.customerId != null ? parseGid(input.customerId, 'Customer') : null;
  if (customerId !== null && !store.customers.has(customerId)) return { giftCard: null, giftCardCode: null, userErrors: [err(['input', 'customerId'], 'Customer does not exist', 'CUSTOMER_NOT_FOUND')] };
  const card = { id: store.id(), code, initialMinor, balanceMinor: initialMinor, note: (input.note as string | null) ?? null, customerId, expiresOn: (input.expiresOn as string | null) ?? null, createdAt: store.timestamp() };
  store.giftCards.push(card);
  return { giftCard: card, giftCardCode: code, userErrors: [] };
}

function storeCreditAccountCredit(_: never, args: Args, ctx: Context) {
  const { store } = ctx;
  const credit = args.creditInput as { creditAmount: { amount: unknown; currencyCode: string }; expiresAt?: string | null };
  const currency = credit.creditAmount.currencyCode;
  const amount = parseAmount(credit.creditAmount.amount, currency);
  const fail = (field: string[], message: string, code: string) => ({ storeCreditAccountTransaction: null, userErrors: [err(field, message, code)] });
  if (amount === null || amount <= 0) return fail(['creditInput', 'creditAmount', 'amount'], 'A positive amount must be used to credit a store credit account.', 'NEGATIVE_OR_ZERO_AMOUNT');
  const accountId = parseGid(args.id, 'StoreCreditAccount');
  const customerId = parseGid(args.id, 'Customer');
  let account = store.storeCreditAccounts.find((a) => a.id === accountId || (a.customerId === customerId && a.currency === currency));
  if (!account) {
    if (customerId === null || !store.customers.has(customerId)) return fail(['id'], 'Owner does not exist.', 'ACCOUNT_NOT_FOUND');
    account = { id: store.id(), customerId, currency, balanceMinor: 0, transactions: [] };
    store.storeCreditAccounts.push(account);
  }
  if (account.currency !== currency) return fail(['creditInput', 'creditAmount', 'currencyCode'], 'The currency provided does not match the currency of the store credit account.', 'MISMATCHING_CURRENCY');
  account.balanceMinor += amount;
  const tx = { id: store.id(), accountId: account.id, amountMinor: amount, balanceAfterMinor: account.balanceMinor, createdAt: store.timestamp(), expiresAt: credit.expiresAt ?? null };
  account.transactions.push(tx);
  return { storeCreditAccountTransaction: { account, tx }, userErrors: [] };
}

function tagsAdd(_: never, args: Args, ctx: Context) {
  const order = ctx.store.orders.get(parseGid(args.id, 'Order') ?? -1);
  if (!order) return { node: null, userErrors: [err(['id'], 'Resource does not exist')] };
  for (const tag of args.tags as string[]) for (const t of tag.split(',').map((s) => s.trim()).filter(Boolean)) if (!order.tags.includes(t)) order.tags.push(t);
  ctx.store.touch(order);
  ctx.store.emit({ topic: 'orders/updated', order });
  return { node: order, userErrors: [] };
}

function orderUpdate(_: never, args: Args, ctx: Context) {
  const input = args.input as Input;
  const order = ctx.store.orders.get(parseGid(input.id, 'Order') ?? -1);
  if (!order) return { order: null, userErrors: [err(['id'], 'Order does not exist')] };
  if (input.note !== undefined) order.note = (input.note as string | null) ?? null;
  if (Array.isArray(input.tags)) order.tags = [...new Set(input.tags as string[])];
  ctx.store.touch(order);
  ctx.store.emit({ topic: 'orders/updated', order });
  return { order, userErrors: [] };
}

export const mutations = { refundCreate, fulfillmentCreate, discountCodeBasicCreate, giftCardCreate, storeCreditAccountCredit, tagsAdd, orderUpdate };
