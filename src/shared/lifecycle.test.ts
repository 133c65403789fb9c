import { describe, expect, it } from 'vitest';
import { defineLifecycle } from './lifecycle.ts';

const door = defineLifecycle({
  name: 'door',
  states: ['open', 'closed', 'locked'] as const,
  finalStates: [] as const,
  table: {
    close: { from: ['open'], to: 'closed' },
    open: { from: ['closed'], to: 'open' },
    lock: { from: ['closed'], to: 'locked' },
  },
});

describe('a lifecycle table', () => {
  it('moves along allowed actions', () => {
    expect(door.next('open', 'close')).toBe('closed');
    expect(door.actionsFrom('closed').sort()).toEqual(['lock', 'open']);
  });

  it('refuses an action the table does not allow, with a code and the allowed actions', () => {
    expect(() => door.next('open', 'lock')).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION', message: expect.stringContaining('allowed now: close') }));
  });
});
