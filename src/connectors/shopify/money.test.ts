import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../types.ts';
import { toDecimal, toMinor } from './money.ts';

describe('Shopify decimal amounts', () => {
  it.each([
    ['12.5', 'USD', 1250], ['12.50', 'USD', 1250], ['10.0', 'USD', 1000], ['0.01', 'USD', 1], ['1000.0', 'JPY', 1000],
    ['1000', 'JPY', 1000], ['5.997', 'KWD', 5997], ['5.9', 'KWD', 5900], ['-4.99', 'EUR', -499], ['0.30000000000000004', 'USD', null],
  ])('reads %s %s exactly', (text, currency, expected) => {
    if (expected === null) expect(() => toMinor(text, currency)).toThrow(ConnectorError);
    else expect(toMinor(text, currency)).toBe(expected);
  });

  it('refuses sub-unit amounts and malformed text', () => {
    expect(() => toMinor('1.5', 'JPY')).toThrow(/more decimals/);
    expect(() => toMinor('1.2345', 'KWD')).toThrow(/more decimals/);
    expect(() => toMinor('12,50', 'EUR')).toThrow(/malformed/);
    expect(() => toMinor('1e3', 'USD')).toThrow(/malformed/);
  });

  for (const [currency, exponent] of [['JPY', 0], ['USD', 2], ['EUR', 2], ['KWD', 3], ['BHD', 3]] as const) {
    it(`round-trips every ${currency} amount (${exponent} decimals) through its decimal text, padded or trimmed`, () => {
      fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 0, max: 3 }), (minor, extraZeros) => {
        const text = toDecimal(minor, currency);
        expect(toMinor(text, currency)).toBe(minor);
        // Shopify's GraphQL trims or pads zeros ("10.0", "12.5"); the value must not change.
        const padded = text.includes('.') ? `${text}${'0'.repeat(extraZeros)}` : `${text}.${'0'.repeat(extraZeros + 1)}`;
        expect(toMinor(padded, currency)).toBe(minor);
        const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '.0') : text;
        expect(toMinor(trimmed, currency)).toBe(minor);
      }));
    });
  }
});
