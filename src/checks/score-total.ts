// 总分 = Σ 各项得分 − 扣分；分类满分 = Σ 所属各项满分；各项满分合计 = 100（扣分项不计入）.
import { defineCheck, assess, w, type Issue, type Records } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Location } from '../findings.js';
import type { Quantity, RelationOf, ScoreItem } from '../model/schema.js';
import { pointsSuffix } from '../lexicon/index.js';
import { isUsable, point, rounded, sum, formatNumber, type Interval } from '../precision.js';

type Id = 'mismatch' | 'truncated' | 'sectionMax' | 'categoryMax' | 'maxTotal';

/** What the check reads: prose scores and totals, section maxima, and the scoring sheet's rows. */
type Report = Records<'section-max' | 'total-score' | 'score'>;
type TotalScore = RelationOf<'total-score'>;

/** The total-score relations of a report: a scoring sheet's total row is one, marked `sheet` by the model. */
function totalScores(report: Report): TotalScore[] {
  return report.relations.filter((r): r is TotalScore => r.kind === 'total-score');
}

/** Points awarded without decimals are whole points; points with decimals may have been rounded. */
function points(q: Quantity): Interval {
  return q.decimals === 0 ? point(q.value) : rounded(q.value, q.decimals);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export default defineCheck({
  id: 'score-total',
  severity: 'error',
  description: { zh: '总分与各项得分之和不符，或分类满分与所含各项满分之和不符', en: 'a total score differs from the sum of item scores, or a category maximum from its items' },
  formula: '总分 = Σ 各项得分 − Σ 扣分；分类满分 = Σ 各项满分；Σ 各项满分 = 100',
  reads: { relations: ['section-max', 'total-score', 'score'], scoreItems: true },
  messages: {
    ...comparisonMessages({ zh: '自评总分', en: 'the total score' }),
    sectionMax: { zh: '“{name}”满分为 {actual}，所含各项满分之和为 {expected}（{formula}）', en: '"{name}" is worth {actual} but its items add up to {expected} ({formula})' },
    categoryMax: { zh: '“{name}”满分为 {actual}，所含各项满分之和为 {expected}（{formula}）', en: '"{name}" is worth {actual} but its items add up to {expected} ({formula})' },
    maxTotal: { zh: '各项满分合计为 {actual}（扣分项除外），应为 {expected}', en: 'the item maxima add up to {actual} (deductions aside), not {expected}' },
  },
  *run(report, ctx) {
    yield* sheetTotal(report, ctx);
    yield* proseTotal(report, ctx);
    for (const r of report.relations) {
      if (r.kind !== 'section-max' || !isUsable(r.max) || r.parts.length === 0 || !r.parts.every(isUsable)) continue;
      const total = r.parts.reduce((a, p) => a + p.value, 0);
      if (close(total, r.max.value)) continue;
      yield {
        messageId: 'sectionMax', location: r.max.location ?? r.location, evidence: r.evidence,
        expected: formatNumber(total, Math.max(...r.parts.map((p) => p.decimals))) + (r.max.unit ?? ''), actual: r.max.raw,
        data: { name: r.name, formula: r.parts.map(w).join(' + ') },
      };
    }
    yield* categoryMaxima(report);
  },
});

function* sheetTotal(report: Report, ctx: Parameters<typeof assess>[0]): Generator<Issue<Id>> {
  const rows = report.scoreItems;
  if (rows.length === 0) return;
  const items = rows.filter((i) => !i.deduction);
  const deductions = rows.filter((i) => i.deduction && isUsable(i.score));
  const scored = items.filter((i) => isUsable(i.score));
  // A partly scored sheet cannot be totalled: an item with a maximum but no score leaves the sum unknown.
  if (scored.length < 2 || items.some((i) => isUsable(i.max) && !isUsable(i.score))) {
    yield* maximaTotal(report, items);
    return;
  }
  const computed = sum([
    ...scored.map((i) => points(i.score!)),
    ...deductions.map((d) => { const p = points(d.score!); return { lo: -Math.max(Math.abs(p.lo), Math.abs(p.hi)), hi: -Math.min(Math.abs(p.lo), Math.abs(p.hi)) }; }),
  ]);
  const estimate = scored.reduce((a, i) => a + i.score!.value, 0) - deductions.reduce((a, d) => a + Math.abs(d.score!.value), 0);
  const formula = scored.map((i) => w(i.score!)).join(' + ') + deductions.map((d) => ` − ${w({ raw: d.score!.raw.replace(/^[-−－]/, ''), value: Math.abs(d.score!.value) })}`).join('');
  // Every stated total is judged against the items: the sheet's total row and the total the prose states alike
  // (cross-ref also compares the two with each other).
  const stated = totalScores(report).filter((t) => isUsable(t.score)).map((t) => ({ q: t.score, evidence: t.evidence }));
  for (const s of stated) {
    const { issue } = assess(ctx, { stated: s.q, factor: 1, exact: false, computed, estimate, formula, evidence: s.evidence, data: { items: scored.length, deductions: deductions.length } });
    if (issue) yield issue;
  }
  yield* maximaTotal(report, items);
}

/** The maxima of a sheet's items add up to 100, or to the stated maximum (the total row's 分值, 满分100分). */
function* maximaTotal(report: Report, items: ScoreItem[]): Generator<Issue<Id>> {
  const withMax = items.filter((i) => isUsable(i.max));
  if (withMax.length < 2 || withMax.length !== items.length) return;
  const totalMax = totalScores(report).find((r) => isUsable(r.max))?.max;
  const expected = totalMax?.value ?? 100;
  const total = withMax.reduce((a, i) => a + i.max!.value, 0);
  if (close(total, expected)) return;
  yield {
    messageId: 'maxTotal', location: withMax[0].location,
    evidence: withMax.map((i) => `${i.name} ${i.max!.raw}`).join('；'),
    expected: formatNumber(expected, totalMax?.decimals ?? 0), actual: formatNumber(total, Math.max(...withMax.map((i) => i.max!.decimals))),
    data: { items: withMax.length },
  };
}

/** Prose: when the scored items' maxima cover the whole (100 or the stated maximum), their scores add up to the total. */
function* proseTotal(report: Report, ctx: Parameters<typeof assess>[0]): Generator<Issue<Id>> {
  if (report.scoreItems.some((i) => isUsable(i.score))) return; // the sheet is the better source
  const scores = report.relations.filter((r): r is RelationOf<'score'> => r.kind === 'score' && isUsable(r.score) && isUsable(r.max));
  const totals = report.relations.filter((r): r is RelationOf<'total-score'> => r.kind === 'total-score' && isUsable(r.score));
  if (scores.length < 2 || totals.length === 0) return;
  const values = new Set(totals.map((t) => t.score.value));
  if (values.size !== 1) return;
  const full = totals.find((t) => isUsable(t.max))?.max?.value ?? 100;
  const maxSum = scores.reduce((a, s) => a + s.max!.value, 0);
  if (!close(maxSum, full)) return;
  const computed = sum(scores.map((s) => points(s.score!)));
  const estimate = scores.reduce((a, s) => a + s.score!.value, 0);
  const formula = scores.map((s) => w(s.score!)).join(' + ');
  for (const t of totals) {
    const { issue } = assess(ctx, { stated: t.score, factor: 1, exact: false, computed, estimate, formula, evidence: t.evidence, location: t.score.location ?? t.location });
    if (issue) yield issue;
  }
}

const placeOf = (l: Location) => [l.file, l.origin, l.sheet, l.block, l.page, l.paragraph, l.row, l.col, l.cell].join('|');

/** 履职效能（15分）written in a level label: the items under it add up to 15. */
function* categoryMaxima(report: Report): Generator<Issue<Id>> {
  // A table's category labels also arrive as section-max relations (category = Σ items, whole = Σ categories), judged
  // above; judging the same label again here would report one wrong maximum twice.
  const judged = new Set(report.relations.flatMap((r) => (r.kind === 'section-max' ? [placeOf(r.max.location)] : [])));
  const groups = new Map<string, { name: string; max: Quantity; items: ScoreItem[] }>();
  for (const item of report.scoreItems) {
    if (item.deduction || !item.categoryMax) continue;
    item.categoryMax.forEach((cm, index) => {
      if (!isUsable(cm)) return;
      const level = levelOf(item, cm, index);
      if (!level) return;
      const key = level === 1 ? `1:${item.level1}` : `2:${item.level1 ?? ''}/${item.level2}`;
      const name = (level === 1 ? item.level1 : item.level2)!;
      const g = groups.get(key) ?? { name, max: cm, items: [] };
      g.items.push(item);
      groups.set(key, g);
    });
  }
  for (const g of groups.values()) {
    if (g.items.some((i) => !isUsable(i.max)) || judged.has(placeOf(g.max.location))) continue;
    const total = g.items.reduce((a, i) => a + i.max!.value, 0);
    if (close(total, g.max.value)) continue;
    yield {
      messageId: 'categoryMax', location: g.max.location ?? g.items[0].location, evidence: g.name,
      expected: formatNumber(total, Math.max(...g.items.map((i) => i.max!.decimals))) + (g.max.unit ?? ''), actual: g.max.raw,
      data: { name: pointsSuffix(g.name)?.name ?? g.name.trim(), formula: g.items.map((i) => w(i.max!)).join(' + ') },
    };
  }
}

/** Which level label a category maximum was read from: the one containing it, else by position. */
function levelOf(item: ScoreItem, cm: Quantity, index: number): 1 | 2 | undefined {
  const has = (label: string | undefined) => label !== undefined && (label.includes(cm.raw) || pointsSuffix(label)?.value === cm.value);
  if (has(item.level1)) return 1;
  if (has(item.level2)) return 2;
  if (index === 0 && item.level1) return 1;
  if (index === 1 && item.level2) return 2;
  return undefined;
}
