// grade: stated grade vs score under the report's bands, configured bands, or the national bands.
import { ruleTester, report, rel, q, para } from './check-builder.js';
import type { RelationOf, GradeBand } from '../src/model/schema.js';

const grade = (g: string, score?: string) => rel<RelationOf<'grade'>>({ kind: 'grade', grade: g, score: score ? q(`${score}分`, 4) : undefined, location: para(4), evidence: `评价等级为${g}` });
const total = (s: string) => rel<RelationOf<'total-score'>>({ kind: 'total-score', score: q(`${s}分`, 3) });
const seed002: GradeBand[] = [
  { grade: '优秀', min: 85, minInclusive: true, maxInclusive: false },
  { grade: '良好', min: 75, minInclusive: true, max: 85, maxInclusive: false },
  { grade: '合格', min: 60, minInclusive: true, max: 75, maxInclusive: false },
  { grade: '不合格', max: 60, minInclusive: true, maxInclusive: false },
];
const bands = (b: GradeBand[]) => rel<RelationOf<'grade-bands'>>({ kind: 'grade-bands', bands: b });

ruleTester('grade', {
  valid: [
    { name: '93.8 is 优秀 (national)', report: report({ relations: [grade('优秀', '93.8')] }) },
    { name: '90 (含) is 优', report: report({ relations: [grade('优', '90')] }) },
    { name: '89.9 is 良好', report: report({ relations: [grade('良好', '89.9')] }) },
    { name: '70 is 合格 = 中', report: report({ relations: [grade('合格', '70')] }) },
    { name: '70 is 中等', report: report({ relations: [grade('中等', '70')] }) },
    { name: '59 is 不合格 = 差', report: report({ relations: [grade('不合格', '59')] }) },
    { name: 'the report’s own bands: 86 is 优秀 under 得分≥85分为优秀', report: report({ relations: [bands(seed002), grade('优秀', '86')] }) },
    { name: 'the grade refers to the report’s only total score', report: report({ relations: [total('93.8'), grade('优秀')] }) },
    { name: 'no score known: nothing to judge', report: report({ relations: [grade('差')] }) },
    { name: 'two different total scores: the grade’s score is unknown', report: report({ relations: [total('93.8'), total('70'), grade('差')] }) },
    { name: 'a grade word outside the bands is left alone', report: report({ relations: [grade('较好', '70')] }) },
    {
      name: 'configured bands apply when the report states none',
      report: report({ relations: [grade('优秀', '86')] }),
      config: { gradeBands: seed002 },
    },
  ],
  invalid: [
    {
      name: '86 is 良 nationally, not 优秀',
      report: report({ relations: [grade('优秀', '86')] }),
      errors: [{ messageId: 'mismatch', severity: 'error', location: para(4), expected: '良', actual: '优秀', evidence: '评价等级为优秀' }],
    },
    {
      name: 'the report’s own bands win over the national ones: 80 is 良好 under seed 002',
      report: report({ relations: [bands(seed002), grade('优秀', '80')] }),
      errors: [{ messageId: 'mismatch', expected: '良好', actual: '优秀' }],
    },
    {
      name: 'with the overall score from the total-score relation',
      report: report({ relations: [total('78'), grade('良好')] }),
      errors: [{ messageId: 'mismatch', expected: '中', actual: '良好', data: { score: '78分' } }],
    },
    {
      name: 'configured bands: 86 is 优秀 there, so 良好 is wrong',
      report: report({ relations: [grade('良好', '86')] }),
      config: { gradeBands: seed002 },
      errors: [{ messageId: 'mismatch', expected: '优秀' }],
    },
  ],
});
