import { ConnectorError, type RefundRequest, type RefundResult } from '../types.ts';
import { OutcomeUnknownError, type ShopifyGraphqlClient } from './client.ts';
import * as doc from './documents.ts';
import { toDecimal, toMinor } from './money.ts';

// Refunds, exactly once. The idempotency key travels inside the refund note ("recoup:<key> …"),
// written by the same mutation that moves the money, so after a lost answer `findRefund` can tell
// whether Shopify made the refund. Flow: read the order (marks + suggestedRefund, Shopify's
// calculate step) → refuse above the maximum refundable → refundCreate with parent transactions.
//
// Store credit (toStoreCredit): in API 2025-01 refundCreate has no store-credit method (refundMethods
// arrived in 2025-07), so the credit goes through `storeCreditAccountCredit` on the order's customer.
// A credit transaction carries no note, so the marks live in the order note: a pending mark before
// the credit and a done mark after it. Pending without done means "unknown": we refuse to guess.

type Money = { shopMoney: { amount: string; currencyCode: string } };
interface RefundNode { id: string; createdAt: string | null; note: string | null; totalRefundedSet: Money }
interface RefundContext {
  order: {
    id: string; currencyCode: string; note: string | null; customer: { id: string } | null; refunds: RefundNode[];
    suggestedRefund: {
      maximumRefundableSet: Money;
      suggestedTransactions: { gateway: string; maximumRefundableSet: Money | null; parentTransaction: { id: string } | null }[];
    } | null;
  } | null;
}

type Order = NonNullable<RefundContext['order']>;
type Suggested = NonNullable<Order['suggestedRefund']>['suggestedTransactions'];

const MAX_ATTEMPTS = 3;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const refundMark = (key: string) => `recoup:${key}`;
const hasMark = (note: string | null, mark: string) => !!note && new RegExp(`(^|\\s)${escape(mark)}(\\s|$)`).test(note);
const creditDone = (key: string) => new RegExp(`(?:^|\\s)recoup-sc:${escape(key)} txn:(\\S+) amount:(\\S+) (\\w{3}) at:(\\S+)`);
const creditPending = (key: string) => `recoup-sc-pending:${key}`;

function toResult(node: RefundNode, fallbackCurrency: string): RefundResult {
  const currency = node.totalRefundedSet.shopMoney.currencyCode || fallbackCurrency;
  return { externalId: node.id, amountMinor: toMinor(node.totalRefundedSet.shopMoney.amount, currency), currency, createdAt: node.createdAt ?? new Date().toISOString() };
}

export function refundsApi(client: ShopifyGraphqlClient) {
  async function context(request: RefundRequest): Promise<Order> {
    const lines = request.lines?.map((l) => ({ lineItemId: l.lineExternalId, quantity: l.quantity })) ?? null;
    const data = await client.request<RefundContext>(doc.REFUND_CONTEXT, { id: request.orderExternalId, lines, full: !lines }, { costKey: 'refundContext', estimatedCost: doc.REFUND_CONTEXT_COST });
    if (!data.order) throw new ConnectorError(`Shopify has no order ${request.orderExternalId}.`, 'not_found', 200);
    return data.order;
  }

  async function findRefund(orderExternalId: string, idempotencyKey: string): Promise<RefundResult | null> {
    const data = await client.request<{ order: { currencyCode: string; note: string | null; refunds: RefundNode[] } | null }>(
      doc.ORDER_REFUNDS, { id: orderExternalId }, { costKey: 'orderRefunds', estimatedCost: doc.ORDER_REFUNDS_COST });
    if (!data.order) throw new ConnectorError(`Shopify has no order ${orderExternalId}.`, 'not_found', 200);
    return markedRefund(data.order, idempotencyKey);
  }

  function markedRefund(order: { currencyCode: string; note: string | null; refunds: RefundNode[] }, key: string): RefundResult | null {
    const refund = order.refunds.find((r) => hasMark(r.note, refundMark(key)));
    if (refund) return toResult(refund, order.currencyCode);
    const credit = order.note ? creditDone(key).exec(order.note) : null;
    if (credit) return { externalId: credit[1]!, amountMinor: toMinor(credit[2]!, credit[3]!), currency: credit[3]!, createdAt: credit[4]! };
    return null;
  }

  async function createRefund(request: RefundRequest): Promise<RefundResult> {
    if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
      throw new ConnectorError(`Refund amount must be a positive whole number of minor units, got ${request.amountMinor}.`, 'invalid');
    }
    for (let attempt = 1; ; attempt++) {
      const order = await context(request);
      const existing = markedRefund(order, request.idempotencyKey);
      if (existing) return existing;
      if (order.currencyCode !== request.currency) {
        throw new ConnectorError(`Order ${order.id} is in ${order.currencyCode}, the refund is in ${request.currency}.`, 'invalid');
      }
      const suggestion = order.suggestedRefund;
      const maximum = suggestion ? toMinor(suggestion.maximumRefundableSet.shopMoney.amount, order.currencyCode) : 0;
      if (request.amountMinor > maximum) {
        throw new ConnectorError(`Refund of ${toDecimal(request.amountMinor, order.currencyCode)} ${order.currencyCode} exceeds the ${toDecimal(maximum, order.currencyCode)} still refundable on ${order.id}.`, 'exceeds_refundable');
      }
      try {
        if (request.toStoreCredit) return await creditStore(order, request);
        return await refund(order, suggestion!.suggestedTransactions, request);
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_ATTEMPTS) throw error;
        // Loop: the next context read shows the mark if Shopify did make the refund.
      }
    }
  }

  async function refund(order: Order, suggested: Suggested, request: RefundRequest): Promise<RefundResult> {
    // Spread the amount over the original payments, each up to what it can still give back.
    let left = request.amountMinor;
    const transactions = [];
    for (const t of suggested) {
      if (left === 0 || !t.parentTransaction) continue;
      const room = t.maximumRefundableSet ? toMinor(t.maximumRefundableSet.shopMoney.amount, order.currencyCode) : left;
      const take = Math.min(left, room);
      if (take <= 0) continue;
      left -= take;
      transactions.push({ orderId: order.id, parentId: t.parentTransaction.id, gateway: t.gateway, kind: 'REFUND', amount: toDecimal(take, order.currencyCode) });
    }
    if (left > 0) throw new ConnectorError(`No payment on ${order.id} can take the remaining ${toDecimal(left, order.currencyCode)} ${order.currencyCode}.`, 'exceeds_refundable');
    const input = {
      orderId: order.id,
      note: `${refundMark(request.idempotencyKey)} ${request.reason}`.slice(0, 500),
      notify: false,
      currency: order.currencyCode,
      refundLineItems: request.lines?.map((l) => ({ lineItemId: l.lineExternalId, quantity: l.quantity, restockType: 'NO_RESTOCK' })) ?? [],
      transactions,
    };
    const data = await client.request<{ refundCreate: { refund: RefundNode | null; userErrors: { field: string[] | null; message: string }[] } | null }>(
      doc.REFUND_CREATE, { input }, { costKey: 'refundCreate', estimatedCost: doc.MUTATION_COST, mutation: true });
    const payload = data.refundCreate;
    const errors = payload?.userErrors ?? [];
    if (errors.length > 0 || !payload?.refund) {
      const message = errors.map((e) => `${e.field?.join('.') ?? ''}: ${e.message}`).join('; ') || 'no refund returned';
      const kind = /exceed|greater than|more than/i.test(message) ? 'exceeds_refundable' : 'invalid';
      throw new ConnectorError(`Shopify refused the refund on ${order.id}: ${message}`, kind, 200);
    }
    return toResult(payload.refund, order.currencyCode);
  }

  async function setNote(orderId: string, note: string): Promise<void> {
    // orderUpdate replaces the note with the same text each time: safe to repeat.
    await client.request(doc.ORDER_NOTE, { input: { id: orderId, note } }, { costKey: 'orderNote', estimatedCost: doc.MUTATION_COST });
  }

  async function creditStore(order: Order, request: RefundRequest): Promise<RefundResult> {
    const key = request.idempotencyKey;
    if (!order.customer) throw new ConnectorError(`Order ${order.id} has no customer to credit.`, 'invalid');
    const note = order.note ?? '';
    if (note.includes(creditPending(key))) {
      throw new ConnectorError(`A store credit for ${key} on ${order.id} was started but its outcome is unknown; check the customer's store credit before retrying.`, 'conflict');
    }
    const pendingNote = `${note}${note ? '\n' : ''}${creditPending(key)}`;
    await setNote(order.id, pendingNote);
    const data = await client.request<{ storeCreditAccountCredit: { storeCreditAccountTransaction: { id: string; createdAt: string; amount: { amount: string; currencyCode: string } } | null; userErrors: { message: string; code?: string | null }[] } }>(
      doc.STORE_CREDIT,
      { id: order.customer.id, creditInput: { creditAmount: { amount: toDecimal(request.amountMinor, order.currencyCode), currencyCode: order.currencyCode } } },
      { costKey: 'storeCredit', estimatedCost: doc.MUTATION_COST, mutation: true },
    ).catch((error: unknown) => {
      // The pending mark stays: nobody may credit this key again without a human look.
      if (error instanceof OutcomeUnknownError) throw new ConnectorError(`${error.message} (store credit for ${key}; left marked pending)`, 'conflict', error.status);
      throw error;
    });
    const payload = data.storeCreditAccountCredit;
    const tx = payload.storeCreditAccountTransaction;
    if (!tx || payload.userErrors.length > 0) {
      await setNote(order.id, note);
      throw new ConnectorError(`Shopify refused the store credit: ${payload.userErrors.map((e) => e.message).join('; ')}`, 'invalid', 200);
    }
    const createdAt = new Date(tx.createdAt).toISOString();
    await setNote(order.id, `${note}${note ? '\n' : ''}recoup-sc:${key} txn:${tx.id} amount:${tx.amount.amount} ${tx.amount.currencyCode} at:${createdAt}`);
    return { externalId: tx.id, amountMinor: toMinor(tx.amount.amount, tx.amount.currencyCode), currency: tx.amount.currencyCode, createdAt };
  }

  async function refundableAmount(orderExternalId: string): Promise<{ amountMinor: number; currency: string }> {
    const data = await client.request<{ order: { currencyCode: string; suggestedRefund: { maximumRefundableSet: Money } | null } | null }>(
      doc.REFUNDABLE, { id: orderExternalId }, { costKey: 'refundable', estimatedCost: doc.SMALL_QUERY_COST });
    if (!data.order) throw new ConnectorError(`Shopify has no order ${orderExternalId}.`, 'not_found', 200);
    const currency = data.order.currencyCode;
    return { amountMinor: data.order.suggestedRefund ? toMinor(data.order.suggestedRefund.maximumRefundableSet.shopMoney.amount, currency) : 0, currency };
  }

  return { createRefund, findRefund, refundableAmount };
}
