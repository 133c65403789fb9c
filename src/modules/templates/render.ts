// Templates use {{dotted.paths}}; a variable that is not known is left visible as {{…}} in a
// preview and refused when the template is saved, so a customer never gets a blank.

const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

function lookup(vars: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), vars);
}

export function renderTemplate(text: string, vars: Record<string, unknown>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const rendered = text.replace(PLACEHOLDER, (whole, path: string) => {
    const value = lookup(vars, path);
    if (value === undefined || value === null || typeof value === 'object') {
      missing.push(path);
      return whole;
    }
    return String(value);
  });
  return { text: rendered, missing: [...new Set(missing)] };
}

export const TEMPLATE_VARIABLES = [
  'order.number', 'order.date', 'order.total', 'customer.name', 'customer.email',
  'parcel.trackingNumber', 'parcel.carrier', 'parcel.status', 'parcel.lastEvent', 'parcel.lastEventDate',
  'supplier.name', 'supplier.orderId', 'case.number', 'case.reason', 'case.description', 'case.items',
  'evidence.count', 'evidence.links', 'shop.name', 'trackingUrl',
] as const;
