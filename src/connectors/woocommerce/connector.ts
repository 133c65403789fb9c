import { ConnectorError, type ExternalOrder, type Page, type StoreConnector } from '../types.ts';
import { WooRestClient, type ClientStats } from './client.ts';
import { discountsApi } from './discounts.ts';
import { fulfillmentApi } from './fulfillment.ts';
import { wooOrderToExternal } from './mapping.ts';
import { refundsApi } from './refunds.ts';

// The WooCommerce StoreConnector over REST v3. Orders are paged by id ascending: new orders land on
// the last page and edits do not move an order between pages, so offset paging neither skips nor
// repeats during a long backfill. `updatedSince` uses modified_after in GMT.

export interface WooCommerceConnectorOptions {
  /** the site URL, e.g. https://shop.example.com (or the sandbox URL) */
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  fetch?: typeof fetch;
  /** the host's request limit to stay under; default 5 per second */
  requestsPerSecond?: number;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  /** mark the order completed when a fulfillment covers the whole order (default true) */
  completeOnFulfillment?: boolean;
}

export interface WooCommerceConnector extends StoreConnector {
  readonly platform: 'woocommerce';
  readonly apiBase: string;
  stats(): ClientStats;
}

const MAX_PAGE = 100;

interface Cursor { page: number; since: string | null; size: number }

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.page) && c.page >= 1 && Number.isInteger(c.size)) return c;
  } catch { /* fall through */ }
  throw new ConnectorError('That is not a WooCommerce order cursor.', 'invalid');
}

export function createWooCommerceConnector(options: WooCommerceConnectorOptions): WooCommerceConnector {
  const client = new WooRestClient(options);
  const refunds = refundsApi(client);
  const discounts = discountsApi(client);
  const fulfillment = fulfillmentApi(client, { completeOrder: options.completeOnFulfillment ?? true });

  async function listOrders(request: { cursor: string | null; updatedSince?: string | null; pageSize?: number }): Promise<Page<ExternalOrder> & { total?: number }> {
    const cursor = request.cursor
      ? decodeCursor(request.cursor)
      : { page: 1, since: request.updatedSince ?? null, size: Math.max(1, Math.min(MAX_PAGE, request.pageSize ?? MAX_PAGE)) };
    const since = cursor.since ? new Date(cursor.since) : null;
    if (since && Number.isNaN(since.getTime())) throw new ConnectorError(`updatedSince "${cursor.since}" is not a date.`, 'invalid');
    const { data, headers } = await client.request<unknown[]>('GET', '/orders', {
      query: {
        page: cursor.page, per_page: cursor.size, orderby: 'id', order: 'asc', status: 'any',
        // modified_after is exclusive and whole-second: step back one second, duplicates are harmless.
        ...(since ? { modified_after: new Date(since.getTime() - 1000).toISOString().slice(0, 19), dates_are_gmt: 'true' } : {}),
      },
    });
    if (!Array.isArray(data)) throw new ConnectorError('WooCommerce answered the order list with something that is not a list.', 'invalid');
    const totalPages = Number(headers.get('x-wp-totalpages') ?? NaN);
    const total = Number(headers.get('x-wp-total') ?? NaN);
    // Without the headers (some caching proxies strip them), a short page is the last one.
    const more = Number.isFinite(totalPages) ? cursor.page < totalPages : data.length === cursor.size;
    return {
      items: data.map(wooOrderToExternal),
      nextCursor: more ? encodeCursor({ ...cursor, page: cursor.page + 1 }) : null,
      ...(Number.isFinite(total) ? { total } : {}),
    };
  }

  async function getOrder(externalId: string): Promise<ExternalOrder | null> {
    if (!/^\d+$/.test(externalId)) return null;
    try {
      return wooOrderToExternal((await client.request<unknown>('GET', `/orders/${externalId}`)).data);
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  return {
    platform: 'woocommerce',
    apiBase: client.apiBase,
    stats: () => client.stats(),
    listOrders,
    getOrder,
    refundableAmount: refunds.refundableAmount,
    createRefund: refunds.createRefund,
    findRefund: refunds.findRefund,
    createDiscount: discounts.createDiscount,
    findDiscount: discounts.findDiscount,
    pushFulfillment: fulfillment.pushFulfillment,
  };
}
