import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { parseDecimal } from '../../shared/money.ts';

// The order CSV, one row per order line. Order fields repeat on each row of the order (or stay
// blank after the first); supplier and tracking columns are optional. Amounts are decimals in the
// order's currency ("19.99"); `supplier_cost` is what the supplier charged for the whole line.

export const ORDER_CSV_COLUMNS = [
  'order_number',
  'placed_at',
  'customer_email',
  'customer_name',
  'shipping_country',
  'currency',
  'shipping',
  'sku',
  'title',
  'quantity',
  'unit_price',
  'supplier',
  'supplier_platform',
  'supplier_order_id',
  'supplier_cost',
  'shipping_method',
  'shipped_at',
  'tracking_number',
  'carrier',
] as const;

const ORDER_LEVEL = ['placed_at', 'customer_email', 'customer_name', 'shipping_country', 'currency'] as const;
const REQUIRED = ['order_number', 'placed_at', 'currency', 'title', 'quantity', 'unit_price'] as const;

export interface CsvLine {
  line: number;
  orderNumber: string;
  placedAt: Date;
  customerEmail: string | null;
  customerName: string | null;
  shippingCountry: string | null;
  currency: string;
  shippingMinor: number | null;
  sku: string | null;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  supplier: { name: string; platform: 'aliexpress' | 'cjdropshipping' | 'other'; orderId: string | null; costMinor: number | null; shippingMethod: string | null } | null;
  shippedAt: Date | null;
  trackingNumber: string | null;
  carrier: string | null;
}

export interface CsvError {
  line: number;
  orderNumber: string | null;
  message: string;
}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

function date(value: string, column: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`${column} "${value}" is not a date (use 2026-03-01 or 2026-03-01T10:00:00Z)`);
  return d;
}

function toLine(record: Record<string, string>, line: number): CsvLine {
  for (const column of REQUIRED) if (!blank(record[column])) throw new Error(`${column} is empty`);
  const currency = record.currency!.trim().toUpperCase();
  const quantity = Number(record.quantity);
  if (!Number.isInteger(quantity) || quantity <= 0) throw new Error(`quantity "${record.quantity}" must be a whole number above 0`);
  const email = blank(record.customer_email);
  if (email && !z.email().safeParse(email).success) throw new Error(`customer_email "${email}" is not an email address`);
  const country = blank(record.shipping_country);
  if (country && !/^[A-Za-z]{2}$/.test(country)) throw new Error(`shipping_country "${country}" must be a 2-letter ISO code like US`);
  const supplierName = blank(record.supplier);
  const platform = (blank(record.supplier_platform) ?? 'aliexpress').toLowerCase();
  if (supplierName && !['aliexpress', 'cjdropshipping', 'other'].includes(platform)) throw new Error(`supplier_platform "${platform}" must be aliexpress, cjdropshipping or other`);
  const cost = blank(record.supplier_cost);
  const shipping = blank(record.shipping);
  const shipped = blank(record.shipped_at);
  return {
    line,
    orderNumber: record.order_number!.trim(),
    placedAt: date(record.placed_at!, 'placed_at'),
    customerEmail: email,
    customerName: blank(record.customer_name),
    shippingCountry: country?.toUpperCase() ?? null,
    currency,
    shippingMinor: shipping ? parseDecimal(shipping, currency, 'shipping') : null,
    sku: blank(record.sku),
    title: record.title!.trim(),
    quantity,
    unitPriceMinor: parseDecimal(record.unit_price!, currency, 'unit_price'),
    supplier: supplierName
      ? {
          name: supplierName,
          platform: platform as 'aliexpress' | 'cjdropshipping' | 'other',
          orderId: blank(record.supplier_order_id),
          costMinor: cost ? parseDecimal(cost, currency, 'supplier_cost') : null,
          shippingMethod: blank(record.shipping_method),
        }
      : null,
    shippedAt: shipped ? date(shipped, 'shipped_at') : null,
    trackingNumber: blank(record.tracking_number),
    carrier: blank(record.carrier),
  };
}

/** Parses the whole file; every bad row is reported with its line number and the reason. */
export function parseOrderCsv(text: string): { lines: CsvLine[]; errors: CsvError[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: false, bom: true, info: true, relax_column_count: true });
  } catch (error) {
    return { lines: [], errors: [{ line: (error as { lines?: number }).lines ?? 1, orderNumber: null, message: `The file is not valid CSV: ${(error as Error).message}` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length) return { lines: [], errors: [{ line: 1, orderNumber: null, message: `The header lacks column(s): ${missing.join(', ')}` }] };
  const lines: CsvLine[] = [];
  const errors: CsvError[] = [];
  const firstRow = new Map<string, Record<string, string>>();
  for (const { record, info } of records) {
    // Later rows of an order may leave the order's own columns blank: take them from its first row.
    const number = blank(record.order_number);
    const first = number ? firstRow.get(number) : undefined;
    if (number && !first) firstRow.set(number, record);
    if (first) for (const column of ORDER_LEVEL) if (!blank(record[column])) record[column] = first[column] ?? '';
    try {
      lines.push(toLine(record, info.lines));
    } catch (error) {
      errors.push({ line: info.lines, orderNumber: blank(record.order_number), message: (error as Error).message });
    }
  }
  return { lines, errors };
}
