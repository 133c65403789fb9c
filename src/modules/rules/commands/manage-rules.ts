import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { requireRole } from '../../../shared/actor.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import { audit } from '../../staff/index.ts';
import { evaluate, ruleSchema, type Condition, type RuleInput } from '../rule.ts';
import { gatherFacts } from './facts.ts';

function parse(input: unknown): RuleInput {
  const parsed = ruleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_FAILED', `${issue.path.join('.') || 'rule'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function createRule(ctx: Pick<AppContext, 'db'>, actor: Actor, input: unknown) {
  requireRole(actor, 'admin');
  const rule = parse(input);
  const id = newId('rule');
  await ctx.db.insertInto('rules').values({ id, workspace_id: actor.workspaceId, ...rule, conditions: JSON.stringify(rule.conditions), actions: JSON.stringify(rule.actions), created_by: actor.label }).execute();
  await audit(ctx.db, { workspaceId: actor.workspaceId, actor: actor.label, action: 'rule.create', target: id, data: { name: rule.name } });
  return { id, ...rule };
}

export async function setRuleEnabled(ctx: Pick<AppContext, 'db'>, actor: Actor, id: string, enabled: boolean) {
  requireRole(actor, 'admin');
  const row = await ctx.db.updateTable('rules').set({ enabled }).where('id', '=', id).where('workspace_id', '=', actor.workspaceId).returning('id').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Rule ${id} was not found.`);
  await audit(ctx.db, { workspaceId: actor.workspaceId, actor: actor.label, action: enabled ? 'rule.enable' : 'rule.disable', target: id });
}

export async function listRules(ctx: Pick<AppContext, 'db'>, workspaceId: string) {
  const rows = await ctx.db.selectFrom('rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('trigger').orderBy('priority').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, trigger: r.trigger, conditions: r.conditions, actions: r.actions, priority: r.priority, enabled: r.enabled, createdBy: r.created_by }));
}

/** Dry run: which of the latest open cases the rule would act on, and why; nothing is written. */
export async function previewRule(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor, input: unknown, limit = 100) {
  const rule = parse(input);
  const cases = await ctx.db.selectFrom('cases').select(['id', 'number']).where('workspace_id', '=', actor.workspaceId).where('closed_at', 'is', null).orderBy('created_at', 'desc').limit(limit).execute();
  const results = [];
  for (const c of cases) {
    const { matched, because } = evaluate(rule.conditions as Condition[], await gatherFacts(ctx.db, c.id, ctx.clock.now()));
    if (matched) results.push({ caseId: c.id, caseNumber: c.number, because, wouldDo: rule.actions.map((a) => a.type) });
  }
  return { checked: cases.length, matches: results };
}
