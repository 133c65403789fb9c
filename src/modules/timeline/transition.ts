import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { Visibility } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { Lifecycle } from '../../shared/lifecycle.ts';
import { appendTimeline } from './timeline.repository.ts';

type StatefulTable = 'cases' | 'disputes' | 'resolutions' | 'supplier_orders';

export interface TransitionInput<S extends string, A extends string> {
  lifecycle: Lifecycle<S, A>;
  table: StatefulTable;
  /** the status column; cases have two axes */
  column?: 'status' | 'customer_status' | 'supplier_status';
  id: string;
  action: A;
  actor: string;
  workspaceId: string;
  orderId: string | null;
  caseId: string | null;
  visibility: Visibility;
  summary: string;
  data?: Record<string, unknown>;
  /** other columns written in the same statement (timestamps that belong to the new state) */
  set?: Record<string, unknown>;
}

/**
 * The one way a status changes: lock the row, check the lifecycle table, write the new status
 * with its timestamp, and append the timeline entry, all inside the caller's transaction.
 */
export async function transition<S extends string, A extends string>(tx: Tx, input: TransitionInput<S, A>): Promise<{ from: S; to: S }> {
  const column = input.column ?? 'status';
  const { rows } = await sql<{ status: S }>`select ${sql.ref(column)} as status from ${sql.table(input.table)} where id = ${input.id} for update`.execute(tx);
  const current = rows[0]?.status;
  if (current === undefined) throw new AppError('NOT_FOUND', `${input.lifecycle.name} ${input.id} was not found.`);
  const next = input.lifecycle.next(current, input.action);
  await tx
    .updateTable(input.table)
    .set({ ...(input.set ?? {}), [column]: next, updated_at: new Date() } as never)
    .where('id', '=', input.id)
    .execute();
  await appendTimeline(tx, {
    workspaceId: input.workspaceId,
    orderId: input.orderId,
    caseId: input.caseId,
    subjectType: input.lifecycle.name,
    subjectId: input.id,
    kind: `${input.lifecycle.name}.${input.action}`,
    actor: input.actor,
    visibility: input.visibility,
    summary: input.summary,
    data: { ...(input.data ?? {}), from: current, to: next },
  });
  return { from: current, to: next };
}
