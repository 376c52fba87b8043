// Precision: intervals from decimals, interval arithmetic, truncation, units — the rule every check relies on.
import { describe, it, expect } from 'vitest';
import {
  rounded, truncated, add, sub, mul, div, sum, minWith, abs, overlaps, consistency, verdict, point,
  commonFactors, intervalOf, rateFactor, formatNumber, digitsAsWritten, isExact,
} from '../src/precision.js';
import { unitOf } from '../src/lexicon/index.js';

const ratio = (n: number, dn: number, d: number, dd: number) => div(rounded(n, dn), rounded(d, dd));

describe('intervals from decimals', () => {
  it('88.28 is [88.275, 88.285]; 100 is [99.5, 100.5]', () => {
    expect(rounded(88.28, 2).lo).toBeCloseTo(88.275, 12);
    expect(rounded(88.28, 2).hi).toBeCloseTo(88.285, 12);
    expect(rounded(100, 0)).toEqual({ lo: 99.5, hi: 100.5 });
  });
  it('truncation reads toward zero: 90.07 is [90.07, 90.08], −5.3 is [−5.4, −5.3]', () => {
    const t = truncated(90.07, 2);
    expect(t.lo).toBe(90.07);
    expect(t.hi).toBeCloseTo(90.08, 12);
    const n = truncated(-5.3, 1);
    expect(n.lo).toBeCloseTo(-5.4, 12);
    expect(n.hi).toBe(-5.3);
  });
  it('counts without decimals are exact', () => {
    expect(isExact({ unit: '人', decimals: 0 })).toBe(true);
    expect(isExact({ unit: '万元', decimals: 0 })).toBe(false);
    expect(intervalOf({ value: 65, decimals: 0, unit: '人' })).toEqual(point(65));
  });
});

describe('interval arithmetic', () => {
  it('adds, subtracts and multiplies', () => {
    expect(add({ lo: 1, hi: 2 }, { lo: 3, hi: 5 })).toEqual({ lo: 4, hi: 7 });
    expect(sub({ lo: 1, hi: 2 }, { lo: 3, hi: 5 })).toEqual({ lo: -4, hi: -1 });
    expect(mul({ lo: -1, hi: 2 }, { lo: 3, hi: 5 })).toEqual({ lo: -5, hi: 10 });
    expect(sum([point(1), point(2), { lo: 0, hi: 0.5 }])).toEqual({ lo: 3, hi: 3.5 });
  });
  it('divides by intervals clear of zero', () => {
    expect(div({ lo: 1, hi: 2 }, { lo: 4, hi: 8 })).toEqual({ lo: 0.125, hi: 0.5 });
    expect(div({ lo: 1, hi: 2 }, { lo: -8, hi: -4 })).toEqual({ lo: -0.5, hi: -0.125 });
  });
  it('division by an interval touching or containing zero is unbounded, never NaN', () => {
    expect(div({ lo: 1, hi: 2 }, { lo: 0, hi: 0.5 })).toEqual({ lo: 2, hi: Infinity });
    expect(div({ lo: 1, hi: 2 }, { lo: -0.5, hi: 0 })).toEqual({ lo: -Infinity, hi: -2 });
    expect(div({ lo: 1, hi: 2 }, { lo: -0.5, hi: 0.5 })).toEqual({ lo: -Infinity, hi: Infinity });
    expect(div({ lo: -0.005, hi: 0.005 }, { lo: -0.005, hi: 0.005 })).toEqual({ lo: -Infinity, hi: Infinity });
    expect(div(point(0), point(0))).toEqual({ lo: -Infinity, hi: Infinity });
  });
  it('min and abs', () => {
    expect(minWith({ lo: 0.9, hi: 1.2 }, 1)).toEqual({ lo: 0.9, hi: 1 });
    expect(abs({ lo: -3, hi: 1 })).toEqual({ lo: 0, hi: 3 });
    expect(abs({ lo: -3, hi: -1 })).toEqual({ lo: 1, hi: 3 });
  });
  it('overlap survives binary representation at the boundary', () => {
    expect(overlaps({ lo: 88.285, hi: 88.29 }, rounded(88.28, 2))).toBe(true);
    expect(overlaps({ lo: 88.2851, hi: 88.29 }, rounded(88.28, 2))).toBe(false);
  });
});

describe('consistency of stated rates (DOMAIN examples)', () => {
  it('88.28% from 8724.90 / 9883.28 is consistent; 88.82% is not', () => {
    const r = ratio(8724.90, 2, 9883.28, 2);
    expect(consistency(r, 88.28, 2, 0.01)).toBe('consistent');
    expect(consistency(r, 88.82, 2, 0.01)).toBe('inconsistent');
  });
  it('90.07% from 3425.81 / 3803.27 (90.0755 %) holds only as truncated', () => {
    expect(consistency(ratio(3425.81, 2, 3803.27, 2), 90.07, 2, 0.01)).toBe('truncated');
  });
  it('45.9% from 735.65 / 1599.38 (45.996 %) holds only as truncated', () => {
    expect(consistency(ratio(735.65, 2, 1599.38, 2), 45.9, 1, 0.01)).toBe('truncated');
  });
  it('a computed range that only touches the far end of a truncation is no truncation: [.60, .62] is not .59 cut off', () => {
    const difference = sub(rounded(117154424.7, 2), rounded(58596771.09, 2)); // 58557653.60 .. 58557653.62
    expect(consistency(difference, 58557653.59, 2)).toBe('inconsistent');
    expect(consistency(difference, 58557653.60, 2)).toBe('consistent');
    // a range reaching inside [.59, .60) still reads as a truncation
    expect(consistency({ lo: 58557653.596, hi: 58557653.606 }, 58557653.59, 2)).toBe('truncated');
    expect(consistency({ lo: 90.076, hi: 90.086 }, 90.07, 2)).toBe('truncated');
  });
  it('100% from 2183.25 / 2179.77 (100.16 %) is consistent at 0 decimals', () => {
    expect(consistency(ratio(2183.25, 2, 2179.77, 2), 100, 0, 0.01)).toBe('consistent');
  });
  it('a rate over 100% can be right', () => {
    expect(consistency(ratio(120, 0, 100, 0), 120, 0, 0.01)).toBe('consistent');
  });
  it('exact stated numbers take no rounding interval', () => {
    expect(consistency(point(168), 170, 0, 1, true)).toBe('inconsistent');
    expect(consistency(point(65), 65, 0, 1, true)).toBe('consistent');
  });
});

describe('verdict under the rounding modes', () => {
  it.each([
    ['round', 'truncated', 'mismatch'],
    ['truncate-as-warning', 'truncated', 'truncated'],
    ['truncate-ok', 'truncated', 'ok'],
    ['truncate-ok', 'inconsistent', 'mismatch'],
    ['round', 'consistent', 'ok'],
  ] as const)('%s: %s → %s', (mode, c, v) => {
    expect(verdict(c, mode)).toBe(v);
  });
});

describe('units', () => {
  it('money converts to 元', () => {
    expect(unitOf('万元')).toEqual({ dimension: 'money', factor: 1e4 });
    expect(unitOf('亿元')).toEqual({ dimension: 'money', factor: 1e8 });
    expect(unitOf('千元').factor).toBe(1e3);
    expect(unitOf('（万元）').factor).toBe(1e4);
  });
  it('% and ％ are the same', () => {
    expect(unitOf('%')).toEqual(unitOf('％'));
    expect(rateFactor({ unit: '％' })).toBe(0.01);
    expect(rateFactor({})).toBe(0.01);
    expect(rateFactor({ unit: '万元' })).toBeUndefined();
  });
  it('commonFactors gives bare numbers the unit beside them and refuses mixed dimensions', () => {
    expect(commonFactors([{ unit: '元' }, { unit: '万元' }])).toEqual({ dimension: 'money', factors: [1, 1e4] });
    expect(commonFactors([{}, { unit: '万元' }])).toEqual({ dimension: 'money', factors: [1e4, 1e4] });
    expect(commonFactors([{ unit: '人' }, { unit: '万元' }])).toBeUndefined();
  });
  it('1,059.39万元 equals 10,593,900元 within its precision', () => {
    const wan = intervalOf({ value: 1059.39, decimals: 2, unit: '万元' });
    const yuan = intervalOf({ value: 10593900, decimals: 0, unit: '元' });
    expect(overlaps(wan, yuan)).toBe(true);
    expect(overlaps(wan, intervalOf({ value: 10594000, decimals: 0, unit: '元' }))).toBe(false);
  });
});

describe('writing numbers', () => {
  it('formats with the stated decimals', () => {
    expect(formatNumber(88.2796, 2)).toBe('88.28');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(Infinity, 2)).toBe('∞');
  });
  it('takes the digits as written', () => {
    expect(digitsAsWritten({ raw: '1,059.39万元', value: 1059.39 })).toBe('1,059.39');
    expect(digitsAsWritten({ raw: '≥95%', value: 95 })).toBe('95');
    expect(digitsAsWritten({ raw: '8724.90', value: 8724.9 })).toBe('8724.90');
  });
});

describe('operands at the finest precision among the relation’s amounts in the same unit', () => {
  it('45万元 beside 1.83万元 is read as 45.00; the stated total keeps its own precision', async () => {
    const { atFinestPrecision } = await import('../src/precision.js');
    const parts = [{ value: 45, decimals: 0, unit: '万元' }, { value: 1.83, decimals: 2, unit: '万元' }];
    expect(atFinestPrecision(parts).map((q) => q.decimals)).toEqual([2, 2]);
    const total = { value: 46.8, decimals: 1, unit: '万元' };
    expect(atFinestPrecision([{ value: 45, decimals: 0, unit: '万元' }], [total])[0].decimals).toBe(1);
    expect(total.decimals).toBe(1);
  });
  it('another unit does not lend its precision, and counts stay exact', async () => {
    const { atFinestPrecision } = await import('../src/precision.js');
    expect(atFinestPrecision([{ value: 45, decimals: 0, unit: '万元' }, { value: 1.83, decimals: 2, unit: '元' }])[0].decimals).toBe(0);
    const people = atFinestPrecision([{ value: 26, decimals: 0, unit: '人' }, { value: 1.5, decimals: 1, unit: '人' }]);
    expect(people[0].decimals).toBe(0);
  });
});
