// score-cap: no score above its maximum (prose scores, total, scoring-sheet items, indicators) and none below zero.
import { ruleTester, report, rel, q, indicator, scoreItem, cell, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const prose = (max: string, score: string) => report({
  relations: [rel<RelationOf<'score'>>({ kind: 'score', name: '支出执行进度', max: q(max, 2), score: q(score, 3), evidence: `“支出执行进度”满分${max}，自评得分${score}` })],
});

ruleTester('score-cap', {
  valid: [
    { name: 'seed: 满分6分，自评得分4分', report: prose('6分', '4分') },
    { name: 'full marks', report: prose('6分', '6分') },
    { name: 'a score without a maximum', report: report({ relations: [rel<RelationOf<'score'>>({ kind: 'score', name: 'x', score: q('4分') })] }) },
    { name: 'indicator within its weight', report: report({ indicators: [indicator({ name: '覆盖率', weight: q('10'), score: q('9.5') })] }) },
    { name: 'a deduction written as negative is not a negative score', report: report({ scoreItems: [scoreItem({ name: '扣分项', deduction: true, max: q('10'), score: q('-2') })] }) },
  ],
  invalid: [
    {
      name: 'prose score above its maximum',
      report: prose('6分', '7分'),
      errors: [{ messageId: 'exceeds', severity: 'error', location: para(3), actual: '7分', expected: '≤ 6分', evidence: '“支出执行进度”满分6分，自评得分7分' }],
    },
    {
      name: 'total score above 100',
      report: report({ relations: [rel<RelationOf<'total-score'>>({ kind: 'total-score', score: q('101分', 8), max: q('100分', 8) })] }),
      errors: [{ messageId: 'exceeds', location: para(8), actual: '101分' }],
    },
    {
      name: 'scoring-sheet item above its 分值',
      report: report({ scoreItems: [scoreItem({ name: '预算编制', max: q('5', cell(3, 2, 9)), score: q('5.5', cell(3, 4, 9)) })] }),
      errors: [{ messageId: 'exceeds', location: { block: 9, row: 3, col: 4 }, actual: '5.5', data: { name: '预算编制' } }],
    },
    {
      name: 'indicator score above its weight',
      report: report({ indicators: [indicator({ name: '群众满意度', weight: q('10', cell(4, 5)), score: q('12', cell(4, 8)) })] }),
      errors: [{ messageId: 'exceeds', location: { row: 4, col: 8 }, actual: '12' }],
    },
    {
      name: 'a negative indicator score',
      report: report({ indicators: [indicator({ name: '群众满意度', weight: q('10'), score: q('-1', cell(4, 8)) })] }),
      errors: [{ messageId: 'negative', location: { row: 4, col: 8 }, actual: '-1' }],
    },
  ],
});
