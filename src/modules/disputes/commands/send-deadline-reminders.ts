import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { appendTimelineEntries } from '../../timeline/index.ts';

export const DEFAULT_REMINDER_DAYS = [7, 3, 1];

export interface FiredReminder {
  workspaceId: string;
  subjectType: 'supplier_order' | 'dispute';
  subjectId: string;
  orderId: string;
  deadlineKind: string;
  deadlineAt: Date;
  daysBefore: number;
}

const LABEL: Record<string, string> = {
  dispute_window: 'Dispute window closes',
  seller_response: 'Seller must answer the dispute',
  auto_escalate: 'Dispute escalates automatically',
  return_ship_by: 'Return must be shipped',
};

/**
 * Fires the reminders that are due (job `disputes.reminders`, every few minutes). For each
 * deadline only the most urgent stage reached is fired, once: the unique key makes a repeated or
 * concurrent scan a no-op, and a scan that was late does not send stale "7 days" after "3 days".
 *
 * Windows are watched for supplier orders still at risk: an open case not yet disputed, or a
 * parcel that has not been delivered. Open disputes are watched for their own deadlines.
 */
export async function sendDeadlineReminders(ctx: Pick<AppContext, 'db' | 'clock'>, days: number[] = DEFAULT_REMINDER_DAYS): Promise<FiredReminder[]> {
  const now = ctx.clock.now();
  const stages = sql`unnest(${sql.val(days)}::int[])`;
  const { rows } = await sql<{ workspace_id: string; subject_type: 'supplier_order' | 'dispute'; subject_id: string; order_id: string; deadline_kind: string; deadline_at: Date; days_before: number }>`
    with deadlines as (
      select so.workspace_id, 'supplier_order' as subject_type, so.id as subject_id, so.order_id, 'dispute_window' as deadline_kind, so.window_closes_at as deadline_at
      from supplier_orders so
      where so.window_closes_at > ${now}
        and so.window_closes_at <= ${now}::timestamptz + make_interval(days => ${Math.max(...days)})
        and so.status not in ('completed', 'cancelled')
        and not exists (select 1 from disputes d where d.supplier_order_id = so.id and d.status not in ('prepared', 'cancelled'))
        and (
          exists (select 1 from cases c where c.order_id = so.order_id and c.closed_at is null and c.supplier_status in ('not_started', 'asked_supplier'))
          or not exists (select 1 from parcels p where p.supplier_order_id = so.id and p.status = 'delivered')
        )
      union all
      select d.workspace_id, 'dispute', d.id, c.order_id, k.kind, k.at
      from disputes d
      join cases c on c.id = d.case_id
      cross join lateral (values ('seller_response', d.seller_response_due_at), ('auto_escalate', d.auto_escalate_at), ('return_ship_by', d.return_ship_by_at)) as k(kind, at)
      where d.status in ('opened', 'seller_responded', 'escalated') and k.at > ${now}
    ),
    due as (
      select dl.*, (select min(s) from ${stages} as s where dl.deadline_at - make_interval(days => s) <= ${now}) as days_before
      from deadlines dl
    )
    insert into deadline_reminders (workspace_id, subject_type, subject_id, order_id, deadline_kind, deadline_at, days_before, fired_at)
    select workspace_id, subject_type, subject_id, order_id, deadline_kind, deadline_at, days_before, ${now}
    from due where days_before is not null
    on conflict do nothing
    returning workspace_id, subject_type, subject_id, order_id, deadline_kind, deadline_at, days_before
  `.execute(ctx.db);

  await appendTimelineEntries(
    ctx.db,
    rows.map((r) => ({
      workspaceId: r.workspace_id,
      orderId: r.order_id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      kind: `reminder.${r.deadline_kind}`,
      actor: 'system',
      visibility: 'internal' as const,
      summary: `${LABEL[r.deadline_kind] ?? r.deadline_kind} in ${r.days_before} day${r.days_before === 1 ? '' : 's'} (${r.deadline_at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      data: { deadlineAt: r.deadline_at.toISOString(), daysBefore: r.days_before },
      occurredAt: now,
    })),
  );
  return rows.map((r) => ({ workspaceId: r.workspace_id, subjectType: r.subject_type, subjectId: r.subject_id, orderId: r.order_id, deadlineKind: r.deadline_kind, deadlineAt: r.deadline_at, daysBefore: r.days_before }));
}
