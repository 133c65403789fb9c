import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from './crypto.ts';

describe('sealed credentials', () => {
  const key = randomBytes(32);

  it('round-trip under the same key and hide the plaintext', () => {
    const sealed = seal('shpat_secret', key);
    expect(sealed).not.toContain('shpat_secret');
    expect(unseal(sealed, key)).toBe('shpat_secret');
  });

  it('cannot be opened with another key or after tampering', () => {
    const sealed = seal('ck_123', key);
    expect(() => unseal(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('evil').toString('base64url');
    expect(() => unseal(parts.join('.'), key)).toThrow();
  });
});
