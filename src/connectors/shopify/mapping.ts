import { ConnectorError, type ExternalAddress, type ExternalOrder, type ExternalOrderLine } from '../types.ts';
import { toMinor } from './money.ts';

// Shopify orders arrive in two shapes: GraphQL nodes (camelCase, GIDs, MoneyBags) from the Admin
// API, and REST JSON (snake_case, numeric ids) in webhooks. Both map to the same ExternalOrder,
// keyed by the order's GID so a webhook and a backfill agree on identity.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const iso = (v: unknown): string | null => {
  const text = str(v);
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
};
const gidOf = (type: string, id: unknown, gid?: unknown): string | null =>
  str(gid) ?? (typeof id === 'string' && id.startsWith('gid://') ? id : str(id) ? `gid://shopify/${type}/${str(id)}` : null);
const shopAmount = (set: unknown): string | null => str(obj(obj(set)?.shopMoney ?? obj(set)?.shop_money)?.amount);
const joinName = (first: unknown, last: unknown) => [str(first), str(last)].filter(Boolean).join(' ') || null;

export function shopifyOrderToExternal(input: unknown): ExternalOrder {
  const order = obj(input);
  if (!order) throw new ConnectorError('Not a Shopify order.', 'invalid');
  return 'line_items' in order || 'admin_graphql_api_id' in order ? fromRest(order) : fromGraphql(order);
}

function fromGraphql(o: Json): ExternalOrder {
  const currency = str(o.currencyCode);
  const id = str(o.id);
  if (!currency || !id) throw new ConnectorError('Shopify order without id or currencyCode.', 'invalid');
  const c = obj(o.customer);
  const a = obj(o.shippingAddress);
  const lineItems = obj(o.lineItems);
  const nodes = Array.isArray(lineItems?.nodes) ? lineItems.nodes : Array.isArray(lineItems?.edges) ? lineItems.edges.map((e) => obj(e)?.node) : [];
  const lines: ExternalOrderLine[] = nodes.map((raw) => {
    const l = obj(raw) ?? {};
    const price = shopAmount(l.discountedUnitPriceSet) ?? shopAmount(l.originalUnitPriceSet);
    const variantTitle = str(l.variantTitle);
    return {
      externalId: str(l.id) ?? '',
      sku: str(l.sku),
      title: variantTitle && variantTitle !== 'Default Title' ? `${str(l.title) ?? ''} - ${variantTitle}` : str(l.title) ?? str(l.name) ?? '',
      quantity: Number(l.quantity ?? 0),
      unitPriceMinor: toMinor(price, currency),
      productExternalId: str(obj(l.product)?.id),
      variantExternalId: str(obj(l.variant)?.id),
    };
  });
  return {
    externalId: id,
    orderNumber: str(o.name) ?? id,
    createdAt: iso(o.createdAt) ?? '',
    updatedAt: iso(o.updatedAt) ?? iso(o.createdAt) ?? '',
    currency,
    totalMinor: toMinor(shopAmount(o.totalPriceSet), currency),
    shippingMinor: toMinor(shopAmount(o.totalShippingPriceSet), currency),
    refundedMinor: toMinor(shopAmount(o.totalRefundedSet), currency),
    customer: {
      externalId: str(c?.id),
      email: str(c?.email) ?? str(o.email),
      name: joinName(c?.firstName, c?.lastName) ?? str(c?.displayName),
      phone: str(c?.phone) ?? str(o.phone),
    },
    shippingAddress: a ? address(a, a.countryCodeV2 ?? a.countryCode, a.provinceCode ?? a.province, joinName(a.firstName, a.lastName)) : null,
    lines,
    cancelledAt: iso(o.cancelledAt),
    raw: o,
  };
}

function fromRest(o: Json): ExternalOrder {
  const currency = str(o.currency);
  const id = gidOf('Order', o.id, o.admin_graphql_api_id);
  if (!currency || !id) throw new ConnectorError('Shopify order without id or currency.', 'invalid');
  const c = obj(o.customer);
  const a = obj(o.shipping_address);
  const lines: ExternalOrderLine[] = (Array.isArray(o.line_items) ? o.line_items : []).map((raw) => {
    const l = obj(raw) ?? {};
    const quantity = Number(l.quantity ?? 0);
    const unit = toMinor(shopAmount(l.price_set) ?? str(l.price), currency);
    const allocations = Array.isArray(l.discount_allocations) ? l.discount_allocations : [];
    const discount = allocations.reduce((sum: number, d) => sum + toMinor(shopAmount(obj(d)?.amount_set) ?? str(obj(d)?.amount), currency), 0);
    const variantTitle = str(l.variant_title);
    return {
      externalId: gidOf('LineItem', l.id, l.admin_graphql_api_id) ?? '',
      sku: str(l.sku),
      title: variantTitle && variantTitle !== 'Default Title' ? `${str(l.title) ?? ''} - ${variantTitle}` : str(l.title) ?? str(l.name) ?? '',
      quantity,
      // REST gives the line's discount in total; spread it per unit, rounding the unit price down.
      unitPriceMinor: quantity > 0 ? unit - Math.ceil(discount / quantity) : unit,
      productExternalId: gidOf('Product', l.product_id),
      variantExternalId: gidOf('ProductVariant', l.variant_id),
    };
  });
  const refunded = (Array.isArray(o.refunds) ? o.refunds : []).reduce((sum: number, r) => {
    const transactions = obj(r)?.transactions;
    return sum + (Array.isArray(transactions) ? transactions : []).reduce((s: number, t) => {
      const tx = obj(t);
      return tx && tx.kind === 'refund' && tx.status === 'success' ? s + toMinor(str(tx.amount), currency) : s;
    }, 0);
  }, 0);
  return {
    externalId: id,
    orderNumber: str(o.name) ?? String(o.order_number ?? id),
    createdAt: iso(o.created_at) ?? '',
    updatedAt: iso(o.updated_at) ?? iso(o.created_at) ?? '',
    currency,
    totalMinor: toMinor(shopAmount(o.total_price_set) ?? str(o.total_price), currency),
    shippingMinor: toMinor(shopAmount(o.total_shipping_price_set), currency),
    refundedMinor: refunded,
    customer: {
      externalId: c ? gidOf('Customer', c.id, c.admin_graphql_api_id) : null,
      email: str(c?.email) ?? str(o.email),
      name: joinName(c?.first_name, c?.last_name),
      phone: str(c?.phone) ?? str(o.phone),
    },
    shippingAddress: a ? address(a, a.country_code, a.province_code ?? a.province, joinName(a.first_name, a.last_name)) : null,
    lines,
    cancelledAt: iso(o.cancelled_at),
    raw: o,
  };
}

function address(a: Json, country: unknown, region: unknown, fallbackName: string | null): ExternalAddress {
  return {
    name: str(a.name) ?? fallbackName,
    line1: str(a.address1),
    line2: str(a.address2),
    city: str(a.city),
    region: str(region),
    postalCode: str(a.zip),
    country: str(country)?.toUpperCase() ?? null,
  };
}
