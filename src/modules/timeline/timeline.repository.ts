import type { Executor } from '../../db/database.ts';
import type { Visibility } from '../../db/schema.ts';
import { newId } from '../../shared/ids.ts';

export interface TimelineEntryInput {
  workspaceId: string;
  orderId: string | null;
  caseId?: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  actor: string;
  visibility: Visibility;
  summary: string;
  data?: Record<string, unknown>;
  occurredAt?: Date;
}

export interface TimelineEntry {
  id: string;
  orderId: string | null;
  caseId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  actor: string;
  visibility: Visibility;
  summary: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

export async function appendTimeline(db: Executor, entry: TimelineEntryInput): Promise<void> {
  await appendTimelineEntries(db, [entry]);
}

/** Many entries in one statement (bulk ingestion, reminders); appendTimeline is the one-entry case. */
export async function appendTimelineEntries(db: Executor, entries: readonly TimelineEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('timeline_entries')
    .values(
      entries.map((entry) => ({
        id: newId('timeline'),
        workspace_id: entry.workspaceId,
        order_id: entry.orderId,
        case_id: entry.caseId ?? null,
        subject_type: entry.subjectType,
        subject_id: entry.subjectId,
        kind: entry.kind,
        actor: entry.actor,
        visibility: entry.visibility,
        summary: entry.summary,
        data: JSON.stringify(entry.data ?? {}),
        ...(entry.occurredAt ? { occurred_at: entry.occurredAt } : {}),
      })),
    )
    .execute();
}

export async function listTimeline(
  db: Executor,
  filter: { workspaceId: string; orderId?: string; caseId?: string; customerVisibleOnly?: boolean },
): Promise<TimelineEntry[]> {
  let query = db.selectFrom('timeline_entries').selectAll().where('workspace_id', '=', filter.workspaceId);
  if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
  if (filter.customerVisibleOnly) query = query.where('visibility', '=', 'customer');
  const rows = await query.orderBy('occurred_at').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    orderId: row.order_id,
    caseId: row.case_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    kind: row.kind,
    actor: row.actor,
    visibility: row.visibility,
    summary: row.summary,
    data: row.data,
    occurredAt: row.occurred_at.toISOString(),
  }));
}
