import type { AppContext } from '../../../context.ts';
import type { Actor } from '../../../shared/actor.ts';
import { isAppError } from '../../../shared/errors.ts';
import { requestInfo } from '../../cases/index.ts';
import { prepareDispute } from '../../disputes/index.ts';
import { approveResolution, listResolutions, proposeResolution } from '../../resolutions/index.ts';
import { listSupplierOrders } from '../../suppliers/index.ts';
import { appendTimeline } from '../../timeline/index.ts';
import { evaluate, type Action, type Condition, type Trigger } from '../rule.ts';
import { gatherFacts } from './facts.ts';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'jobs' | 'config'>;

async function perform(ctx: Ctx, actor: Actor, caseId: string, action: Action): Promise<string> {
  const kase = await ctx.db.selectFrom('cases').select(['order_id', 'tags']).where('id', '=', caseId).executeTakeFirstOrThrow();
  switch (action.type) {
    case 'ask_for_evidence':
      await requestInfo(ctx, actor, caseId, action.message);
      return 'asked the customer for evidence';
    case 'propose_resolution': {
      const r = await proposeResolution(ctx, actor, { caseId, kind: action.kind, percent: action.percent, amountMinor: action.amountMinor });
      return `proposed ${r.kind.replaceAll('_', ' ')} of ${r.amountMinor} ${r.currency} minor units`;
    }
    case 'auto_approve': {
      const proposed = (await listResolutions(ctx.db, { workspaceId: actor.workspaceId, caseId })).filter((r) => r.status === 'proposed' && r.amountMinor <= action.maxMinor);
      for (const r of proposed) await approveResolution(ctx, actor, r.id);
      return proposed.length ? `approved ${proposed.length} resolution(s) under ${action.maxMinor}` : `nothing to approve under ${action.maxMinor}`;
    }
    case 'draft_dispute': {
      const [supplierOrder] = await listSupplierOrders(ctx.db, { workspaceId: actor.workspaceId, orderId: kase.order_id });
      if (!supplierOrder) return 'no supplier order to dispute';
      const d = await prepareDispute(ctx, actor, { caseId, supplierOrderId: supplierOrder.id });
      return `drafted dispute ${d.id}`;
    }
    case 'assign':
      await ctx.db.updateTable('cases').set({ assignee_id: action.userId }).where('id', '=', caseId).execute();
      return `assigned to ${action.userId}`;
    case 'tag':
      await ctx.db.updateTable('cases').set({ tags: [...new Set([...kase.tags, action.tag])] }).where('id', '=', caseId).execute();
      return `tagged ${action.tag}`;
  }
}

/**
 * Runs the enabled rules for a trigger on a case, by priority. Each (rule, case, event) runs once,
 * however often the job is delivered; every action lands on the timeline with its "because".
 */
export async function runRules(ctx: Ctx, trigger: Trigger, caseId: string, eventKey: string): Promise<{ rule: string; matched: boolean; because: string; done: string[] }[]> {
  const kase = await ctx.db.selectFrom('cases').select(['workspace_id', 'order_id', 'closed_at']).where('id', '=', caseId).executeTakeFirst();
  if (!kase || kase.closed_at) return [];
  const rules = await ctx.db.selectFrom('rules').selectAll().where('workspace_id', '=', kase.workspace_id).where('trigger', '=', trigger).where('enabled', '=', true).orderBy('priority').orderBy('created_at').execute();
  const results = [];
  for (const rule of rules) {
    const facts = await gatherFacts(ctx.db, caseId, ctx.clock.now());
    const { matched, because } = evaluate(rule.conditions as Condition[], facts);
    const claimed = await ctx.db
      .insertInto('rule_runs')
      .values({ rule_id: rule.id, case_id: caseId, event_key: `${trigger}:${eventKey}`, matched, explanation: because, actions: JSON.stringify([]) })
      .onConflict((oc) => oc.columns(['rule_id', 'case_id', 'event_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!claimed || !matched) continue;
    const actor: Actor = { type: 'rule', id: rule.id, label: `rule:${rule.name}`, workspaceId: kase.workspace_id, role: 'admin', shopIds: null };
    const done: string[] = [];
    for (const action of rule.actions as Action[]) {
      try {
        done.push(await perform(ctx, actor, caseId, action));
      } catch (error) {
        if (!isAppError(error)) throw error;
        done.push(`could not ${action.type.replaceAll('_', ' ')}: ${error.message}`);
      }
    }
    await ctx.db.updateTable('rule_runs').set({ actions: JSON.stringify(done) }).where('id', '=', claimed.id).execute();
    await appendTimeline(ctx.db, {
      workspaceId: kase.workspace_id,
      orderId: kase.order_id,
      caseId,
      subjectType: 'rule',
      subjectId: rule.id,
      kind: 'rule.applied',
      actor: actor.label,
      visibility: 'internal',
      summary: `Rule "${rule.name}": ${done.join('; ')}, ${because}`,
      data: { trigger, eventKey, actions: done },
    });
    results.push({ rule: rule.name, matched, because, done });
  }
  return results;
}
