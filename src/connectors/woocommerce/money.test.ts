import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal, toMinor } from './money.ts';

describe('WooCommerce amounts', () => {
  it('parses decimal strings exactly where floats go wrong', () => {
    expect(toMinor('0.29', 'USD')).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(toMinor('1234567.89', 'USD')).toBe(123456789);
    expect(toMinor('-10.00', 'USD')).toBe(-1000);
    expect(toMinor('1500.00', 'JPY')).toBe(1500); // a yen shop left on 2 decimals
    expect(toMinor('5.997', 'KWD')).toBe(5997);
    expect(toMinor('12', 'EUR')).toBe(1200);
  });

  it('refuses amounts with more precision than the currency has', () => {
    expect(() => toMinor('10.005', 'USD')).toThrow(/more decimals/);
    expect(() => toMinor('1e3', 'USD')).toThrow(/malformed/);
  });

  it('round-trips every whole number of minor units through the string WooCommerce takes', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom('USD', 'JPY', 'KWD', 'EUR', 'BRL'), (minor, currency) => {
      expect(toMinor(toDecimal(minor, currency), currency)).toBe(minor);
    }));
  });

  it('agrees with digit-by-digit reading for any shop decimals padding', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.nat({ max: 4 }), (cents, extraZeros) => {
      const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}${'0'.repeat(extraZeros)}`;
      expect(toMinor(text, 'USD')).toBe(Number(cents));
    }));
  });
});
