// 增长率 = (本期 − 上期) ÷ 上期；压减率/下降率 = (上期 − 本期) ÷ 上期; 增减额 = |本期 − 上期|. Stated by difference
// (比上年增加X万元，增长Y%), the previous amount is 本期 ∓ X.
import { defineCheck, assess, w } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Quantity } from '../model/schema.js';
import {
  abs, add, atFinestPrecision, commonFactors, div, intervalOf, isUsable, rateFactor, sub, type Interval,
} from '../precision.js';

export default defineCheck({
  id: 'growth',
  severity: 'error',
  description: { zh: '增长率、压减率、增减额与前后两期数值不符', en: 'a growth or reduction rate, or a change, does not match the two values' },
  formula: '增长率 = (本期 − 上期) ÷ 上期 × 100%；下降率 = (上期 − 本期) ÷ 上期 × 100%；增减额 = |本期 − 上期|',
  reads: { relations: ['growth'] },
  messages: {
    ...comparisonMessages({ zh: '{name}', en: '{name}' }),
    // the same words for the change amount (增减额) as for the rate: kept apart so a finding says which was judged
    change: comparisonMessages({ zh: '{name}', en: '{name}' }).mismatch,
    changeTruncated: comparisonMessages({ zh: '{name}', en: '{name}' }).truncated,
  },
  *run({ relations }, ctx) {
    for (const r of relations) {
      const { current, change, rate } = r;
      if (!isUsable(current)) continue;
      const amounts = [r.previous, current, change].filter((q): q is Quantity => q !== undefined);
      if (!amounts.every(isUsable)) continue;
      const units = commonFactors(amounts);
      if (!units) continue;
      const factorOf = (q: Quantity) => units.factors[amounts.indexOf(q)];
      const read = new Map(amounts.map((q, i) => [q, atFinestPrecision(amounts)[i]]));
      const interval = (q: Quantity) => intervalOf(read.get(q)!, factorOf(q));
      const cur = interval(current);
      const signOf = r.direction === 'decrease' ? -1 : 1;

      // The stated change against the two stated amounts.
      if (r.previous && change && r.direction !== 'change') {
        const prev = interval(r.previous);
        const computed = r.direction === 'decrease' ? sub(prev, cur) : sub(cur, prev);
        const estimate = (r.direction === 'decrease' ? -1 : 1) * (current.value * factorOf(current) - r.previous.value * factorOf(r.previous));
        const formula = r.direction === 'decrease' ? `${w(r.previous)} − ${w(current)}` : `${w(current)} − ${w(r.previous)}`;
        const { issue } = assess(ctx, {
          stated: change, factor: factorOf(change), computed, estimate, formula, evidence: r.evidence,
          location: change.location ?? r.location, ids: { mismatch: 'change', truncated: 'changeTruncated' },
          data: { name: change.label?.trim() || (r.direction === 'decrease' ? '减少额' : '增加额') },
        });
        if (issue) yield issue;
      }

      if (!rate || !isUsable(rate)) continue;
      const rf = rateFactor(rate);
      if (rf === undefined) continue;
      let prev: Interval;
      let prevValue: number;
      let prevText: string;
      if (r.previous) {
        prev = interval(r.previous);
        prevValue = r.previous.value * factorOf(r.previous);
        prevText = w(r.previous);
      } else if (change && r.direction !== 'change') {
        // previous = current ∓ change
        const ch = interval(change);
        prev = signOf > 0 ? sub(cur, ch) : add(cur, ch);
        prevValue = current.value * factorOf(current) - signOf * change.value * factorOf(change);
        prevText = `(${w(current)} ${signOf > 0 ? '−' : '+'} ${w(change)})`;
      } else continue;
      if (prevValue === 0 || (prev.lo <= 0 && prev.hi >= 0)) continue; // growth from nothing is not a rate
      // A decrease written as a negative number (−19.1%) is the signed change; otherwise the direction fixes the sign.
      const signed = rate.value < 0;
      const curValue = current.value * factorOf(current);
      // (本期 − 上期) ÷ 上期 = 本期 ÷ 上期 − 1: written so, the base counts once and its rounding is not doubled.
      const ratio = div(cur, prev);
      let computed = { lo: ratio.lo - 1, hi: ratio.hi - 1 };
      let estimate = (curValue - prevValue) / prevValue;
      let formula = `(${w(current)} − ${prevText}) ÷ ${prevText}`;
      if (!signed && r.direction === 'decrease') {
        computed = { lo: 1 - ratio.hi, hi: 1 - ratio.lo };
        estimate = -estimate;
        formula = `(${prevText} − ${w(current)}) ÷ ${prevText}`;
      } else if (!signed && r.direction === 'change') {
        computed = abs(computed);
        estimate = Math.abs(estimate);
      }
      if (!r.previous && change) {
        // By difference the change itself is the numerator: one interval, not current − previous twice.
        const ch = interval(change);
        computed = div(r.direction === 'decrease' && signed ? negate(ch) : ch, prev);
        formula = `${w(change)} ÷ ${prevText}`;
      }
      const name = r.direction === 'decrease' ? { zh: '下降率', en: 'the reduction rate' }
        : r.direction === 'increase' ? { zh: '增长率', en: 'the growth rate' } : { zh: '变动率', en: 'the rate of change' };
      const { issue } = assess(ctx, {
        stated: rate, factor: rf, computed, estimate, formula, evidence: r.evidence, location: rate.location ?? r.location,
        data: { name: rate.label?.trim() || name, direction: r.direction },
      });
      if (issue) yield issue;
    }
  },
});

/** A negated interval, for a decrease written with a minus sign. */
function negate(x: Interval): Interval {
  return { lo: -x.hi, hi: -x.lo };
}
