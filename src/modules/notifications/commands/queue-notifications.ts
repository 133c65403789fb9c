import type { Executor } from '../../../db/database.ts';
import { newId } from '../../../shared/ids.ts';
import type { NotificationKind } from '../kinds.ts';

export interface NotificationRequest {
  workspaceId: string;
  orderId: string;
  parcelId: string | null;
  kind: NotificationKind;
  /** one message per key, ever: e.g. `delivered:prc_…` or `out_for_delivery:prc_…:<event time>` */
  key: string;
  data?: Record<string, unknown>;
}

/**
 * Records messages to send, in the caller's transaction (the table is the outbox). A key seen
 * before is ignored, so replaying an event never mails twice. Returns how many are new; the
 * `notifications.send` job (enqueued by callers that can, and every minute anyway) sends them.
 */
export async function queueNotifications(tx: Executor, requests: readonly NotificationRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  const result = await tx
    .insertInto('notifications')
    .values(
      requests.map((r) => ({
        id: newId('notification'),
        workspace_id: r.workspaceId,
        order_id: r.orderId,
        parcel_id: r.parcelId,
        kind: r.kind,
        key: r.key,
        data: JSON.stringify(r.data ?? {}),
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
