// Suppliers: who fulfils each order line, the supplier orders with what was paid, and each
// supplier order's dispute window computed from the versioned rules table.
export { recordSupplierOrder, upsertSupplier } from './commands/record-supplier-order.ts';
export type { RecordSupplierOrderInput } from './commands/record-supplier-order.ts';
export { advanceSupplierOrder } from './commands/advance-supplier-order.ts';
export { overrideDisputeWindow } from './commands/override-dispute-window.ts';
export { refreshDisputeWindow } from './commands/refresh-dispute-window.ts';
export { addDisputeRulesVersion, listDisputeRules, disputeRulesSchema } from './commands/add-dispute-rules.ts';
export { supplierScorecards, REFUND_PRONE_RATE } from './queries/scorecards.ts';
export type { SupplierScorecard } from './queries/scorecards.ts';
export { activeDisputeRules, getSupplierOrder, listSupplierOrders, deepLinkFor } from './suppliers.repository.ts';
export type { SupplierOrder } from './suppliers.repository.ts';
export { computeDisputeWindow, disputeDeadlines, refundExpectedBy, returnShipBy } from './dispute-window.ts';
export type { DisputeRules, DisputeWindow } from './dispute-window.ts';
export { supplierOrderLifecycle } from './supplier-orders.states.ts';
export type { SupplierOrderStatus } from './supplier-orders.states.ts';
