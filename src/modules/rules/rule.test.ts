import { describe, expect, it } from 'vitest';
import { evaluate, type Facts } from './rule.ts';

const facts: Facts = { reason: 'damaged', orderValueMinor: 2500, customerEarlierClaims: 0, parcelStatus: 'delivered', parcelFlags: [], daysSinceDelivery: 2, supplierRefundRate: 0.04, country: 'US', photos: 0, tags: [] };

describe('rule conditions', () => {
  it('match when every condition holds, and say why', () => {
    const result = evaluate([{ fact: 'reason', op: 'eq', value: 'damaged' }, { fact: 'photos', op: 'eq', value: 0 }], facts);
    expect(result).toEqual({ matched: true, because: 'because the reason is damaged (damaged) and no photo was attached' });
  });

  it('do not match when one fails, and say which', () => {
    const result = evaluate([{ fact: 'reason', op: 'eq', value: 'damaged' }, { fact: 'orderValueMinor', op: 'lt', value: 2000 }], facts);
    expect(result.matched).toBe(false);
    expect(result.because).toContain('the order value is under 2000 (2500)');
  });

  it('compare numbers, lists and sets', () => {
    expect(evaluate([{ fact: 'country', op: 'in', value: ['US', 'CA'] }], facts).matched).toBe(true);
    expect(evaluate([{ fact: 'customerEarlierClaims', op: 'lte', value: 0 }], facts).matched).toBe(true);
    expect(evaluate([{ fact: 'parcelFlags', op: 'contains', value: 'stalled' }], { ...facts, parcelFlags: ['late', 'stalled'] }).matched).toBe(true);
    expect(evaluate([{ fact: 'supplierRefundRate', op: 'gt', value: 0.1 }], { ...facts, supplierRefundRate: null }).matched).toBe(false);
  });
});
