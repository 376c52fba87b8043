// list-count: N个 vs the number of items listed.
import { ruleTester, report, rel, q, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const list = (count: string, items: string[]) => report({
  relations: [rel<RelationOf<'list-count'>>({ kind: 'list-count', count: q(count, 6), items, evidence: `设置机构${count}，具体为：${items.join('、')}` })],
});
const seven = ['办公室', '党建办', '经济发展办', '社会事务办', '平安建设办', '综合执法办', '财政所'];

ruleTester('list-count', {
  valid: [
    { name: 'seven offices listed for 7个', report: list('7个', seven) },
    { name: 'no items extracted: nothing to compare', report: list('7个', []) },
  ],
  invalid: [
    {
      name: 'six listed for 7个',
      report: list('7个', seven.slice(0, 6)),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(6), expected: '6', actual: '7个', evidence: `设置机构7个，具体为：${seven.slice(0, 6).join('、')}` }],
    },
    {
      name: 'eight listed for 7个',
      report: list('7个', [...seven, '文化站']),
      errors: [{ messageId: 'mismatch', expected: '8', data: { count: 7, listed: 8 } }],
    },
  ],
});
