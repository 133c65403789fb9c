import { ConnectorError, type ExternalAddress, type ExternalOrder } from '../types.ts';
import { toMinor } from './money.ts';

// REST v3 order JSON → ExternalOrder. Times come from the `_gmt` fields (the plain ones are in
// the site's timezone, with no offset). Line `price` is a float (total ÷ quantity, unrounded), so
// the unit price is derived from the line's `total` string instead. Refund totals are negative.

interface WooAddress { first_name?: string; last_name?: string; company?: string; address_1?: string; address_2?: string; city?: string; state?: string; postcode?: string; country?: string; email?: string; phone?: string }
export interface WooOrderJson {
  id: number; number?: string; status: string; currency: string; total: string; shipping_total?: string;
  date_created_gmt?: string | null; date_modified_gmt?: string | null; date_created?: string | null; date_modified?: string | null;
  customer_id?: number; billing?: WooAddress; shipping?: WooAddress;
  line_items?: { id: number; name: string; product_id?: number; variation_id?: number; quantity: number; sku?: string | null; total: string }[];
  refunds?: { id: number; reason?: string; total: string }[];
}

const blank = (s: string | undefined | null) => (s && s.trim() !== '' ? s.trim() : null);

/** "2025-01-06T09:31:00" (GMT, no zone) → ISO instant. */
export function gmtToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function address(a: WooAddress | undefined): ExternalAddress | null {
  if (!a || (!blank(a.address_1) && !blank(a.city) && !blank(a.country))) return null;
  const name = [blank(a.first_name), blank(a.last_name)].filter(Boolean).join(' ') || blank(a.company);
  return {
    name: name || null, line1: blank(a.address_1), line2: blank(a.address_2), city: blank(a.city), region: blank(a.state),
    postalCode: blank(a.postcode), country: blank(a.country)?.toUpperCase() ?? null,
  };
}

export function wooOrderToExternal(json: unknown): ExternalOrder {
  const o = json as WooOrderJson;
  if (!o || typeof o !== 'object' || typeof o.id !== 'number' || typeof o.currency !== 'string') {
    throw new ConnectorError('WooCommerce sent something that is not an order.', 'invalid');
  }
  const currency = o.currency.toUpperCase();
  const createdAt = gmtToIso(o.date_created_gmt) ?? gmtToIso(o.date_created);
  if (!createdAt) throw new ConnectorError(`WooCommerce order ${o.id} has no creation date.`, 'invalid');
  const updatedAt = gmtToIso(o.date_modified_gmt) ?? createdAt;
  const billing = o.billing ?? {};
  const lines = (o.line_items ?? []).map((l) => {
    const total = toMinor(l.total, currency);
    const quantity = Math.max(0, Math.trunc(Number(l.quantity)));
    return {
      externalId: String(l.id), sku: blank(l.sku), title: l.name, quantity,
      unitPriceMinor: quantity > 0 ? Math.round(total / quantity) : total,
      productExternalId: l.product_id ? String(l.product_id) : null,
      variantExternalId: l.variation_id ? String(l.variation_id) : null,
    };
  });
  return {
    externalId: String(o.id),
    orderNumber: `#${o.number ?? o.id}`,
    createdAt, updatedAt, currency,
    totalMinor: toMinor(o.total, currency),
    shippingMinor: toMinor(o.shipping_total, currency),
    refundedMinor: (o.refunds ?? []).reduce((sum, r) => sum + Math.abs(toMinor(r.total, currency)), 0),
    customer: {
      externalId: o.customer_id ? String(o.customer_id) : null, email: blank(billing.email)?.toLowerCase() ?? null,
      name: [blank(billing.first_name), blank(billing.last_name)].filter(Boolean).join(' ') || null, phone: blank(billing.phone),
    },
    shippingAddress: address(o.shipping) ?? address(billing),
    lines,
    // WooCommerce keeps no cancellation time; the last change is the best evidence of when it happened.
    cancelledAt: o.status === 'cancelled' ? updatedAt : null,
    raw: json,
  };
}
