import type { Executor } from '../../../db/database.ts';
import { DEFAULT_TEMPLATES, NOTIFICATION_KINDS, type NotificationKind } from '../kinds.ts';

export interface NotificationTemplate {
  kind: NotificationKind;
  subject: string;
  body: string;
  /** false while the built-in words are used */
  customised: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Every kind's template: the workspace's own where it edited one, the default otherwise. */
export async function listNotificationTemplates(db: Executor, workspaceId: string): Promise<NotificationTemplate[]> {
  const rows = await db.selectFrom('notification_templates').selectAll().where('workspace_id', '=', workspaceId).execute();
  return NOTIFICATION_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    return row
      ? { kind, subject: row.subject, body: row.body, customised: true, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by }
      : { kind, ...DEFAULT_TEMPLATES[kind], customised: false, updatedAt: null, updatedBy: null };
  });
}
