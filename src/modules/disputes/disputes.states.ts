import { defineLifecycle } from '../../shared/lifecycle.ts';

// AliExpress's dropshipping API has no dispute endpoints: staff open the dispute on AliExpress and
// Recoup records each step of its life, with the deadlines each step brings.
export const disputeLifecycle = defineLifecycle({
  name: 'dispute',
  states: ['prepared', 'opened', 'seller_responded', 'escalated', 'won', 'partly_won', 'lost', 'cancelled'] as const,
  finalStates: ['won', 'partly_won', 'lost', 'cancelled'] as const,
  table: {
    open: { from: ['prepared'], to: 'opened' },
    seller_respond: { from: ['opened'], to: 'seller_responded' },
    escalate: { from: ['opened', 'seller_responded'], to: 'escalated' },
    win: { from: ['opened', 'seller_responded', 'escalated'], to: 'won' },
    win_partly: { from: ['opened', 'seller_responded', 'escalated'], to: 'partly_won' },
    lose: { from: ['opened', 'seller_responded', 'escalated'], to: 'lost' },
    cancel: { from: ['prepared', 'opened', 'seller_responded', 'escalated'], to: 'cancelled' },
  },
});
export type DisputeStatus = (typeof disputeLifecycle.states)[number];
export type DisputeAction = keyof typeof disputeLifecycle.table;
