// WooCommerce keeps prices as decimal strings rounded to the shop's "number of decimals" setting
// (wc_get_price_decimals(), 2 by default). The simulator holds integer minor units and renders
// strings; it reads client amounts as WooCommerce does (string or number), rounding half up.

export function toWooDecimal(minor: number, dp: number): string {
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(dp + 1, '0');
  const text = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
  return negative ? `-${text}` : text;
}

/** "10", "10.5", "10.005", 10.5 → minor units at `dp` decimals; null when it is not a number at all. */
export function parseWooDecimal(value: unknown, dp: number): number | null {
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = value.toFixed(Math.min(20, dp + 6));
  else if (typeof value === 'string' && value.trim() !== '') text = value.trim();
  else return null;
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return null;
  const [, sign, whole = '', fraction = ''] = match;
  let minor = Number(BigInt((whole || '0') + fraction.slice(0, dp).padEnd(dp, '0')));
  if (Number(fraction[dp] ?? '0') >= 5) minor += 1; // PHP round() is half away from zero
  return sign ? -minor : minor;
}
