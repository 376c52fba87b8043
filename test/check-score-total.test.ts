// score-total: item scores add up to the stated total (minus deductions); category and overall maxima add up.
import { ruleTester, report, rel, q, scoreItem, cell, para } from './check-builder.js';
import type { RelationOf, ScoreItem } from '../src/model/schema.js';

const items = (rows: Array<[string, string, string | undefined]>, extra: Partial<ScoreItem>[] = []) =>
  rows.map(([name, max, score], i) => scoreItem({ name, max: q(max, cell(i + 1, 3, 9)), score: score === undefined ? undefined : q(score, cell(i + 1, 5, 9)), ...extra[i] }));
const sheet = [['预算编制', '30', '28'], ['预算执行', '30', '27.8'], ['产出', '20', '20'], ['效益', '20', '18']] as Array<[string, string, string]>;
/** The sheet's total row, as the model reads it: a total-score relation marked `sheet`. */
const totalRow = (score: string, max = '100') => rel<RelationOf<'total-score'>>({ kind: 'total-score', sheet: true, max: q(max, cell(5, 3, 9)), score: q(score, cell(5, 5, 9)), location: cell(5, 5, 9), evidence: `合计 ${score}` });
const prose = (score: string) => rel<RelationOf<'total-score'>>({ kind: 'total-score', score: q(`${score}分`, 12), evidence: `自评得分${score}分` });

ruleTester('score-total', {
  valid: [
    { name: 'items add up to the total row: 93.8', report: report({ scoreItems: [...items(sheet)], relations: [totalRow('93.8')] }) },
    { name: 'no total row: items add up to the prose total', report: report({ scoreItems: items(sheet), relations: [prose('93.8')] }) },
    {
      name: 'a deduction subtracts: 93.8 − 2 = 91.8',
      report: report({ scoreItems: [...items(sheet), scoreItem({ name: '扣分项', deduction: true, max: q('10'), score: q('2') })], relations: [totalRow('91.8')] }),
    },
    {
      name: 'a deduction written negative subtracts the same',
      report: report({ scoreItems: [...items(sheet), scoreItem({ name: '扣分项', deduction: true, max: q('10'), score: q('-2') })], relations: [totalRow('91.8')] }),
    },
    { name: 'a rounded total: 94 for 93.8', report: report({ scoreItems: [...items(sheet)], relations: [totalRow('94')] }) },
    { name: 'a partly scored sheet is not totalled', report: report({ scoreItems: [...items([...sheet.slice(0, 3), ['效益', '20', undefined]])], relations: [totalRow('80')] }) },
    {
      name: 'section maxima: 预算管理（25分） = 8 + 4 + 6 + 2 + 5',
      report: report({ relations: [rel<RelationOf<'section-max'>>({ kind: 'section-max', name: '预算管理', max: q('25分'), parts: ['8', '4', '6', '2', '5'].map((p) => q(p)) })] }),
    },
    {
      name: 'category maxima in level labels: 总体绩效（50分） = 30 + 20',
      report: report({ scoreItems: items(sheet, [
        { level1: '过程（60分）', categoryMax: [q('60分')] }, { level1: '过程（60分）', categoryMax: [q('60分')] },
        { level1: '效果（40分）', categoryMax: [q('40分')] }, { level1: '效果（40分）', categoryMax: [q('40分')] },
      ]) }),
    },
    {
      name: 'prose item scores covering 100 add up to the prose total',
      report: report({ relations: [
        rel<RelationOf<'score'>>({ kind: 'score', name: 'a', max: q('60分'), score: q('55分') }),
        rel<RelationOf<'score'>>({ kind: 'score', name: 'b', max: q('40分'), score: q('38.8分') }),
        prose('93.8'),
      ] }),
    },
    {
      name: 'prose item scores not covering 100 are not totalled',
      report: report({ relations: [
        rel<RelationOf<'score'>>({ kind: 'score', name: 'a', max: q('6分'), score: q('4分') }),
        rel<RelationOf<'score'>>({ kind: 'score', name: 'b', max: q('4分'), score: q('4分') }),
        prose('93.8'),
      ] }),
    },
  ],
  invalid: [
    {
      name: 'total row differs from the items',
      report: report({ scoreItems: [...items(sheet)], relations: [totalRow('95.8')] }),
      errors: [{ messageId: 'mismatch', severity: 'error', location: { block: 9, row: 5, col: 5 }, expected: '93.8', actual: '95.8', data: { formula: '28 + 27.8 + 20 + 18' } }],
    },
    {
      name: 'prose total differs from the items (no total row)',
      report: report({ scoreItems: items(sheet), relations: [prose('95.8')] }),
      errors: [{ messageId: 'mismatch', location: para(12), expected: '93.8分', actual: '95.8分', evidence: '自评得分95.8分' }],
    },
    {
      name: 'deduction forgotten in the total',
      report: report({ scoreItems: [...items(sheet), scoreItem({ name: '扣分项', deduction: true, max: q('10'), score: q('2') })], relations: [totalRow('93.8')] }),
      errors: [{ messageId: 'mismatch', expected: '91.8', data: { formula: '28 + 27.8 + 20 + 18 − 2' } }],
    },
    {
      name: 'section maximum differs from its parts',
      report: report({ relations: [rel<RelationOf<'section-max'>>({ kind: 'section-max', name: '预算管理', max: q('25分', 7), parts: ['8', '4', '6', '2', '4'].map((p) => q(p)) })] }),
      errors: [{ messageId: 'sectionMax', location: para(7), expected: '24分', actual: '25分', data: { name: '预算管理', formula: '8 + 4 + 6 + 2 + 4' } }],
    },
    {
      name: 'item maxima total 110, not 100',
      report: report({ scoreItems: [...items([...sheet, ['满意度', '10', '10']])], relations: [totalRow('103.8')] }),
      errors: [{ messageId: 'maxTotal', expected: '100', actual: '110' }],
    },
    {
      name: 'category maximum in a label differs from its items',
      report: report({ scoreItems: items(sheet, [
        { level1: '过程（65分）', categoryMax: [q('65分')] }, { level1: '过程（65分）', categoryMax: [q('65分')] },
        { level1: '效果（40分）', categoryMax: [q('40分')] }, { level1: '效果（40分）', categoryMax: [q('40分')] },
      ]) }),
      errors: [{ messageId: 'categoryMax', expected: '60分', actual: '65分', data: { name: '过程' } }],
    },
    {
      name: 'a label also stated as a section-max relation (a table) is reported once, as sectionMax',
      report: report({
        scoreItems: items(sheet, [
          { level1: '过程（65分）', categoryMax: [q('65分', cell(1, 0, 9))] }, { level1: '过程（65分）', categoryMax: [q('65分', cell(1, 0, 9))] },
          { level1: '效果（40分）', categoryMax: [q('40分', cell(3, 0, 9))] }, { level1: '效果（40分）', categoryMax: [q('40分', cell(3, 0, 9))] },
        ]),
        relations: [rel<RelationOf<'section-max'>>({ kind: 'section-max', name: '过程', max: q('65分', cell(1, 0, 9)), parts: [q('30', cell(1, 3, 9)), q('30', cell(2, 3, 9))] })],
      }),
      errors: [{ messageId: 'sectionMax', location: cell(1, 0, 9), expected: '60分', actual: '65分' }],
    },
    {
      name: 'prose item scores covering 100 disagree with the prose total',
      report: report({ relations: [
        rel<RelationOf<'score'>>({ kind: 'score', name: 'a', max: q('60分'), score: q('55分') }),
        rel<RelationOf<'score'>>({ kind: 'score', name: 'b', max: q('40分'), score: q('38.8分') }),
        prose('92.8'),
      ] }),
      errors: [{ messageId: 'mismatch', expected: '93.8分', actual: '92.8分' }],
    },
  ],
});
