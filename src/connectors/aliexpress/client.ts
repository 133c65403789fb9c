// AliExpress dropshipper API client: /sync for business methods, /rest for OAuth tokens. Every
// call is signed fresh (timestamp moves), reads and order.create are retried on 5xx, timeouts
// and platform-side errors; order.create may be retried because AliExpress deduplicates it by
// out_order_id, so a lost response never becomes a second order.
import { ConnectorError } from '../types.ts';
import { AliExpressError, gatewayError, placeOrderError } from './errors.ts';
import { parseAliExpressJson, idString } from './json.ts';
import { parseFreight, parseOrder, parseTracking, wireTimeToIso, type AliExpressOrder } from './parse.ts';
import { signAliExpressRequest } from './sign.ts';

export interface AliExpressClientOptions {
  /** e.g. https://api-sg.aliexpress.com (the /sync and /rest paths are added here) */
  baseUrl: string;
  appKey: string;
  appSecret: string;
  /** the buyer account's current access token (the `session` parameter) */
  getAccessToken: () => string | Promise<string>;
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
  maxRetries?: number;
  /** first retry delay; doubles each time */
  retryBaseMs?: number;
}

export interface AliExpressShippingAddress {
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** national number, digits only after cleaning */
  phone: string;
  /** e.g. "+1" */
  phoneCountryCode: string;
  /** Brazil's CPF, required there */
  cpf?: string | null;
  taxNumber?: string | null;
}

export interface PlaceOrderRequest {
  /** Recoup's idempotency key; AliExpress deduplicates on it for 24 h */
  outOrderId: string;
  address: AliExpressShippingAddress;
  items: { productId: string; skuAttr: string; quantity: number; shippingMethod: string; memo?: string }[];
  /** ask AliExpress to pay at once (needs the auto-pay whitelist) */
  tryToPay?: boolean;
}

export interface AliExpressToken {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  refreshExpiresAt: string | null;
  userId: string;
  account: string | null;
  raw: unknown;
}

const SHIPPED_LOGISTICS = new Set(['SELLER_SEND_GOODS', 'SELLER_SEND_PART_GOODS', 'BUYER_ACCEPT_GOODS']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Obj = Record<string, unknown>;

export function createAliExpressClient(options: AliExpressClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 20_000;

  /** One HTTP exchange; throws AliExpressError with `retryable` set for transport failures. */
  async function post(path: string, params: Record<string, string>, label: string): Promise<Obj> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new AliExpressError(`AliExpress ${label} ${timedOut ? `timed out after ${timeoutMs} ms` : `unreachable: ${(error as Error).message}`}`, 'unavailable', null, null, true);
    }
    const text = await response.text();
    if (response.status === 429) throw new AliExpressError(`AliExpress ${label} is rate limited (HTTP 429)`, 'rate_limited', null, 429, true);
    if (response.status >= 500) throw new AliExpressError(`AliExpress ${label} failed with HTTP ${response.status}`, 'unavailable', null, response.status, true);
    try {
      const body = parseAliExpressJson(text);
      if (body && typeof body === 'object') return body as Obj;
    } catch {
      // fall through
    }
    throw new AliExpressError(`AliExpress ${label} answered HTTP ${response.status} with a body that is not JSON`, 'unavailable', null, response.status, response.status >= 400);
  }

  async function withRetries<T>(retry: boolean, attemptOnce: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce();
      } catch (error) {
        const again = retry && error instanceof AliExpressError && error.retryable && attempt < maxRetries;
        if (!again) throw error;
        await sleep(retryBaseMs * 2 ** attempt * (0.75 + Math.random() / 2));
      }
    }
  }

  /** A /sync business call; returns the `result` inside `<method>_response`. */
  function sync(method: string, appParams: Record<string, string>, retry = true): Promise<Obj> {
    return withRetries(retry, async () => {
      const session = await options.getAccessToken();
      const params: Record<string, string> = {
        ...appParams, method, app_key: options.appKey, session, timestamp: String(now().getTime()),
        sign_method: 'sha256', format: 'json', v: '2.0', simplify: 'true',
      };
      params.sign = signAliExpressRequest(params, options.appSecret);
      const body = await post('/sync', params, method);
      if (body.error_response) throw gatewayError(body.error_response as Obj, method);
      const wrapped = body[`${method.replace(/\./g, '_')}_response`] as Obj | undefined;
      if (!wrapped || typeof wrapped !== 'object') throw new AliExpressError(`AliExpress ${method} answered without ${method.replace(/\./g, '_')}_response`, 'unavailable', null, null, true);
      return (wrapped.result ?? wrapped) as Obj;
    });
  }

  /** A /rest system call (token create/refresh); the API path is part of the signature. */
  function rest(apiPath: string, appParams: Record<string, string>, retry: boolean): Promise<AliExpressToken> {
    return withRetries(retry, async () => {
      const params: Record<string, string> = { ...appParams, app_key: options.appKey, timestamp: String(now().getTime()), sign_method: 'sha256' };
      params.sign = signAliExpressRequest(params, options.appSecret, apiPath);
      const body = await post(`/rest${apiPath}`, params, apiPath);
      if (body.error_response) throw gatewayError(body.error_response as Obj, apiPath);
      if (typeof body.access_token !== 'string') throw gatewayError(body, apiPath);
      const issuedAt = now().getTime();
      const expiresAt = wireTimeToIso(body.expire_time) ?? new Date(issuedAt + Number(body.expires_in ?? 0) * 1000).toISOString();
      const refreshExpiresAt = wireTimeToIso(body.refresh_token_valid_time) ?? (body.refresh_expires_in ? new Date(issuedAt + Number(body.refresh_expires_in) * 1000).toISOString() : null);
      return {
        accessToken: body.access_token, refreshToken: String(body.refresh_token ?? ''), expiresAt, refreshExpiresAt,
        userId: idString(body.user_id), account: typeof body.account === 'string' ? body.account : null, raw: body,
      };
    });
  }

  async function getTracking(orderId: string) {
    return parseTracking(orderId, await sync('aliexpress.ds.order.tracking.get', { ae_order_id: orderId, language: 'en_US' }));
  }

  return {
    /** Places one AliExpress order per seller; the same outOrderId returns the same order ids. */
    async placeOrder(request: PlaceOrderRequest): Promise<{ orderIds: string[]; payError: string | null }> {
      if (!request.outOrderId) throw new ConnectorError('AliExpress orders need an outOrderId: it is what makes a retry safe', 'invalid');
      if (request.items.length === 0) throw new ConnectorError(`Order ${request.outOrderId} has no items`, 'invalid');
      const a = request.address;
      const place = {
        out_order_id: request.outOrderId,
        logistics_address: {
          full_name: a.name, contact_person: a.name, address: a.line1, address2: a.line2 ?? '', city: a.city, province: a.region,
          zip: a.postalCode, country: a.country.toUpperCase(), mobile_no: a.phone.replace(/\D/g, ''), phone_country: a.phoneCountryCode,
          ...(a.cpf ? { cpf: a.cpf } : {}), ...(a.taxNumber ? { tax_number: a.taxNumber } : {}),
        },
        product_items: request.items.map((i) => ({
          product_id: i.productId, sku_attr: i.skuAttr, product_count: i.quantity, logistics_service_name: i.shippingMethod, order_memo: i.memo ?? '',
        })),
      };
      const params: Record<string, string> = { param_place_order_request4_open_api_d_t_o: JSON.stringify(place) };
      if (request.tryToPay) params.ds_extend_request = JSON.stringify({ payment: { pay_currency: 'USD', try_to_pay: 'true' } });
      const result = await sync('aliexpress.ds.order.create', params);
      const success = result.is_success === true || result.is_success === 'true';
      if (!success) throw placeOrderError(String(result.error_code ?? 'UNKNOWN'), String(result.error_msg ?? ''), request.outOrderId);
      const list = result.order_list;
      const numbers = Array.isArray(list) ? list : ((list as Obj | undefined)?.number as unknown[] | undefined) ?? [];
      const orderIds = numbers.map(idString).filter((id) => id !== '');
      if (orderIds.length === 0) throw new AliExpressError(`AliExpress accepted order ${request.outOrderId} but returned no order id`, 'unavailable', null);
      // "OrderCreated, autoPay fail:..." is a success: the orders exist, unpaid.
      return { orderIds, payError: typeof result.error_msg === 'string' && result.error_msg !== '' ? result.error_msg : null };
    },

    /** The order in Recoup's words; reads tracking too once something shipped (shippedAt, numbers). */
    async getOrder(orderId: string, readOptions: { withTracking?: boolean } = {}): Promise<AliExpressOrder> {
      const order = parseOrder(orderId, await sync('aliexpress.trade.ds.order.get', { single_order_query: JSON.stringify({ order_id: orderId }) }));
      const shipped = SHIPPED_LOGISTICS.has(order.logisticsStatus ?? '') || order.trackingNumbers.length > 0;
      if (readOptions.withTracking === false || !shipped) return order;
      const tracking = await getTracking(orderId);
      const known = new Set(order.trackingNumbers.map((t) => t.number));
      for (const parcel of tracking.parcels) if (!known.has(parcel.trackingNumber)) order.trackingNumbers.push({ number: parcel.trackingNumber, carrier: parcel.carrier });
      for (const t of order.trackingNumbers) t.carrier = tracking.parcels.find((p) => p.trackingNumber === t.number)?.carrier ?? t.carrier;
      const first = tracking.parcels.flatMap((p) => p.events.map((e) => e.occurredAt)).filter((t): t is string => t !== null).sort()[0];
      order.shippedAt = first ?? null;
      return order;
    },

    getTracking,

    async queryFreight(query: { productId: string; skuId?: string | null; country: string; quantity?: number; currency?: string; language?: string }) {
      const request = {
        productId: query.productId, selectedSkuId: query.skuId ?? undefined, shipToCountry: query.country.toUpperCase(), quantity: query.quantity ?? 1,
        currency: query.currency ?? 'USD', language: query.language ?? 'en_US', locale: 'en_US',
      };
      return parseFreight(await sync('aliexpress.ds.freight.query', { queryDeliveryReq: JSON.stringify(request) }));
    },

    /** Exchanges the OAuth code; never retried, because a code works once. */
    createToken: (code: string) => rest('/auth/token/create', { code }, false),
    refreshToken: (refreshToken: string) => rest('/auth/token/refresh', { refresh_token: refreshToken }, true),
  };
}

export type AliExpressClient = ReturnType<typeof createAliExpressClient>;
