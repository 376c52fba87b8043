// 指标得分：正向 = 权重 × min(实际 ÷ 目标, 1)；反向 = 权重 × min(目标 ÷ 实际, 1)；等于 = 相等才得满分；定性只限 [0, 权重].
import { defineCheck, assess, w, rowEvidence, type Issue, type Records } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Indicator } from '../model/schema.js';
import { commonFactors, div, formatNumber, intervalOf, isUsable, minWith, mul, point, overlaps, type Interval } from '../precision.js';

type Rule = '>=' | '<=' | '=' | 'qualitative';
type Id = 'mismatch' | 'truncated' | 'fullBelowTarget' | 'metLostPoints' | 'metLostPointsExplained' | 'ruleDependent' | 'groupShort';

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

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export default defineCheck({
  id: 'indicator-score',
  severity: 'error',
  description: { zh: '指标得分与权重、目标值、实际完成值不符', en: 'an indicator score does not follow from its weight, target and actual value' },
  formula: '达到目标应得满分（扣分须写明偏差原因）；未达目标：正向 权重 × min(实际 ÷ 目标, 1)，反向 权重 × min(目标 ÷ 实际, 1)（表中未写明计分规则时只作提示）',
  reads: { indicators: true },
  messages: {
    ...comparisonMessages({ zh: '“{name}”得分', en: 'the score of "{name}"' }),
    fullBelowTarget: {
      zh: '“{name}”实际完成值 {actualValue} 未达目标 {target}，却得满分 {actual}',
      en: '"{name}" reached {actualValue}, short of its target {target}, yet scores the full {actual}',
    },
    metLostPoints: {
      zh: '“{name}”实际完成值 {actualValue} 已达目标 {target}，应得满分 {expected}，表中为 {actual}，且未写偏差原因',
      en: '"{name}" reached {actualValue}, meeting its target {target}: it should score the full {expected}, not {actual}, and no deviation reason is given',
    },
    metLostPointsExplained: {
      zh: '“{name}”实际完成值 {actualValue} 已达目标 {target}，表中得分 {actual} 低于分值 {expected}；偏差原因：{deviation}',
      en: '"{name}" met its target {target} ({actualValue}) but scores {actual} of {expected}; the stated reason: {deviation}',
    },
    ruleDependent: {
      zh: '“{name}”未达目标（{actualValue}，目标 {target}），按比例规则 {formula} 应为 {expected}，表中为 {actual}；本表未写明计分规则，此为按比例规则的推算，请核实',
      en: '"{name}" missed its target ({actualValue} of {target}); the proportional rule {formula} gives {expected}, the table says {actual}; the form states no rule, so this is what the proportional rule gives: please verify',
    },
    groupShort: {
      zh: '“{group}”各指标均已达目标，得分合计 {actual}（{formula}），低于该项满分 {expected}；本表不列各指标分值，请核对扣分依据',
      en: '"{group}": every indicator met its target, yet the scores add up to {actual} ({formula}), below the block\'s {expected}; the form gives no per-indicator points',
    },
  },
  *run(report, ctx): Generator<Issue<Id>> {
    for (const ind of report.indicators) {
      const { weight, score, target, actual } = ind;
      if (!isUsable(score) || !isUsable(weight) || !isUsable(target) || !isUsable(actual)) continue;
      const stated = ruleOf(ind);
      // Qualitative scores are a judgement within bands; score-cap already flags one outside [0, weight].
      if (stated === 'qualitative') continue;
      if (score.value > weight.value || score.value < 0) continue; // score-cap reports these
      const units = commonFactors([target, actual]);
      if (!units) continue;
      const [tf, af] = units.factors;
      const goal = point(target.value * tf); // a target is set, not measured: it is exact
      const got = intervalOf(actual, af);
      const a = actual.value * af;
      const t = target.value * tf;
      // With no direction written, a count or amount is read as higher-is-better, but only for hints: an error needs
      // the direction, or an actual equal to the target (met under any direction).
      const rule: Exclude<Rule, 'qualitative'> = stated ?? '>=';
      const evidence = rowEvidence(ind.name, target, actual, weight, score);
      const data: Record<string, unknown> = { name: ind.name, target: target.raw, actualValue: actual.raw, rule };
      const full = close(score.value, weight.value);
      const met = rule === '>=' ? got.hi >= goal.lo : rule === '<=' ? got.lo <= goal.hi : overlaps(got, goal);
      const below = !met;
      if (below && full) {
        if (stated) yield { messageId: 'fullBelowTarget', severity: 'warning', location: score.location ?? ind.location, evidence, expected: `< ${weight.raw}`, actual: score.raw, data };
        continue;
      }
      if (met) {
        if (full || (!stated && !close(a, t))) continue;
        const withReason = ind.deviation !== undefined;
        yield {
          messageId: withReason ? 'metLostPointsExplained' : 'metLostPoints', severity: withReason ? 'warning' : 'error',
          location: score.location ?? ind.location, evidence, expected: weight.raw, actual: score.raw,
          data: withReason ? { ...data, deviation: ind.deviation } : data,
        };
        continue;
      }
      // Below target: the proportional rule is one of several in use; it binds only where the form states it, and
      // otherwise a score off it (even one that looks truncated) is a hint that names the rule it assumed.
      let ratio: Interval;
      let estimate: number;
      let formula: string;
      if (rule === '<=') {
        if (t <= 0) continue; // a zero ceiling missed: no proportion to apply
        ratio = minWith(div(goal, got), 1);
        estimate = weight.value * Math.min(t / a, 1);
        formula = `${w(weight)} × min(${w(target)} ÷ ${w(actual)}, 1)`;
      } else {
        if (t <= 0) continue; // a target of 0 or less is met by anything
        ratio = minWith(div(got, goal), 1);
        estimate = weight.value * Math.min(a / t, 1);
        formula = `${w(weight)} × min(${w(actual)} ÷ ${w(target)}, 1)`;
      }
      const binding = ind.scoringRule === 'proportional' && stated !== undefined && stated !== '=';
      const { issue } = assess(ctx, {
        stated: score, factor: 1, exact: false, computed: mul(point(weight.value), ratio), estimate, formula,
        evidence, location: score.location ?? ind.location, data,
      });
      if (!issue) continue;
      if (binding) yield issue;
      else yield { ...issue, messageId: 'ruleDependent', severity: 'warning', data: { ...issue.data, category: 'rule-dependent' } };
    }
    yield* groupShort(report);
  },
});

/**
 * A goal block that states its points (年度绩效目标1（40分）) over indicators that give no points of their own:
 * when every one met its target, the block's scores should reach its points. A hint, since the points per row are unknown.
 */
function* groupShort(report: Pick<Records, 'indicators'>): Generator<Issue<Id>> {
  const groups = new Map<string, Indicator[]>();
  for (const ind of report.indicators) {
    if (!ind.groupMax || !isUsable(ind.groupMax)) continue;
    const key = `${ind.group}@${JSON.stringify(ind.groupMax.location)}`;
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  for (const inds of groups.values()) {
    const max = inds[0].groupMax!;
    if (inds.some((i) => isUsable(i.weight) || !isUsable(i.score) || !isUsable(i.target) || !isUsable(i.actual))) continue;
    const allMet = inds.every((i) => {
      const units = commonFactors([i.target!, i.actual!]);
      if (!units) return false;
      const t = i.target!.value * units.factors[0];
      const got = intervalOf(i.actual!, units.factors[1]);
      const rule = ruleOf(i);
      if (rule === 'qualitative') return false;
      if (rule === '>=' ) return got.hi >= t;
      if (rule === '<=') return got.lo <= t;
      return got.lo <= t && t <= got.hi; // no direction: met only when equal
    });
    if (!allMet) continue;
    const total = inds.reduce((a, i) => a + i.score!.value, 0);
    if (total >= max.value - 1e-9) continue;
    const decimals = Math.max(...inds.map((i) => i.score!.decimals));
    yield {
      messageId: 'groupShort', severity: 'warning', location: max.location,
      evidence: inds.map((i) => `${i.name} ${i.score!.raw}`).join('；'),
      expected: max.raw, actual: formatNumber(total, decimals),
      data: { group: inds[0].group, formula: inds.map((i) => w(i.score!)).join(' + '), category: 'rule-dependent' },
    };
  }
}
