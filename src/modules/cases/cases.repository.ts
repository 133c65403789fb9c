import type { Executor } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import { customerSide, supplierSide, type CaseReason, type CustomerAction, type CustomerStatus, type SupplierAction, type SupplierStatus } from './cases.states.ts';

export interface CaseLine {
  id: string;
  orderLineId: string;
  quantity: number;
}

export interface Case {
  id: string;
  number: number;
  shopId: string;
  orderId: string;
  customerId: string | null;
  reason: CaseReason;
  description: string;
  customerStatus: CustomerStatus;
  supplierStatus: SupplierStatus;
  openedBy: 'customer' | 'staff' | 'rule';
  assigneeId: string | null;
  tags: string[];
  publicToken: string;
  verifiedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  lines: CaseLine[];
  /** what the lifecycle tables allow now: the dashboard shows only these */
  allowedActions: { customer: CustomerAction[]; supplier: SupplierAction[] };
}

export function toCase(row: Row<'cases'>, lines: Row<'case_lines'>[]): Case {
  const customerStatus = row.customer_status as CustomerStatus;
  const supplierStatus = row.supplier_status as SupplierStatus;
  return {
    id: row.id,
    number: row.number,
    shopId: row.shop_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    reason: row.reason as CaseReason,
    description: row.description,
    customerStatus,
    supplierStatus,
    openedBy: row.opened_by,
    assigneeId: row.assignee_id,
    tags: row.tags,
    publicToken: row.public_token,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    lines: lines.map((l) => ({ id: l.id, orderLineId: l.order_line_id, quantity: l.quantity })),
    allowedActions: { customer: customerSide.actionsFrom(customerStatus), supplier: supplierSide.actionsFrom(supplierStatus) },
  };
}

export async function getCase(db: Executor, workspaceId: string, caseId: string): Promise<Case> {
  const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Case', caseId);
  const lines = await db.selectFrom('case_lines').selectAll().where('case_id', '=', caseId).execute();
  return toCase(row, lines);
}

export async function loadCaseLines(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, Row<'case_lines'>[]>();
  const lines = await db.selectFrom('case_lines').selectAll().where('case_id', 'in', caseIds).execute();
  const byCase = new Map<string, Row<'case_lines'>[]>();
  for (const line of lines) byCase.set(line.case_id, [...(byCase.get(line.case_id) ?? []), line]);
  return byCase;
}
