import { describe, expect, it } from 'vitest';
import { emptyTotals, summarizeMoney } from './money-summary.ts';

const sale = { ...emptyTotals('USD'), customerPaidMinor: 2999, supplierCostMinor: 850 };

describe('the money of a case', () => {
  it('nets to zero when a full refund is matched by winning the supplier cost back', () => {
    const s = summarizeMoney({ ...sale, refundedMinor: 2999, recoveredMinor: 850 });
    expect(s.netLossMinor).toBe(0);
    expect(s.recoveryRate).toBe(1);
    expect(s.costMinor).toBe(2149);
  });

  it('loses the supplier cost when the dispute is lost', () => {
    expect(summarizeMoney({ ...sale, refundedMinor: 2999 }).netLossMinor).toBe(850);
  });

  it('loses nothing in cash on a partial refund that leaves margin', () => {
    const s = summarizeMoney({ ...sale, refundedMinor: 1000 });
    expect(s.netLossMinor).toBe(0);
    expect(s.costMinor).toBe(1000);
  });

  it('counts a reship as money at stake with the supplier', () => {
    const s = summarizeMoney({ ...sale, reshipCostMinor: 850, recoveredMinor: 425 });
    expect(s.recoveryRate).toBe(0.25);
  });
});
