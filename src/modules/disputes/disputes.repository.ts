import type { Executor } from '../../db/database.ts';
import type { Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import { disputeLifecycle, type DisputeAction, type DisputeStatus } from './disputes.states.ts';

export interface Dispute {
  id: string;
  caseId: string;
  supplierOrderId: string;
  status: DisputeStatus;
  reason: string;
  platformReason: string;
  request: 'refund_only' | 'return_and_refund';
  currency: string;
  amountMinor: number;
  recoveredMinor: number;
  externalId: string | null;
  openedAt: string | null;
  deadlines: {
    sellerResponseDueAt: string | null;
    escalateFromAt: string | null;
    autoEscalateAt: string | null;
    returnShipByAt: string | null;
    refundExpectedBy: string | null;
  };
  closedAt: string | null;
  createdAt: string;
  allowedActions: DisputeAction[];
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toDispute(row: Row<'disputes'>): Dispute {
  const status = row.status as DisputeStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    supplierOrderId: row.supplier_order_id,
    status,
    reason: row.reason,
    platformReason: row.platform_reason,
    request: row.request,
    currency: row.currency,
    amountMinor: row.amount_minor,
    recoveredMinor: row.recovered_minor,
    externalId: row.external_id,
    openedAt: iso(row.opened_at),
    deadlines: {
      sellerResponseDueAt: iso(row.seller_response_due_at),
      escalateFromAt: iso(row.escalate_from_at),
      autoEscalateAt: iso(row.auto_escalate_at),
      returnShipByAt: iso(row.return_ship_by_at),
      refundExpectedBy: iso(row.refund_expected_by),
    },
    closedAt: iso(row.closed_at),
    createdAt: row.created_at.toISOString(),
    allowedActions: disputeLifecycle.actionsFrom(status),
  };
}

export async function getDispute(db: Executor, workspaceId: string, id: string): Promise<Dispute> {
  const row = await db.selectFrom('disputes').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Dispute', id);
  return toDispute(row);
}

export async function listDisputes(db: Executor, filter: { workspaceId: string; caseId?: string; status?: string }): Promise<Dispute[]> {
  let query = db.selectFrom('disputes').selectAll().where('workspace_id', '=', filter.workspaceId);
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.orderBy('created_at').execute()).map(toDispute);
}
