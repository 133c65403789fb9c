// AliExpress refusals as ConnectorErrors, keeping AliExpress's own code for logs and tests.
import { ConnectorError } from '../types.ts';

export class AliExpressError extends ConnectorError {
  constructor(
    message: string,
    kind: ConnectorError['kind'],
    /** AliExpress's code, e.g. IllegalAccessToken or DELIVERY_METHOD_NOT_EXIST */
    readonly code: string | null,
    status: number | null = null,
    /** true when repeating the same call may succeed */
    readonly retryable = false,
  ) {
    super(message, kind, status);
    this.name = 'AliExpressError';
  }
}

const RATE_LIMIT_CODES = new Set(['ApiCallLimit', 'AppCallLimit', 'AppWhiteListLimit', 'AccessOutOfAllowedTime']);
const CREDENTIAL_CODES = new Set(['IncompleteSignature', 'InvalidAppKey', 'InvalidSignMethod', 'AppKeyNotExist', 'InsufficientIsvPermissions']);

/** An error_response of the gateway (or a flat /rest error) → AliExpressError. */
export function gatewayError(body: { type?: unknown; code?: unknown; msg?: unknown; message?: unknown; sub_code?: unknown; sub_msg?: unknown }, method: string): AliExpressError {
  const code = String(body.code ?? 'Unknown');
  const detail = [body.msg ?? body.message, body.sub_code, body.sub_msg].filter((p) => typeof p === 'string' && p !== '').join(' / ');
  const at = `AliExpress ${method}`;
  if (code === 'IllegalAccessToken' || /session|access.?token/i.test(code)) {
    return new AliExpressError(`${at} refused the access token (${code}): it is invalid or expired. Refresh it, or re-authorise the AliExpress buyer account.`, 'auth', code, 401);
  }
  if (code === 'InvalidCode' || code === 'IllegalRefreshToken') {
    return new AliExpressError(`${at} refused the grant (${code}): ${detail}. Authorise the AliExpress buyer account again.`, 'auth', code, 401);
  }
  if (CREDENTIAL_CODES.has(code)) return new AliExpressError(`${at} refused the app credentials (${code}): ${detail}. Check the app key and app secret.`, 'auth', code, 401);
  if (RATE_LIMIT_CODES.has(code)) return new AliExpressError(`${at} is rate limited (${code}): ${detail}`, 'rate_limited', code, 429, true);
  if (body.type === 'ISP' || body.type === 'SYSTEM' || /unavailable|timeout|SystemError/i.test(code)) {
    return new AliExpressError(`${at} failed on AliExpress's side (${code}): ${detail}`, 'unavailable', code, 503, true);
  }
  if (/NOT_?EXIST|NOT_?FOUND/i.test(`${code} ${String(body.sub_code ?? '')}`)) return new AliExpressError(`${at}: not found (${code}): ${detail}`, 'not_found', code, 404);
  return new AliExpressError(`${at} refused the request (${code}): ${detail}`, 'invalid', code, 400);
}

const ADDRESS = /^B_DROPSHIPPER_DELIVERY_ADDRESS|^A002_INVALID_ZONE|^A005_INVALID_COUNTRIES/;
const ACCOUNT = new Set(['BLACKLIST_BUYER_IN_LIST', 'USER_ACCOUNT_DISABLED', 'A003_SUSPICIOUS_BUYER', 'A006_INVALID_ACCOUNT_INFO']);

/** is_success:false of aliexpress.ds.order.create → AliExpressError (nothing was created). */
export function placeOrderError(code: string, message: string, outOrderId: string): AliExpressError {
  const at = `AliExpress refused order ${outOrderId} (${code})`;
  if (ADDRESS.test(code)) return new AliExpressError(`${at}: the shipping address is not accepted: ${message}`, 'invalid', code, 400);
  if (code === 'DELIVERY_METHOD_NOT_EXIST') return new AliExpressError(`${at}: the shipping method is not available for this destination: ${message}`, 'invalid', code, 400);
  if (code === 'INVENTORY_HOLD_ERROR') return new AliExpressError(`${at}: not enough stock: ${message}`, 'invalid', code, 400);
  if (code === 'REPEATED_ORDER_ERROR') return new AliExpressError(`${at}: an order with this out_order_id already exists: ${message}`, 'conflict', code, 409);
  if (ACCOUNT.has(code)) return new AliExpressError(`${at}: the AliExpress buyer account may not place this order: ${message}`, 'invalid', code, 403);
  return new AliExpressError(`${at}: ${message}`, 'invalid', code, 400);
}
