// What the AliExpress simulator sells and where it ships: products with SKUs (sku_attr for
// ordering, numeric sku_id for freight quotes), one seller/store each, and per-destination
// shipping methods with cost and delivery days. Tests replace it with `setCatalogue`.

export interface SimSeller {
  sellerId: string;
  storeId: string;
  storeName: string;
}

export interface SimSku {
  skuId: string;
  /** e.g. "14:175;5:200003528#Length -26cm"; "" for single-SKU products */
  skuAttr: string;
  priceMinor: number;
  stock: number;
}

export interface SimShippingMethod {
  /** the logistics_service_name orders must name, e.g. CAINIAO_FULFILLMENT_STD */
  code: string;
  company: string;
  costMinor: number;
  minDays: number;
  maxDays: number;
  guaranteedDays?: number | null;
  /** carrier name shown on parcels shipped with this method */
  carrier?: string;
}

export interface SimProduct {
  productId: string;
  title: string;
  seller: SimSeller;
  /** prices and shipping costs are in this currency (AliExpress DS settles in USD) */
  currency?: string;
  shipFrom?: string;
  skus: SimSku[];
  /** ISO country → methods that ship there */
  shipping: Record<string, SimShippingMethod[]>;
}

const STD = (costMinor: number, min: number, max: number): SimShippingMethod => ({
  code: 'CAINIAO_FULFILLMENT_STD', company: 'AliExpress Selection Standard', costMinor, minDays: min, maxDays: max, guaranteedDays: max + 5, carrier: 'Cainiao',
});
const ECONOMY = (costMinor: number, min: number, max: number): SimShippingMethod => ({
  code: 'CAINIAO_ECONOMY', company: 'Cainiao Saver Shipping', costMinor, minDays: min, maxDays: max, guaranteedDays: null, carrier: 'Cainiao',
});
const DHL: SimShippingMethod = { code: 'DHL', company: 'DHL', costMinor: 2499, minDays: 5, maxDays: 9, guaranteedDays: 12, carrier: 'DHL' };

const SELLERS: SimSeller[] = [
  { sellerId: '220001001', storeId: '1100001', storeName: 'Sunrise Gadgets Store' },
  { sellerId: '220002002', storeId: '1100002', storeName: 'Happy Home Official Store' },
];

/** A small catalogue from two sellers shipping to the main dropshipping markets. */
export function defaultCatalogue(): SimProduct[] {
  const westEurope = { GB: [STD(299, 8, 15), ECONOMY(0, 15, 30)], DE: [STD(349, 8, 15), DHL], FR: [STD(349, 8, 16)] };
  return [
    {
      productId: '1005002704149141', title: 'Magnetic Phone Holder', seller: SELLERS[0]!,
      skus: [
        { skuId: '12000021000000001', skuAttr: '14:175#Black', priceMinor: 499, stock: 100_000 },
        { skuId: '12000021000000002', skuAttr: '14:193#Silver', priceMinor: 549, stock: 100_000 },
      ],
      shipping: { US: [STD(199, 7, 12), ECONOMY(0, 12, 25), DHL], BR: [STD(399, 15, 30)], ...westEurope },
    },
    {
      productId: '1005003112223334', title: 'USB-C Cable 2m', seller: SELLERS[0]!,
      skus: [{ skuId: '12000022000000001', skuAttr: '', priceMinor: 299, stock: 100_000 }],
      shipping: { US: [STD(99, 7, 12), ECONOMY(0, 12, 25)], ...westEurope },
    },
    {
      productId: '1005004556667778', title: 'LED Desk Lamp', seller: SELLERS[1]!,
      skus: [
        { skuId: '12000023000000001', skuAttr: '14:771#White;200007763:201336100#China', priceMinor: 1899, stock: 100_000 },
        { skuId: '12000023000000002', skuAttr: '14:771#White;200007763:201336106#United States', priceMinor: 2199, stock: 50 },
      ],
      shipping: { US: [STD(0, 6, 10), DHL], GB: [STD(499, 8, 15)], DE: [STD(499, 8, 15)] },
    },
  ];
}

/** Countries AliExpress does not deliver to at all (A005_INVALID_COUNTRIES). */
const UNSERVED = new Set(['KP', 'IR', 'SY', 'CU']);
const ZIP_RULES: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  BR: /^\d{5}-?\d{3}$/,
};

export interface WireAddress {
  address?: string; address2?: string; city?: string; province?: string; zip?: string; country?: string;
  contact_person?: string; full_name?: string; mobile_no?: string; phone_country?: string; cpf?: string;
}

export interface PlaceOrderRefusal { code: string; msg: string }

/** AliExpress's address checks, reduced to the ones that refuse dropshipping orders most often. */
export function validateAddress(address: WireAddress | undefined): PlaceOrderRefusal | null {
  const fail = (msg: string): PlaceOrderRefusal => ({ code: 'B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL', msg });
  if (!address || typeof address !== 'object') return fail('logistics_address is required');
  const country = address.country ?? '';
  if (!/^[A-Z]{2}$/.test(country)) return fail('country must be a 2-letter code');
  if (UNSERVED.has(country)) return { code: 'A005_INVALID_COUNTRIES', msg: `cannot deliver to ${country}` };
  const name = (address.contact_person || address.full_name || '').trim();
  if (name.length < 2) return fail('contact_person is required');
  // AliExpress FAQ: US names need 2–32 characters on each side of the space.
  if (country === 'US' && !/^\S.{1,31} .{1,31}\S$/.test(name)) return fail('contact_person must be a first and last name');
  if (!address.address?.trim()) return fail('address is required');
  if (!address.city?.trim()) return fail('city is required');
  if (!address.province?.trim()) return fail('province is required');
  const zipRule = ZIP_RULES[country] ?? /^[A-Za-z0-9 -]{3,10}$/;
  if (!address.zip || !zipRule.test(address.zip)) return fail(`zip "${address.zip ?? ''}" is not valid for ${country}`);
  if (!address.mobile_no || !/^\d{5,16}$/.test(address.mobile_no)) return fail('mobile_no must be 5-16 digits');
  if (!address.phone_country || !/^\+?\d{1,4}$/.test(address.phone_country)) return fail('phone_country is required, e.g. +1');
  if (country === 'BR' && !/^\d{11}$/.test((address.cpf ?? '').replace(/\D/g, ''))) return fail('cpf is required for Brazil');
  return null;
}

/** "yyyy-MM-dd HH:mm:ss" in GMT+8, the platform's wire time format. */
export function wireTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
