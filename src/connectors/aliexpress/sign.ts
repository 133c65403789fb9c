// AliExpress Open Platform request signature (sign_method=sha256): every parameter except `sign`,
// sorted by name in byte (ASCII) order, written as name+value with no separators, prefixed by
// the API path for /rest calls (e.g. "/auth/token/create") and nothing for /sync calls, then
// HMAC-SHA256 with the app secret, uppercase hex.
import { createHmac } from 'node:crypto';

export function aliExpressSignBase(params: Record<string, string>, apiPath = ''): string {
  // Byte order, not locale order: "app_key" < "appkey" only holds for code-unit comparison.
  const names = Object.keys(params).filter((name) => name !== 'sign').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return apiPath + names.map((name) => `${name}${params[name]}`).join('');
}

export function signAliExpressRequest(params: Record<string, string>, secret: string, apiPath?: string): string {
  return createHmac('sha256', secret).update(aliExpressSignBase(params, apiPath), 'utf8').digest('hex').toUpperCase();
}
