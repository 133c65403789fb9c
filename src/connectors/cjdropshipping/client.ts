// CJdropshipping client: orders and the dispute API. Opening a dispute is exactly-once from
// Recoup's side: Recoup's dispute id travels as businessDisputeId, every attempt first looks for
// a dispute already carrying it, and a lost or failed create is retried only after that check.
import { CjError, createCjTransport, type CjTransportOptions } from './transport.ts';
import { pageOf, parseCjDispute, parseCjOrder, parseConfirmInfo, parseDisputableLines, type CjDispute, type CjOrder } from './parse.ts';

export type CjClientOptions = CjTransportOptions;

export interface OpenDisputeRequest {
  orderId: string;
  /** Recoup's id for this dispute; the idempotency key */
  businessDisputeId: string;
  lines: { lineItemId: string; quantity: number }[];
  /** one of the reasons disputeConfirmInfo offers (getDisputeOptions) */
  reasonId: number;
  expect: 'refund' | 'reissue';
  refundTo?: 'balance' | 'original';
  /** refund asked for, cents; CJ refuses more than it allows (goods + postage) */
  amountMinor?: number;
  message: string;
  imageUrls?: string[];
  videoUrls?: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createCjClient(options: CjClientOptions) {
  const transport = createCjTransport(options);
  const maxRetries = options.maxRetries ?? 3;

  async function listDisputes(query: { orderId?: string; disputeId?: string; orderNumber?: string; pageNum?: number; pageSize?: number } = {}) {
    const page = pageOf(await transport.request('GET', '/disputes/getDisputeList', { query: { ...query, pageNum: query.pageNum ?? 1, pageSize: query.pageSize ?? 50 } }));
    return { items: page.list.map(parseCjDispute), total: page.total, pageNum: page.pageNum, pageSize: page.pageSize };
  }

  /** Every dispute on one order (CJ lists newest first). */
  async function disputesOfOrder(orderId: string): Promise<CjDispute[]> {
    const all: CjDispute[] = [];
    for (let pageNum = 1; ; pageNum++) {
      const page = await listDisputes({ orderId, pageNum, pageSize: 50 });
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.total) return all;
    }
  }

  const findByBusinessId = async (orderId: string, businessDisputeId: string) =>
    (await disputesOfOrder(orderId)).find((d) => d.businessDisputeId === businessDisputeId) ?? null;

  return {
    async getOrder(orderId: string): Promise<CjOrder> {
      return parseCjOrder(await transport.request('GET', '/shopping/order/getOrderDetail', { query: { orderId } }));
    },

    async listOrders(query: { pageNum?: number; pageSize?: number; status?: string } = {}) {
      const page = pageOf(await transport.request('GET', '/shopping/order/list', { query: { pageNum: query.pageNum ?? 1, pageSize: query.pageSize ?? 50, status: query.status } }));
      return { items: page.list.map(parseCjOrder), total: page.total, pageNum: page.pageNum, pageSize: page.pageSize };
    },

    /** The order's lines and whether each may take a dispute now (false while one is unfinished). */
    async listDisputableLines(orderId: string) {
      return parseDisputableLines(await transport.request('GET', '/disputes/disputeProducts', { query: { orderId } }));
    },

    /** CJ's reasons and the most it will refund for these lines. */
    async getDisputeOptions(orderId: string, lines: { lineItemId: string; quantity: number }[]) {
      return parseConfirmInfo(await transport.request('POST', '/disputes/disputeConfirmInfo', { body: { orderId, productInfoList: lines } }));
    },

    /**
     * Opens the dispute once. Returns `created: false` with the existing dispute when this
     * businessDisputeId was opened before; a dispute opened by someone else on the same line is
     * a ConnectorError of kind 'conflict' (find it with listDisputes({ orderId })).
     */
    async openDispute(request: OpenDisputeRequest): Promise<{ dispute: CjDispute; created: boolean }> {
      const existing = await findByBusinessId(request.orderId, request.businessDisputeId);
      if (existing) return { dispute: existing, created: false };

      let confirm;
      try {
        confirm = parseConfirmInfo(await transport.request('POST', '/disputes/disputeConfirmInfo', { body: { orderId: request.orderId, productInfoList: request.lines } }));
      } catch (error) {
        throw error instanceof CjError && error.kind === 'conflict' ? await conflictError(request, error) : error;
      }
      const prices = new Map(confirm.lines.map((l) => [l.lineItemId, l.unitPrice]));
      const body = {
        orderId: request.orderId,
        businessDisputeId: request.businessDisputeId,
        disputeReasonId: request.reasonId,
        expectType: request.expect === 'refund' ? 1 : 2,
        refundType: request.refundTo === 'original' ? 2 : 1,
        messageText: request.message,
        imageUrl: request.imageUrls ?? [],
        videoUrl: request.videoUrls ?? [],
        ...(request.amountMinor === undefined ? {} : { refundAmount: request.amountMinor / 100 }),
        productInfoList: request.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity, price: prices.get(l.lineItemId) })),
      };

      for (let attempt = 0; ; attempt++) {
        try {
          await transport.request('POST', '/disputes/create', { body, retry: false });
          break;
        } catch (error) {
          if (!(error instanceof CjError)) throw error;
          // The create may have landed before the failure: look before trying again.
          const landed = error.retryable || error.kind === 'conflict' ? await findByBusinessId(request.orderId, request.businessDisputeId) : null;
          if (landed) return { dispute: landed, created: !(error.kind === 'conflict' && attempt === 0) };
          if (error.kind === 'conflict') throw await conflictError(request, error);
          if (!error.retryable || attempt >= maxRetries) throw error;
          await sleep(Math.max(error.retryAfterMs ?? 0, (options.retryBaseMs ?? 500) * 2 ** attempt));
        }
      }
      // CJ answers create with `true`, not the new id: read it back by our key.
      for (let tries = 0; tries < 3; tries++) {
        const dispute = await findByBusinessId(request.orderId, request.businessDisputeId);
        if (dispute) return { dispute, created: true };
        await sleep(200 * (tries + 1));
      }
      throw new CjError(`CJ accepted dispute ${request.businessDisputeId} on order ${request.orderId} but does not list it yet; read it again later`, 'unavailable', null, null, true);
    },

    async getDispute(disputeId: string): Promise<CjDispute> {
      return parseCjDispute(await transport.request('GET', '/disputes/getDisputeDetail', { query: { disputeId } }));
    },

    listDisputes,

    /** Withdraws an unfinished dispute; a finished one is a 'conflict'. */
    async cancelDispute(orderId: string, disputeId: string): Promise<void> {
      await transport.request('POST', '/disputes/cancel', { body: { orderId, disputeId } });
    },

    tokens: transport.tokens,
  };

  async function conflictError(request: OpenDisputeRequest, cause: CjError): Promise<CjError> {
    const lineIds = new Set(request.lines.map((l) => l.lineItemId));
    const others = (await disputesOfOrder(request.orderId).catch(() => []))
      .filter((d) => d.lines.some((l) => lineIds.has(l.lineItemId)) && d.status !== 'cancelled' && d.status !== 'resolved' && d.status !== 'rejected')
      .map((d) => d.disputeId);
    const which = others.length > 0 ? ` (dispute ${others.join(', ')})` : '';
    return new CjError(`CJ already has an unfinished dispute on these lines of order ${request.orderId}${which}: ${cause.message}`, 'conflict', cause.code, 409);
  }
}

export type CjClient = ReturnType<typeof createCjClient>;
