// CJdropshipping API 2.0 connector: token handling under CJ's limits, orders, and the dispute
// API (open exactly once, follow, cancel), with CJ's statuses mapped to Recoup's words.
export { createCjClient } from './client.ts';
export type { CjClient, CjClientOptions, OpenDisputeRequest } from './client.ts';
export { CjError } from './transport.ts';
export type { CjTokens } from './transport.ts';
export { CJ_DISPUTE_STATUS_TABLE, CJ_ORDER_STATUS_TABLE } from './parse.ts';
export type { CjDispute, CjDisputeState, CjOrder, CjSupplierStatus } from './parse.ts';
