// Changes against an earlier period stated by difference: 比上年增加/减少X万元(，增长/下降Y%), with the amount it
// changes (本期) found nearby, and the changes of a whole's parts listed after it (其中… / 具体情况如下：1. 2. 3.).
import type { Quantity } from '../../schema.js';
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { CURRENT_PERIOD, PREVIOUS_PERIOD, PREVIOUS_PERIOD_WORDS, WHOLE_LABEL, WRITTEN_YEAR, alternation, withoutPeriod } from '../../../lexicon/index.js';

/** The word that ends a change amount's label: 增加/减少/增收/减收/增支/减支/压减/节约 … */
export const CHANGE_WORD = /(增加|减少|增收|减收|增支|减支|增长|下降|压减|节约|增|减)$/;
/** A comparison with another period before the change: 比上年, 较上年, 与上年相比, 同比, 对比, 比2017年预算数. */
export const COMPARISON = new RegExp(`(?:比|较)(?:${alternation(PREVIOUS_PERIOD_WORDS)}|同期|年初|预算|${WRITTEN_YEAR})|与[^，,。；;]{0,12}相比|同比|对比`);
/** The rate of a change: 增长15.46%, 下降4.2%, 减幅0.02%, 增幅17.18%, 减少率35.22%. */
export const CHANGE_RATE = /^(增长率|增长|增幅|增加|上升|下降率|下降|降幅|减幅|减少率|减少|压减率|变化率|变动率)$/;
/** Labels of a paragraph's total, when a later paragraph states its change: 收入总计, 预算总额, 支出合计. */
const TOTAL_LABEL = WHOLE_LABEL;
/** A label without its period words and the 比…的 around a compared amount (比2022年的120万元). */
const YEAR_FREE = (s: string) => withoutPeriod(s).replace(/^比|的$/g, '');
/** The comparison that names the previous period's amount right before it: 比上年（2022年）的X, 与2022年度的X, 较上年同期X. */
const COMPARED_INTRO = new RegExp(`(?:比|较|与)\\s*(?:${alternation(PREVIOUS_PERIOD_WORDS)}|${WRITTEN_YEAR})[^，,。；;比较与]{0,12}$`);
/** After a compared amount: 与…X相比 closes with 相比; 比…X goes straight on to the change (减少, 增长 …). */
const AFTER_COMPARED_WITH = /^\s*(?:相比|比较)/;
const AFTER_COMPARED = /^\s*(?:增加|减少|增收|减收|增支|减支|增长|下降|上升|压减|节约|增|减)/;
/** A sentence that opens with its comparison (比上年…, 与2022年度的…相比, 上年为…) names no subject of its own. */
const OPENS_WITH_COMPARISON = /^[\s，,]*(?:比|较|与|上年|去年|上一年)/;

export type Direction = 'increase' | 'decrease';

export interface ChangeStatement {
  change: Q;
  direction: Direction;
  rate?: Q;
  current?: Q;
  previous?: Q;
  /** the amounts' years were stated (2016年…8万元，2015年…12.5万元) */
  yearPair: boolean;
}

const directionOfWord = (w: string): Direction | 'change' => (/增|上升/.test(w) ? 'increase' : /变/.test(w) ? 'change' : 'decrease');

/** Whether a quantity is a change against another period: its label ends in a change word after a comparison. */
export function isChange(ctx: ProseContext, q: Q): Direction | undefined {
  const p = ctx.paragraphs[q.para].parsed;
  if (q.unit === '%' || q.bracketDepth > 0 || !usable(p, q) || !family(q.unit)) return undefined;
  const m = CHANGE_WORD.exec(q.label);
  if (!m) return undefined;
  const qs = ctx.quantities[q.para];
  const before = qs.filter((x) => x.sentence === q.sentence && x.end <= q.start && !x.year);
  const from = before.length ? before[before.length - 1].end : p.sentences[q.sentence].start;
  const last = before[before.length - 1];
  if (!COMPARISON.test(p.text.slice(from, q.start)) && !periodPair(ctx, before.filter((x) => x.unit !== '%').slice(-2), q)
    && !(last && last.unit !== '%' && comparedAmount(ctx, last))) return undefined;
  return directionOfWord(m[1]) === 'increase' ? 'increase' : 'decrease';
}

/** An amount stated as the previous period's inside its comparison: 比上年的X减少…, 与2022年度的X相比. */
export function comparedAmount(ctx: ProseContext, x: Q): boolean {
  const p = ctx.paragraphs[x.para].parsed;
  const clause = p.sentences[x.sentence]?.clauses[x.clause];
  if (!clause || x.bracketDepth > 0) return false;
  const m = COMPARED_INTRO.exec(p.text.slice(clause.start, x.start));
  if (!m) return false;
  return (m[0].startsWith('与') ? AFTER_COMPARED_WITH : AFTER_COMPARED).test(p.text.slice(x.end));
}

/**
 * Whether a is the earlier of two amounts: the compared one is; else by their periods, where a year beside 本年 is an
 * earlier one and a year beside 上年 the current one. undefined when the text does not say.
 */
export function earlier(ctx: ProseContext, a: Q, b: Q): boolean | undefined {
  if (comparedAmount(ctx, a)) return true;
  if (comparedAmount(ctx, b)) return false;
  const pa = periodOf(ctx, a);
  const pb = periodOf(ctx, b);
  if (pa === undefined || pb === undefined || pa === pb) return undefined;
  const relative = (x: number) => x <= 0;
  if (relative(pa) === relative(pb)) return pa < pb;
  return relative(pa) ? pa === -1 : pb === 0;
}

/**
 * The one amount a sentence that opens with its comparison is about: the only amount stated before it in the
 * paragraph, in the sentence just before (2023年“三公”经费支出12.30万元。比上年（2022年）的15.60万元减少3.30万元).
 * undefined when the paragraph states none or several before it.
 */
export function subjectOfComparison(ctx: ProseContext, x: Q): Q | undefined {
  const p = ctx.paragraphs[x.para].parsed;
  const sentence = p.sentences[x.sentence];
  if (x.sentence === 0 || !OPENS_WITH_COMPARISON.test(p.text.slice(sentence.start, x.start))) return undefined;
  const firstOfSentence = ctx.quantities[x.para].find((q) => q.sentence === x.sentence && !q.year);
  if (firstOfSentence !== x) return undefined;
  // The paragraph states one amount before it, in the sentence just before (收入总计X。其中财政拨款A。上年为B: B is
  // whose, X's or A's? Not said).
  const prior = ctx.quantities[x.para].filter((q) => q.sentence < x.sentence && !q.year && q.unit !== '%');
  if (prior.length !== 1 || prior[0].sentence !== x.sentence - 1) return undefined;
  const [a] = prior;
  if (a.bracketDepth > 0 || family(a.unit) !== family(x.unit) || !usable(p, a) || PREVIOUS_PERIOD.test(a.label)) return undefined;
  return a;
}

/** Two amounts of the same thing in two periods (上年…120万元，本年…100万元 / 2023年…100万元，比2022年的120万元). */
function periodPair(ctx: ProseContext, pair: Q[], change: Q): pair is [Q, Q] {
  if (pair.length !== 2 || pair.some((x) => x.bracketDepth > 0 || family(x.unit) !== family(change.unit))) return false;
  const [a, b] = pair;
  const la = YEAR_FREE(a.label);
  const lb = YEAR_FREE(b.label);
  return earlier(ctx, a, b) !== undefined && (la === lb || la === '' || lb === '');
}

/** The rate right after a change: the next quantity of the sentence, a % in the same or the next clause. */
function rateAfter(ctx: ProseContext, change: Q, direction: Direction): Q | undefined {
  const qs = ctx.quantities[change.para];
  const next = qs[qs.indexOf(change) + 1];
  if (!next || next.sentence !== change.sentence || next.unit !== '%' || next.clause > change.clause + 1) return undefined;
  if (!usable(ctx.paragraphs[change.para].parsed, next)) return undefined;
  const m = CHANGE_RATE.exec(next.label);
  if (!m) return undefined;
  const d = directionOfWord(m[1]);
  return d === 'change' || d === direction ? next : undefined;
}

/** The year written in a quantity's clause before it (2016年预算8万元 → 2016). */
function yearOf(ctx: ProseContext, q: Q): number | undefined {
  return ctx.quantities[q.para].filter((y) => y.year && y.sentence === q.sentence && y.clause === q.clause && y.start < q.start).pop()?.value;
}

/** The period an amount belongs to: the year written in its clause, else −1 for 上年 and 0 for 本年 in its label. */
function periodOf(ctx: ProseContext, q: Q): number | undefined {
  const year = yearOf(ctx, q);
  if (year !== undefined) return year;
  if (PREVIOUS_PERIOD.test(q.label)) return -1;
  if (CURRENT_PERIOD.test(q.label)) return 0;
  return undefined;
}

/** Amounts whose role is already taken: denominators of rates read in the same sentence. */
function denominatorsIn(ctx: ProseContext, i: number): Set<number> {
  const out = new Set<number>();
  for (const r of ctx.relations) {
    if (r.kind !== 'rate' || r.location.block !== ctx.paragraphs[i].location.block) continue;
    for (const d of r.denominators) if (d.location.block === ctx.paragraphs[i].location.block) out.add(d.value);
  }
  return out;
}

/** 本期: the amount the change is about, or undefined when the text does not say which one it is. */
function currentOf(ctx: ProseContext, change: Q): { current?: Q; previous?: Q; yearPair: boolean } {
  const i = change.para;
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  const before = qs.filter((q) => q.sentence === change.sentence && q.end <= change.start);
  // The scope starts after the last change or change rate earlier in the sentence.
  let startAt = 0;
  before.forEach((q, k) => {
    if ((q.unit === '%' && CHANGE_RATE.test(q.label)) || isChange(ctx, q)) startAt = k + 1;
  });
  const same = (q: Q) => !q.year && q.bracketDepth === 0 && usable(p, q) && family(q.unit) === family(change.unit);
  const scope = before.slice(startAt).filter(same);
  const parts = ctx.markerParts(i, p.sentences[change.sentence].start, change.start);
  if (periodPair(ctx, scope, change)) {
    const [a, b] = scope;
    if (scope.every((x) => usable(p, x))) {
      const [previous, current] = earlier(ctx, a, b) ? [a, b] : [b, a];
      return { previous, current, yearPair: true };
    }
  }
  // 20XX年…A万元。比上年的B万元减少X: the previous amount opens this sentence, the current is the sentence before.
  if (scope.length === 1 && comparedAmount(ctx, scope[0])) {
    const current = subjectOfComparison(ctx, scope[0]);
    return current ? { current, previous: scope[0], yearPair: false } : { yearPair: false };
  }
  if (scope.length) {
    const taken = denominatorsIn(ctx, i);
    const candidates = scope.filter((q) => !taken.has(q.value) && !parts.has(q));
    // 总收入X，其中本年收入A，较上年减少Y: the change may be the whole's or the part's just before it; say nothing.
    if (scope.some((q) => parts.has(q))) return { yearPair: false };
    return candidates.length === 1 ? { current: candidates[0], yearPair: false } : { yearPair: false };
  }
  if (before.some((q) => same(q))) return { yearPair: false };
  // Nothing before it in its sentence: the paragraph's opening sentence, when it states one amount.
  if (change.sentence > 0) {
    const opening = qs.filter((q) => q.sentence === 0 && same(q));
    // Other amounts stated between the opening and the change (其中，A费50万元…。A费比上年减少9万元): the change may be theirs.
    const between = qs.filter((q) => q.sentence > 0 && q.sentence < change.sentence && same(q) && !isChange(ctx, q));
    if (between.some((q) => !opening.some((o) => o.value === q.value))) return { yearPair: false };
    const values = new Set(opening.map((q) => q.value));
    return values.size === 1 ? { current: opening[0], yearPair: false } : { yearPair: false };
  }
  // The change opens its paragraph: the totals the paragraphs just before it open with (收入总计…；支出总计…).
  const totals: Q[] = [];
  const path = ctx.paragraphs[i].path;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const prior = ctx.paragraphs[k];
    if (prior.numbered?.heading || prior.path.length !== path.length || prior.path.some((s, j) => s !== path[j])) break;
    const first = ctx.quantities[k].find((q) => !q.year && q.bracketDepth === 0 && usable(prior.parsed, q));
    if (!first || family(first.unit) !== family(change.unit) || !TOTAL_LABEL.test(first.label)) break;
    totals.push(first);
  }
  const values = new Set(totals.map((q) => q.value));
  return values.size === 1 ? { current: totals[0], yearPair: false } : { yearPair: false };
}

/** Every change statement in paragraph i, in order. */
export function changesIn(ctx: ProseContext, i: number): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  for (const q of ctx.quantities[i]) {
    const direction = isChange(ctx, q);
    if (!direction) continue;
    out.push({ change: q, direction, rate: rateAfter(ctx, q, direction), ...currentOf(ctx, q) });
  }
  return out;
}

/** 比上年增加X万元，增长Y% with 本期 nearby, or 2016年…A，2015年…B，减少X. */
export function findChanges(ctx: ProseContext, i: number) {
  for (const s of changesIn(ctx, i)) {
    if (!s.current || (!s.rate && !s.previous)) continue;
    const r = {
      kind: 'growth' as const,
      direction: s.direction,
      current: ctx.q(s.current),
      change: ctx.q(s.change),
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(s.change).text.trim(),
    };
    ctx.push({ ...r, ...(s.previous ? { previous: ctx.q(s.previous) } : {}), ...(s.rate ? { rate: ctx.q(s.rate) } : {}) });
  }
}

/** A part's amount counted in the whole's direction: a decrease inside an increase counts negative. */
function signed(ctx: ProseContext, q: Q, same: boolean): Quantity {
  const out = ctx.q(q);
  return same ? out : { ...out, value: -out.value, raw: `−${out.raw}` };
}

/**
 * The change of a whole = the sum of its parts' changes, when each part's change is stated: after a 其中 in the
 * whole's paragraph, or in the numbered paragraphs after a "如下：". With both years stated for the whole and every
 * part, each year's amounts add up as well.
 */
export function findChangeSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const statements = changesIn(ctx, i);
  if (!statements.length) return;
  const whole = statements[0];
  let parts: ChangeStatement[] = [];
  const marker = p.text.indexOf('其中', whole.change.end);
  if (marker >= 0 && !statements.slice(1).some((s) => s.change.start < marker)) {
    parts = statements.slice(1).filter((s) => s.change.start > marker && family(s.change.unit) === family(whole.change.unit));
  }
  if (parts.length < 2 && statements.length === 1 && /如下[：:]\s*$/.test(p.text)) {
    parts = [];
    const first = ctx.paragraphs[i + 1]?.numbered;
    for (let k = i + 1; k < ctx.paragraphs.length && first; k++) {
      const n = ctx.paragraphs[k].numbered;
      if (!n || n.family !== first.family || n.value !== parts.length + 1) break;
      const own = changesIn(ctx, k).filter((s) => family(s.change.unit) === family(whole.change.unit));
      if (own.length !== 1) { parts = []; break; }
      parts.push(own[0]);
    }
  }
  if (parts.length < 2) return;
  ctx.push({
    kind: 'sum',
    total: ctx.q(whole.change),
    parts: parts.map((s) => signed(ctx, s.change, s.direction === whole.direction)),
    exhaustive: false,
    location: ctx.paragraphs[i].location,
    evidence: ctx.sentenceOf(whole.change).text.trim(),
  });
  if (!whole.yearPair || !parts.every((s) => s.yearPair)) return;
  for (const key of ['previous', 'current'] as const) {
    ctx.push({
      kind: 'sum',
      total: ctx.q(whole[key]!),
      parts: parts.map((s) => ctx.q(s[key]!)),
      exhaustive: false,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(whole.change).text.trim(),
    });
  }
}
