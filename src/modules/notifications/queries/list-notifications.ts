import type { Executor } from '../../../db/database.ts';

export interface NotificationRecord {
  id: string;
  orderId: string;
  parcelId: string | null;
  kind: string;
  key: string;
  recipient: string | null;
  status: string;
  reason: string | null;
  subject: string | null;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

/** The log of customer messages, newest first: what was sent, skipped (and why) or failed. */
export async function listNotifications(
  db: Executor,
  filter: { workspaceId: string; orderId?: string; status?: string; limit?: number },
): Promise<{ items: NotificationRecord[]; counts: Record<string, number> }> {
  let query = db.selectFrom('notifications').selectAll().where('workspace_id', '=', filter.workspaceId);
  if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
  if (filter.status) query = query.where('status', '=', filter.status as 'sent');
  const [rows, counts] = await Promise.all([
    query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 100).execute(),
    db.selectFrom('notifications').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('workspace_id', '=', filter.workspaceId).groupBy('status').execute(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      parcelId: r.parcel_id,
      kind: r.kind,
      key: r.key,
      recipient: r.recipient,
      status: r.status,
      reason: r.reason,
      subject: r.subject,
      attempts: r.attempts,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    })),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}
