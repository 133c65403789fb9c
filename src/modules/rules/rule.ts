import { z } from 'zod';

// A rule: when TRIGGER happens to a case and every CONDITION holds, do the ACTIONS. Rules run
// by priority (lower first). Evaluation is pure and explains itself, so the timeline can say
// "because the reason is damaged and no photo was attached".

export const TRIGGERS = ['case.opened', 'evidence.added', 'parcel.flagged', 'clock.warning', 'supplier.replied'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const FACTS = ['reason', 'orderValueMinor', 'customerEarlierClaims', 'parcelStatus', 'parcelFlags', 'daysSinceDelivery', 'supplierRefundRate', 'country', 'photos', 'tags'] as const;
export type FactName = (typeof FACTS)[number];
export type Facts = { [K in FactName]: K extends 'parcelFlags' | 'tags' ? string[] : K extends 'reason' | 'parcelStatus' | 'country' ? string | null : number | null };

export const conditionSchema = z.object({
  fact: z.enum(FACTS),
  op: z.enum(['eq', 'neq', 'in', 'lt', 'lte', 'gt', 'gte', 'contains']),
  value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
});
export type Condition = z.infer<typeof conditionSchema>;

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ask_for_evidence'), message: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('propose_resolution'), kind: z.enum(['full_refund', 'partial_refund', 'store_credit', 'discount']), percent: z.number().min(0).max(100).optional(), amountMinor: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('auto_approve'), maxMinor: z.number().int().min(0) }),
  z.object({ type: z.literal('draft_dispute') }),
  z.object({ type: z.literal('assign'), userId: z.string() }),
  z.object({ type: z.literal('tag'), tag: z.string().min(1).max(40) }),
]);
export type Action = z.infer<typeof actionSchema>;

export const ruleSchema = z.object({
  name: z.string().min(1).max(200),
  trigger: z.enum(TRIGGERS),
  conditions: z.array(conditionSchema).max(20),
  actions: z.array(actionSchema).min(1).max(10),
  priority: z.number().int().min(0).max(10_000).default(100),
  enabled: z.boolean().default(true),
});
export type RuleInput = z.infer<typeof ruleSchema>;

const LABEL: Record<FactName, string> = {
  reason: 'the reason',
  orderValueMinor: 'the order value',
  customerEarlierClaims: "the customer's earlier claims",
  parcelStatus: 'the parcel status',
  parcelFlags: 'the parcel flags',
  daysSinceDelivery: 'the days since delivery',
  supplierRefundRate: "the supplier's refund rate",
  country: 'the country',
  photos: 'the photos attached',
  tags: 'the case tags',
};
const OP: Record<Condition['op'], string> = { eq: 'is', neq: 'is not', in: 'is one of', lt: 'is under', lte: 'is at most', gt: 'is over', gte: 'is at least', contains: 'include' };

function holds(actual: Facts[FactName], c: Condition): boolean {
  const list = Array.isArray(c.value) ? c.value : [c.value];
  switch (c.op) {
    case 'eq':
      return actual === c.value;
    case 'neq':
      return actual !== c.value;
    case 'in':
      return list.includes(actual as string | number);
    case 'contains':
      return Array.isArray(actual) && list.every((v) => actual.includes(String(v)));
    default: {
      if (typeof actual !== 'number' || typeof c.value !== 'number') return false;
      return c.op === 'lt' ? actual < c.value : c.op === 'lte' ? actual <= c.value : c.op === 'gt' ? actual > c.value : actual >= c.value;
    }
  }
}

function describe(c: Condition, actual: Facts[FactName]): string {
  if (c.fact === 'photos' && c.op === 'eq' && c.value === 0) return 'no photo was attached';
  const shown = Array.isArray(actual) ? (actual.length ? actual.join(', ') : 'none') : (actual ?? 'unknown');
  return `${LABEL[c.fact]} ${OP[c.op]} ${Array.isArray(c.value) ? c.value.join('/') : c.value} (${shown})`;
}

export function evaluate(conditions: Condition[], facts: Facts): { matched: boolean; because: string } {
  const reasons: string[] = [];
  for (const c of conditions) {
    const actual = facts[c.fact];
    if (!holds(actual, c)) return { matched: false, because: `not matched: ${describe(c, actual)} does not hold` };
    reasons.push(describe(c, actual));
  }
  return { matched: true, because: reasons.length ? `because ${reasons.join(' and ')}` : 'because it applies to every case' };
}
