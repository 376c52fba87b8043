// Changes against an earlier period stated by difference: 比上年增加/减少X万元(，增长/下降Y%), with the amount it
// changes (本期) found nearby, and the changes of a whole's parts listed after it (其中… / 具体情况如下：1. 2. 3.).
import type { Quantity } from '../../schema.js';
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { WHOLE_LABEL } from '../../../lexicon/index.js';
import { CHANGE_RATE, comparedAmount, directionOfWord, earlier, isChange, periodPair, subjectOfComparison, type Direction } from './periods.js';
import { markerParts, ofWhichAfter } from './of-which.js';

/** Labels of a paragraph's total, when a later paragraph states its change: 收入总计, 预算总额, 支出合计. */
const TOTAL_LABEL = WHOLE_LABEL;

export interface ChangeStatement {
  change: Q;
  direction: Direction;
  rate?: Q;
  current?: Q;
  previous?: Q;
  /** the amounts' years were stated (2016年…8万元，2015年…12.5万元) */
  yearPair: boolean;
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
  const parts = markerParts(ctx, i, p.sentences[change.sentence].start, change.start);
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
  const marker = ofWhichAfter(p.text, whole.change.end);
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
