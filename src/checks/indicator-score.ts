// 指标得分：正向 = 权重 × min(实际 ÷ 目标, 1)；反向 = 权重 × min(目标 ÷ 实际, 1)；等于 = 相等才得满分；定性只限 [0, 权重].
import { defineCheck, assess, w, rowEvidence, type Issue } from './define.js';
import type { Indicator } from '../model/schema.js';
import { commonFactors, div, intervalOf, isUsable, minWith, mul, point, overlaps, type Interval } from '../precision.js';

type Rule = '>=' | '<=' | '=' | 'qualitative';

/** The scoring rule an indicator follows, from its comparator or, failing that, its stated nature. */
export function ruleOf(ind: Indicator): Rule | undefined {
  const c = ind.comparator ?? ind.target?.comparator;
  if (c === 'qualitative') return 'qualitative';
  if (c === '>=' || c === '>') return '>=';
  if (c === '<=' || c === '<') return '<=';
  if (c === '=') return '=';
  const nature = ind.nature ?? '';
  if (/定性/.test(nature)) return 'qualitative';
  if (/正向|≥|>=|大于/.test(nature)) return '>=';
  if (/反向|≤|<=|小于/.test(nature)) return '<=';
  if (/[=＝]|等于/.test(nature)) return '=';
  return undefined;
}

export default defineCheck({
  id: 'indicator-score',
  severity: 'error',
  description: { zh: '指标得分与权重、目标值、实际完成值不符', en: 'an indicator score does not follow from its weight, target and actual value' },
  formula: '正向：权重 × min(实际 ÷ 目标, 1)；反向：权重 × min(目标 ÷ 实际, 1)；等于：相等得满分；未达目标不应得满分',
  messages: {
    mismatch: {
      zh: '“{name}”得分应为 {expected}（{formula}），表中为 {actual}',
      en: '"{name}" should score {expected} ({formula}); the table says {actual}',
    },
    truncated: {
      zh: '“{name}”得分表中为 {actual}，按 {formula} 计算为 {computed}，四舍五入应为 {expected}；表中数字为截尾取值',
      en: '"{name}" scores {actual}; {formula} gives {computed}, which rounds to {expected}: the table truncates',
    },
    fullBelowTarget: {
      zh: '“{name}”实际完成值 {actualValue} 未达目标 {target}，却得满分 {actual}',
      en: '"{name}" reached {actualValue}, short of its target {target}, yet scores the full {actual}',
    },
  },
  *run(report, ctx) {
    for (const ind of report.indicators) {
      const { weight, score, target, actual } = ind;
      if (!isUsable(score) || !isUsable(weight) || !isUsable(target) || !isUsable(actual)) continue;
      const rule = ruleOf(ind);
      // Qualitative scores are a judgement within bands; score-cap already flags one outside [0, weight].
      if (rule === undefined || rule === 'qualitative') continue;
      if (score.value > weight.value || score.value < 0) continue; // score-cap reports these
      const units = commonFactors([target, actual]);
      if (!units) continue;
      const [tf, af] = units.factors;
      const goal = point(target.value * tf); // a target is set, not measured: it is exact
      const got = intervalOf(actual, af);
      const evidence = rowEvidence(ind.name, target, actual, weight, score);
      const data = { name: ind.name, target: target.raw, actualValue: actual.raw, rule };
      const full = Math.abs(score.value - weight.value) <= 1e-9 * Math.max(1, weight.value);
      const below = rule === '>=' ? got.hi < goal.lo : rule === '<=' ? got.lo > goal.hi : !overlaps(got, goal);
      if (below && full) {
        yield { messageId: 'fullBelowTarget', severity: 'warning', location: score.location ?? ind.location, evidence, expected: `< ${weight.raw}`, actual: score.raw, data };
        continue;
      }
      let ratio: Interval;
      let estimate: number;
      let formula: string;
      const a = actual.value * af;
      const t = target.value * tf;
      if (rule === '>=') {
        if (t <= 0) continue; // a target of 0 or less is met by anything
        ratio = minWith(div(got, goal), 1);
        estimate = weight.value * Math.min(a / t, 1);
        formula = `${w(weight)} × min(${w(actual)} ÷ ${w(target)}, 1)`;
      } else if (rule === '<=') {
        // Reaching a ≤ target (including 零投诉 with target 0) earns the full weight.
        if (a <= t) { ratio = point(1); estimate = weight.value; } else {
          ratio = minWith(div(goal, got), 1);
          estimate = t > 0 ? weight.value * Math.min(t / a, 1) : 0;
        }
        formula = `${w(weight)} × min(${w(target)} ÷ ${w(actual)}, 1)`;
      } else {
        if (below) continue; // '=' not met: how much to deduct is left to the evaluator
        ratio = point(1);
        estimate = weight.value;
        formula = `${w(actual)} = ${w(target)} → ${w(weight)}`;
      }
      const { issue } = assess(ctx, {
        stated: score, factor: 1, exact: false, computed: mul(point(weight.value), ratio), estimate, formula,
        evidence, location: score.location ?? ind.location, data,
      });
      if (issue) yield issue as Issue<'mismatch' | 'truncated'>;
    }
  },
});
