// Customers: the merchant's buyers, one per shop and email, with their claim history.
export { upsertCustomer } from './commands/upsert-customer.ts';
export type { CustomerInput } from './commands/upsert-customer.ts';
export { customerHistory } from './queries/customer-history.ts';
export type { CustomerHistory } from './queries/customer-history.ts';
