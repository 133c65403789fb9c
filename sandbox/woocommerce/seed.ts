import { REFUNDABLE_GATEWAYS, type OrderStatus, type SimAddress, type SimLine, type SimOrder, type WooStore } from './store.ts';

// Deterministic, realistic orders: the same seed always gives the same shop, so tests can compare
// what the connector read with what was seeded. Prices are whole minor units at the shop's decimals.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Mia', 'Lukas', 'Léa', 'Hugo', 'Sofía', 'João', 'Charlotte', 'Jack', 'Amélie', 'Jonas', 'Isla', 'Mateus'];
const LAST = ['Smith', 'Johnson', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'Silva', 'Santos', 'Brown', 'Wilson', "O'Brien", 'Taylor', 'Dubois', 'Weber'];
const PLACES: { country: string; state: string; city: string; postcode: string; street: string; phone: string }[] = [
  { country: 'US', state: 'CA', city: 'Los Angeles', postcode: '90012', street: 'S Spring St', phone: '+1 213 555 01' },
  { country: 'US', state: 'NY', city: 'Brooklyn', postcode: '11201', street: 'Atlantic Ave', phone: '+1 718 555 01' },
  { country: 'US', state: 'TX', city: 'Austin', postcode: '78701', street: 'Congress Ave', phone: '+1 512 555 01' },
  { country: 'GB', state: '', city: 'Manchester', postcode: 'M1 1AE', street: 'Deansgate', phone: '+44 161 496 00' },
  { country: 'DE', state: 'BE', city: 'Berlin', postcode: '10115', street: 'Invalidenstraße', phone: '+49 30 901820' },
  { country: 'FR', state: '', city: 'Lyon', postcode: '69002', street: 'Rue de la République', phone: '+33 4 72 10 30' },
  { country: 'BR', state: 'SP', city: 'São Paulo', postcode: '01310-100', street: 'Avenida Paulista', phone: '+55 11 3016 10' },
  { country: 'AU', state: 'NSW', city: 'Sydney', postcode: '2000', street: 'George St', phone: '+61 2 9250 10' },
  { country: 'CA', state: 'ON', city: 'Toronto', postcode: 'M5V 2T6', street: 'King St W', phone: '+1 416 555 01' },
];
const PRODUCTS = [
  { id: 31, name: 'Magnetic Phone Mount', sku: 'MPM-01', price: 1999 },
  { id: 32, name: 'LED Strip Lights 5m', sku: 'LED-5M', price: 2499 },
  { id: 33, name: 'Posture Corrector - Size M', sku: 'PC-M', price: 2950 },
  { id: 34, name: 'Wireless Earbuds Pro', sku: 'WEP-BLK', price: 4599 },
  { id: 35, name: 'Pet Hair Remover Roller', sku: 'PHR-1', price: 1495 },
  { id: 36, name: 'Mini Projector 1080p', sku: 'MP-1080', price: 8900 },
  { id: 37, name: 'Silicone Baking Mat (2 pack)', sku: 'SBM-2', price: 1299 },
  { id: 38, name: 'Smart Watch Band 42mm', sku: '', price: 999 },
];
const GATEWAYS = [
  { id: 'stripe', title: 'Credit Card (Stripe)', weight: 0.6 },
  { id: 'ppcp-gateway', title: 'PayPal', weight: 0.3 },
  { id: 'bacs', title: 'Direct bank transfer', weight: 0.05 },
  { id: 'cod', title: 'Cash on delivery', weight: 0.05 },
];
const STATUSES: [OrderStatus, number][] = [['processing', 0.55], ['completed', 0.3], ['on-hold', 0.04], ['pending', 0.03], ['cancelled', 0.03], ['refunded', 0.03], ['failed', 0.02]];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}
function weighted<T>(r: () => number, list: readonly (readonly [T, number])[]): T {
  let x = r();
  for (const [value, weight] of list) if ((x -= weight) < 0) return value;
  return list.at(-1)![0];
}

export function seedOrders(store: WooStore, options: { count: number; seed: number; start?: Date; emit?: boolean }): SimOrder[] {
  const r = rng(options.seed);
  const scale = 10 ** (store.decimals - 2); // product prices are written in cents
  let at = options.start?.getTime() ?? Date.UTC(2025, 0, 6, 8, 0, 0);
  const made: SimOrder[] = [];
  for (let i = 0; i < options.count; i++) {
    at += (Math.floor(r() * 90 * 60) + 60) * 1000; // WordPress keeps whole seconds
    const id = store.nextPostId(r() < 0.2 ? 1 + Math.floor(r() * 3) : 0);
    const place = pick(r, PLACES);
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const email = `${first}.${last}${id}@example.com`.toLowerCase().normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/'/g, '');
    const address: SimAddress = {
      first_name: first, last_name: last, company: '', address_1: `${1 + Math.floor(r() * 400)} ${place.street}`, address_2: r() < 0.15 ? `Apt ${1 + Math.floor(r() * 40)}` : '',
      city: place.city, state: place.state, postcode: place.postcode, country: place.country, phone: `${place.phone}${String(10 + Math.floor(r() * 89))}`,
    };
    const lines: SimLine[] = [];
    for (let n = 1 + Math.floor(r() * r() * 4); n > 0; n--) {
      const product = pick(r, PRODUCTS);
      const quantity = 1 + Math.floor(r() * r() * 3);
      const subtotal = product.price * scale * quantity;
      // One in ten lines carries a coupon discount, as a percentage that rarely divides evenly.
      const total = r() < 0.1 ? Math.round(subtotal * 0.85) : subtotal;
      lines.push({ id: store.nextItemId(), name: product.name, productId: product.id, variationId: 0, quantity, sku: product.sku, subtotalMinor: subtotal, totalMinor: total });
    }
    const shippingMinor = pick(r, [0, 0, 499, 999]) * scale;
    const discountMinor = lines.reduce((s, l) => s + l.subtotalMinor - l.totalMinor, 0);
    const totalMinor = lines.reduce((s, l) => s + l.totalMinor, 0) + shippingMinor;
    const gateway = weighted(r, GATEWAYS.map((g) => [g, g.weight] as const));
    const status = weighted(r, STATUSES);
    const created = new Date(at);
    const paid = ['processing', 'completed', 'refunded'].includes(status) ? new Date(at + 30_000) : null;
    const modified = new Date(at + (status === 'processing' ? 60_000 : Math.floor(r() * 72) * 3_600_000 + 60_000));
    const order: SimOrder = {
      id, number: String(id), orderKey: `wc_order_${Math.floor(r() * 36 ** 8).toString(36).padStart(8, '0')}${id.toString(36)}`, status, currency: store.currency,
      createdAt: created, modifiedAt: modified, paidAt: paid, completedAt: status === 'completed' ? modified : null,
      customerId: r() < 0.35 ? 0 : 100 + Math.floor(r() * 5000), billing: { ...address, email }, shipping: { ...address },
      paymentMethod: gateway.id, paymentMethodTitle: gateway.title, transactionId: paid && REFUNDABLE_GATEWAYS.has(gateway.id) ? `pi_${id.toString(16)}${Math.floor(r() * 1e9).toString(36)}` : '',
      lines, shippingMinor, discountMinor, taxMinor: 0, totalMinor, refunds: [], notes: [], meta: [], customerNote: r() < 0.05 ? 'Please leave at the back door.' : '',
    };
    if (status === 'refunded' || (status === 'completed' && r() < 0.05)) {
      const amount = status === 'refunded' ? totalMinor : Math.max(1, Math.round(totalMinor * 0.3));
      order.refunds.push({ id: store.nextPostId(), orderId: id, createdAt: modified, amountMinor: amount, reason: status === 'refunded' ? 'Customer cancelled' : 'Partial refund: item damaged', refundedBy: 1, refundedPayment: REFUNDABLE_GATEWAYS.has(gateway.id), lines: [] });
    }
    store.orders.set(id, order);
    made.push(order);
    if (options.emit) store.emit({ topic: 'order.created', order });
  }
  return made;
}
