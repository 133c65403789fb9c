// Resolutions: how each customer is made whole (refund, partial, after return, reship, credit,
// discount); approved against the order's refundable balance; executed exactly once.
export { proposeResolution } from './commands/propose-resolution.ts';
export type { ProposeResolutionInput } from './commands/propose-resolution.ts';
export { approveResolution, DEFAULT_AGENT_APPROVAL_LIMIT_MINOR } from './commands/approve-resolution.ts';
export { executeResolution } from './commands/execute-resolution.ts';
export type { ExecuteResolutionInput } from './commands/execute-resolution.ts';
export { completeResolution } from './commands/complete-resolution.ts';
export { failResolution } from './commands/fail-resolution.ts';
export { stepResolution } from './commands/resolution-steps.ts';
export { getResolution, listResolutions, orderRefundable } from './resolutions.repository.ts';
export type { Resolution } from './resolutions.repository.ts';
export { RESOLUTION_KINDS, resolutionLifecycle } from './resolutions.states.ts';
export type { ResolutionStatus } from './resolutions.states.ts';
export { refundableMinor } from './refundable.ts';
