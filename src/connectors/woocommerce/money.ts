import { currencyExponent } from '../../shared/money.ts';
import { ConnectorError } from '../types.ts';

// WooCommerce sends money as decimal strings at the shop's "number of decimals" setting, which
// need not match the currency: a yen shop left on 2 decimals says "1500.00". Strings become integer
// minor units digit by digit, never through a float; extra decimals are accepted only when zero.

export function exponentOf(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    throw new ConnectorError(`WooCommerce sent an unknown currency "${currency}".`, 'invalid');
  }
}

export function toMinor(amount: string | null | undefined, currency: string): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  if (typeof amount !== 'string') throw new ConnectorError(`WooCommerce sent a non-string amount ${JSON.stringify(amount)}.`, 'invalid');
  const text = amount.trim();
  const match = /^([-+])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[2] && !match[3])) throw new ConnectorError(`WooCommerce sent a malformed amount "${text}".`, 'invalid');
  const [, sign, whole = '', fraction = ''] = match;
  const exponent = exponentOf(currency);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    throw new ConnectorError(`Amount "${text}" has more decimals than ${currency} allows (${exponent}); check the shop's "Number of decimals" setting.`, 'invalid');
  }
  const minor = BigInt((whole || '0') + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new ConnectorError(`Amount "${text}" is too large.`, 'invalid');
  const value = Number(minor);
  return sign === '-' && value !== 0 ? -value : value;
}

/** Minor units to the string WooCommerce expects in `amount` fields ("12.50", "1500", "5.997"). */
export function toDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new ConnectorError(`${minor} is not a whole number of minor units.`, 'invalid');
  const exponent = exponentOf(currency);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return minor < 0 ? `-${text}` : text;
}
