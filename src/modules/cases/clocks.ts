import { DAY_MS } from '../../shared/clock.ts';

// The clocks of a case, each with its due time, a warning before breach, and "done" once met.
// Defaults are editable per workspace (settings.sla).

export interface SlaSettings {
  firstReplyHours: number;
  resolutionDays: number;
  /** delivered-but-not-received: wait this long after the delivery scan before filing */
  dnrWaitDays: number;
  /** warn when this share of the time is used (or 7 days before a dispute deadline) */
  warnAt: number;
}

export const DEFAULT_SLA: SlaSettings = { firstReplyHours: 24, resolutionDays: 7, dnrWaitDays: 3, warnAt: 0.75 };

export type ClockState = 'ok' | 'warning' | 'breached' | 'done' | 'waiting';

export interface CaseClock {
  name: 'first_reply' | 'resolution' | 'dispute_window' | 'seller_response' | 'return_ship_by' | 'wait_to_file';
  subjectId: string;
  dueAt: string;
  state: ClockState;
}

export interface ClockInput {
  caseId: string;
  reason: string;
  createdAt: Date;
  firstReplyAt: Date | null;
  resolvedAt: Date | null;
  supplierSideFinal: boolean;
  windows: { supplierOrderId: string; closesAt: Date | null; disputeFiled: boolean }[];
  disputes: { id: string; final: boolean; sellerResponseDueAt: Date | null; returnShipByAt: Date | null }[];
  deliveredAt: Date | null;
}

function state(now: Date, start: Date, due: Date, done: boolean, warnAt: number, warnBeforeMs?: number): ClockState {
  if (done) return 'done';
  if (now >= due) return 'breached';
  const warnFrom = warnBeforeMs !== undefined ? due.getTime() - warnBeforeMs : start.getTime() + (due.getTime() - start.getTime()) * warnAt;
  return now.getTime() >= warnFrom ? 'warning' : 'ok';
}

export function caseClocks(input: ClockInput, now: Date, sla: SlaSettings = DEFAULT_SLA): CaseClock[] {
  const clocks: CaseClock[] = [];
  const firstDue = new Date(input.createdAt.getTime() + sla.firstReplyHours * 3_600_000);
  clocks.push({ name: 'first_reply', subjectId: input.caseId, dueAt: firstDue.toISOString(), state: state(now, input.createdAt, firstDue, input.firstReplyAt !== null, sla.warnAt) });
  const resolutionDue = new Date(input.createdAt.getTime() + sla.resolutionDays * DAY_MS);
  clocks.push({ name: 'resolution', subjectId: input.caseId, dueAt: resolutionDue.toISOString(), state: state(now, input.createdAt, resolutionDue, input.resolvedAt !== null, sla.warnAt) });
  for (const w of input.windows) {
    if (!w.closesAt) continue;
    clocks.push({ name: 'dispute_window', subjectId: w.supplierOrderId, dueAt: w.closesAt.toISOString(), state: state(now, input.createdAt, w.closesAt, w.disputeFiled || input.supplierSideFinal, sla.warnAt, 7 * DAY_MS) });
  }
  for (const d of input.disputes) {
    if (d.sellerResponseDueAt) clocks.push({ name: 'seller_response', subjectId: d.id, dueAt: d.sellerResponseDueAt.toISOString(), state: state(now, now, d.sellerResponseDueAt, d.final, sla.warnAt, DAY_MS) });
    if (d.returnShipByAt) clocks.push({ name: 'return_ship_by', subjectId: d.id, dueAt: d.returnShipByAt.toISOString(), state: state(now, now, d.returnShipByAt, d.final, sla.warnAt, 2 * DAY_MS) });
  }
  if (input.reason === 'delivered_not_received' && input.deliveredAt) {
    const notBefore = new Date(input.deliveredAt.getTime() + sla.dnrWaitDays * DAY_MS);
    clocks.push({ name: 'wait_to_file', subjectId: input.caseId, dueAt: notBefore.toISOString(), state: now < notBefore ? 'waiting' : 'done' });
  }
  return clocks;
}
