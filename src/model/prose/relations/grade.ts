// 评价等级为“优秀” (with the overall score it grades) and the report's own bands: 得分≥85分为优秀；75≤得分＜85分为良好…
import type { GradeBand, RelationOf } from '../../schema.js';
import type { ProseContext } from './context.js';
import { totalScores } from './score.js';
import { BAND_CLAUSE_END, GRADE_WORD, parseGradeBand, parseGradeFirstBands } from '../../../lexicon/index.js';

/**
 * 评价等级为优秀 / 绩效等级：“良” / 自评结果为“优秀” / 评价结论为“良” / 绩效评级为“中” — the grade word ends there (not
 * 等级为优秀的标准, 评价结果为良好的，给予保障: a condition, whose 良好的 must not leave 良 behind).
 */
const GRADE_STATED = new RegExp(`(?:评价|绩效|自评|综合)?(?:等[级次](?:评定)?|评级|(?:评价|自评|评定)(?:结果|结论))(?:为|是|：|:)\\s*[“"]?(${GRADE_WORD})[”"]?(?=[，,。；;）)\\s]|$)`);

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
  const gradeFirst = parseGradeFirstBands(p.text);
  if (gradeFirst.length) {
    ctx.push({ kind: 'grade-bands', bands: gradeFirst as GradeBand[], location: ctx.paragraphs[i].location, evidence: p.text.trim() });
    return;
  }
  if (!BAND_CLAUSE_END.test(p.text)) return;
  const bands: GradeBand[] = [];
  for (const clause of p.text.split(/[；;。，,]/)) {
    const band = parseGradeBand(clause.trim().replace(/^.*?[：:]/, ''));
    if (band) bands.push(band as GradeBand);
  }
  if (bands.length < 2) return;
  ctx.push({ kind: 'grade-bands', bands, location: ctx.paragraphs[i].location, evidence: p.text.trim() });
}
