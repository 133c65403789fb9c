// Bulk operations: message suppliers, prepare disputes, approve resolutions, export — run by a
// job with progress and a result per item; a failed item is reported and the rest go on.
export { BULK_KINDS, bulkExportCsv, getBulk, runBulk, startBulk } from './commands/bulk.ts';
export type { BulkKind } from './commands/bulk.ts';
