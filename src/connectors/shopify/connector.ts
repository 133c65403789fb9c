import {
  ConnectorError, type DiscountRequest, type DiscountResult, type ExternalOrder, type FulfillmentRequest, type Page, type StoreConnector,
} from '../types.ts';
import { OutcomeUnknownError, QueryTooCostlyError, ShopifyGraphqlClient, type ClientStats } from './client.ts';
import * as doc from './documents.ts';
import { shopifyOrderToExternal } from './mapping.ts';
import { toDecimal } from './money.ts';
import { refundsApi } from './refunds.ts';

// The Shopify StoreConnector over the Admin GraphQL API. Pages are as large as the shop's cost
// bucket allows for one query; the client paces and retries; every mutation that moves money or
// goods carries Recoup's idempotency key somewhere Shopify keeps it.

export interface ShopifyConnectorOptions {
  /** "my-shop", "my-shop.myshopify.com" or a full base URL (http://127.0.0.1:4101 for the sandbox) */
  shopDomainOrUrl: string;
  accessToken: string;
  apiVersion?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
}

export interface ShopifyConnector extends StoreConnector {
  readonly platform: 'shopify';
  readonly endpoint: string;
  stats(): ClientStats;
  /** raw Admin GraphQL access, paced and retried like every other call (queries only) */
  query<T>(query: string, variables?: Record<string, unknown>, estimatedCost?: number): Promise<T>;
}

export const DEFAULT_API_VERSION = '2025-01';
const MAX_PAGE = 250;
const MAX_MUTATION_ATTEMPTS = 3;

export function shopifyEndpoint(shopDomainOrUrl: string, apiVersion = DEFAULT_API_VERSION): string {
  const raw = shopDomainOrUrl.trim().replace(/\/+$/, '');
  const base = /^https?:\/\//.test(raw) ? raw : `https://${raw.includes('.') ? raw : `${raw}.myshopify.com`}`;
  return `${base}/admin/api/${apiVersion}/graphql.json`;
}

type OrderNode = Record<string, unknown> & { id: string; lineItems: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } };

export function createShopifyConnector(options: ShopifyConnectorOptions): ShopifyConnector {
  const endpoint = shopifyEndpoint(options.shopDomainOrUrl, options.apiVersion);
  const client = new ShopifyGraphqlClient({
    endpoint, accessToken: options.accessToken, fetch: options.fetch, timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries, retryBaseMs: options.retryBaseMs,
  });
  const refunds = refundsApi(client);

  /** Orders with more lines than one page of the order query get the rest in follow-up queries. */
  async function complete(node: OrderNode): Promise<ExternalOrder> {
    let page = node.lineItems.pageInfo;
    const nodes = [...node.lineItems.nodes];
    while (page.hasNextPage) {
      const first = Math.max(1, Math.min(100, Math.floor((client.pacer.maximum - doc.moreLinesCost(0)) / doc.LINE_COST)));
      const data = await client.request<{ order: { lineItems: OrderNode['lineItems'] } | null }>(
        doc.MORE_LINES, { id: node.id, first, after: page.endCursor }, { costKey: `moreLines:${first}`, estimatedCost: doc.moreLinesCost(first) });
      if (!data.order) break;
      nodes.push(...data.order.lineItems.nodes);
      page = data.order.lineItems.pageInfo;
    }
    return shopifyOrderToExternal({ ...node, lineItems: { nodes } });
  }

  /** Largest page whose requested cost fits in the bucket in one go. */
  function perOrderCost(): number {
    // Shopify's cost is linear in `first`; learn the per-order cost from the last answer.
    const known = lastPageSize > 0 ? client.knownCost(`orders:${lastPageSize}`) : undefined;
    return known !== undefined ? known / lastPageSize : doc.listOrdersCost(1);
  }
  function fittingPageSize(wanted: number): number {
    return Math.max(1, Math.min(wanted, MAX_PAGE, Math.floor(client.pacer.maximum / perOrderCost())));
  }
  let lastPageSize = 0;

  async function mutate<T>(query: string, variables: Record<string, unknown>, costKey: string): Promise<T> {
    return client.request<T>(query, variables, { costKey, estimatedCost: doc.MUTATION_COST, mutation: true });
  }

  async function findDiscount(idempotencyKey: string, code: string): Promise<DiscountResult | null> {
    const data = await client.request<{ codeDiscountNodeByCode: { id: string; codeDiscount: { title?: string; codes?: { nodes: { code: string }[] } } } | null }>(
      doc.DISCOUNT_BY_CODE, { code }, { costKey: 'discountByCode', estimatedCost: doc.SMALL_QUERY_COST });
    const node = data.codeDiscountNodeByCode;
    if (!node || !node.codeDiscount.title?.includes(`recoup:${idempotencyKey}`)) return null;
    return { externalId: node.id, code: node.codeDiscount.codes?.nodes[0]?.code ?? code };
  }

  async function createDiscount(request: DiscountRequest): Promise<DiscountResult> {
    if ((request.amountMinor === undefined) === (request.percent === undefined)) throw new ConnectorError('A discount needs exactly one of amountMinor or percent.', 'invalid');
    if (request.percent !== undefined && (request.percent <= 0 || request.percent > 100)) throw new ConnectorError('percent must be within 1-100.', 'invalid');
    let customerId: string | null = null;
    if (request.customerEmail) {
      const found = await client.request<{ customers: { nodes: { id: string }[] } }>(
        doc.CUSTOMER_BY_EMAIL, { query: `email:${request.customerEmail}` }, { costKey: 'customerByEmail', estimatedCost: doc.SMALL_QUERY_COST });
      customerId = found.customers.nodes[0]?.id ?? null;
    }
    const value = request.percent !== undefined
      ? { percentage: request.percent / 100 }
      : { discountAmount: { amount: toDecimal(request.amountMinor!, request.currency), appliesOnEachItem: false } };
    const input = {
      title: `Recoup ${request.code} recoup:${request.idempotencyKey}`, code: request.code, startsAt: new Date().toISOString(), endsAt: request.expiresAt ?? null,
      customerSelection: customerId ? { customers: { add: [customerId] } } : { all: true },
      customerGets: { value, items: { all: true } }, appliesOncePerCustomer: true, usageLimit: 1,
    };
    for (let attempt = 1; ; attempt++) {
      const existing = await findDiscount(request.idempotencyKey, request.code);
      if (existing) return existing;
      try {
        const data = await mutate<{ discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: { message: string; code?: string | null }[] } }>(doc.DISCOUNT_CREATE, { basicCodeDiscount: input }, 'discountCreate');
        const payload = data.discountCodeBasicCreate;
        if (payload.codeDiscountNode) return { externalId: payload.codeDiscountNode.id, code: request.code };
        const taken = payload.userErrors.some((e) => e.code === 'TAKEN');
        throw new ConnectorError(`Shopify refused discount ${request.code}: ${payload.userErrors.map((e) => e.message).join('; ')}`, taken ? 'conflict' : 'invalid', 200);
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_MUTATION_ATTEMPTS) throw error;
      }
    }
  }

  async function pushFulfillment(request: FulfillmentRequest): Promise<{ externalId: string }> {
    for (let attempt = 1; ; attempt++) {
      const data = await client.request<{ order: {
        fulfillments: { id: string; trackingInfo: { number: string | null }[] }[];
        fulfillmentOrders: { nodes: { id: string; status: string; lineItems: { nodes: { id: string; remainingQuantity: number; lineItem: { id: string } }[] } }[] };
      } | null }>(doc.FULFILLMENT_CONTEXT, { id: request.orderExternalId }, { costKey: 'fulfillmentContext', estimatedCost: doc.FULFILLMENT_CONTEXT_COST });
      if (!data.order) throw new ConnectorError(`Shopify has no order ${request.orderExternalId}.`, 'not_found', 200);
      // A fulfillment is identified by its tracking number: the same parcel is never pushed twice.
      const existing = data.order.fulfillments.find((f) => f.trackingInfo.some((t) => t.number === request.trackingNumber));
      if (existing) return { externalId: existing.id };
      const open = data.order.fulfillmentOrders.nodes.filter((fo) => fo.status === 'OPEN' || fo.status === 'IN_PROGRESS');
      const groups = open.map((fo) => {
        if (!request.lines) return { fulfillmentOrderId: fo.id };
        const items = fo.lineItems.nodes.flatMap((li) => {
          const want = request.lines!.find((l) => l.lineExternalId === li.lineItem.id);
          const quantity = want ? Math.min(want.quantity, li.remainingQuantity) : 0;
          return quantity > 0 ? [{ id: li.id, quantity }] : [];
        });
        return items.length > 0 ? { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: items } : null;
      }).filter((g) => g !== null);
      if (groups.length === 0) throw new ConnectorError(`Nothing left to fulfil on ${request.orderExternalId}.`, 'conflict', 200);
      const fulfillment = {
        lineItemsByFulfillmentOrder: groups, notifyCustomer: request.notifyCustomer,
        trackingInfo: { number: request.trackingNumber, ...(request.carrier ? { company: request.carrier } : {}), ...(request.trackingUrl ? { url: request.trackingUrl } : {}) },
      };
      try {
        const result = await mutate<{ fulfillmentCreate: { fulfillment: { id: string } | null; userErrors: { message: string }[] } }>(doc.FULFILLMENT_CREATE, { fulfillment }, 'fulfillmentCreate');
        const payload = result.fulfillmentCreate;
        if (payload.fulfillment) return { externalId: payload.fulfillment.id };
        throw new ConnectorError(`Shopify refused the fulfillment: ${payload.userErrors.map((e) => e.message).join('; ')}`, 'invalid', 200);
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError) || attempt >= MAX_MUTATION_ATTEMPTS) throw error;
      }
    }
  }

  return {
    platform: 'shopify',
    endpoint,
    stats: () => client.stats(),
    query: (query, variables = {}, estimatedCost = doc.SMALL_QUERY_COST) => client.request(query, variables, { costKey: query, estimatedCost }),

    async listOrders({ cursor, updatedSince, pageSize }): Promise<Page<ExternalOrder>> {
      const search = updatedSince ? `updated_at:>='${new Date(updatedSince).toISOString()}'` : null;
      const fetchPage = (first: number) => client.request<{ orders: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: OrderNode[] } }>(
        doc.LIST_ORDERS, { first, after: cursor, query: search }, { costKey: `orders:${first}`, estimatedCost: Math.ceil(perOrderCost() * first) });
      let first = fittingPageSize(pageSize ?? MAX_PAGE);
      let data;
      try {
        data = await fetchPage(first);
      } catch (error) {
        // The first page guessed the bucket size; Shopify's answer told us the real one and the real cost.
        if (!(error instanceof QueryTooCostlyError) || first === 1) throw error;
        const perOrder = error.requestedCost / first;
        first = Math.max(1, Math.min(first - 1, Math.floor(error.maxCost / perOrder)));
        data = await fetchPage(first);
      }
      lastPageSize = first;
      const items: ExternalOrder[] = [];
      for (const node of data.orders.nodes) items.push(await complete(node));
      return { items, nextCursor: data.orders.pageInfo.hasNextPage ? data.orders.pageInfo.endCursor : null };
    },

    async getOrder(externalId) {
      const data = await client.request<{ order: OrderNode | null }>(doc.GET_ORDER, { id: externalId }, { costKey: 'order', estimatedCost: doc.listOrdersCost(1) });
      return data.order ? complete(data.order) : null;
    },

    refundableAmount: refunds.refundableAmount,
    createRefund: refunds.createRefund,
    findRefund: refunds.findRefund,
    createDiscount,
    findDiscount,
    pushFulfillment,
  };
}
