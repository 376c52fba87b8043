// 增长率 = (本期 − 上期) ÷ 上期；压减率/下降率 = (上期 − 本期) ÷ 上期. The stated rate must fit both values.
import { defineCheck, assess, w, type Issue } from './define.js';
import { abs, commonFactors, div, intervalOf, isUsable, rateFactor, sub } from '../precision.js';

export default defineCheck({
  id: 'growth',
  severity: 'error',
  description: { zh: '增长率、压减率与前后两期数值不符', en: 'a growth or reduction rate does not match the two values' },
  formula: '增长率 = (本期 − 上期) ÷ 上期 × 100%；下降率 = (上期 − 本期) ÷ 上期 × 100%',
  messages: {
    mismatch: { zh: '{name}应为 {expected}（{formula}），文中为 {actual}', en: '{name} should be {expected} ({formula}); the text says {actual}' },
    truncated: {
      zh: '{name}文中为 {actual}，按 {formula} 计算为 {computed}，四舍五入应为 {expected}；文中数字为截尾取值',
      en: '{name} is {actual}; {formula} gives {computed}, which rounds to {expected}: the text truncates',
    },
  },
  *run(report, ctx) {
    for (const r of report.relations) {
      if (r.kind !== 'growth') continue;
      const { previous, current, rate } = r;
      if (!isUsable(previous) || !isUsable(current) || !isUsable(rate)) continue;
      if (previous.value === 0) continue; // growth from nothing is not a rate
      const rf = rateFactor(rate);
      const units = commonFactors([previous, current]);
      if (rf === undefined || !units) continue;
      const [pf, cf] = units.factors;
      const prev = intervalOf(previous, pf);
      const cur = intervalOf(current, cf);
      // A decrease written as a negative number (−19.1%) is the signed change; otherwise the direction fixes the sign.
      const signed = rate.value < 0;
      let computed = div(sub(cur, prev), prev);
      let estimate = (current.value * cf - previous.value * pf) / (previous.value * pf);
      let formula = `(${w(current)} − ${w(previous)}) ÷ ${w(previous)}`;
      if (!signed && r.direction === 'decrease') {
        computed = div(sub(prev, cur), prev);
        estimate = -estimate;
        formula = `(${w(previous)} − ${w(current)}) ÷ ${w(previous)}`;
      } else if (!signed && r.direction === 'change') {
        computed = abs(computed);
        estimate = Math.abs(estimate);
      }
      const name = r.direction === 'decrease' ? { zh: '下降率', en: 'the reduction rate' }
        : r.direction === 'increase' ? { zh: '增长率', en: 'the growth rate' } : { zh: '变动率', en: 'the rate of change' };
      const { issue } = assess(ctx, {
        stated: rate, factor: rf, computed, estimate, formula, evidence: r.evidence, location: rate.location ?? r.location,
        data: { name: rate.label?.trim() || name, direction: r.direction },
      });
      if (issue) yield issue as Issue<'mismatch' | 'truncated'>;
    }
  },
});
