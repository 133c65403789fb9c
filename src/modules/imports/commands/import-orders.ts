import type { AppContext } from '../../../context.ts';
import type { Tx } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { createOrder } from '../../orders/index.ts';
import { addTrackingNumber } from '../../parcels/index.ts';
import { getShop } from '../../shops/index.ts';
import { recordSupplierOrder } from '../../suppliers/index.ts';
import { parseOrderCsv, type CsvError, type CsvLine } from '../order-csv.ts';

export interface ImportReport {
  importId: string;
  orders: { imported: number; alreadyThere: number; failed: number };
  errors: CsvError[];
}

/** Checks the rows of one order agree with each other. */
function orderProblems(rows: CsvLine[]): CsvError[] {
  const first = rows[0]!;
  const problems: CsvError[] = [];
  for (const row of rows.slice(1)) {
    if (row.currency !== first.currency) problems.push({ line: row.line, orderNumber: row.orderNumber, message: `currency ${row.currency} differs from ${first.currency} on line ${first.line}` });
    if (row.customerEmail && first.customerEmail && row.customerEmail.toLowerCase() !== first.customerEmail.toLowerCase()) {
      problems.push({ line: row.line, orderNumber: row.orderNumber, message: `customer_email differs from line ${first.line}` });
    }
  }
  return problems;
}

/**
 * Imports orders from CSV. Each order goes in whole, in its own transaction, or not at all; a bad
 * row is reported by line number and takes only its own order down. Orders already imported are
 * left as they are, so the same file can be imported again.
 */
export async function importOrdersCsv(
  ctx: Pick<AppContext, 'db' | 'clock' | 'jobs'>,
  actor: Actor,
  input: { shopId: string; csv: string; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  requireRole(actor, 'admin');
  const shop = await getShop(ctx.db, actor.workspaceId, input.shopId);
  if (shop.platform !== 'manual') throw new AppError('SHOP_NOT_MANUAL', `Shop ${shop.name} is connected to ${shop.platform}; its orders come from there.`);
  const { lines, errors } = parseOrderCsv(input.csv);

  const byOrder = new Map<string, CsvLine[]>();
  for (const line of lines) byOrder.set(line.orderNumber, [...(byOrder.get(line.orderNumber) ?? []), line]);
  const badOrders = new Set(errors.map((e) => e.orderNumber).filter((n): n is string => n !== null));

  // Orders whose every row was bad never reach byOrder: count them as failed here.
  const onlyBad = [...badOrders].filter((n) => !byOrder.has(n)).length + errors.filter((e) => e.orderNumber === null && e.line > 1).length;
  const report: ImportReport = { importId: newId('import'), orders: { imported: 0, alreadyThere: 0, failed: onlyBad }, errors: [...errors] };
  await ctx.db.insertInto('imports').values({ id: report.importId, workspace_id: actor.workspaceId, shop_id: shop.id, source: 'csv', status: 'running', total: byOrder.size, errors: JSON.stringify([]) }).execute();

  let done = 0;
  for (const [orderNumber, rows] of byOrder) {
    done++;
    const problems = orderProblems(rows);
    if (badOrders.has(orderNumber) || problems.length) {
      report.errors.push(...problems);
      report.orders.failed++;
      continue;
    }
    const exists = await ctx.db.selectFrom('orders').select('id').where('shop_id', '=', shop.id).where('order_number', '=', orderNumber).executeTakeFirst();
    if (exists) {
      report.orders.alreadyThere++;
      continue;
    }
    try {
      await ctx.db.transaction().execute((tx) => importOne(tx, actor, shop.id, rows, ctx.clock.now(), ctx.jobs));
      report.orders.imported++;
    } catch (error) {
      if (!isAppError(error)) throw error;
      report.orders.failed++;
      report.errors.push({ line: rows[0]!.line, orderNumber, message: error.message });
    }
    if (done % 50 === 0 || done === byOrder.size) {
      input.onProgress?.(done, byOrder.size);
      await ctx.db.updateTable('imports').set({ done }).where('id', '=', report.importId).execute();
    }
  }
  report.errors.sort((a, b) => a.line - b.line);
  await ctx.db
    .updateTable('imports')
    .set({ status: 'finished', done, errors: JSON.stringify(report.errors), finished_at: ctx.clock.now() })
    .where('id', '=', report.importId)
    .execute();
  return report;
}

async function importOne(tx: Tx, actor: Actor, shopId: string, rows: CsvLine[], now: Date, jobs: AppContext['jobs']) {
  const first = rows[0]!;
  const orderId = await createOrder(
    tx,
    {
      workspaceId: actor.workspaceId,
      shopId,
      orderNumber: first.orderNumber,
      placedAt: first.placedAt,
      currency: first.currency,
      customer: { email: first.customerEmail, name: first.customerName },
      shippingCountry: first.shippingCountry,
      shippingMinor: first.shippingMinor ?? 0,
      lines: rows.map((r) => ({ sku: r.sku, title: r.title, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor })),
    },
    actor.label,
  );
  const lineIds = await tx.selectFrom('order_lines').select(['id', 'position']).where('order_id', '=', orderId).orderBy('position').execute();

  // One supplier order per supplier order id (or per supplier when the id is blank).
  const groups = new Map<string, { rows: CsvLine[]; lineIds: string[] }>();
  rows.forEach((row, index) => {
    if (!row.supplier) return;
    const key = `${row.supplier.name}|${row.supplier.orderId ?? ''}`;
    const group = groups.get(key) ?? { rows: [], lineIds: [] };
    group.rows.push(row);
    group.lineIds.push(lineIds[index]!.id);
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    const head = group.rows[0]!;
    const shippedAt = group.rows.find((r) => r.shippedAt)?.shippedAt ?? null;
    const supplierOrderId = await recordSupplierOrder(
      tx,
      {
        workspaceId: actor.workspaceId,
        orderId,
        supplier: { platform: head.supplier!.platform, name: head.supplier!.name },
        externalId: head.supplier!.orderId,
        currency: head.currency,
        paidMinor: group.rows.reduce((sum, r) => sum + (r.supplier!.costMinor ?? 0), 0),
        shippingMethod: head.supplier!.shippingMethod,
        placedAt: head.placedAt,
        paidAt: head.placedAt,
        shippedAt,
        lines: group.rows.map((r, i) => ({ orderLineId: group.lineIds[i]!, quantity: r.quantity, costMinor: r.supplier!.costMinor ?? 0 })),
      },
      actor.label,
      now,
    );
    for (const number of new Set(group.rows.map((r) => r.trackingNumber).filter((n): n is string => !!n))) {
      const carrier = group.rows.find((r) => r.trackingNumber === number)?.carrier ?? null;
      await addTrackingNumber(tx, { workspaceId: actor.workspaceId, orderId, supplierOrderId, trackingNumber: number, carrier, shippedAt }, actor.label, { jobs, now });
    }
  }
}
