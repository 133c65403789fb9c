import { describe, expect, it } from 'vitest';
import { deriveParcelState } from './derive-status.ts';
import { detectTrouble, DEFAULT_THRESHOLDS } from './trouble.ts';

const day = (n: number) => new Date(Date.UTC(2026, 2, 1) + n * 86_400_000);

describe('a parcel status derived from its events', () => {
  it('follows the event that happened last, whatever order they arrived in', () => {
    const state = deriveParcelState([
      { occurredAt: day(9), status: 'delivered' },
      { occurredAt: day(1), status: 'info_received' },
      { occurredAt: day(5), status: 'in_transit' },
    ]);
    expect(state).toEqual({ status: 'delivered', lastEventAt: day(9), deliveredAt: day(9) });
  });

  it('is pending with no events', () => {
    expect(deriveParcelState([]).status).toBe('pending');
  });

  it('breaks a timestamp tie by the later stage', () => {
    expect(deriveParcelState([{ occurredAt: day(3), status: 'out_for_delivery' }, { occurredAt: day(3), status: 'in_transit' }]).status).toBe('out_for_delivery');
  });
});

describe('trouble detection', () => {
  const base = { status: 'in_transit' as const, shippedAt: day(0), createdAt: day(0), lastEventAt: day(2), promisedBy: null };

  it('flags nothing for a parcel moving on time', () => {
    expect(detectTrouble({ ...base, lastEventAt: day(5) }, day(6))).toEqual([]);
  });

  it('flags a parcel with no event for 10 days in transit as stalled', () => {
    expect(detectTrouble(base, day(12))).toEqual(['stalled']);
    expect(detectTrouble(base, day(11))).toEqual([]);
  });

  it('flags late after the promised date and probably lost after 30 days', () => {
    expect(detectTrouble({ ...base, lastEventAt: day(19) }, day(21))).toEqual(['late']);
    expect(detectTrouble({ ...base, lastEventAt: day(29) }, day(31))).toEqual(['late', 'probably_lost']);
  });

  it('uses the promised date when the supplier gave one', () => {
    expect(detectTrouble({ ...base, lastEventAt: day(7), promisedBy: day(8) }, day(9))).toEqual(['late']);
  });

  it('flags returns and failed deliveries, and nothing time-based once returned', () => {
    expect(detectTrouble({ ...base, status: 'returned' }, day(60))).toEqual(['returned_to_sender']);
    expect(detectTrouble({ ...base, status: 'failed_attempt', lastEventAt: day(4) }, day(5))).toEqual(['delivery_failed']);
  });

  it('respects a shop’s own thresholds', () => {
    const strict = { ...DEFAULT_THRESHOLDS, stalledDays: { default: 3 } };
    expect(detectTrouble(base, day(6), strict)).toEqual(['stalled']);
  });
});
