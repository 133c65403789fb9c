import { ConnectorError, type DiscountRequest, type DiscountResult } from '../types.ts';
import { OutcomeUnknownError, WooApiError, type WooRestClient } from './client.ts';
import { toDecimal } from './money.ts';

// Discounts are coupons. Codes are unique per shop, so the code itself is the first idempotency
// guard; the coupon's description carries Recoup's mark so we can tell our coupon from a
// merchant's coupon that happens to share the code.

interface CouponJson { id: number; code: string; description: string }

export const couponMark = (key: string) => `[recoup:${key}]`;

export function discountsApi(client: WooRestClient) {
  async function lookup(code: string): Promise<CouponJson | null> {
    const { data } = await client.request<CouponJson[]>('GET', '/coupons', { query: { code, per_page: 10 } });
    return data.find((c) => c.code.toLowerCase() === code.trim().toLowerCase()) ?? null;
  }

  async function findDiscount(idempotencyKey: string, code: string): Promise<DiscountResult | null> {
    const coupon = await lookup(code);
    if (!coupon || !coupon.description.includes(couponMark(idempotencyKey))) return null;
    return { externalId: String(coupon.id), code: coupon.code };
  }

  async function claimed(request: DiscountRequest): Promise<DiscountResult> {
    const mine = await findDiscount(request.idempotencyKey, request.code);
    if (mine) return mine;
    throw new ConnectorError(`The coupon code "${request.code}" already exists in the shop and was not made by Recoup for ${request.idempotencyKey}.`, 'conflict', 400);
  }

  async function createDiscount(request: DiscountRequest): Promise<DiscountResult> {
    const percent = request.percent !== undefined;
    if (percent === (request.amountMinor !== undefined)) throw new ConnectorError('A discount needs exactly one of amountMinor or percent.', 'invalid');
    if (percent && !(Number.isInteger(request.percent) && request.percent! >= 1 && request.percent! <= 100)) throw new ConnectorError('percent must be a whole number from 1 to 100.', 'invalid');
    if (!percent && !(Number.isSafeInteger(request.amountMinor) && request.amountMinor! > 0)) throw new ConnectorError('amountMinor must be a positive whole number.', 'invalid');
    const existing = await findDiscount(request.idempotencyKey, request.code);
    if (existing) return existing;
    const body = {
      code: request.code,
      discount_type: percent ? 'percent' : 'fixed_cart',
      amount: percent ? String(request.percent) : toDecimal(request.amountMinor!, request.currency),
      description: `Issued by Recoup ${couponMark(request.idempotencyKey)}`,
      individual_use: false,
      usage_limit: 1,
      usage_limit_per_user: 1,
      email_restrictions: request.customerEmail ? [request.customerEmail] : [],
      ...(request.expiresAt ? { date_expires_gmt: new Date(request.expiresAt).toISOString().slice(0, 19) } : {}),
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const { data } = await client.request<CouponJson>('POST', '/coupons', { body });
        return { externalId: String(data.id), code: data.code };
      } catch (error) {
        // Taken code: ours from an earlier attempt whose answer was lost, or someone else's.
        if (error instanceof WooApiError && error.code === 'woocommerce_rest_coupon_code_already_exists') return claimed(request);
        if (!(error instanceof OutcomeUnknownError) || attempt >= 3) throw error;
        const made = await findDiscount(request.idempotencyKey, request.code);
        if (made) return made;
      }
    }
  }

  return { createDiscount, findDiscount };
}
