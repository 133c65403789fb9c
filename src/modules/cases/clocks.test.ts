import { describe, expect, it } from 'vitest';
import { caseClocks, type ClockInput } from './clocks.ts';

const created = new Date('2026-03-01T00:00:00Z');
const base: ClockInput = {
  caseId: 'case_1',
  reason: 'damaged',
  createdAt: created,
  firstReplyAt: null,
  resolvedAt: null,
  supplierSideFinal: false,
  windows: [{ supplierOrderId: 'spo_1', closesAt: new Date('2026-03-20T00:00:00Z'), disputeFiled: false }],
  disputes: [],
  deliveredAt: null,
};
const at = (iso: string) => new Date(iso);
const byName = (clocks: ReturnType<typeof caseClocks>) => Object.fromEntries(clocks.map((c) => [c.name, c.state]));

describe('case clocks', () => {
  it('are ok at first, warn at 75% of the time, and breach at the due time', () => {
    expect(byName(caseClocks(base, at('2026-03-01T10:00:00Z'))).first_reply).toBe('ok');
    expect(byName(caseClocks(base, at('2026-03-01T19:00:00Z'))).first_reply).toBe('warning');
    expect(byName(caseClocks(base, at('2026-03-02T00:00:00Z'))).first_reply).toBe('breached');
  });

  it('stop once met', () => {
    const replied = { ...base, firstReplyAt: at('2026-03-01T02:00:00Z') };
    expect(byName(caseClocks(replied, at('2026-03-05T00:00:00Z'))).first_reply).toBe('done');
  });

  it('warn seven days before a dispute window closes, unless a dispute was filed', () => {
    expect(byName(caseClocks(base, at('2026-03-12T00:00:00Z'))).dispute_window).toBe('ok');
    expect(byName(caseClocks(base, at('2026-03-13T00:00:00Z'))).dispute_window).toBe('warning');
    const filed = { ...base, windows: [{ ...base.windows[0]!, disputeFiled: true }] };
    expect(byName(caseClocks(filed, at('2026-03-21T00:00:00Z'))).dispute_window).toBe('done');
  });

  it('make a delivered-but-not-received claim wait three days after the delivery scan', () => {
    const dnr = { ...base, reason: 'delivered_not_received', deliveredAt: at('2026-03-01T00:00:00Z') };
    const clock = caseClocks(dnr, at('2026-03-02T00:00:00Z')).find((c) => c.name === 'wait_to_file')!;
    expect(clock).toMatchObject({ state: 'waiting', dueAt: '2026-03-04T00:00:00.000Z' });
    expect(caseClocks(dnr, at('2026-03-04T00:00:00Z')).find((c) => c.name === 'wait_to_file')!.state).toBe('done');
  });
});
