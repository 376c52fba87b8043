// 评价等级为“优秀” (with the overall score it grades) and the report's own bands: 得分≥85分为优秀；75≤得分＜85分为良好…
import type { GradeBand, RelationOf } from '../../schema.js';
import type { ProseContext } from './context.js';
import { totalScores } from './score.js';
import { GRADE_WORDS, alternation } from '../../vocabulary.js';

const NUM = '(\\d+(?:\\.\\d+)?)';
const LOWER_SYM = '(≥|>=|＞|>|≧)';
const UPPER_SYM = '(≤|<=|＜|<|≦)';
const SCORE_WORD = '(?:得分|分数|总分|评分|综合得分|分值)';
const GRADE = `(${alternation(GRADE_WORDS)})`;
/** 评价等级为优秀 / 绩效等级：“良” (not 等级为优秀的标准). */
const GRADE_STATED = new RegExp(`(?:评价|绩效|自评|综合)?等[级次](?:评定)?(?:为|是|：|:)\\s*[“"]?${GRADE}[”"]?(?!的)`);
const inclusive = (sym: string) => /≤|<=|≦|≥|>=|≧/.test(sym);
/** How a clause states a grade band (85≤得分＜95为良好; 得分≥95分为优秀; 60分以下为差 …). */
const GRADE_FORMS: Array<[RegExp, (m: RegExpExecArray) => GradeBand]> = [
  [new RegExp(`${NUM}\\s*${UPPER_SYM}\\s*${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[5], min: +m[1], minInclusive: inclusive(m[2]), max: +m[4], maxInclusive: inclusive(m[3]),
  })],
  [new RegExp(`${SCORE_WORD}\\s*${LOWER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: +m[2], minInclusive: inclusive(m[1]), maxInclusive: false,
  })],
  [new RegExp(`${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], max: +m[2], maxInclusive: inclusive(m[1]), minInclusive: true,
  })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*以上\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], min: +m[1], minInclusive: true, maxInclusive: false })],
  [new RegExp(`${NUM}\\s*分?\\s*以下\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], max: +m[1], maxInclusive: false, minInclusive: true })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*[-—－~～至到]\\s*${NUM}\\s*分?\\s*为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: +m[1], minInclusive: true, max: +m[2], maxInclusive: false,
  })],
];
// Every form ends its clause with 为 and a grade: a paragraph with no clause ending so states no band.
const GRADE_CLAUSE_END = new RegExp(`为\\s*${GRADE}\\s*(?=[；;。，,]|$)`);

export function findGrades(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const block = ctx.paragraphs[i].location.block;
  for (const sentence of p.sentences) {
    const m = GRADE_STATED.exec(sentence.text);
    if (!m) continue;
    const r: RelationOf<'grade'> = { kind: 'grade', grade: m[1], location: ctx.paragraphs[i].location, evidence: sentence.text.trim() };
    const totals = totalScores(ctx);
    const total = totals.find((t) => t.location.block === block && t.evidence === sentence.text.trim())
      ?? [...totals].reverse().find((t) => t.location.block === block);
    if (total) r.score = total.score;
    ctx.push(r);
  }
}

export function findGradeBands(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  if (!GRADE_CLAUSE_END.test(p.text)) return;
  const bands: GradeBand[] = [];
  for (const clause of p.text.split(/[；;。，,]/)) {
    const c = clause.trim().replace(/^.*?[：:]/, '');
    for (const [re, build] of GRADE_FORMS) {
      const m = re.exec(c);
      if (m) { bands.push(build(m)); break; }
    }
  }
  if (bands.length < 2) return;
  ctx.push({ kind: 'grade-bands', bands, location: ctx.paragraphs[i].location, evidence: p.text.trim() });
}
