import { currencyExponent } from './money.ts';
import type { ShopStore, SimAddress, SimCustomer, SimLine, SimOrder } from './store.ts';

// Deterministic, realistic-looking orders: same seed, same shop. A dropshipper's catalogue,
// customers spread over the countries they actually sell to, a few discounted lines, some
// orders already shipped, refunded or cancelled.

export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATALOGUE: [title: string, sku: string, usdCents: number][] = [
  ['Magnetic Phone Mount', 'MPM-01', 1999], ['LED Strip Lights 5m', 'LED-5M', 2499], ['Posture Corrector', 'POS-COR', 2999],
  ['Portable Blender', 'BLEND-P', 3499], ['Cat Window Hammock', 'CAT-HAM', 2299], ['Wireless Earbuds Pro', 'EAR-PRO', 4999],
  ['Silicone Kitchen Set', 'KIT-SIL', 2799], ['Galaxy Star Projector', 'PROJ-GAL', 3999], ['Dog Paw Cleaner', 'DOG-PAW', 1799],
  ['Mini Massage Gun', 'MASS-MINI', 5999], ['Car Seat Gap Filler', 'CAR-GAP', 1299], ['Smart Water Bottle', 'BOT-SMT', 3299],
  ['Ring Light 10"', 'RING-10', 2599], ['Heated Eye Mask', 'EYE-HEAT', 2199], ['Reusable Lint Roller', 'LINT-R', 999],
];
const VARIANTS = ['Black', 'White', 'Pink', 'Blue', 'Default Title'];
const FIRST = ['Emma', 'Liam', 'Olivia', 'Noah', 'Sophie', 'Lukas', 'Chloé', 'Mateus', 'Aroha', 'Hannah', 'Jack', 'Léa', 'Ana', 'Oliver', 'Mia', 'Felix'];
const LAST = ['Smith', 'Jones', 'Müller', 'Martin', 'Silva', 'Brown', 'Schmidt', 'Dubois', 'Santos', 'Wilson', 'Taylor', 'Bernard', 'Costa', 'Walker'];
const PLACES: Omit<SimAddress, 'firstName' | 'lastName' | 'address1' | 'address2' | 'phone'>[] = [
  { city: 'Austin', province: 'Texas', provinceCode: 'TX', zip: '78701', country: 'United States', countryCode: 'US' },
  { city: 'Brooklyn', province: 'New York', provinceCode: 'NY', zip: '11201', country: 'United States', countryCode: 'US' },
  { city: 'San Diego', province: 'California', provinceCode: 'CA', zip: '92101', country: 'United States', countryCode: 'US' },
  { city: 'Manchester', province: 'England', provinceCode: 'ENG', zip: 'M1 1AE', country: 'United Kingdom', countryCode: 'GB' },
  { city: 'Berlin', province: null, provinceCode: null, zip: '10115', country: 'Germany', countryCode: 'DE' },
  { city: 'Lyon', province: null, provinceCode: null, zip: '69002', country: 'France', countryCode: 'FR' },
  { city: 'São Paulo', province: 'São Paulo', provinceCode: 'SP', zip: '01310-100', country: 'Brazil', countryCode: 'BR' },
  { city: 'Melbourne', province: 'Victoria', provinceCode: 'VIC', zip: '3000', country: 'Australia', countryCode: 'AU' },
  { city: 'Toronto', province: 'Ontario', provinceCode: 'ON', zip: 'M5V 2T6', country: 'Canada', countryCode: 'CA' },
  { city: 'Utrecht', province: null, provinceCode: null, zip: '3511 AB', country: 'Netherlands', countryCode: 'NL' },
];
const STREETS = ['Main St', 'High Street', 'Hauptstraße', 'Rue de la République', 'Rua Augusta', 'Collins St', 'Oak Ave'];
const CARRIERS: [string, string][] = [['USPS', 'https://tools.usps.com/go/TrackConfirmAction?tLabels='], ['4PX', 'https://track.4px.com/#/result/0/'], ['YunExpress', 'https://www.yuntrack.com/parcelTracking?id=']];

/** Converts a USD catalogue price to the shop currency at a rough, fixed rate per minor-unit size. */
function localPrice(usdCents: number, currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return Math.round((usdCents * 1.5) / 10) * 10; // yen-like: round to 10
  if (exponent === 3) return usdCents * 3; // dinar-like: 19.99 USD ≈ 5.997 KWD
  return usdCents;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export interface SeedOptions { count: number; seed: number; start?: Date; emit?: boolean }

/** Adds `count` orders to the store, deterministic for a given seed and store state. */
export function seedOrders(store: ShopStore, options: SeedOptions): SimOrder[] {
  const random = prng(options.seed);
  const start = (options.start ?? new Date('2024-01-01T00:00:00Z')).getTime();
  const customers: SimCustomer[] = [];
  const created: SimOrder[] = [];
  let clock = start;
  for (let i = 0; i < options.count; i++) {
    clock += Math.floor(5 + random() * 55) * 60_000;
    let customer: SimCustomer;
    if (customers.length > 0 && random() < 0.25) customer = pick(random, customers);
    else {
      const firstName = pick(random, FIRST);
      const lastName = pick(random, LAST);
      customer = { id: store.id(), firstName, lastName, email: `${firstName}.${lastName}.${store.customers.size + 1}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''), phone: random() < 0.5 ? `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}` : null };
      store.customers.set(customer.id, customer);
      customers.push(customer);
    }
    const place = pick(random, PLACES);
    const lines: SimLine[] = [];
    const lineCount = 1 + Math.floor(random() * random() * 4);
    for (let l = 0; l < lineCount; l++) {
      const [title, sku, usd] = pick(random, CATALOGUE);
      const unitMinor = localPrice(usd, store.currency);
      const variantTitle = pick(random, VARIANTS);
      lines.push({
        id: store.id(), productId: 7_000_000 + CATALOGUE.findIndex((c) => c[1] === sku), variantId: store.id(),
        title, variantTitle, sku: random() < 0.95 ? `${sku}-${variantTitle.slice(0, 3).toUpperCase()}` : null,
        quantity: 1 + Math.floor(random() * random() * 3), unitMinor,
        unitDiscountMinor: random() < 0.2 ? Math.floor(unitMinor / 10) : 0, vendor: 'AliExpress',
      });
    }
    const createdAt = new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const updatedAt = new Date(clock + Math.floor(random() * 3 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const shippingMinor = localPrice(pick(random, [0, 0, 499, 999]), store.currency);
    const number = store.orderNumber();
    const order: SimOrder = {
      id: store.id(), number, name: `#${number}`, createdAt, updatedAt, currency: store.currency, shippingMinor,
      customerId: customer.id, email: customer.email, phone: customer.phone,
      shippingAddress: {
        firstName: customer.firstName, lastName: customer.lastName, address1: `${1 + Math.floor(random() * 200)} ${pick(random, STREETS)}`,
        address2: random() < 0.2 ? `Apt ${1 + Math.floor(random() * 30)}` : null, phone: customer.phone, ...place,
      },
      lines, transactions: [], refunds: [], fulfillmentOrders: [], fulfillments: [], tags: [], note: null, cancelledAt: null,
    };
    const total = lines.reduce((s, l) => s + (l.unitMinor - l.unitDiscountMinor) * l.quantity, 0) + shippingMinor;
    order.transactions.push({ id: store.id(), kind: 'SALE', gateway: 'shopify_payments', amountMinor: total, parentId: null, createdAt });
    order.fulfillmentOrders.push({
      id: store.id(), orderId: order.id, status: 'OPEN',
      lines: lines.map((l) => ({ id: store.id(), lineItemId: l.id, totalQuantity: l.quantity, remainingQuantity: l.quantity })),
    });
    const roll = random();
    if (roll < 0.4) shipAll(store, order, random, updatedAt);
    else if (roll < 0.45) refundOneUnit(store, order, updatedAt);
    else if (roll < 0.47) order.cancelledAt = updatedAt;
    store.insertOrder(order, options.emit ?? false);
    created.push(order);
  }
  return created;
}

function shipAll(store: ShopStore, order: SimOrder, random: () => number, at: string): void {
  const [company, base] = pick(random, CARRIERS);
  const number = `${company === 'USPS' ? '9400' : 'LX'}${String(Math.floor(random() * 1e12)).padStart(12, '0')}${company === 'USPS' ? '' : 'CN'}`;
  const fo = order.fulfillmentOrders[0]!;
  order.fulfillments.push({
    id: store.id(), orderId: order.id, name: `${order.name}.1`, status: 'SUCCESS', createdAt: at, updatedAt: at,
    tracking: [{ number, company, url: `${base}${number}` }], notifyCustomer: true,
    lines: fo.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.remainingQuantity })),
  });
  for (const line of fo.lines) line.remainingQuantity = 0;
  fo.status = 'CLOSED';
}

function refundOneUnit(store: ShopStore, order: SimOrder, at: string): void {
  const line = order.lines[0]!;
  const amount = line.unitMinor - line.unitDiscountMinor;
  const sale = order.transactions[0]!;
  order.refunds.push({
    id: store.id(), orderId: order.id, createdAt: at, note: 'Damaged in transit', shippingMinor: 0,
    lines: [{ id: store.id(), lineItemId: line.id, quantity: 1, restockType: 'NO_RESTOCK', subtotalMinor: amount }],
    transactions: [{ id: store.id(), kind: 'REFUND', gateway: sale.gateway, amountMinor: amount, parentId: sale.id, createdAt: at }],
  });
}
