import { stringify } from 'csv-stringify/sync';
import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError, isAppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { getCase } from '../../cases/index.ts';
import { caseMoney } from '../../ledger/index.ts';
import { prepareDispute } from '../../disputes/index.ts';
import { approveResolution } from '../../resolutions/index.ts';
import { listSupplierOrders } from '../../suppliers/index.ts';
import { sendTemplate } from '../../templates/index.ts';

export const BULK_KINDS = ['message_suppliers', 'prepare_disputes', 'approve_resolutions', 'export_cases'] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

type Ctx = Pick<AppContext, 'db' | 'clock' | 'jobs' | 'config'>;
interface ItemResult {
  id: string;
  ok: boolean;
  result?: string;
  error?: { code: string; message: string };
}

/** Queues a bulk operation; the job `bulk.run` does the items and records each one's outcome. */
export async function startBulk(ctx: Ctx, actor: Actor, input: { kind: BulkKind; ids: string[]; templateKey?: string }) {
  requireRole(actor, 'agent');
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) throw new AppError('VALIDATION_FAILED', 'ids: select at least one item.');
  if (input.kind === 'message_suppliers' && !input.templateKey) throw new AppError('VALIDATION_FAILED', 'templateKey: say which supplier template to send.');
  const id = newId('bulk');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('bulk_operations')
      .values({ id, workspace_id: actor.workspaceId, kind: input.kind, params: JSON.stringify({ ids, templateKey: input.templateKey ?? null, actor }), status: 'queued', total: ids.length, results: JSON.stringify([]), created_by: actor.label })
      .execute();
    await ctx.jobs.enqueue(tx, 'bulk.run', { bulkId: id });
  });
  return getBulk(ctx, actor.workspaceId, id);
}

export async function getBulk(ctx: Pick<AppContext, 'db'>, workspaceId: string, id: string) {
  const row = await ctx.db.selectFrom('bulk_operations').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Bulk operation ${id} was not found.`);
  return { id: row.id, kind: row.kind, status: row.status, total: row.total, done: row.done, failed: row.failed, results: row.results as ItemResult[], createdBy: row.created_by, createdAt: row.created_at.toISOString(), finishedAt: row.finished_at?.toISOString() ?? null };
}

async function doItem(ctx: Ctx, actor: Actor, kind: BulkKind, id: string, templateKey: string | null): Promise<string> {
  switch (kind) {
    case 'message_suppliers':
      await sendTemplate(ctx, actor, id, templateKey!);
      return 'message recorded';
    case 'prepare_disputes': {
      const kase = await getCase(ctx.db, actor.workspaceId, id);
      const [supplierOrder] = await listSupplierOrders(ctx.db, { workspaceId: actor.workspaceId, orderId: kase.orderId });
      if (!supplierOrder) throw new AppError('CONFLICT', `Case ${kase.number} has no supplier order to dispute.`);
      const dispute = await prepareDispute(ctx, actor, { caseId: id, supplierOrderId: supplierOrder.id });
      return dispute.id;
    }
    case 'approve_resolutions':
      return (await approveResolution(ctx, actor, id)).status;
    case 'export_cases':
      return 'exported';
  }
}

/** The job: each item on its own, so one failure is reported and the rest go on. Safe to re-run. */
export async function runBulk(ctx: Ctx, bulkId: string): Promise<void> {
  const row = await ctx.db.selectFrom('bulk_operations').selectAll().where('id', '=', bulkId).executeTakeFirst();
  if (!row || row.status === 'finished') return;
  const params = row.params as { ids: string[]; templateKey: string | null; actor: Actor };
  const results = [...(row.results as ItemResult[])];
  await ctx.db.updateTable('bulk_operations').set({ status: 'running' }).where('id', '=', bulkId).execute();
  for (const id of params.ids) {
    if (results.some((r) => r.id === id)) continue; // done by an earlier delivery of this job
    try {
      results.push({ id, ok: true, result: await doItem(ctx, params.actor, row.kind as BulkKind, id, params.templateKey) });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: error.message } });
    }
    await ctx.db
      .updateTable('bulk_operations')
      .set({ results: JSON.stringify(results), done: results.length, failed: results.filter((r) => !r.ok).length })
      .where('id', '=', bulkId)
      .execute();
  }
  await ctx.db.updateTable('bulk_operations').set({ status: 'finished', finished_at: ctx.clock.now() }).where('id', '=', bulkId).execute();
}

/** CSV of the cases an export_cases operation selected. */
export async function bulkExportCsv(ctx: Pick<AppContext, 'db'>, workspaceId: string, bulkId: string): Promise<string> {
  const bulk = await getBulk(ctx, workspaceId, bulkId);
  if (bulk.kind !== 'export_cases') throw new AppError('CONFLICT', 'Only an export_cases operation has a CSV.');
  const rows: string[][] = [['case', 'order_id', 'reason', 'customer_status', 'supplier_status', 'opened', 'currency', 'refunded', 'recovered', 'net_loss']];
  for (const item of bulk.results.filter((r) => r.ok)) {
    const kase = await getCase(ctx.db, workspaceId, item.id);
    const money = await caseMoney(ctx.db, item.id);
    rows.push([String(kase.number), kase.orderId, kase.reason, kase.customerStatus, kase.supplierStatus, kase.createdAt, money.currency, String(money.refundedMinor), String(money.recoveredMinor), String(money.netLossMinor)]);
  }
  return stringify(rows);
}
