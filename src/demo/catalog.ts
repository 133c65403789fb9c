// Made-up but realistic catalogue, customers and carriers for the demo shop.

export const SUPPLIERS = [
  { name: 'Sunny Gadgets Store', platform: 'aliexpress' as const, quality: 0.92 },
  { name: 'Shenzhen Bright LED Official', platform: 'aliexpress' as const, quality: 0.88 },
  { name: 'HomeJoy Decor Factory', platform: 'aliexpress' as const, quality: 0.8 },
  { name: 'PetPal Supplies Store', platform: 'aliexpress' as const, quality: 0.9 },
  { name: 'FitGear Direct', platform: 'aliexpress' as const, quality: 0.7 },
  { name: 'Kitchen Wizard Co.', platform: 'aliexpress' as const, quality: 0.85 },
  { name: 'CJ Warehouse US', platform: 'cjdropshipping' as const, quality: 0.93 },
];

export const PRODUCTS = [
  { sku: 'LED-STRIP-5M', title: 'RGB LED strip 5 m with remote', price: 2499, cost: 740, supplier: 1 },
  { sku: 'LED-BULB-4PK', title: 'Smart bulb, 4-pack', price: 3499, cost: 1120, supplier: 1 },
  { sku: 'PHN-MOUNT-MAG', title: 'Magnetic car phone mount', price: 1999, cost: 410, supplier: 0 },
  { sku: 'EARBUD-TWS-X3', title: 'Wireless earbuds X3', price: 3999, cost: 1290, supplier: 0 },
  { sku: 'CHRG-GAN-65W', title: '65 W GaN charger', price: 2999, cost: 980, supplier: 0 },
  { sku: 'DECO-MOON-LAMP', title: 'Moon lamp 15 cm', price: 2799, cost: 690, supplier: 2 },
  { sku: 'DECO-CANDLE-SET', title: 'Flameless candle set', price: 2299, cost: 560, supplier: 2 },
  { sku: 'PET-FOUNTAIN-2L', title: 'Cat water fountain 2 L', price: 3299, cost: 1050, supplier: 3 },
  { sku: 'PET-HARNESS-M', title: 'No-pull dog harness (M)', price: 2199, cost: 480, supplier: 3 },
  { sku: 'FIT-BANDS-5', title: 'Resistance bands, set of 5', price: 1899, cost: 390, supplier: 4 },
  { sku: 'FIT-ROLLER', title: 'Foam roller 45 cm', price: 2499, cost: 620, supplier: 4 },
  { sku: 'KIT-SLICER-6', title: 'Vegetable slicer 6-in-1', price: 2699, cost: 710, supplier: 5 },
  { sku: 'KIT-SCALE-DIG', title: 'Digital kitchen scale', price: 1799, cost: 430, supplier: 5 },
  { sku: 'US-PILLOW-ERG', title: 'Ergonomic neck pillow (US stock)', price: 3999, cost: 1650, supplier: 6 },
];

export const FIRST_NAMES = ['Maria', 'James', 'Olivia', 'Noah', 'Emma', 'Liam', 'Sofia', 'Lucas', 'Chloe', 'Mateo', 'Hannah', 'Ethan', 'Léa', 'Jonas', 'Ana', 'Ava', 'Mia', 'Leon', 'Grace', 'Henry'];
export const LAST_NAMES = ['Lopez', 'Smith', 'Martin', 'Müller', 'Silva', 'Brown', 'Dubois', 'Johnson', 'Rossi', 'Santos', 'Wilson', 'Schmidt', 'Taylor', 'Moreau', 'Costa', 'Clark'];
export const COUNTRIES = ['US', 'US', 'US', 'US', 'GB', 'GB', 'DE', 'FR', 'CA', 'AU', 'BR'];
export const SHIPPING_METHODS = ['AliExpress Standard Shipping', 'AliExpress Standard Shipping', 'Cainiao Super Economy', 'YunExpress', 'DHL'];
export const CARRIERS = ['Cainiao', 'YunExpress', '4PX', 'Yanwen', 'USPS'];

/** A small deterministic random source, so every demo looks the same. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
