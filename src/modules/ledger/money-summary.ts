// What a case (or any group of cases) cost and what came back, from ledger entries alone.
//
// netLoss is the merchant's cash out of pocket on the affected lines compared with never having
// made the sale: what they paid the supplier, plus what they paid back or re-shipped, minus what
// the customer paid and what the supplier returned. A full refund whose supplier cost is won back
// in a dispute nets to zero. recoveryRate is recovered / what was at stake with the supplier.

export interface MoneyTotals {
  currency: string;
  customerPaidMinor: number;
  supplierCostMinor: number;
  refundedMinor: number;
  storeCreditMinor: number;
  discountMinor: number;
  reshipCostMinor: number;
  recoveredMinor: number;
}

export interface MoneySummary extends MoneyTotals {
  /** refunds + store credit + reship cost − recovered: what the problem cost */
  costMinor: number;
  netLossMinor: number;
  /** 0..1, null when nothing was at stake */
  recoveryRate: number | null;
}

export function summarizeMoney(t: MoneyTotals): MoneySummary {
  const paidOut = t.refundedMinor + t.storeCreditMinor + t.reshipCostMinor;
  const cash = t.customerPaidMinor - t.supplierCostMinor - paidOut + t.recoveredMinor;
  const atStake = t.supplierCostMinor + t.reshipCostMinor;
  return {
    ...t,
    costMinor: paidOut - t.recoveredMinor,
    netLossMinor: Math.max(0, -cash),
    recoveryRate: atStake > 0 ? Math.min(1, t.recoveredMinor / atStake) : null,
  };
}

export function emptyTotals(currency: string): MoneyTotals {
  return { currency, customerPaidMinor: 0, supplierCostMinor: 0, refundedMinor: 0, storeCreditMinor: 0, discountMinor: 0, reshipCostMinor: 0, recoveredMinor: 0 };
}
