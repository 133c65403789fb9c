// Shops: the merchant's stores (manual, Shopify, WooCommerce) with sealed platform credentials.
export { createShop } from './commands/create-shop.ts';
export type { CreateShopInput } from './commands/create-shop.ts';
export { readShopCredentials } from './commands/read-credentials.ts';
export { getShop, listShops } from './shops.repository.ts';
export type { Shop } from './shops.repository.ts';
