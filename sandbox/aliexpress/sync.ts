// The business methods behind /sync, once the gateway has checked signature and session.
import type { SimProduct } from './catalogue.ts';
import type { OrderBook } from './orders.ts';
import { GATEWAY, invalidParameter, missingParameter, renderFreight, renderOrder, renderTracking, responseKey, type GatewayError } from './wire.ts';

export interface SyncContext {
  book: OrderBook;
  catalogue: () => Map<string, SimProduct>;
  requestId: () => string;
}

type Outcome = { ok: unknown; error?: undefined } | { ok?: undefined; error: GatewayError };

const ORDER_NOT_FOUND: GatewayError = { type: 'ISV', code: 'ORDER_NOT_EXIST', msg: 'The order does not exist or does not belong to this buyer' };

function jsonParam(params: Record<string, string>, name: string): { value: Record<string, unknown> } | { error: GatewayError } {
  const raw = params[name];
  if (raw === undefined || raw === '') return { error: missingParameter(name) };
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: invalidParameter(name, 'expected a JSON object') };
    return { value: value as Record<string, unknown> };
  } catch {
    return { error: invalidParameter(name, 'not valid JSON') };
  }
}

export function handleSync(context: SyncContext, method: string, params: Record<string, string>, userId: string): Outcome {
  const simplify = params.simplify === 'true';
  const wrap = (result: unknown): Outcome => ({ ok: { [responseKey(method)]: { result, request_id: context.requestId() } } });

  switch (method) {
    case 'aliexpress.ds.order.create': {
      const request = jsonParam(params, 'param_place_order_request4_open_api_d_t_o');
      if ('error' in request) return { error: request.error };
      let payNow = false;
      if (params.ds_extend_request) {
        const extend = jsonParam(params, 'ds_extend_request');
        if ('error' in extend) return { error: extend.error };
        const payment = extend.value.payment as { try_to_pay?: unknown } | undefined;
        payNow = String(payment?.try_to_pay) === 'true';
      }
      const placed = context.book.place(userId, request.value, payNow);
      if (!placed.ok) return wrap({ is_success: false, error_code: placed.refusal.code, error_msg: placed.refusal.msg });
      return wrap({ is_success: true, order_list: simplify ? placed.orderIds.map(Number) : { number: placed.orderIds.map(Number) } });
    }
    case 'aliexpress.trade.ds.order.get': {
      const query = jsonParam(params, 'single_order_query');
      if ('error' in query) return { error: query.error };
      const order = context.book.get(String(query.value.order_id ?? ''));
      if (!order || order.buyerUserId !== userId) return { error: ORDER_NOT_FOUND };
      return wrap(renderOrder(order, simplify));
    }
    case 'aliexpress.ds.order.tracking.get': {
      if (!params.ae_order_id) return { error: missingParameter('ae_order_id') };
      if (!params.language) return { error: missingParameter('language') };
      const order = context.book.get(params.ae_order_id);
      if (!order || order.buyerUserId !== userId) return { error: ORDER_NOT_FOUND };
      return wrap(renderTracking(order));
    }
    case 'aliexpress.ds.freight.query': {
      const query = jsonParam(params, 'queryDeliveryReq');
      if ('error' in query) return { error: query.error };
      const request = query.value as { productId?: string | number; shipToCountry?: string; selectedSkuId?: string; quantity?: number };
      return wrap(renderFreight(context.catalogue().get(String(request.productId ?? '')), request, simplify));
    }
    default:
      return { error: GATEWAY.invalidApiPath };
  }
}
