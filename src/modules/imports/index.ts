// Imports: orders from CSV for shops without an API (and any shop's history), row by row errors.
export { importOrdersCsv } from './commands/import-orders.ts';
export { exportOrdersCsv } from './commands/export-orders.ts';
export type { ImportReport } from './commands/import-orders.ts';
export { ORDER_CSV_COLUMNS, parseOrderCsv } from './order-csv.ts';
export type { CsvError, CsvLine } from './order-csv.ts';
