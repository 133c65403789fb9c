import type { ResolutionKind } from '../../db/schema.ts';
import { REFUNDING_KINDS, RESERVING_STATES, type ResolutionStatus } from './resolutions.states.ts';

/**
 * What an order can still refund: its total, less what was refunded (by Recoup or in the store),
 * less what approved resolutions have reserved. Across all its cases.
 */
export function refundableMinor(
  order: { totalMinor: number; refundedMinor: number },
  resolutions: readonly { id: string; kind: ResolutionKind; status: ResolutionStatus; amountMinor: number }[],
  excludeId?: string,
): number {
  const reserved = resolutions
    .filter((r) => r.id !== excludeId && REFUNDING_KINDS.includes(r.kind) && RESERVING_STATES.includes(r.status))
    .reduce((sum, r) => sum + r.amountMinor, 0);
  return Math.max(0, order.totalMinor - order.refundedMinor - reserved);
}
