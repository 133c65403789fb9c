// Cases: one per customer problem, walking the five steps on two axes (customer, supplier).
export { openCase } from './commands/open-case.ts';
export type { OpenCaseInput } from './commands/open-case.ts';
export { confirmDetails, declineCase, requestInfo, verifyCase, waiveSupplier } from './commands/case-steps.ts';
export { recordMessage, listMessages } from './commands/record-message.ts';
export type { RecordMessageInput } from './commands/record-message.ts';
export { moveCustomerSide, moveSupplierSide } from './commands/move-case.ts';
export { tagCaseSignals } from './commands/tag-case-signals.ts';
export { listCases } from './queries/list-cases.ts';
export type { CaseFilter } from './queries/list-cases.ts';
export { getCase } from './cases.repository.ts';
export type { Case, CaseLine } from './cases.repository.ts';
export { CASE_REASONS, customerSide, supplierSide } from './cases.states.ts';
export type { CaseReason, CustomerStatus, SupplierStatus } from './cases.states.ts';
export { caseClocks, DEFAULT_SLA } from './clocks.ts';
export type { CaseClock, SlaSettings } from './clocks.ts';
