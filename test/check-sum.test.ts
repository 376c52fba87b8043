// sum: a stated total vs its parts; 其中 lists may fall short (warning) but never exceed (error).
import { ruleTester, report, rel, q, ql, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const sum = (total: string, parts: string[], exhaustive = true) => report({
  relations: [rel<RelationOf<'sum'>>({
    kind: 'sum', total: ql(total, '调整后财政拨款收入', 4), parts: parts.map((p, i) => q(p, 10 + i)), exhaustive,
    evidence: `合计${total}`,
  })],
});

ruleTester('sum', {
  valid: [
    { name: 'seed: 1354.29 + 245.09 = 1599.38', report: sum('1599.38万元', ['1354.29万元', '245.09万元']) },
    { name: 'headcount 65 = 26 + 36 + 1 + 2', report: sum('65人', ['26人', '36人', '1人', '2人']) },
    { name: 'project counts 17个 + 10个 = 27个', report: sum('27个', ['17个', '10个']) },
    { name: 'parts without units take the total’s unit', report: sum('27个', ['17', '10']) },
    { name: 'rounded parts may differ by their precision: 0.33 + 0.33 + 0.33 = 1.00', report: sum('1.00万元', ['0.33万元', '0.33万元', '0.33万元']) },
    { name: 'unit conversion: 1.5万元 = 10000元 + 0.5万元', report: sum('1.5万元', ['10000元', '0.5万元']) },
    { name: 'one unit in the last place is within two rounded parts: 1599.39 vs 1354.29 + 245.09', report: sum('1599.39万元', ['1354.29万元', '245.09万元']) },
    { name: 'an incomplete 其中 list that falls short is fine when exact', report: sum('100万元', ['100万元'], false) },
    { name: 'incomparable units are skipped', report: sum('100万元', ['3人', '4人']) },
  ],
  invalid: [
    {
      name: 'an exhaustive list that differs',
      report: sum('1599.48万元', ['1354.29万元', '245.09万元']),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(4), expected: '1599.38万元', actual: '1599.48万元', evidence: '合计1599.48万元', data: { formula: '1354.29 + 245.09' } }],
    },
    {
      name: 'seed 000: 170 with parts adding to 168 (其中, may be incomplete) → warning',
      report: sum('170人', ['12人', '11人', '7人', '19人', '47人', '70人', '2人'], false),
      errors: [{ messageId: 'incomplete', severity: 'warning', expected: '168人', actual: '170人', data: { difference: '2人' } }],
    },
    {
      name: 'counts are exact: 170 vs 168 in an exhaustive list is an error',
      report: sum('170人', ['12人', '11人', '7人', '19人', '47人', '70人', '2人']),
      errors: [{ messageId: 'mismatch', severity: 'error', expected: '168人' }],
    },
    {
      name: '其中 parts exceeding the total → error',
      report: sum('100万元', ['60万元', '50万元'], false),
      errors: [{ messageId: 'exceeds', severity: 'error', expected: '110万元', data: { difference: '10万元' } }],
    },
    {
      name: 'whole-number parts beside 1.83 are read as 45.00: seed 001 with 98.67 instead of 96.67 is an error',
      report: sum('98.67万元', ['45万元', '35万元', '4万元', '1万元', '6万元', '1.83万元', '0.92万元', '2万元', '0.92万元']),
      errors: [{ messageId: 'mismatch', severity: 'error', expected: '96.67万元' }],
    },
    {
      name: 'a truncated total → warning: 10.33 + 10.33 + 10.33 = 30.99 written 30.9',
      report: sum('30.9万元', ['10.33万元', '10.33万元', '10.33万元']),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '31.0万元' }],
    },
    {
      name: 'unit conversion: 1.7万元 ≠ 10000元 + 0.5万元',
      report: sum('1.7万元', ['10000元', '0.5万元']),
      errors: [{ messageId: 'mismatch', expected: '1.5万元', data: { formula: '10000元 + 0.5万元' } }],
    },
  ],
});
