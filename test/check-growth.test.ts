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
