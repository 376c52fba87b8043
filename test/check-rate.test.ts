// rate: stated rate vs numerator ÷ candidate denominators, with precision and truncation.
import { ruleTester, report, rel, q, ql, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const rate = (r: string, num: string, ...dens: Array<[string, string]>) => report({
  relations: [rel<RelationOf<'rate'>>({
    kind: 'rate', name: '执行率', rate: q(r, 3), numerator: ql(num, '支付数', 2),
    denominators: dens.map(([d, label], i) => ql(d, label, 10 + i)), evidence: `…执行率${r}`,
  })],
});

ruleTester('rate', {
  valid: [
    { name: '88.28% = 8724.90 ÷ 9883.28', report: rate('88.28%', '8724.90万元', ['9883.28万元', '调整预算数']) },
    { name: '％ is %', report: rate('88.28％', '8724.90万元', ['9883.28万元', '调整预算数']) },
    { name: '100% from 2183.25 ÷ 2179.77 (100.16%) at 0 decimals', report: rate('100%', '2183.25万元', ['2179.77万元', '预算数']) },
    { name: 'a rate over 100% consistent with its operands', report: rate('112.5%', '225万元', ['200万元', '预算数']) },
    { name: 'two candidate denominators, the first matches: nothing to say', report: rate('88.28%', '8724.90万元', ['9883.28万元', '调整预算数'], ['8593.66万元', '年初预算数']) },
    { name: '0/0 is not a finding', report: rate('0%', '0万元', ['0万元', '预算数']) },
    { name: '0.00/0.00 stated as 100% is not a finding', report: rate('100%', '0.00', ['0.00', '预算数']) },
    { name: 'unit conversion: 元 over 万元', report: rate('88.28%', '87249000元', ['9883.28万元', '调整预算数']) },
    { name: 'a bare rate (table column in %) is read as a percentage', report: rate('88.28', '8724.90', ['9883.28', '调整预算数']) },
    { name: 'incomparable units are skipped', report: rate('50%', '10人', ['9883.28万元', '预算数']) },
    { name: 'a missing operand (NaN) is skipped', report: report({
      relations: [rel<RelationOf<'rate'>>({ kind: 'rate', name: '执行率', rate: q('50%'), numerator: { ...q('1'), value: NaN }, denominators: [q('3')] })],
    }) },
    { name: 'no denominators at all is skipped', report: report({
      relations: [rel<RelationOf<'rate'>>({ kind: 'rate', name: '执行率', rate: q('50%'), numerator: q('1'), denominators: [] })],
    }) },
    { name: 'truncation accepted with rounding truncate-ok', report: rate('90.07%', '3425.81万元', ['3803.27万元', '预算数']), config: { rounding: 'truncate-ok' } },
  ],
  invalid: [
    {
      name: '88.82% against 8724.90 ÷ 9883.28',
      report: rate('88.82%', '8724.90万元', ['9883.28万元', '调整预算数']),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(3), expected: '88.28%', actual: '88.82%', evidence: '…执行率88.82%', data: { formula: '8724.90 ÷ 9883.28', denominatorLabel: '调整预算数' } }],
    },
    {
      name: 'truncated 90.07% from 3425.81 ÷ 3803.27 → warning',
      report: rate('90.07%', '3425.81万元', ['3803.27万元', '预算数']),
      errors: [{ messageId: 'truncated', severity: 'warning', location: para(3), expected: '90.08%', actual: '90.07%' }],
    },
    {
      name: 'truncated 45.9% from 735.65 ÷ 1599.38 → warning',
      report: rate('45.9%', '735.65万元', ['1599.38万元', '调整后预算']),
      errors: [{ messageId: 'truncated', severity: 'warning', expected: '46.0%', actual: '45.9%' }],
    },
    {
      name: 'truncation is an error under rounding: round',
      report: rate('45.9%', '735.65万元', ['1599.38万元', '调整后预算']),
      config: { rounding: 'round' },
      errors: [{ messageId: 'mismatch', severity: 'error', expected: '46.0%' }],
    },
    {
      name: 'ambiguous denominators: the second matches → info naming it, no error',
      report: rate('90.00%', '900万元', ['1200万元', '年初预算数'], ['1000万元', '调整后预算数']),
      errors: [{ messageId: 'denominator', severity: 'info', location: para(3), data: { denominatorLabel: '调整后预算数' } }],
    },
    {
      name: 'no candidate matches: reported against the nearest',
      report: rate('85.00%', '900万元', ['1200万元', '年初预算数'], ['1000万元', '调整后预算数']),
      errors: [{ messageId: 'mismatch', severity: 'error', expected: '90.00%', data: { denominatorLabel: '调整后预算数', candidates: ['年初预算数', '调整后预算数'] } }],
    },
    {
      name: 'unit conversion: 元 over 万元, wrong rate',
      report: rate('80%', '87249000元', ['9883.28万元', '调整预算数']),
      errors: [{ messageId: 'mismatch', expected: '88%' }],
    },
  ],
});
