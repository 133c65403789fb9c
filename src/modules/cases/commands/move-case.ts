import type { Tx } from '../../../db/database.ts';
import type { Visibility } from '../../../db/schema.ts';
import { appendTimeline, transition } from '../../timeline/index.ts';
import { customerSide, supplierSide, type CustomerAction, type SupplierAction } from '../cases.states.ts';

interface Move<A> {
  caseId: string;
  action: A;
  actor: string;
  summary: string;
  visibility?: Visibility;
  data?: Record<string, unknown>;
  at: Date;
}

async function closeIfSettled(tx: Tx, caseId: string, actor: string, at: Date) {
  const row = await tx.selectFrom('cases').select(['workspace_id', 'order_id', 'customer_status', 'supplier_status', 'closed_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const settled = customerSide.isFinal(row.customer_status as never) && supplierSide.isFinal(row.supplier_status as never);
  if (!settled || row.closed_at) return;
  await tx.updateTable('cases').set({ closed_at: at }).where('id', '=', caseId).execute();
  await appendTimeline(tx, {
    workspaceId: row.workspace_id,
    orderId: row.order_id,
    caseId,
    subjectType: 'case',
    subjectId: caseId,
    kind: 'case.closed',
    actor,
    visibility: 'customer',
    summary: 'Case closed',
    occurredAt: at,
  });
}

async function caseRefs(tx: Tx, caseId: string) {
  return tx.selectFrom('cases').select(['workspace_id', 'order_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
}

/** Moves the customer side of a case; closes the case when both sides have ended. */
export async function moveCustomerSide(tx: Tx, move: Move<CustomerAction>): Promise<void> {
  const refs = await caseRefs(tx, move.caseId);
  await transition(tx, {
    lifecycle: customerSide,
    table: 'cases',
    column: 'customer_status',
    id: move.caseId,
    action: move.action,
    actor: move.actor,
    workspaceId: refs.workspace_id,
    orderId: refs.order_id,
    caseId: move.caseId,
    visibility: move.visibility ?? 'customer',
    summary: move.summary,
    data: move.data,
    set: move.action === 'resolve' || move.action === 'decline' ? { resolved_at: move.at } : {},
  });
  await closeIfSettled(tx, move.caseId, move.actor, move.at);
}

/** Moves the supplier side of a case; closes the case when both sides have ended. */
export async function moveSupplierSide(tx: Tx, move: Move<SupplierAction>): Promise<void> {
  const refs = await caseRefs(tx, move.caseId);
  await transition(tx, {
    lifecycle: supplierSide,
    table: 'cases',
    column: 'supplier_status',
    id: move.caseId,
    action: move.action,
    actor: move.actor,
    workspaceId: refs.workspace_id,
    orderId: refs.order_id,
    caseId: move.caseId,
    visibility: move.visibility ?? 'internal',
    summary: move.summary,
    data: move.data,
  });
  await closeIfSettled(tx, move.caseId, move.actor, move.at);
}
