// 预算执行：执行率 = 全年执行数 ÷ 全年预算数；得分 = 分值 × min(执行率, 1).
import { defineCheck, assess, w, rowEvidence } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import { commonFactors, div, intervalOf, isUsable, minWith, mul, point, rateFactor, scale, type Interval } from '../precision.js';

export default defineCheck({
  id: 'exec-score',
  severity: 'error',
  description: { zh: '预算执行率或其得分与预算数、执行数、分值不符', en: 'a budget execution rate or its score does not match the budget, spending and points' },
  formula: '执行率 = 全年执行数 ÷ 全年预算数；得分 = 分值 × min(执行率, 1)',
  reads: { budget: true },
  messages: {
    ...comparisonMessages({ zh: '“{label}”{what}', en: '"{label}" {what}' }),
  },
  *run({ budget }, ctx) {
    for (const row of budget) {
      const { annual, executed, rate, weight, score } = row;
      const evidence = rowEvidence(row.label, row.initial, annual, executed, weight, rate, score);
      const rf = isUsable(rate) ? rateFactor(rate) : undefined;
      const units = isUsable(annual) && isUsable(executed) ? commonFactors([executed, annual]) : undefined;
      const fromOperands = units && !(executed!.value === 0 && annual!.value === 0)
        ? { interval: div(intervalOf(executed!, units.factors[0]), intervalOf(annual!, units.factors[1])), estimate: (executed!.value * units.factors[0]) / (annual!.value * units.factors[1]), formula: `${w(executed!)} ÷ ${w(annual!)}` }
        : undefined;
      let rateWrong = false;
      if (isUsable(rate) && rf !== undefined && fromOperands) {
        const { issue } = assess(ctx, {
          stated: rate, factor: rf, computed: fromOperands.interval, estimate: fromOperands.estimate, formula: fromOperands.formula,
          evidence, location: rate.location ?? row.location, data: { label: row.label, what: { zh: '执行率', en: 'execution rate' } },
        });
        if (issue) { rateWrong = true; yield issue; }
      }
      if (!isUsable(weight) || !isUsable(score)) continue;
      const scoreFrom = (ratio: { interval: Interval; estimate: number; formula: string }) => assess(ctx, {
        stated: score, factor: 1, computed: mul(point(weight.value), minWith(ratio.interval, 1)),
        estimate: weight.value * Math.min(ratio.estimate, 1), formula: ratio.formula,
        evidence, location: score.location ?? row.location, data: { label: row.label, what: { zh: '得分', en: 'score' } },
      });
      // A score that follows the operands beside a wrong rate is right: the rate is the one wrong number.
      if (rateWrong && fromOperands && scoreFrom({ ...fromOperands, formula: '' }).outcome === 'ok') continue;
      // The score follows the stated rate when there is one (that is what the evaluator saw); else the operands.
      const ratio = isUsable(rate) && rf !== undefined
        ? { interval: scale(intervalOf(rate, 1), rf), estimate: rate.value * rf, formula: `${w(weight)} × min(${rate.raw}, 1)` }
        : fromOperands ? { ...fromOperands, formula: `${w(weight)} × min(${fromOperands.formula}, 1)` } : undefined;
      if (!ratio) continue;
      const { issue } = scoreFrom(ratio);
      if (issue) yield issue;
    }
  },
});
