// Ledger: every money movement a case causes (refunds, credit, reship cost, recoveries), written
// once each, and the summaries of refunded vs recovered.
export { recordLedgerEntry } from './commands/record-ledger-entry.ts';
export type { LedgerEntryInput } from './commands/record-ledger-entry.ts';
export { caseMoney, ledgerByGroup } from './queries/ledger-summary.ts';
export type { LedgerRow } from './queries/ledger-summary.ts';
export { summarizeMoney, emptyTotals } from './money-summary.ts';
export type { MoneySummary, MoneyTotals } from './money-summary.ts';
