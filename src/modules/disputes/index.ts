// Disputes: Recoup keeps every supplier dispute's deadlines and prepares it (reason, amount,
// evidence, deep link); staff file it on AliExpress and record each step here.
export { prepareDispute } from './commands/prepare-dispute.ts';
export type { PrepareDisputeInput } from './commands/prepare-dispute.ts';
export { recordDisputeEvent, DISPUTE_EVENTS } from './commands/record-dispute-event.ts';
export type { DisputeEvent, DisputeEventInput } from './commands/record-dispute-event.ts';
export { sendDeadlineReminders, DEFAULT_REMINDER_DAYS } from './commands/send-deadline-reminders.ts';
export type { FiredReminder } from './commands/send-deadline-reminders.ts';
export { windowsClosingSoon } from './queries/windows-closing.ts';
export { buyerAccountRatios, DEFAULT_DISPUTE_RATIO_WARNING } from './queries/buyer-accounts.ts';
export type { BuyerAccountRatio } from './queries/buyer-accounts.ts';
export { evidencePackPdf, evidencePackZip } from './queries/evidence-pack.ts';
export type { ClosingWindow } from './queries/windows-closing.ts';
export { getDispute, listDisputes } from './disputes.repository.ts';
export type { Dispute } from './disputes.repository.ts';
export { disputeLifecycle } from './disputes.states.ts';
export type { DisputeStatus } from './disputes.states.ts';
export { platformReasonFor } from './reason-map.ts';
