import type { GraphQLInterfaceType, GraphQLUnionType} from 'graphql';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { moneyBag, moneyV2, parseAmount } from './money.ts';
import { listConnection, ordersConnection } from './queries.ts';
import {
  financialStatus, fulfillmentStatus, gid, lineUnitAfterDiscount, maximumRefundableMinor, parseGid, refundableByParent,
  refundedMinor, refundedQuantity, refundedShippingMinor, subtotalMinor, totalDiscountMinor, totalMinor,
  type ShopStore, type SimCustomer, type SimDiscount, type SimFulfillment, type SimFulfillmentOrder, type SimFulfillmentOrderLine,
  type SimGiftCard, type SimLine, type SimOrder, type SimRefund, type SimRefundLine, type SimStoreCreditAccount,
  type SimStoreCreditTransaction, type SimTransaction,
} from './store.ts';

// Field resolvers for the simulated schema. Sources are the store's records, wrapped with their
// order where a nested object needs the order's currency.

export interface Context { store: ShopStore; shopDomain: string }
type Args = Record<string, unknown>;
type Resolver = (source: never, args: Args, context: Context) => unknown;

const bag = (minor: number, order: SimOrder) => moneyBag(minor, order.currency);
const limit = <T>(items: T[], first: unknown) => (typeof first === 'number' ? items.slice(0, first) : items);

interface LineSrc { order: SimOrder; line: SimLine }
interface TxSrc { order: SimOrder; tx: SimTransaction }
interface RefundSrc { order: SimOrder; refund: SimRefund }
interface RefundLineSrc { order: SimOrder; rl: SimRefundLine }
interface FoSrc { order: SimOrder; fo: SimFulfillmentOrder }
interface FoLineSrc { order: SimOrder; fol: SimFulfillmentOrderLine }
interface FulfillmentSrc { order: SimOrder; f: SimFulfillment }
interface AccountSrc { account: SimStoreCreditAccount }
interface CreditSrc { account: SimStoreCreditAccount; tx: SimStoreCreditTransaction }

const lineOf = (order: SimOrder, id: number): LineSrc => ({ order, line: order.lines.find((l) => l.id === id)! });

export function suggestRefund(order: SimOrder, args: Args) {
  const full = args.suggestFullRefund === true;
  const requested = (Array.isArray(args.refundLineItems) ? args.refundLineItems : []) as { lineItemId: string; quantity: number }[];
  const refundLines: SimRefundLine[] = [];
  const wanted = full
    ? order.lines.map((l) => ({ line: l, quantity: l.quantity - refundedQuantity(order, l.id) }))
    : requested.map((r) => ({ line: order.lines.find((l) => l.id === parseGid(r.lineItemId, 'LineItem')), quantity: r.quantity }));
  for (const { line, quantity } of wanted) {
    if (!line) continue;
    const q = Math.max(0, Math.min(quantity, line.quantity - refundedQuantity(order, line.id)));
    if (q > 0) refundLines.push({ id: 0, lineItemId: line.id, quantity: q, restockType: 'NO_RESTOCK', subtotalMinor: lineUnitAfterDiscount(line) * q });
  }
  const shippingLeft = order.shippingMinor - refundedShippingMinor(order);
  const shippingAsked = args.shippingAmount != null ? parseAmount(args.shippingAmount, order.currency) ?? 0 : 0;
  const shipping = full || args.refundShipping === true ? shippingLeft : Math.max(0, Math.min(shippingAsked, shippingLeft));
  const subtotal = refundLines.reduce((s, l) => s + l.subtotalMinor, 0);
  const maximum = maximumRefundableMinor(order);
  let amount = Math.min(subtotal + shipping, maximum);
  const suggestedTransactions = [];
  for (const [parentId, left] of refundableByParent(order)) {
    if (left <= 0) continue;
    const take = Math.min(amount, left);
    amount -= take;
    const parent = order.transactions.find((t) => t.id === parentId)!;
    suggestedTransactions.push({ order, take, left, parent });
  }
  return { order, refundLines, shipping, shippingLeft, subtotal, maximum, amount: Math.min(subtotal + shipping, maximum), suggestedTransactions };
}
type Suggestion = ReturnType<typeof suggestRefund>;

const resolvers: Record<string, Record<string, Resolver>> = {
  QueryRoot: {
    shop: (_: never, __, ctx) => ({ id: 'gid://shopify/Shop/1', name: ctx.store.shopName, myshopifyDomain: ctx.shopDomain, currencyCode: ctx.store.currency }),
    orders: (_: never, args, ctx) => ordersConnection(ctx.store.orders.values(), args),
    order: (_: never, args, ctx) => ctx.store.orders.get(parseGid(args.id, 'Order') ?? -1) ?? null,
    customers: (_: never, args, ctx) => {
      const email = typeof args.query === 'string' ? /email:(\S+)/.exec(args.query)?.[1]?.replace(/['"]/g, '').toLowerCase() : undefined;
      const all = [...ctx.store.customers.values()].filter((c) => !email || c.email.toLowerCase() === email);
      return listConnection(all, args);
    },
    codeDiscountNodeByCode: (_: never, args, ctx) => ctx.store.discounts.find((d) => d.code.toLowerCase() === String(args.code).toLowerCase()) ?? null,
    giftCards: (_: never, args, ctx) => listConnection(ctx.store.giftCards, args),
  },
  Order: {
    id: (o: SimOrder) => gid('Order', o.id),
    legacyResourceId: (o: SimOrder) => String(o.id),
    processedAt: (o: SimOrder) => o.createdAt,
    closedAt: () => null,
    currencyCode: (o: SimOrder) => o.currency,
    presentmentCurrencyCode: (o: SimOrder) => o.currency,
    displayFinancialStatus: (o: SimOrder) => financialStatus(o),
    displayFulfillmentStatus: (o: SimOrder) => fulfillmentStatus(o),
    totalPriceSet: (o: SimOrder) => bag(totalMinor(o), o),
    subtotalPriceSet: (o: SimOrder) => bag(subtotalMinor(o), o),
    totalShippingPriceSet: (o: SimOrder) => bag(o.shippingMinor, o),
    totalRefundedSet: (o: SimOrder) => bag(refundedMinor(o), o),
    totalDiscountsSet: (o: SimOrder) => bag(totalDiscountMinor(o), o),
    currentTotalPriceSet: (o: SimOrder) => bag(totalMinor(o) - refundedMinor(o), o),
    totalTaxSet: (o: SimOrder) => bag(0, o),
    customer: (o: SimOrder, _, ctx) => (o.customerId === null ? null : ctx.store.customers.get(o.customerId) ?? null),
    shippingAddress: (o: SimOrder) => (o.shippingAddress ? { ...o.shippingAddress, name: `${o.shippingAddress.firstName} ${o.shippingAddress.lastName}`, countryCodeV2: o.shippingAddress.countryCode } : null),
    lineItems: (o: SimOrder, args) => listConnection(o.lines.map((line) => ({ order: o, line })), args),
    refunds: (o: SimOrder, args) => limit(o.refunds.map((refund) => ({ order: o, refund })), args.first),
    fulfillments: (o: SimOrder, args) => limit(o.fulfillments.map((f) => ({ order: o, f })), args.first),
    fulfillmentOrders: (o: SimOrder, args) => listConnection(o.fulfillmentOrders.map((fo) => ({ order: o, fo })), args),
    transactions: (o: SimOrder, args) => limit([...o.transactions, ...o.refunds.flatMap((r) => r.transactions)].map((tx) => ({ order: o, tx })), args.first),
    suggestedRefund: (o: SimOrder, args) => suggestRefund(o, args),
  },
  LineItem: {
    id: (s: LineSrc) => gid('LineItem', s.line.id),
    name: (s: LineSrc) => (s.line.variantTitle === 'Default Title' ? s.line.title : `${s.line.title} - ${s.line.variantTitle}`),
    title: (s: LineSrc) => s.line.title,
    variantTitle: (s: LineSrc) => s.line.variantTitle,
    sku: (s: LineSrc) => s.line.sku,
    vendor: (s: LineSrc) => s.line.vendor,
    quantity: (s: LineSrc) => s.line.quantity,
    currentQuantity: (s: LineSrc) => s.line.quantity - refundedQuantity(s.order, s.line.id),
    refundableQuantity: (s: LineSrc) => s.line.quantity - refundedQuantity(s.order, s.line.id),
    originalUnitPriceSet: (s: LineSrc) => bag(s.line.unitMinor, s.order),
    discountedUnitPriceSet: (s: LineSrc) => bag(lineUnitAfterDiscount(s.line), s.order),
    totalDiscountSet: (s: LineSrc) => bag(s.line.unitDiscountMinor * s.line.quantity, s.order),
    product: (s: LineSrc) => ({ id: gid('Product', s.line.productId), title: s.line.title }),
    variant: (s: LineSrc) => ({ id: gid('ProductVariant', s.line.variantId), title: s.line.variantTitle, sku: s.line.sku }),
  },
  OrderTransaction: {
    id: (s: TxSrc) => gid('OrderTransaction', s.tx.id),
    kind: (s: TxSrc) => s.tx.kind,
    status: () => 'SUCCESS',
    gateway: (s: TxSrc) => s.tx.gateway,
    amountSet: (s: TxSrc) => bag(s.tx.amountMinor, s.order),
    createdAt: (s: TxSrc) => s.tx.createdAt,
    parentTransaction: (s: TxSrc) => {
      const parent = s.order.transactions.find((t) => t.id === s.tx.parentId);
      return parent ? { order: s.order, tx: parent } : null;
    },
  },
  Refund: {
    id: (s: RefundSrc) => gid('Refund', s.refund.id),
    legacyResourceId: (s: RefundSrc) => String(s.refund.id),
    createdAt: (s: RefundSrc) => s.refund.createdAt,
    updatedAt: (s: RefundSrc) => s.refund.createdAt,
    note: (s: RefundSrc) => s.refund.note,
    totalRefundedSet: (s: RefundSrc) => bag(s.refund.transactions.reduce((sum, t) => sum + t.amountMinor, 0), s.order),
    refundLineItems: (s: RefundSrc, args) => listConnection(s.refund.lines.map((rl) => ({ order: s.order, rl })), args),
    transactions: (s: RefundSrc, args) => listConnection(s.refund.transactions.map((tx) => ({ order: s.order, tx })), args),
    order: (s: RefundSrc) => s.order,
  },
  RefundLineItem: {
    id: (s: RefundLineSrc) => gid('RefundLineItem', s.rl.id),
    lineItem: (s: RefundLineSrc) => lineOf(s.order, s.rl.lineItemId),
    quantity: (s: RefundLineSrc) => s.rl.quantity,
    restockType: (s: RefundLineSrc) => s.rl.restockType,
    subtotalSet: (s: RefundLineSrc) => bag(s.rl.subtotalMinor, s.order),
  },
  SuggestedRefund: {
    amountSet: (s: Suggestion) => bag(s.amount, s.order),
    maximumRefundableSet: (s: Suggestion) => bag(s.maximum, s.order),
    subtotalSet: (s: Suggestion) => bag(s.subtotal, s.order),
    totalTaxSet: (s: Suggestion) => bag(0, s.order),
    shipping: (s: Suggestion) => ({ amountSet: bag(s.shipping, s.order), maximumRefundableSet: bag(s.shippingLeft, s.order), taxSet: bag(0, s.order) }),
    refundLineItems: (s: Suggestion) => s.refundLines.map((rl) => ({ order: s.order, rl })),
    suggestedTransactions: (s: Suggestion) => s.suggestedTransactions.map((t) => ({
      amountSet: bag(t.take, t.order), maximumRefundableSet: bag(t.left, t.order), gateway: t.parent.gateway,
      kind: 'SUGGESTED_REFUND', parentTransaction: { order: t.order, tx: t.parent },
    })),
  },
  FulfillmentOrder: {
    id: (s: FoSrc) => gid('FulfillmentOrder', s.fo.id),
    status: (s: FoSrc) => s.fo.status,
    lineItems: (s: FoSrc, args) => listConnection(s.fo.lines.map((fol) => ({ order: s.order, fol })), args),
  },
  FulfillmentOrderLineItem: {
    id: (s: FoLineSrc) => gid('FulfillmentOrderLineItem', s.fol.id),
    totalQuantity: (s: FoLineSrc) => s.fol.totalQuantity,
    remainingQuantity: (s: FoLineSrc) => s.fol.remainingQuantity,
    lineItem: (s: FoLineSrc) => lineOf(s.order, s.fol.lineItemId),
    sku: (s: FoLineSrc) => s.order.lines.find((l) => l.id === s.fol.lineItemId)?.sku ?? null,
  },
  Fulfillment: {
    id: (s: FulfillmentSrc) => gid('Fulfillment', s.f.id),
    name: (s: FulfillmentSrc) => s.f.name,
    status: (s: FulfillmentSrc) => s.f.status,
    createdAt: (s: FulfillmentSrc) => s.f.createdAt,
    updatedAt: (s: FulfillmentSrc) => s.f.updatedAt,
    trackingInfo: (s: FulfillmentSrc, args) => limit(s.f.tracking, args.first),
    order: (s: FulfillmentSrc) => s.order,
  },
  Customer: {
    id: (c: SimCustomer) => gid('Customer', c.id),
    displayName: (c: SimCustomer) => `${c.firstName} ${c.lastName}`,
    storeCreditAccounts: (c: SimCustomer, args, ctx) => listConnection(ctx.store.storeCreditAccounts.filter((a) => a.customerId === c.id).map((account) => ({ account })), args),
  },
  StoreCreditAccount: {
    id: (s: AccountSrc) => gid('StoreCreditAccount', s.account.id),
    balance: (s: AccountSrc) => moneyV2(s.account.balanceMinor, s.account.currency),
    transactions: (s: AccountSrc, args) => listConnection(s.account.transactions.map((tx) => ({ account: s.account, tx })), args),
  },
  StoreCreditAccountCreditTransaction: {
    id: (s: CreditSrc) => gid('StoreCreditAccountCreditTransaction', s.tx.id),
    amount: (s: CreditSrc) => moneyV2(s.tx.amountMinor, s.account.currency),
    balanceAfterTransaction: (s: CreditSrc) => moneyV2(s.tx.balanceAfterMinor, s.account.currency),
    createdAt: (s: CreditSrc) => s.tx.createdAt,
    expiresAt: (s: CreditSrc) => s.tx.expiresAt,
    account: (s: CreditSrc) => ({ account: s.account }),
  },
  DiscountCodeNode: {
    id: (d: SimDiscount) => gid('DiscountCodeNode', d.id),
    codeDiscount: (d: SimDiscount) => d,
  },
  DiscountCodeBasic: {
    status: (d: SimDiscount) => (d.endsAt && Date.parse(d.endsAt) < Date.now() ? 'EXPIRED' : 'ACTIVE'),
    summary: (d: SimDiscount, _, ctx) => (d.percentage !== null ? `${Math.round(d.percentage * 100)}% off entire order` : `${moneyV2(d.amountMinor ?? 0, ctx.store.currency).amount} off entire order`),
    asyncUsageCount: () => 0,
    codes: (d: SimDiscount, args) => listConnection([{ id: gid('DiscountRedeemCode', d.codeId), code: d.code, asyncUsageCount: 0 }], args),
  },
  GiftCard: {
    id: (g: SimGiftCard) => gid('GiftCard', g.id),
    lastCharacters: (g: SimGiftCard) => g.code.slice(-4),
    maskedCode: (g: SimGiftCard) => `•••• •••• •••• ${g.code.slice(-4)}`,
    initialValue: (g: SimGiftCard, _, ctx) => moneyV2(g.initialMinor, ctx.store.currency),
    balance: (g: SimGiftCard, _, ctx) => moneyV2(g.balanceMinor, ctx.store.currency),
    customer: (g: SimGiftCard, _, ctx) => (g.customerId === null ? null : ctx.store.customers.get(g.customerId) ?? null),
    enabled: () => true,
  },
};

/** Wires the resolver table into a schema built from SDL (graphql-js keeps field configs mutable). */
export function attachResolvers(schema: GraphQLSchema, mutations: Record<string, Resolver>): void {
  for (const [typeName, fields] of Object.entries({ ...resolvers, Mutation: mutations })) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`unknown type ${typeName}`);
    const defs = type.getFields();
    for (const [field, resolve] of Object.entries(fields)) {
      const def = defs[field];
      if (!def) throw new Error(`unknown field ${typeName}.${field}`);
      def.resolve = (source, args, context) => resolve(source as never, args as Args, context as Context);
    }
  }
  const node = schema.getType('Node') as GraphQLInterfaceType;
  node.resolveType = (value) => ((value as object) && 'lines' in (value as object) ? 'Order' : 'Customer');
  (schema.getType('DiscountCode') as GraphQLUnionType).resolveType = () => 'DiscountCodeBasic';
}
