// indicator-score: ≥ / ≤ / = rules with precision, qualitative indicators left to score-cap, full score below target.
import { ruleTester, report, q, indicator, cell } from './check-builder.js';
import type { Indicator } from '../src/model/schema.js';

const ind = (comparator: Indicator['comparator'], target: string, actual: string, weight: string, score: string, extra: Partial<Indicator> = {}) =>
  report({ indicators: [indicator({
    name: '项目完成率', comparator, target: q(target, cell(3, 4)), actual: q(actual, cell(3, 7)), weight: q(weight, cell(3, 6)),
    score: q(score, cell(3, 8)), location: cell(3, 0), ...extra,
  })] });

ruleTester('indicator-score', {
  valid: [
    { name: '≥ met: full weight', report: ind('>=', '95%', '98%', '10', '10') },
    { name: '≥ not met: weight × actual ÷ target (10 × 90/100 = 9)', report: ind('>=', '100%', '90%', '10', '9') },
    { name: '≥ not met, rounded score 9.47 = 10 × 90/95', report: ind('>=', '95%', '90%', '10', '9.47') },
    { name: '≤ met: full weight', report: ind('<=', '5天', '3天', '10', '10') },
    { name: '≤ with target 0 met (零投诉)', report: ind('<=', '0次', '0次', '5', '5') },
    { name: '≤ not met: weight × target ÷ actual (10 × 5/8 = 6.25)', report: ind('<=', '5天', '8天', '10', '6.25') },
    { name: '= met: full weight', report: ind('=', '12个', '12个', '10', '10') },
    { name: 'nature 正向 stands for ≥', report: ind(undefined, '95%', '98%', '10', '10', { nature: '正向指标' }) },
    { name: 'an integer score read as truncated: 8 for 8.95–9.05 is not an error', report: ind('>=', '100%', '90%', '10', '8'), config: { rounding: 'truncate-ok' } },
    { name: 'the actual’s precision widens the expected score: 10 × 5/[7.5, 8.5] admits 6.52', report: ind('<=', '5天', '8天', '10', '6.52') },
    { name: 'qualitative: any score within the weight (bands are a judgement)', report: ind('qualitative', '100', '80', '10', '7') },
    { name: 'qualitative by nature 定性', report: ind(undefined, '100', '80', '10', '6', { nature: '定性' }) },
    { name: 'no comparator, no nature: the rule is unknown', report: ind(undefined, '100', '80', '10', '10') },
    { name: 'no score: nothing to judge', report: report({ indicators: [indicator({ name: 'x', comparator: '>=', target: q('100%'), actual: q('50%'), weight: q('10') })] }) },
    { name: 'score above the weight is left to score-cap', report: ind('>=', '100%', '90%', '10', '12') },
    { name: 'unit conversion: target 万元, actual 元', report: ind('>=', '100万元', '900000元', '10', '9') },
    { name: 'incomparable units are skipped', report: ind('>=', '100万元', '90人', '10', '2') },
  ],
  invalid: [
    {
      name: '≥ not met, score off the proportional rule the form states (10 × 90/100 = 9, stated 7)',
      report: ind('>=', '100%', '90%', '10', '7', { scoringRule: 'proportional' }),
      errors: [{ messageId: 'mismatch', severity: 'error', location: { row: 3, col: 8 }, expected: '9', actual: '7', data: { formula: '10 × min(90 ÷ 100, 1)' } }],
    },
    {
      name: '≥ not met, score off the proportional rule, no rule on the form → rule-dependent warning',
      report: ind('>=', '100%', '90%', '10', '7'),
      errors: [{ messageId: 'ruleDependent', severity: 'warning', location: { row: 3, col: 8 }, expected: '9', actual: '7' }],
    },
    {
      name: 'no comparator, below target and off the proportional rule → rule-dependent warning (read as higher-is-better)',
      report: ind(undefined, '214人', '203人', '2', '1.8'),
      errors: [{ messageId: 'ruleDependent', severity: 'warning', expected: '1.9', actual: '1.8' }],
    },
    {
      name: '= not met (═100, actual 98, scored 9) → rule-dependent warning',
      report: ind('=', '100', '98', '10', '9'),
      errors: [{ messageId: 'ruleDependent', severity: 'warning', actual: '9' }],
    },
    {
      name: '≥ met, points withheld, a deviation reason given → warning quoting it',
      report: ind('>=', '95%', '98%', '10', '8', { deviation: '部分资金延迟拨付' }),
      errors: [{ messageId: 'metLostPointsExplained', severity: 'warning', data: { deviation: '部分资金延迟拨付' } }],
    },
    {
      name: 'no comparator, actual equal to target, points withheld → error',
      report: ind(undefined, '221人', '221人', '2', '1'),
      errors: [{ messageId: 'metLostPoints', severity: 'error', expected: '2', actual: '1' }],
    },
    {
      name: '≥ not met with full score → warning',
      report: ind('>=', '100%', '90%', '10', '10'),
      errors: [{ messageId: 'fullBelowTarget', severity: 'warning', location: { row: 3, col: 8 }, actual: '10', data: { target: '100%', actualValue: '90%' } }],
    },
    {
      name: '≤ exceeded with full score → warning',
      report: ind('<=', '5天', '8天', '10', '10'),
      errors: [{ messageId: 'fullBelowTarget', severity: 'warning' }],
    },
    {
      name: '= not met with full score → warning',
      report: ind('=', '12个', '11个', '10', '10'),
      errors: [{ messageId: 'fullBelowTarget', severity: 'warning' }],
    },
    {
      name: '≥ met but points withheld, no deviation reason → error',
      report: ind('>=', '95%', '98%', '10', '8'),
      errors: [{ messageId: 'metLostPoints', severity: 'error', expected: '10', actual: '8' }],
    },
    {
      name: '≤ not met: 10 × 5/8.0 = 6.25, stated 6.52',
      report: ind('<=', '5天', '8.0天', '10', '6.52', { scoringRule: 'proportional' }),
      errors: [{ messageId: 'mismatch', expected: '6.25' }],
    },
    {
      name: 'truncated score (9.47 written 9.4) → warning with default rounding',
      report: ind('>=', '95.00%', '90.00%', '10', '9.4', { scoringRule: 'proportional' }),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '9.5' }],
    },
  ],
});
