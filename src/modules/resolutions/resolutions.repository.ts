import type { Executor } from '../../db/database.ts';
import type { ResolutionKind, Row } from '../../db/schema.ts';
import { notFound } from '../../shared/errors.ts';
import { refundableMinor } from './refundable.ts';
import { resolutionLifecycle, type ResolutionAction, type ResolutionStatus } from './resolutions.states.ts';

export interface Resolution {
  id: string;
  caseId: string;
  orderId: string;
  kind: ResolutionKind;
  status: ResolutionStatus;
  currency: string;
  amountMinor: number;
  details: Record<string, unknown>;
  externalId: string | null;
  failure: string | null;
  proposedBy: string;
  approvedBy: string | null;
  executedAt: string | null;
  createdAt: string;
  allowedActions: ResolutionAction[];
}

export function toResolution(row: Row<'resolutions'>): Resolution {
  const status = row.status as ResolutionStatus;
  return {
    id: row.id,
    caseId: row.case_id,
    orderId: row.order_id,
    kind: row.kind,
    status,
    currency: row.currency,
    amountMinor: row.amount_minor,
    details: row.details,
    externalId: row.external_id,
    failure: row.failure,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
    executedAt: row.executed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    allowedActions: resolutionLifecycle.actionsFrom(status),
  };
}

export async function getResolution(db: Executor, workspaceId: string, id: string): Promise<Resolution> {
  const row = await db.selectFrom('resolutions').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) throw notFound('Resolution', id);
  return toResolution(row);
}

export async function listResolutions(db: Executor, filter: { workspaceId: string; caseId?: string; orderId?: string }): Promise<Resolution[]> {
  let query = db.selectFrom('resolutions').selectAll().where('workspace_id', '=', filter.workspaceId);
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
  return (await query.orderBy('created_at').execute()).map(toResolution);
}

/** The order's refundable balance now, for the resolution panel. */
export async function orderRefundable(db: Executor, orderId: string, excludeId?: string): Promise<{ refundableMinor: number; currency: string; refundedMinor: number; totalMinor: number }> {
  const order = await db.selectFrom('orders').select(['total_minor', 'refunded_minor', 'currency']).where('id', '=', orderId).executeTakeFirstOrThrow();
  const resolutions = (await db.selectFrom('resolutions').selectAll().where('order_id', '=', orderId).execute()).map(toResolution);
  return {
    refundableMinor: refundableMinor({ totalMinor: order.total_minor, refundedMinor: order.refunded_minor }, resolutions, excludeId),
    currency: order.currency,
    refundedMinor: order.refunded_minor,
    totalMinor: order.total_minor,
  };
}
