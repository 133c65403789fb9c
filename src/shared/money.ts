import { AppError } from './errors.ts';

// Money is an integer number of minor units (cents) plus an ISO 4217 currency. Never a float.
// Amounts stay well inside Number.MAX_SAFE_INTEGER (9e15 cents); anything beyond is refused.

export interface Money {
  amountMinor: number;
  currency: string;
}

const exponentCache = new Map<string, number>();

/** Decimal places of a currency's minor unit (USD 2, JPY 0, KWD 3), from the runtime's ICU data. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exponent = exponentCache.get(code);
  if (exponent === undefined) {
    if (!/^[A-Z]{3}$/.test(code)) throw new AppError('VALIDATION_FAILED', `"${currency}" is not an ISO 4217 currency code.`);
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new AppError('VALIDATION_FAILED', `"${currency}" is not an ISO 4217 currency code.`);
    }
    exponentCache.set(code, exponent);
  }
  return exponent;
}

export function assertMinor(amountMinor: number, field = 'amount'): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new AppError('VALIDATION_FAILED', `${field} must be a whole number of minor units (cents), got ${amountMinor}.`);
  }
  return amountMinor;
}

/** Parses "12.34" into 1234 for USD exactly, digit by digit, never through a float. */
export function parseDecimal(text: string, currency: string, field = 'amount'): number {
  const exponent = currencyExponent(currency);
  const trimmed = text.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) throw new AppError('VALIDATION_FAILED', `${field} "${text}" is not a decimal amount like 12.34.`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent && /[1-9]/.test(fraction.slice(exponent))) {
    throw new AppError('VALIDATION_FAILED', `${field} "${text}" has more decimals than ${currency.toUpperCase()} allows (${exponent}).`);
  }
  const minor = BigInt(whole! + fraction.slice(0, exponent).padEnd(exponent, '0'));
  const value = Number(sign ? -minor : minor);
  return assertMinor(value, field);
}

export function formatDecimal(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export function formatMoney(money: Money, locale = 'en-US'): string {
  const exponent = currencyExponent(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amountMinor / 10 ** exponent);
}

export function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AppError('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}; amounts must be in the order's currency.`);
  }
}

/**
 * Splits `total` into parts proportional to `weights` (largest remainder method).
 * The parts are integers and always sum exactly to `total`; zero weights get zero.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinor(total, 'total');
  if (weights.length === 0) throw new AppError('VALIDATION_FAILED', 'Cannot allocate an amount over no parts.');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new AppError('VALIDATION_FAILED', 'Allocation weights must be non-negative whole numbers.');
  }
  const sumWeights = weights.reduce((a, b) => a + b, 0);
  if (sumWeights === 0) {
    // No basis for a proportion: split evenly.
    return allocate(total, weights.map(() => 1));
  }
  const sign = total < 0 ? -1n : 1n;
  const absTotal = BigInt(Math.abs(total));
  const bigSum = BigInt(sumWeights);
  const floors = weights.map((w) => (absTotal * BigInt(w)) / bigSum);
  const remainders = weights.map((w, index) => ({ index, rest: (absTotal * BigInt(w)) % bigSum }));
  let left = absTotal - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.index - b.index));
  for (const { index } of remainders) {
    if (left === 0n) break;
    floors[index]! += 1n;
    left -= 1n;
  }
  return floors.map((part) => Number(part * sign));
}

/** `percent` of an amount in basis points precision (12.5% = 12.5), rounded half up. */
export function percentOf(amountMinor: number, percent: number): number {
  if (!(percent >= 0 && percent <= 100)) throw new AppError('VALIDATION_FAILED', 'percent must be between 0 and 100.');
  const basisPoints = BigInt(Math.round(percent * 100));
  return Number((BigInt(amountMinor) * basisPoints + 5000n) / 10000n);
}

export const sum = (amounts: readonly number[]) => amounts.reduce((a, b) => a + b, 0);
