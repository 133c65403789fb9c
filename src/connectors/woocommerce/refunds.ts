import { ConnectorError, type RefundRequest, type RefundResult } from '../types.ts';
import { OutcomeUnknownError, WooApiError, type WooRestClient } from './client.ts';
import { gmtToIso, type WooOrderJson } from './mapping.ts';
import { toDecimal, toMinor } from './money.ts';

// Refunds, exactly once. The idempotency key travels inside the refund's reason
// ("… [recoup:<key>]"), written by the same request that moves the money, so after a lost answer
// `findRefund` can tell whether WooCommerce made it. Flow per attempt: look for the mark → check
// the amount against what is left → POST with api_refund (the gateway really pays back). An
// order note for people reading the order in wp-admin follows; it is best-effort.

interface RefundJson { id: number; date_created_gmt: string | null; amount: string; reason: string }

const MAX_ATTEMPTS = 3;
export const refundMark = (key: string) => `[recoup:${key}]`;

export function refundsApi(client: WooRestClient) {
  async function getOrder(orderExternalId: string): Promise<WooOrderJson> {
    if (!/^\d+$/.test(orderExternalId)) throw new ConnectorError(`"${orderExternalId}" is not a WooCommerce order id.`, 'invalid');
    return (await client.request<WooOrderJson>('GET', `/orders/${orderExternalId}`)).data;
  }

  async function findRefund(orderExternalId: string, idempotencyKey: string): Promise<RefundResult | null> {
    const order = await getOrder(orderExternalId);
    const mark = refundMark(idempotencyKey);
    // The order lists every refund's reason; only fetch the refund itself when the mark is there.
    const hit = (order.refunds ?? []).find((r) => (r.reason ?? '').includes(mark));
    if (!hit) return null;
    const { data } = await client.request<RefundJson>('GET', `/orders/${orderExternalId}/refunds/${hit.id}`);
    return toResult(data, order.currency);
  }

  function toResult(refund: RefundJson, currency: string): RefundResult {
    return { externalId: String(refund.id), amountMinor: toMinor(refund.amount, currency), currency, createdAt: gmtToIso(refund.date_created_gmt) ?? new Date().toISOString() };
  }

  function remaining(order: WooOrderJson): number {
    const refunded = (order.refunds ?? []).reduce((sum, r) => sum + Math.abs(toMinor(r.total, order.currency)), 0);
    return Math.max(0, toMinor(order.total, order.currency) - refunded);
  }

  async function refundableAmount(orderExternalId: string): Promise<{ amountMinor: number; currency: string }> {
    const order = await getOrder(orderExternalId);
    return { amountMinor: remaining(order), currency: order.currency };
  }

  async function createRefund(request: RefundRequest): Promise<RefundResult> {
    if (request.toStoreCredit) {
      throw new ConnectorError('WooCommerce has no store credit; issue a coupon for the amount instead (createDiscount with the customer\'s email).', 'invalid');
    }
    if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
      throw new ConnectorError(`Refund amount must be a positive whole number of minor units, got ${request.amountMinor}.`, 'invalid');
    }
    const mark = refundMark(request.idempotencyKey);
    let lost: OutcomeUnknownError | null = null;
    for (let attempt = 1; ; attempt++) {
      const order = await getOrder(request.orderExternalId).catch((error: unknown) => {
        // After a lost answer, failing to look means we still do not know whether money moved.
        if (lost && error instanceof Error) throw new OutcomeUnknownError(`${lost.message} Checking afterwards failed too: ${error.message}`, 'unavailable');
        throw error;
      });
      const existing = (order.refunds ?? []).find((r) => (r.reason ?? '').includes(mark));
      if (existing) return (await findRefund(request.orderExternalId, request.idempotencyKey))!;
      if (order.currency.toUpperCase() !== request.currency.toUpperCase()) {
        throw new ConnectorError(`Order ${order.id} is in ${order.currency}, the refund is in ${request.currency}.`, 'invalid');
      }
      const left = remaining(order);
      if (request.amountMinor > left) {
        throw new ConnectorError(`Refund of ${toDecimal(request.amountMinor, order.currency)} ${order.currency} exceeds the ${toDecimal(left, order.currency)} still refundable on order ${order.id}.`, 'exceeds_refundable');
      }
      try {
        const refund = await post(order, request, mark);
        await leaveNote(order, request, refund, mark);
        return toResult(refund, order.currency);
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_ATTEMPTS) throw error;
        lost = error;
        // Loop: the next read of the order shows the mark if WooCommerce did make the refund.
      }
    }
  }

  async function post(order: WooOrderJson, request: RefundRequest, mark: string): Promise<RefundJson> {
    const body = {
      amount: toDecimal(request.amountMinor, order.currency),
      reason: `${request.reason.trim().slice(0, 400)} ${mark}`.trim(),
      // true: the gateway pays the money back. false would only record a refund in WooCommerce.
      api_refund: true,
      api_restock: false,
      ...(request.lines?.length ? { line_items: request.lines.map((l) => ({ id: Number(l.lineExternalId), quantity: l.quantity, refund_total: 0 })) } : {}),
    };
    try {
      return (await client.request<RefundJson>('POST', `/orders/${order.id}/refunds`, { body })).data;
    } catch (error) {
      if (error instanceof WooApiError && error.code === 'woocommerce_rest_cannot_create_order_refund') {
        // wc_create_refund's refusals: "Invalid refund amount." (more than is left, e.g. a refund made meanwhile) or a gateway error.
        const kind = /invalid refund amount/i.test(error.message) ? 'exceeds_refundable' : 'invalid';
        throw new ConnectorError(error.message, kind, error.status);
      }
      throw error;
    }
  }

  async function leaveNote(order: WooOrderJson, request: RefundRequest, refund: RefundJson, mark: string): Promise<void> {
    const note = `Recoup refunded ${refund.amount} ${order.currency} (refund #${refund.id}): ${request.reason.trim()} ${mark}`;
    await client.request('POST', `/orders/${order.id}/notes`, { body: { note, customer_note: false } }).catch(() => undefined);
  }

  return { createRefund, findRefund, refundableAmount };
}
