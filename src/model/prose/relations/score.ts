// Scores in prose: “X”满分N分，得分M分; the overall 自评得分; section maxima （N分） and the total of item scores.
import type { Quantity, RelationOf, Section } from '../../schema.js';
import type { ProseContext } from './context.js';
import { usable } from './context.js';
import { ITEM_SCORE_SUFFIX, MAX_ASIDE_OPENING, OVERALL_SCORE_LABEL, TOTAL_AFTER_ITEMS, pointsSuffix } from '../../../lexicon/index.js';
import type { Q } from './context.js';

const MAX_LABEL = /满分$/;
const SCORE_LABEL = /(?:得分|评分)$/;
/** “预算执行率”满分10分 / "产出指标"指标满分… opens an item's score sentence. */
const QUOTED_ITEM = /^[\s　]*[“"]([^”"]{1,40})[”"](?:指标)?满分/;
/** Words that make a score the overall one, and those that make it a part's. */
const OVERALL = /自评|总|综合|整体|本项目|该项目|单位/;
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
    const score = inSentence.find((q) => (SCORE_LABEL.test(q.label) || OVERALL_SCORE_LABEL.test(q.label)) && q !== max);
    if (!max && !score && !SCORE_LEAD.test(sentence.text)) continue;
    const quoted = QUOTED_ITEM.exec(sentence.text);
    if (quoted) {
      const r: RelationOf<'score'> = { kind: 'score', name: quoted[1], location: ctx.paragraphs[i].location, evidence: sentence.text.trim() };
      if (max) r.max = ctx.q(max);
      if (score) r.score = ctx.q(score);
      ctx.push(r);
      continue;
    }
    const items = clauseItems(p.text, inSentence, SCORE_LEAD.test(sentence.text));
    for (const item of items) {
      ctx.push({ kind: 'score', name: item.name, max: ctx.q(item.max), score: ctx.q(item.score), location: ctx.paragraphs[i].location, evidence: sentence.text.trim() });
    }
    // the overall score: the first score of the sentence, or after its items the one that names itself so (总得分93分)
    const taken = new Set(items.flatMap((x) => [x.score, x.max]));
    const overall = items.length ? inSentence.find((q) => !taken.has(q) && (SCORE_LABEL.test(q.label) || TOTAL_AFTER_ITEMS.test(q.label)) && OVERALL.test(q.label)) : score;
    if (overall && OVERALL.test(overall.label + (items.length ? '' : max?.label ?? '')) && !PART_SCORE.test(overall.label)) {
      const r: RelationOf<'total-score'> = { kind: 'total-score', score: ctx.q(overall), location: ctx.paragraphs[i].location, evidence: sentence.text.trim() };
      const ownMax = items.length ? undefined : max;
      if (ownMax && ownMax.value >= overall.value) r.max = ctx.q(ownMax);
      ctx.push(r);
    }
  }
}

/** 产出指标得分45分（满分50分） / 项目决策（20分）得分18分 / 效益指标满分30分，得分28分: an item's score and maximum. */
interface ClauseItem { name: string; score: Q; max: Q }
const SCORE_AFTER_MAX_ASIDE = /^\s*[）)]\s*(?:自评)?得分\s*[为:：]?\s*$/;
const NAME_BEFORE_ASIDE = /([^，,；;：:。（(）)]*)[（(]\s*$/;
const SCORE_AFTER_MAX = /^\s*[，,]\s*(?:自评|实际)?得分\s*[为:：]?\s*$/;
/** A sentence that opens with its scores' lead: 自评得分：A9.8分（满分10分），B48分（满分50分），… */
const SCORE_LEAD = /^[^，,。；;]{0,20}?(?:得分|评分)(?:情况)?(?:如下|为)?[：:]/;
/** An item's name: its label without the score word (and a lead that is not the name: 其中). */
const itemName = (label: string) => label.replace(ITEM_SCORE_SUFFIX, '').replace(/^(?:其中|分别是|分别为)[：:，,]?/, '');

/**
 * The scored items of a sentence written clause by clause, each score with the maximum its own words give it. An item
 * whose name says it is the overall score (自评, 总, 综合) is none of them.
 */
function clauseItems(text: string, qs: Q[], ledByScore: boolean): ClauseItem[] {
  const out: ClauseItem[] = [];
  qs.forEach((q, k) => {
    if (q.bracketDepth !== 0) return;
    const next = qs[k + 1];
    const prev = qs[k - 1];
    const maxAfter = next !== undefined && next.bracketDepth === 1 && MAX_ASIDE_OPENING.test(text.slice(q.end, next.numberStart));
    // 自评得分：预算执行率9.8分（满分10分），…: after the lead, an item's score needs no 得分 of its own
    if (!SCORE_LABEL.test(q.label) && !(ledByScore && maxAfter && !TOTAL_AFTER_ITEMS.test(q.label))) return;
    let max: Q | undefined;
    let name = itemName(q.label);
    if (maxAfter) max = next;
    else if (prev && prev.bracketDepth === 1 && SCORE_AFTER_MAX_ASIDE.test(text.slice(prev.end, q.numberStart))) {
      max = prev;
      // 项目决策（20分）得分18分: the name stands before the aside
      name = itemName(NAME_BEFORE_ASIDE.exec(text.slice(0, prev.numberStart))?.[1] ?? '');
    }
    else if (prev && prev.bracketDepth === 0 && MAX_LABEL.test(prev.label) && SCORE_AFTER_MAX.test(text.slice(prev.end, q.numberStart))) {
      max = prev;
      name = itemName(prev.label);
    }
    if (!max || !name || OVERALL_NAME.test(name)) return;
    out.push({ name, score: q, max });
  });
  return out;
}
/** An item named as the whole: the words of the overall score (自评, 总, 综合, 整体, 本项目), and 最终. */
const OVERALL_NAME = new RegExp(`${OVERALL.source}|最终`);

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
