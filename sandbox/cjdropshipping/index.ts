// Local CJdropshipping API 2.0 simulator: token auth, QPS limit, orders and the dispute API.
export { startCjSandbox } from './server.ts';
export type { CjFaultKind, CjSandbox, CjSandboxOptions } from './server.ts';
export { CJ_ERRORS, DISPUTE_REASONS } from './store.ts';
export type { CjDisputeStatus, CjOrderStatus, CjSimDispute, CjSimLine, CjSimOrder } from './store.ts';
