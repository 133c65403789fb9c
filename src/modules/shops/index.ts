// Shops: the merchant's stores (manual, Shopify, WooCommerce) with sealed platform credentials.
export { createShop } from './commands/create-shop.ts';
export type { CreateShopInput } from './commands/create-shop.ts';
export { connectShop, readStoreCredentials, updateShopCredentials } from './commands/connect-shop.ts';
export type { ConnectShopInput } from './commands/connect-shop.ts';
export { parseStoreCredentials, storeDomain } from './store-credentials.ts';
export type { ShopifyCredentials, StoreCredentials, WooCommerceCredentials } from './store-credentials.ts';
export { readShopCredentials } from './commands/read-credentials.ts';
export { getShop, listShops } from './shops.repository.ts';
export type { Shop } from './shops.repository.ts';
