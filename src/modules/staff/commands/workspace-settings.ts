import { z } from 'zod';
import type { Database } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { audit } from '../staff.repository.ts';

// The workspace's editable policies, read by the modules that apply them: reminder days before
// dispute deadlines, case SLAs, the agents' approval limit, the buyer-account dispute-ratio
// warning and the photos each reason needs.
export const workspaceSettingsSchema = z
  .object({
    reminderDays: z.array(z.number().int().min(1).max(60)).min(1).max(6),
    sla: z.object({
      firstReplyHours: z.number().min(1).max(720),
      resolutionDays: z.number().min(1).max(120),
      dnrWaitDays: z.number().min(0).max(30),
      warnAt: z.number().min(0.1).max(0.99),
    }).partial(),
    agentApprovalLimitMinor: z.number().int().min(0),
    disputeRatioWarning: z.number().min(0).max(1),
    requiredEvidence: z.record(z.string(), z.object({ photos: z.number().int().min(0).max(20), note: z.string().max(500) })),
  })
  .partial()
  .strict();
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export async function getWorkspaceSettings(db: Database, workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return row.settings as WorkspaceSettings;
}

/** Merges the given policies into the workspace's; each change is audited. */
export async function updateWorkspaceSettings(db: Database, actor: Actor, patch: unknown): Promise<WorkspaceSettings> {
  requireRole(actor, 'admin');
  const parsed = workspaceSettingsSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  }
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('workspaces').select('settings').where('id', '=', actor.workspaceId).forUpdate().executeTakeFirstOrThrow();
    const current = row.settings as WorkspaceSettings;
    const next: WorkspaceSettings = { ...current, ...parsed.data, ...(parsed.data.sla ? { sla: { ...current.sla, ...parsed.data.sla } } : {}) };
    if (next.reminderDays) next.reminderDays = [...new Set(next.reminderDays)].sort((a, b) => b - a);
    await tx.updateTable('workspaces').set({ settings: JSON.stringify(next) }).where('id', '=', actor.workspaceId).execute();
    await audit(tx, { workspaceId: actor.workspaceId, actor: actor.label, action: 'workspace.settings', data: parsed.data });
    return next;
  });
}
