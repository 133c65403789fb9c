import { addBusinessDays, addDays } from '../../shared/clock.ts';

// The dispute window of one supplier order, from a version of the rules table. Sources disagree
// on AliExpress's rules (research §2.2), so every number comes from the editable rules and staff
// may overwrite the closing date with the real countdown they see on AliExpress.

export interface DisputeRules {
  earliestOpenDaysAfterShip: number;
  /** buyer-protection length after shipping, by destination country, with a default */
  protectionDays: Record<string, number> & { default: number };
  /** when the order completes early (buyer confirmed receipt), the window closes this long after */
  completionGraceDays: number;
  sellerResponseDays: number;
  escalateFromDays: number;
  autoEscalateDays: number;
  returnShipDays: number;
  refundExpectedBusinessDays: number;
}

export interface WindowInput {
  shippedAt: Date | null;
  completedAt: Date | null;
  country: string | null;
  rules: DisputeRules;
  overrideClosesAt: Date | null;
}

export interface DisputeWindow {
  opensAt: Date | null;
  closesAt: Date | null;
  source: 'rules' | 'staff';
}

export function computeDisputeWindow(input: WindowInput): DisputeWindow {
  const { rules, shippedAt } = input;
  const opensAt = shippedAt ? addDays(shippedAt, rules.earliestOpenDaysAfterShip) : null;
  if (input.overrideClosesAt) return { opensAt, closesAt: input.overrideClosesAt, source: 'staff' };
  if (!shippedAt) return { opensAt: null, closesAt: null, source: 'rules' };
  const protection = (input.country && rules.protectionDays[input.country.toUpperCase()]) || rules.protectionDays.default;
  let closesAt = addDays(shippedAt, protection);
  if (input.completedAt) {
    const afterCompletion = addDays(input.completedAt, rules.completionGraceDays);
    if (afterCompletion < closesAt) closesAt = afterCompletion;
  }
  return { opensAt, closesAt, source: 'rules' };
}

/** The deadlines a dispute carries once it is open on the platform. */
export function disputeDeadlines(openedAt: Date, rules: DisputeRules) {
  return {
    sellerResponseDueAt: addDays(openedAt, rules.sellerResponseDays),
    escalateFromAt: addDays(openedAt, rules.escalateFromDays),
    autoEscalateAt: addDays(openedAt, rules.autoEscalateDays),
  };
}

export const returnShipBy = (agreedAt: Date, rules: DisputeRules) => addDays(agreedAt, rules.returnShipDays);
export const refundExpectedBy = (closedAt: Date, rules: DisputeRules) => addBusinessDays(closedAt, rules.refundExpectedBusinessDays);
