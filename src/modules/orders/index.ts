// Orders: the store's orders and their lines, in integer money with a currency.
export { createOrder } from './commands/create-order.ts';
export type { CreateOrderInput } from './commands/create-order.ts';
export { upsertExternalOrders } from './commands/upsert-external-orders.ts';
export type { ExternalOrderInput, UpsertExternalOrdersResult } from './commands/upsert-external-orders.ts';
export { listOrders } from './queries/list-orders.ts';
export type { OrderFilter } from './queries/list-orders.ts';
export { getOrder, lockOrder } from './orders.repository.ts';
export type { Order, OrderLine } from './orders.repository.ts';
