// share: part ÷ whole per part, and complete shares adding to 100%.
import { ruleTester, report, rel, q, ql, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const share = (whole: string | undefined, parts: Array<[string | undefined, string]>, complete = true) => report({
  relations: [rel<RelationOf<'share'>>({
    kind: 'share', whole: whole ? ql(whole, '收入合计', 1) : undefined, complete,
    parts: parts.map(([p, s], i) => ({ part: p ? ql(p, `部分${i + 1}`, 2 + i) : undefined, share: q(s, 20 + i) })),
  })],
});

ruleTester('share', {
  valid: [
    { name: 'seed: 1493.56 + 105.82 of 1599.38 → 93.38% + 6.62%', report: share('1599.38万元', [['1493.56万元', '93.38%'], ['105.82万元', '6.62%']]) },
    { name: 'shares only, summing to 100', report: share(undefined, [[undefined, '60.5%'], [undefined, '39.5%']]) },
    { name: 'rounded shares summing to 99.99 are fine (33.33% × 3)', report: share('3万元', [['1万元', '33.33%'], ['1万元', '33.33%'], ['1万元', '33.33%']]) },
    { name: '66.6% + 33.3% = 99.9% is within rounding', report: share(undefined, [[undefined, '66.6%'], [undefined, '33.3%']]) },
    { name: 'incomplete parts need not add to 100', report: share('100万元', [['30万元', '30%']], false) },
    { name: 'unit conversion: part in 元, whole in 万元', report: share('100万元', [['300000元', '30%']], false) },
    { name: '0 of 0 is not a finding', report: share('0万元', [['0万元', '0%']], false) },
  ],
  invalid: [
    {
      name: 'a wrong share',
      report: share('1599.38万元', [['1493.56万元', '93.83%'], ['105.82万元', '6.62%']], false),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(20), expected: '93.38%', actual: '93.83%', data: { formula: '1493.56 ÷ 1599.38' } }],
    },
    {
      name: 'one wrong share of complete parts: one finding, at the share, not also the shares\' sum it throws off',
      report: share('2000.00万元', [['1500.00万元', '70.00%'], ['500.00万元', '25.00%']]),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(20), expected: '75.00%', actual: '70.00%' }],
    },
    {
      name: 'complete shares that miss 100%',
      report: share(undefined, [[undefined, '60%'], [undefined, '30%']]),
      errors: [{ messageId: 'total', severity: 'error', location: para(20), expected: '100%', actual: '90%' }],
    },
    {
      name: 'truncated shares reaching 100 only when truncated → warning',
      report: share(undefined, [[undefined, '66.5%'], [undefined, '33.3%']]),
      errors: [{ messageId: 'totalTruncated', severity: 'warning', actual: '99.8%' }],
    },
  ],
});
