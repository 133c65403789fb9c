import type { Executor } from '../../../db/database.ts';
import { requireRole, type Actor } from '../../../shared/actor.ts';
import { newId } from '../../../shared/ids.ts';
import type { NotificationKind } from '../kinds.ts';
import { checkTemplate } from '../render.ts';
import { listNotificationTemplates, type NotificationTemplate } from '../queries/templates.ts';

/** Replaces one kind's subject and body; later messages use the new words. */
export async function saveNotificationTemplate(db: Executor, actor: Actor, input: { kind: NotificationKind; subject: string; body: string }): Promise<NotificationTemplate> {
  requireRole(actor, 'admin');
  checkTemplate('subject', input.subject);
  checkTemplate('body', input.body);
  await db
    .insertInto('notification_templates')
    .values({ id: newId('notificationTemplate'), workspace_id: actor.workspaceId, kind: input.kind, subject: input.subject, body: input.body, updated_by: actor.label })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind']).doUpdateSet({ subject: input.subject, body: input.body, updated_by: actor.label, updated_at: new Date() }))
    .execute();
  return (await listNotificationTemplates(db, actor.workspaceId)).find((t) => t.kind === input.kind)!;
}
