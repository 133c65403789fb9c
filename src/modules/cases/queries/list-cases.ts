import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { loadCaseLines, toCase, type Case } from '../cases.repository.ts';

export interface CaseFilter {
  workspaceId: string;
  shopIds?: string[] | null;
  shopId?: string;
  orderId?: string;
  reason?: string;
  customerStatus?: string;
  supplierStatus?: string;
  state?: 'open' | 'closed';
  assigneeId?: string;
  limit: number;
  cursor?: string | null;
}

export async function listCases(db: Executor, filter: CaseFilter): Promise<{ items: Case[]; nextCursor: string | null }> {
  let query = db.selectFrom('cases').selectAll().where('workspace_id', '=', filter.workspaceId);
  if (filter.shopIds) query = query.where('shop_id', 'in', filter.shopIds.length ? filter.shopIds : ['-']);
  if (filter.shopId) query = query.where('shop_id', '=', filter.shopId);
  if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
  if (filter.reason) query = query.where('reason', '=', filter.reason);
  if (filter.customerStatus) query = query.where('customer_status', '=', filter.customerStatus);
  if (filter.supplierStatus) query = query.where('supplier_status', '=', filter.supplierStatus);
  if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.state === 'open') query = query.where('closed_at', 'is', null);
  if (filter.state === 'closed') query = query.where('closed_at', 'is not', null);
  if (filter.cursor) {
    const [createdAt, id] = decode(filter.cursor);
    query = query.where(sql<boolean>`(created_at, id) < (${new Date(createdAt)}, ${id})`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const lines = await loadCaseLines(db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    items: page.map((row) => toCase(row, lines.get(row.id) ?? [])),
    nextCursor: rows.length > filter.limit && last ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.id])).toString('base64url') : null,
  };
}

function decode(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not one this API gave out; start again without it.');
}
