// Scores in prose: “X”满分N分，得分M分; the overall 自评得分; section maxima （N分） and the total of item scores.
import type { Quantity, RelationOf, Section } from '../../schema.js';
import type { ProseContext } from './context.js';
import { usable } from './context.js';
import { pointsSuffix } from '../../../lexicon/index.js';

const MAX_LABEL = /满分$/;
const SCORE_LABEL = /得分$/;
/** “预算执行率”满分10分 / "产出指标"指标满分… opens an item's score sentence. */
const QUOTED_ITEM = /^[\s　]*[“"]([^”"]{1,40})[”"](?:指标)?满分/;
/** Words that make a score the overall one, and those that make it a part's. */
const OVERALL = /自评|总|综合|整体|本项目|单位/;
const PART_SCORE = /模块|指标[^体]*得分$/;

function scoreItems(ctx: ProseContext): Array<RelationOf<'score'>> {
  return ctx.relations.filter((r): r is RelationOf<'score'> => r.kind === 'score');
}

export function totalScores(ctx: ProseContext): Array<RelationOf<'total-score'>> {
  return ctx.relations.filter((r): r is RelationOf<'total-score'> => r.kind === 'total-score');
}

export function findScores(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i].filter((q) => q.unit === '分' && usable(p, q));
  for (const [si, sentence] of p.sentences.entries()) {
    const inSentence = qs.filter((q) => q.sentence === si);
    const max = inSentence.find((q) => MAX_LABEL.test(q.label));
    const score = inSentence.find((q) => SCORE_LABEL.test(q.label) && q !== max);
    if (!max && !score) continue;
    const quoted = QUOTED_ITEM.exec(sentence.text);
    if (quoted) {
      const r: RelationOf<'score'> = { kind: 'score', name: quoted[1], location: ctx.paragraphs[i].location, evidence: sentence.text.trim() };
      if (max) r.max = ctx.q(max);
      if (score) r.score = ctx.q(score);
      ctx.push(r);
      continue;
    }
    if (score && OVERALL.test(score.label + (max?.label ?? '')) && !PART_SCORE.test(score.label)) {
      const r: RelationOf<'total-score'> = { kind: 'total-score', score: ctx.q(score), location: ctx.paragraphs[i].location, evidence: sentence.text.trim() };
      if (max && max.value >= score.value) r.max = ctx.q(max);
      ctx.push(r);
    }
  }
}

/** （25分） at the end of a heading title → that maximum as a quantity (location filled by the caller). */
function pointsOf(title: string): Omit<Quantity, 'location'> | null {
  const s = pointsSuffix(title);
  return s ? { raw: s.raw, value: s.value, decimals: s.decimals, unit: '分', label: s.name } : null;
}

/** A heading's （N分） = the sum of its sub-headings' （N分）. */
export function findSectionMaxima(ctx: ProseContext) {
  const seen = new Set<Section>();
  const visit = (s: Section) => {
    if (seen.has(s)) return;
    seen.add(s);
    const max = pointsOf(s.title);
    const parts = s.children.map((c) => pointsOf(c.title));
    if (max && parts.length >= 2 && parts.every(Boolean)) {
      ctx.push({
        kind: 'section-max',
        name: max.label ?? s.title,
        max: { ...max, location: s.location },
        parts: s.children.map((c) => ({ ...pointsOf(c.title)!, location: c.location })),
        location: s.location,
        evidence: [s.title, ...s.children.map((c) => c.title)].join('；'),
      });
    }
    s.children.forEach(visit);
  };
  for (const p of ctx.paragraphs) for (const s of p.path) visit(s);
}

/** The overall score equals the sum of the item scores, when the items' maxima account for the whole maximum. */
export function findTotalScoreSum(ctx: ProseContext) {
  const total = totalScores(ctx).find((t) => t.max);
  const items = scoreItems(ctx);
  if (!total || !items.length || items.some((s) => !s.max || !s.score)) return;
  const maxSum = items.reduce((s, r) => s + r.max!.value, 0);
  if (Math.abs(maxSum - total.max!.value) > 1e-9) return;
  ctx.push({
    kind: 'sum',
    total: total.score,
    parts: items.map((s) => s.score!),
    exhaustive: true,
    location: total.location,
    evidence: total.evidence,
  });
}
