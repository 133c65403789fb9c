import { describe, expect, it } from 'vitest';
import { discountCodeFor } from './commands/execute-store-resolution.ts';
import { trackingUrlFor } from './commands/push-tracking.ts';
import { advanceWatermark } from './sync.repository.ts';

describe('sync rules', () => {
  it('moves the reconciliation watermark forward only', () => {
    const start = new Date('2026-01-02T00:00:00Z');
    expect(advanceWatermark(start, [{ updatedAt: '2026-01-01T00:00:00Z' }])).toEqual(start);
    expect(advanceWatermark(start, [{ updatedAt: '2026-01-03T00:00:00Z' }, { updatedAt: 'not a date' }])).toEqual(new Date('2026-01-03T00:00:00Z'));
    expect(advanceWatermark(null, [])).toBeNull();
  });

  it('gives each resolution one discount code, the same on every retry', () => {
    expect(discountCodeFor('rfd_01jabcdefghjkmnp')).toBe(discountCodeFor('rfd_01jabcdefghjkmnp'));
    expect(discountCodeFor('rfd_01jabcdefghjkmnp')).toMatch(/^RECOUP-[0-9A-Z]{10}$/);
  });

  it('links a tracking number to its carrier, or to a universal tracker', () => {
    expect(trackingUrlFor('UPS', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingUrlFor(null, 'LX123456789CN')).toBe('https://t.17track.net/en#nums=LX123456789CN');
  });
});
