import { currencyExponent } from '../../shared/money.ts';
import { ConnectorError } from '../types.ts';

// Shopify sends money as decimal strings ("12.5", "12.50", "1000.0" for JPY, "5.997" for KWD).
// They become integer minor units digit by digit, never through a float; extra decimals are
// accepted only when they are zeros (Shopify pads yen as "1000.0").

export function exponentOf(currency: string): number {
  try {
    return currencyExponent(currency);
  } catch {
    throw new ConnectorError(`Shopify sent an unknown currency "${currency}".`, 'invalid');
  }
}

export function toMinor(amount: string | number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined) return 0;
  // Numbers only reach here from REST fixtures; their shortest decimal rendering is exact enough to parse as text.
  const text = (typeof amount === 'number' ? String(amount) : amount).trim();
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new ConnectorError(`Shopify sent a malformed amount "${text}".`, 'invalid');
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = exponentOf(currency);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    throw new ConnectorError(`Amount "${text}" has more decimals than ${currency} allows (${exponent}).`, 'invalid');
  }
  const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new ConnectorError(`Amount "${text}" is too large.`, 'invalid');
  const value = Number(minor);
  return sign && value !== 0 ? -value : value;
}

/** Minor units to the decimal string Shopify accepts in Money/Decimal inputs ("12.50", "1000", "5.997"). */
export function toDecimal(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new ConnectorError(`${minor} is not a whole number of minor units.`, 'invalid');
  const exponent = exponentOf(currency);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return minor < 0 ? `-${text}` : text;
}
