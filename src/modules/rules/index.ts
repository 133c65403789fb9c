// Rules: trigger → conditions → actions, by priority, each run recorded and explained on the
// case timeline; a dry run shows what a rule would do before it is switched on.
export { runRules } from './commands/run-rules.ts';
export { scanRuleTriggers } from './commands/scan-triggers.ts';
export { createRule, listRules, previewRule, setRuleEnabled } from './commands/manage-rules.ts';
export { gatherFacts } from './commands/facts.ts';
export { evaluate, TRIGGERS, FACTS, ruleSchema } from './rule.ts';
export type { Action, Condition, Facts, RuleInput, Trigger } from './rule.ts';
