// Timeline: the one history of an order and its cases. Every change appends an entry in the
// same transaction, marked internal or visible to the customer.
export { appendTimeline, appendTimelineEntries, listTimeline } from './timeline.repository.ts';
export type { TimelineEntry, TimelineEntryInput } from './timeline.repository.ts';
export { transition } from './transition.ts';
export type { TransitionInput } from './transition.ts';
