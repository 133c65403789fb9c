// Display helpers. Money stays in integer minor units; only the final string has a decimal point.

const exponents = new Map<string, number>();

export function currencyExponent(currency: string): number {
  let exp = exponents.get(currency);
  if (exp === undefined) {
    try {
      exp = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exp = 2;
    }
    exponents.set(currency, exp);
  }
  return exp;
}

/** "12345" minor units of USD → "12.345"-style exact decimal string, no floats involved. */
export function minorToDecimal(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exp + 1, '0');
  const whole = exp ? digits.slice(0, -exp) : digits;
  const fraction = exp ? digits.slice(-exp) : '';
  return `${negative ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
export function money(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(minorToDecimal(minor, currency) as `${number}`);
}

/** Parses "12.5" / "12,50" typed by a person into minor units; null when it is not an amount. */
export function parseMoney(text: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  const found = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!found) return null;
  const fraction = found[2] ?? '';
  if (fraction.length > exp) return null;
  const value = Number(found[1]! + fraction.padEnd(exp, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
export const date = (iso: string | null | undefined) => (iso ? dateFormat.format(new Date(iso)) : '—');
export const dateTime = (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : '—');

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
/** "in 3 days", "2 hours ago" */
export function fromNow(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const diff = new Date(iso).getTime() - now;
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return relative.format(Math.round(diff / 60_000), 'minute');
  if (abs < 2 * 86_400_000) return relative.format(Math.round(diff / 3_600_000), 'hour');
  return relative.format(Math.round(diff / 86_400_000), 'day');
}

/** Whole days left until `iso` (negative when past). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.floor((new Date(iso).getTime() - now) / 86_400_000);
}

export const percent = (ratio: number | null | undefined, digits = 0) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)}%`);
export const count = (n: number) => new Intl.NumberFormat().format(n);

/** snake_case → "Sentence case" */
export const humanize = (value: string) => {
  const text = value.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Timeline summaries may carry raw amounts ("2798 EUR minor units"): show them as money. */
export const prettySummary = (summary: string) =>
  summary.replace(/(\d+) ([A-Z]{3}) minor units/g, (_all, minor: string, currency: string) => money(Number(minor), currency));
