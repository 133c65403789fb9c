import { describe, expect, it } from 'vitest';
import { ALIEXPRESS_DEFAULT_RULES } from '../../db/migrations/0002-dispute-rules.ts';
import { computeDisputeWindow, disputeDeadlines, type DisputeRules } from './dispute-window.ts';

const rules = ALIEXPRESS_DEFAULT_RULES as DisputeRules;
const shipped = new Date('2026-03-01T10:00:00Z');

describe('the dispute window of a supplier order', () => {
  it('opens 11 days after shipping and closes when 60-day protection ends', () => {
    const w = computeDisputeWindow({ shippedAt: shipped, completedAt: null, country: 'US', rules, overrideClosesAt: null });
    expect(w.opensAt?.toISOString()).toBe('2026-03-12T10:00:00.000Z');
    expect(w.closesAt?.toISOString()).toBe('2026-04-30T10:00:00.000Z');
    expect(w.source).toBe('rules');
  });

  it('gives Brazil its longer protection', () => {
    const w = computeDisputeWindow({ shippedAt: shipped, completedAt: null, country: 'br', rules, overrideClosesAt: null });
    expect(w.closesAt?.toISOString()).toBe('2026-06-29T10:00:00.000Z');
  });

  it('closes 15 days after an early completion', () => {
    const w = computeDisputeWindow({ shippedAt: shipped, completedAt: new Date('2026-03-20T00:00:00Z'), country: 'US', rules, overrideClosesAt: null });
    expect(w.closesAt?.toISOString()).toBe('2026-04-04T00:00:00.000Z');
  });

  it('uses the countdown staff copied from AliExpress over the rules', () => {
    const real = new Date('2026-04-10T00:00:00Z');
    const w = computeDisputeWindow({ shippedAt: shipped, completedAt: null, country: 'US', rules, overrideClosesAt: real });
    expect(w).toEqual({ opensAt: new Date('2026-03-12T10:00:00Z'), closesAt: real, source: 'staff' });
  });

  it('has no window before the supplier ships', () => {
    expect(computeDisputeWindow({ shippedAt: null, completedAt: null, country: 'US', rules, overrideClosesAt: null })).toEqual({ opensAt: null, closesAt: null, source: 'rules' });
  });

  it('gives an open dispute its seller-response and escalation deadlines', () => {
    const d = disputeDeadlines(new Date('2026-04-01T00:00:00Z'), rules);
    expect(d.sellerResponseDueAt.toISOString()).toBe('2026-04-06T00:00:00.000Z');
    expect(d.escalateFromAt.toISOString()).toBe('2026-04-05T00:00:00.000Z');
    expect(d.autoEscalateAt.toISOString()).toBe('2026-04-17T00:00:00.000Z');
  });
});
