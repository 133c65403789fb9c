import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, currencyExponent, formatDecimal, parseDecimal, percentOf } from './money.ts';

describe('allocate', () => {
  it('always returns parts that sum to the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p) => expect(Number.isInteger(p)).toBe(true));
        },
      ),
    );
  });

  it('never gives a part more than one cent away from its exact share', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), (total, weights) => {
        const sumW = weights.reduce((a, b) => a + b, 0);
        allocate(total, weights).forEach((part, i) => expect(Math.abs(part - (total * weights[i]!) / sumW)).toBeLessThan(1));
      }),
    );
  });

  it('splits 100 cents over three equal lines as 34, 33, 33', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives nothing to a zero weight', () => {
    expect(allocate(1000, [0, 3, 1])).toEqual([0, 750, 250]);
  });
});

describe('decimal amounts', () => {
  it('parses and formats without floating point error', () => {
    expect(parseDecimal('0.29', 'USD')).toBe(29);
    expect(parseDecimal('19.99', 'EUR')).toBe(1999);
    expect(parseDecimal('1500', 'JPY')).toBe(1500);
    expect(parseDecimal('1.235', 'KWD')).toBe(1235);
    expect(formatDecimal(1999, 'USD')).toBe('19.99');
    expect(formatDecimal(5, 'USD')).toBe('0.05');
    expect(formatDecimal(1500, 'JPY')).toBe('1500');
  });

  it('round-trips any amount in currencies with 0, 2 and 3 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('USD', 'JPY', 'KWD', 'BRL'), (minor, currency) => {
        expect(parseDecimal(formatDecimal(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('refuses more decimals than the currency has', () => {
    expect(() => parseDecimal('1.234', 'USD')).toThrow(/more decimals/);
    expect(() => parseDecimal('abc', 'USD')).toThrow(/not a decimal/);
    expect(() => currencyExponent('XX')).toThrow(/ISO 4217/);
  });

  it('takes a percentage rounded half up', () => {
    expect(percentOf(2999, 50)).toBe(1500);
    expect(percentOf(1000, 12.5)).toBe(125);
    expect(() => percentOf(1000, 120)).toThrow();
  });
});
