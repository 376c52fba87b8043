// growth: growth / reduction / change rates vs the two values.
import { ruleTester, report, rel, q, ql, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const growth = (direction: 'increase' | 'decrease' | 'change', prev: string, cur: string, rate: string) => report({
  relations: [rel<RelationOf<'growth'>>({
    kind: 'growth', direction, previous: ql(prev, '2023年预算安排', 1), current: ql(cur, '2024年预算安排', 2), rate: q(rate, 3),
  })],
});

ruleTester('growth', {
  valid: [
    { name: 'seed: 74.91 → 60.6, 压减率 19.1%', report: growth('decrease', '74.91万元', '60.6万元', '19.1%') },
    { name: 'an increase of 25%', report: growth('increase', '80万元', '100万元', '25%') },
    { name: 'a decrease written as a negative change', report: growth('decrease', '74.91万元', '60.6万元', '-19.1%') },
    { name: 'a change stated as its magnitude', report: growth('change', '100万元', '90万元', '10%') },
    { name: 'a change stated with its sign', report: growth('change', '100万元', '90万元', '-10%') },
    { name: 'unit conversion: 元 then 万元', report: growth('increase', '800000元', '100万元', '25%') },
    { name: 'coarse operands allow a wide rate: 3 → 5 (0 decimals) admits 66.6%', report: growth('increase', '3万元', '5万元', '66.6%') },
    { name: 'growth from 0 is skipped', report: growth('increase', '0万元', '100万元', '100%') },
  ],
  invalid: [
    {
      name: 'a wrong reduction rate',
      report: growth('decrease', '74.91万元', '60.6万元', '18.1%'),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(3), expected: '19.1%', actual: '18.1%', data: { formula: '(74.91 − 60.6) ÷ 74.91' } }],
    },
    {
      name: 'an increase stated as the share of the new value (20% instead of 25%)',
      report: growth('increase', '80万元', '100万元', '20%'),
      errors: [{ messageId: 'mismatch', expected: '25%' }],
    },
    {
      name: 'a truncated growth rate (66.67% written 66.6%) → warning',
      report: growth('increase', '300.00万元', '500.00万元', '66.6%'),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '66.7%' }],
    },
  ],
});

/** 比上年增加/减少X，增长/下降Y% with 本期 stated: previous = current ∓ change; or both years and the change stated. */
const byDifference = (direction: 'increase' | 'decrease', cur: string, change: string, rate?: string, prev?: string) => report({
  relations: [rel<RelationOf<'growth'>>({
    kind: 'growth', direction, current: ql(cur, '收入总计', 1), change: ql(change, '比上年增加', 2),
    ...(rate ? { rate: q(rate, 3) } : {}), ...(prev ? { previous: ql(prev, '2015年预算', 4) } : {}),
  })],
});

ruleTester('growth', {
  valid: [
    { name: '乌鲁木齐: 434.72, 增加58.21, 增长15.46%', report: byDifference('increase', '434.72万元', '58.21万元', '15.46%') },
    { name: '大姚: 24627, 减收1070, 下降4.2%', report: byDifference('decrease', '24627万元', '1070万元', '4.2%') },
    { name: '英德: 45.2 → 25, 减少20.20, 减少率44.69%', report: byDifference('decrease', '25万元', '20.20万元', '44.69%', '45.2万元') },
    { name: 'a change to nothing is skipped: 0, 减少0, 下降0%', report: byDifference('decrease', '0万元', '0万元', '0%') },
  ],
  invalid: [
    {
      name: '乌鲁木齐 mutated: 增加68.21 with 增长15.46%',
      report: byDifference('increase', '434.72万元', '68.21万元', '15.46%'),
      errors: [{ messageId: 'mismatch', expected: '18.61%', data: { formula: '68.21 ÷ (434.72 − 68.21)' } }],
    },
    {
      name: '英德: 12.5 → 8 is a decrease of 4.50, not 4.35; and 36.00%, not 35.22%',
      report: byDifference('decrease', '8万元', '4.35万元', '35.22%', '12.5万元'),
      errors: [
        { messageId: 'change', severity: 'error', expected: '4.50万元', actual: '4.35万元', data: { formula: '12.5 − 8' } },
        { messageId: 'mismatch', expected: '36.00%' },
      ],
    },
    {
      name: 'a truncated rate by difference → warning (荣昌 4.7567% written 4.7%)',
      report: byDifference('decrease', '357.21万元', '17.84万元', '4.7%'),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '4.8%' }],
    },
  ],
});
