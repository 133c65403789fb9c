// Money inside the simulator is integer minor units; these helpers render it the way Shopify does
// on each wire (REST: fixed decimals "12.50"; GraphQL Decimal: trailing zeros trimmed "12.5", "10.0")
// and parse what clients send back, digit by digit, never through a float.

const exponents = new Map<string, number>();

export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
}

/** REST representation: always the currency's number of decimals. */
export function restAmount(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return negative ? `-${text}` : text;
}

/** GraphQL Decimal representation: Shopify trims trailing zeros but keeps one decimal ("10.0"). */
export function graphqlAmount(minor: number, currency: string): string {
  const text = restAmount(minor, currency);
  if (!text.includes('.')) return `${text}.0`;
  const trimmed = text.replace(/0+$/, '');
  return trimmed.endsWith('.') ? `${trimmed}0` : trimmed;
}

/** Parses "12.3", "12.30", 12.3 (GraphQL Money/Decimal input) into minor units, or null if malformed. */
export function parseAmount(value: unknown, currency: string): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null) return null;
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = currencyExponent(currency);
  if (/[1-9]/.test(fraction.slice(exponent))) return null;
  const minor = Number(BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0')));
  return sign ? -minor : minor;
}

export function moneyV2(minor: number, currency: string) {
  return { amount: graphqlAmount(minor, currency), currencyCode: currency };
}

/** Orders here are single-currency (presentment = shop currency), so both halves of the bag agree. */
export function moneyBag(minor: number, currency: string) {
  const money = moneyV2(minor, currency);
  return { shopMoney: money, presentmentMoney: money };
}
