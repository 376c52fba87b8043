// Precision of numbers as written: intervals from decimals (XBRL Calculations 1.1), interval arithmetic, units, verdicts.
import type { Quantity } from './model/schema.js';
import { digitsOf, normalizeUnit, unitOf, type Dimension } from './lexicon/index.js';

/**
 * A closed interval of real values. Stated numbers are half-open in principle ([88.275, 88.285)); we treat every
 * interval as closed because a relation that only touches a boundary cannot be told apart after floating-point
 * rounding, and Calculations 1.1 accepts it too.
 */
export interface Interval {
  lo: number;
  hi: number;
}

export type Rounding = 'round' | 'truncate-as-warning' | 'truncate-ok';

/** Consistency of a stated number with the interval its operands allow. */
export type Consistency = 'consistent' | 'truncated' | 'inconsistent';

export const point = (v: number): Interval => ({ lo: v, hi: v });

/** The interval a number stands for when rounded to `decimals` places: 88.28 → [88.275, 88.285]. */
export function rounded(value: number, decimals: number): Interval {
  const half = 0.5 * 10 ** -decimals;
  return { lo: value - half, hi: value + half };
}

/** The interval a number stands for when truncated (toward zero) to `decimals` places: 90.07 → [90.07, 90.08) (see overlapsInside). */
export function truncated(value: number, decimals: number): Interval {
  const step = 10 ** -decimals;
  return value >= 0 ? { lo: value, hi: value + step } : { lo: value - step, hi: value };
}

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo - b.hi, hi: a.hi - b.lo };
}

export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

const ENTIRE: Interval = { lo: -Infinity, hi: Infinity };

/**
 * a ÷ b. A divisor that touches 0 makes the quotient unbounded on that side; one that straddles 0 (or a dividend
 * that also contains 0) leaves every value possible. Such a relation can never be shown wrong, which is right:
 * the stated operands do not pin the quotient down.
 */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo > 0 || b.hi < 0) {
    const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
    return { lo: Math.min(...q), hi: Math.max(...q) };
  }
  if (b.lo === 0 && b.hi === 0) return ENTIRE;
  if (a.lo <= 0 && a.hi >= 0) return ENTIRE;
  if (b.lo < 0 && b.hi > 0) return ENTIRE;
  // The divisor is [0, hi] or [lo, 0]: one side of the quotient is bounded, the other runs to infinity.
  const nonZero = b.lo === 0 ? b.hi : b.lo;
  const bound = (a.lo > 0 ? a.lo : a.hi) / nonZero;
  const positive = (a.lo > 0) === (nonZero > 0);
  return positive ? { lo: bound, hi: Infinity } : { lo: -Infinity, hi: bound };
}

export function sum(xs: Interval[]): Interval {
  return xs.reduce(add, point(0));
}

/** min(x, c) applied to every value of x. */
export function minWith(x: Interval, c: number): Interval {
  return { lo: Math.min(x.lo, c), hi: Math.min(x.hi, c) };
}

export function abs(x: Interval): Interval {
  if (x.lo >= 0) return x;
  if (x.hi <= 0) return { lo: -x.hi, hi: -x.lo };
  return { lo: 0, hi: Math.max(-x.lo, x.hi) };
}

export function scale(x: Interval, factor: number): Interval {
  return factor >= 0 ? { lo: x.lo * factor, hi: x.hi * factor } : { lo: x.hi * factor, hi: x.lo * factor };
}

export function mid(x: Interval): number {
  return (x.lo + x.hi) / 2;
}

/**
 * Do two intervals share a value? The slack is a few units in the last place of a double, so that 88.28 − 0.005
 * computed in binary still meets 88.275; it is not a tolerance on the numbers themselves.
 */
export function overlaps(a: Interval, b: Interval): boolean {
  const slack = slackOf(a, b);
  const aHi = Number.isFinite(a.hi) ? a.hi + slack : a.hi;
  const bHi = Number.isFinite(b.hi) ? b.hi + slack : b.hi;
  return a.lo <= bHi && b.lo <= aHi;
}

/**
 * Do two intervals share more than an end point? A truncated figure stands for a half-open interval (90.07 for
 * [90.07, 90.08)), so a computed range that only touches its far end (90.08) truncates to the next digit, not to it.
 */
export function overlapsInside(a: Interval, b: Interval): boolean {
  if (a.lo === a.hi || b.lo === b.hi) return overlaps(a, b);
  const slack = slackOf(a, b);
  return a.lo < b.hi - slack && b.lo < a.hi - slack;
}

/** A few units in the last place of a double at the intervals' magnitude. */
function slackOf(a: Interval, b: Interval): number {
  return 1e-12 * Math.max(1, Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi));
}

/** Is the stated value (value, decimals) consistent with the computed interval, under rounding or truncation only? */
export function consistency(computed: Interval, value: number, decimals: number, factor = 1, exact = false): Consistency {
  if (Number.isNaN(computed.lo) || Number.isNaN(computed.hi)) return 'consistent';
  const asRounded = exact ? point(value) : rounded(value, decimals);
  if (overlaps(computed, scale(asRounded, factor))) return 'consistent';
  if (!exact && overlapsInside(computed, scale(truncated(value, decimals), factor))) return 'truncated';
  return 'inconsistent';
}

/** What a consistency means under the configured rounding mode. */
export function verdict(c: Consistency, mode: Rounding): 'ok' | 'truncated' | 'mismatch' {
  if (c === 'consistent') return 'ok';
  if (c === 'truncated') return mode === 'truncate-ok' ? 'ok' : mode === 'round' ? 'mismatch' : 'truncated';
  return 'mismatch';
}

// ---------------------------------------------------------------------------------------------------------------
// Units

/** Counts of things (人, 个 …) written without decimals are exact: 65人 is 65, not [64.5, 65.5]. */
export function isExact(q: Pick<Quantity, 'unit' | 'decimals'>): boolean {
  return unitOf(q.unit).dimension === 'count' && q.decimals === 0;
}

/** A quantity's interval in its dimension's base unit, read as rounded (or exact for counts). */
export function intervalOf(q: Pick<Quantity, 'value' | 'decimals' | 'unit'>, factor = unitOf(q.unit).factor): Interval {
  const exact = isExact(q);
  return scale(exact ? point(q.value) : rounded(q.value, q.decimals), factor);
}

export function isUsable(q: Pick<Quantity, 'value' | 'decimals'> | undefined): q is Quantity {
  return q !== undefined && Number.isFinite(q.value) && Number.isInteger(q.decimals) && q.decimals >= 0 && q.decimals <= 12;
}

/**
 * Bring quantities that should be compared onto one scale. Quantities without a unit take the unit of the first
 * quantity that has one (a table column headed 万元 has bare numbers). Returns undefined when the units belong to
 * different dimensions (万元 against 人): such quantities are not comparable and no finding should be made.
 */
export function commonFactors(qs: Array<Pick<Quantity, 'unit'>>): { dimension: Dimension; factors: number[] } | undefined {
  const infos = qs.map((q) => unitOf(q.unit));
  const ref = infos.find((i) => i.dimension !== 'none') ?? { dimension: 'none' as Dimension, factor: 1 };
  if (infos.some((i) => i.dimension !== 'none' && i.dimension !== ref.dimension)) return undefined;
  return { dimension: ref.dimension, factors: infos.map((i) => (i.dimension === 'none' ? ref.factor : i.factor)) };
}

/** A rate's factor to a fraction: % and ％ are hundredths; a bare rate is read as a percentage, as in 执行率(%) columns. */
export function rateFactor(q: Pick<Quantity, 'unit'>): number | undefined {
  const info = unitOf(q.unit);
  if (info.dimension === 'ratio') return info.factor;
  if (info.dimension === 'none') return 0.01;
  return undefined;
}

/** Format a number with the given decimals, the way the document would have written it. */
export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : '—';
  const s = value.toFixed(Math.max(0, Math.min(decimals, 12)));
  return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

/** The digits of a quantity as written, without its unit or comparator: "1,059.39万元" → "1,059.39". */
export function digitsAsWritten(q: Pick<Quantity, 'raw' | 'value'>): string {
  return digitsOf(q.raw ?? '') ?? String(q.value);
}

// ---------------------------------------------------------------------------------------------------------------
// Precision of operands

/**
 * Writers drop trailing zeros: "45万元" beside "1.83万元" in one list is 45.00. The operands of a relation (the
 * parts of a sum, numerator and denominator, the two years' amounts) are read at the finest precision among the
 * relation's amounts in the same unit — `context` holds the relation's other amounts, such as the stated total,
 * whose own precision is kept by the caller. Counts written without decimals stay exact (intervalOf decides that).
 */
export function atFinestPrecision<T extends Pick<Quantity, 'unit' | 'decimals'>>(operands: T[], context: Array<Pick<Quantity, 'unit' | 'decimals'>> = []): T[] {
  const finest = new Map<string, number>();
  const key = (q: Pick<Quantity, 'unit'>) => normalizeUnit(q.unit) ?? '';
  for (const q of [...operands, ...context]) {
    if (!Number.isInteger(q.decimals)) continue;
    finest.set(key(q), Math.max(finest.get(key(q)) ?? 0, q.decimals));
  }
  return operands.map((q) => {
    if (isExact(q)) return q;
    const d = finest.get(key(q)) ?? q.decimals;
    return d > q.decimals ? { ...q, decimals: d } : q;
  });
}
