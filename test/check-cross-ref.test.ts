// cross-ref: the same clearly-identified figure agrees between prose and a table; otherwise no finding.
import { ruleTester, report, rel, q, ql, cell, para } from './check-builder.js';
import type { RelationOf } from '../src/model/schema.js';

const proseTotal = (s: string, at = 12) => rel<RelationOf<'total-score'>>({ kind: 'total-score', score: q(`${s}分`, at), evidence: `自评得分${s}分` });
/** A scoring sheet's total row, as the model reads it: a total-score relation marked `sheet`. */
const totalRow = (s: string) => rel<RelationOf<'total-score'>>({ kind: 'total-score', sheet: true, max: q('100'), score: q(s, cell(20, 5, 9)), location: cell(20, 5, 9), evidence: `合计 ${s}` });

ruleTester('cross-ref', {
  valid: [
    { name: 'prose 93.8 = sheet total 93.8', report: report({ relations: [proseTotal('93.8'), totalRow('93.8')] }) },
    { name: 'one of several prose scores is the sheet total (the others are projects’)', report: report({ relations: [proseTotal('95', 3), proseTotal('93.8'), totalRow('93.8')] }) },
    { name: 'two sheet totals that disagree (several sheets): not judged', report: report({ relations: [proseTotal('95.8'), totalRow('93.8'), totalRow('90')] }) },
    { name: 'no sheet: nothing to compare', report: report({ relations: [proseTotal('93.8')] }) },
    { name: 'same label, same value in prose and table (万元 vs 元)', report: report({ facts: [ql('73.29万元', '公用经费', 5), ql('732900元', '公用经费（元）', cell(4, 2))] }) },
    { name: 'different labels are different quantities', report: report({ facts: [ql('73.29万元', '公用经费', 5), ql('80.00万元', '商品和服务支出', cell(4, 2))] }) },
    { name: 'same label, different units (万元 vs 人) are different quantities', report: report({ facts: [ql('73万元', '在职人员', 5), ql('65人', '在职人员', cell(4, 2))] }) },
    { name: 'twice in a table with different values (several projects): not judged', report: report({ facts: [ql('73.29万元', '公用经费', 5), ql('73.29万元', '公用经费', cell(4, 2)), ql('12.00万元', '公用经费', cell(9, 2))] }) },
    { name: 'prose only, twice with different values (two years): not judged', report: report({ facts: [ql('74.91万元', '预算安排', 5), ql('60.6万元', '预算安排', 6)] }) },
    { name: 'bare numbers are not compared', report: report({ facts: [ql('73.29', '公用经费', 5), ql('80.00', '公用经费', cell(4, 2))] }) },
  ],
  invalid: [
    {
      name: 'prose total score differs from the sheet’s total row',
      report: report({ relations: [proseTotal('95.8'), totalRow('93.8')] }),
      errors: [{ messageId: 'totalScore', severity: 'error', location: para(12), expected: '93.8', actual: '95.8分', evidence: '自评得分95.8分' }],
    },
    {
      name: 'prose total score differs from a total score read from a table cell',
      report: report({ relations: [proseTotal('95.8'), rel<RelationOf<'total-score'>>({ kind: 'total-score', sheet: true, score: q('93.8', cell(4, 5, 131)), location: cell(4, 5, 131), evidence: '评价得分' })] }),
      errors: [{ messageId: 'totalScore', location: para(12), expected: '93.8', actual: '95.8分' }],
    },
    {
      name: 'a figure in prose differs from the same figure in a table',
      report: report({ facts: [ql('73.29万元', '公用经费：', 5), ql('73.92万元', '公用经费', cell(4, 2))] }),
      errors: [{ messageId: 'fact', severity: 'error', location: para(5), expected: '73.92万元', actual: '73.29万元', data: { label: '公用经费：' } }],
    },
    {
      name: 'unit conversion: 73.29万元 in prose, 733900元 in a table',
      report: report({ facts: [ql('73.29万元', '公用经费', 5), ql('733900元', '公用经费（元）', cell(4, 2))] }),
      errors: [{ messageId: 'fact', expected: '733900元' }],
    },
  ],
});
