// 其中 lists, all in one place: TOTAL，其中 A、B、C / TOTAL（含 A、B） / TOTAL，其中： and numbered items after it —
// where a list starts and ends, which amounts are its parts (nested lists, asides, a change of category), whether
// they split the whole, and the sums they state. Other relations ask here which amounts are parts (markerParts).
import type { ProseContext, Q } from './context.js';
import { compatible, family, usable } from './context.js';
import {
  COMPLEMENTARY_CATEGORIES, OF_WHICH, OF_WHICH_WORD, OTHER_MEASURE, PART_STOP_WORD, SUBTOTAL_WORD, lastSeparatorRank, membersNamed,
  outsideBrackets, type CategoryGroup,
} from '../../../lexicon/index.js';
import { CHANGE_WORD, COMPARISON, GROWTH_LABEL, isChange } from './periods.js';
import { arabicItemNumber } from '../numbering.js';

/** Words that open a list of parts of the amount before them. */
export const PART_MARKER = new RegExp(OF_WHICH_WORD, 'g');
/** Between a total and its 其中/含: punctuation, or a short noun (共有27个部门预算项目，其中…). */
const BETWEEN_TOTAL_AND_MARKER = /^[\u4e00-\u9fa5]{0,8}[\s，,。：:（(]*$/;
/** A word that ends a run of parts: 实际, 合计, 累计 … */
const PART_STOP = PART_STOP_WORD;
/** Words that open a statement of its own after the parts: 另有临聘人员3人 is not one of them. */
const BESIDES = /^(?:另有|另外|此外|还有)/;
const SUBTOTAL = SUBTOTAL_WORD;
/** Right after an amount, the 其中/含 that lists its own parts. */
const OPENS_OWN_LIST = new RegExp(`^[\\s，,：:（(]*(?:${OF_WHICH_WORD})`);
/** A paragraph that ends in 其中：, its parts listed in the paragraphs after it. */
const TRAILING_MARKER = new RegExp(`${OF_WHICH}\\s*[：:]\\s*$`);

/** A paragraph that ends in 其中：, its parts listed after it (in the next paragraph or numbered items). */
export function endsWithOfWhich(text: string): boolean {
  return TRAILING_MARKER.test(text);
}

/** Where the next 其中 after `from` opens a list, or −1. */
export function ofWhichAfter(text: string, from: number): number {
  return text.indexOf(OF_WHICH, from);
}

/** 等 right after the last part leaves the list open (办公费、印刷费等): its parts may fall short of the whole. */
function openEnded(text: string, after: number): boolean {
  return /^\s*等/.test(text.slice(after));
}

/** Quantities listed after a 其中 inside [from, to): the run of amounts until one that is 实际/合计… */
export function markerParts(ctx: ProseContext, i: number, from: number, to: number): Set<Q> {
  const p = ctx.paragraphs[i].parsed;
  const out = new Set<Q>();
  const re = /其中/g;
  const text = p.text.slice(0, to);
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const hasTotal = ctx.quantities[i].some((q) => q.end <= m!.index && q.start >= from && q.unit !== '%');
    if (!hasTotal) continue;
    for (const q of ctx.quantities[i]) {
      if (q.start <= m.index || q.start >= to) continue;
      if (q.unit === '%' || q.bracketDepth > 0) continue;
      if (PART_STOP.test(q.label)) break;
      out.add(q);
    }
  }
  return out;
}

/** For a part written after 其中/含: the quantity right before that marker. */
export function totalBeforeMarker(ctx: ProseContext, i: number, part: Q): Q | undefined {
  const p = ctx.paragraphs[i].parsed;
  const head = p.text.slice(0, part.start);
  const at = Math.max(head.lastIndexOf('其中'), head.lastIndexOf('含'));
  if (at < 0) return undefined;
  const before = ctx.quantities[i].filter((q) => q.end <= at);
  const total = before[before.length - 1];
  if (!total || total.unit === '%' || !usable(p, total)) return undefined;
  if (!BETWEEN_TOTAL_AND_MARKER.test(p.text.slice(total.end, at))) return undefined;
  return total;
}

/** The clause of a change rate between a total and its 其中 (785万元，较年初预算减少28%，其中…): one clause, no amount. */
const RATE_CLAUSE = /^[\s，,]*[^，,。；;：:]{1,20}$/;

function applies(group: CategoryGroup, total: Q): boolean {
  return !group.family || group.family === family(total.unit);
}

/**
 * A part of another member of the total's own group is no part of it: in 在职人员62人，其中行政编制26人，事业编制36人，
 * 退休职工28人 the list ends before 退休, where the category changes.
 */
function changesCategory(total: Q, part: Q): boolean {
  if (OTHER_MEASURE.some((m) => m.whole.test(total.label) && !m.other.test(total.label) && m.other.test(part.label) && !m.whole.test(part.label))) return true;
  return COMPLEMENTARY_CATEGORIES.some((g) => {
    if (!applies(g, total)) return false;
    const own = membersNamed(g, total.label);
    const other = membersNamed(g, part.label);
    return own.size > 0 && other.size > 0 && [...other].every((m) => !own.has(m));
  });
}

/** Parts that each name a different member of one group (上级/本级, 在职/离休/退休 …) split the whole between them. */
function splitsWhole(total: Q, parts: Q[]): boolean {
  if (parts.length < 2) return false;
  return COMPLEMENTARY_CATEGORIES.some((g) => {
    if (!applies(g, total)) return false;
    const seen = new Set<string>();
    for (const part of parts) {
      const members = membersNamed(g, part.label);
      if (!members.size || [...members].some((m) => seen.has(m))) return false;
      members.forEach((m) => seen.add(m));
    }
    return true;
  });
}

/**
 * A part that may follow the ones before it: the same kind of thing, a stated value, not a total, another category
 * or a change against another period (其中：A，B，同比增加C — C is no part).
 */
function partOf(ctx: ProseContext, i: number, total: Q, q: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  return compatible(total, q) && usable(p, q) && !PART_STOP.test(q.label) && !BESIDES.test(q.label) && !changesCategory(total, q) && !isChange(ctx, q);
}

/**
 * TOTAL（其中A a），B b。— the writer closed the aside after its first part(s): the parts after the bracket continue
 * the list when together they split the whole (the aside alone does not). Otherwise no continuation.
 */
function continuationAfterAside(ctx: ProseContext, i: number, total: Q, aside: Q[]): Q[] {
  const p = ctx.paragraphs[i].parsed;
  const last = aside[aside.length - 1];
  if (!last || splitsWhole(total, aside) || !/^\s*[）)]\s*[，,、；;]/.test(p.text.slice(last.end))) return [];
  const more: Q[] = [];
  for (const q of ctx.quantities[i]) {
    if (q.start <= last.end || q.unit === '%') continue;
    if (q.sentence !== last.sentence || q.bracketDepth !== total.bracketDepth || !partOf(ctx, i, total, q)) break;
    more.push(q);
  }
  return more.length && splitsWhole(total, [...aside, ...more]) ? more : [];
}

/**
 * The parts after a 其中 at `from`, in one sentence outside brackets. A part broken down in turn (…，其中基本支出60万元，
 * 其中人员经费50万元、公用经费10万元，项目支出40万元) has its own parts, which are skipped; such a nested list ends
 * at a separator stronger than its own (a ， list at ；) or where the category changes. null when a nested list
 * cannot be delimited.
 */
function partsAfter(ctx: ProseContext, i: number, total: Q, from: number, sentence: number | undefined, nested: boolean): Q[] | null {
  const p = ctx.paragraphs[i].parsed;
  const parts: Q[] = [];
  let cursor = from;
  let ownRank = 0;
  for (const q of ctx.quantities[i]) {
    if (q.start < cursor) continue;
    if (q.sentence !== sentence) break;
    if (q.bracketDepth !== total.bracketDepth || q.unit === '%') continue;
    if (!q.unit && arabicItemNumber(p.text.slice(q.numberStart))) continue; // a list item's number (1、 2. 3）) before a part
    const gap = outsideBrackets(p.text.slice(cursor, q.start));
    const inner = gap.indexOf(OF_WHICH);
    if (parts.length && inner >= 0) {
      const innerParts = partsAfter(ctx, i, parts[parts.length - 1], cursor + inner + OF_WHICH.length, sentence, true);
      if (!innerParts?.length) return null;
      cursor = innerParts[innerParts.length - 1].end;
      continue;
    }
    const rank = lastSeparatorRank(gap);
    const stronger = parts.length > 0 && ownRank > 0 && rank > ownRank;
    if (parts.length && !ownRank) ownRank = rank;
    if (nested && stronger) break;
    // 编制30人，其中行政20人，事业10人；实有28人，其中…: after a stronger separator, a whole with its own 其中 list
    // is the next statement, not one more part.
    if (stronger && OPENS_OWN_LIST.test(p.text.slice(q.end))) break;
    // A 小计 inside the list totals some of its parts: which ones, the list alone does not say.
    if (SUBTOTAL.test(q.label)) return null;
    if (!partOf(ctx, i, total, q)) break;
    parts.push(q);
    cursor = q.end;
  }
  return parts;
}

/** The parts inside the aside that opens right after the total: TOTAL（含A a、B b）. */
function partsInAside(ctx: ProseContext, i: number, total: Q, from: number): Q[] {
  const parts: Q[] = [];
  for (const q of ctx.quantities[i]) {
    if (q.start <= from) continue;
    if (q.bracketDepth <= total.bracketDepth) break;
    if (q.bracketDepth !== total.bracketDepth + 1 || q.unit === '%') continue;
    if (!partOf(ctx, i, total, q)) break;
    parts.push(q);
  }
  return [...parts, ...continuationAfterAside(ctx, i, total, parts)];
}

/**
 * The total a 其中 at `at` lists the parts of: the amount right before the marker, or before a change rate that
 * stands between them (总额1023万元，较年初预算减少32%。其中：) — then not a change itself, whose parts would be changes.
 */
function totalBefore(ctx: ProseContext, i: number, at: number): Q | undefined {
  const p = ctx.paragraphs[i].parsed;
  const before = ctx.quantities[i].filter((q) => q.end <= at);
  let total = before.pop();
  let gapFrom = total?.end ?? 0;
  if (total && total.unit === '%' && GROWTH_LABEL.test(total.label) && total.bracketDepth === 0) {
    const rate = total;
    total = before.pop();
    if (!total || total.sentence !== rate.sentence || isChange(ctx, total)) return undefined;
    const clause = p.text.slice(total.end, rate.start);
    if (!RATE_CLAUSE.test(clause) || !COMPARISON.test(clause)) return undefined;
    gapFrom = rate.end;
  }
  if (!total || !usable(p, total) || total.unit === '%' || total.value === 0) return undefined;
  return BETWEEN_TOTAL_AND_MARKER.test(p.text.slice(gapFrom, at)) ? total : undefined;
}

/** Parts follow the marker until the sentence or the aside ends, or until the category changes. */
export function findPartSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  const re = new RegExp(PART_MARKER.source, 'g');
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const at = m.index;
    const total = totalBefore(ctx, i, at);
    if (!total) continue;
    const inAside = /[（(]\s*$/.test(p.text.slice(total.end, at));
    const markerSentence = qs.find((q) => q.start > at)?.sentence;
    // A total that is itself a part listed after an earlier 其中 of its sentence heads a nested list.
    const nested = outsideBrackets(p.text.slice(p.sentences[total.sentence].start, total.start)).includes(OF_WHICH);
    const parts = inAside ? partsInAside(ctx, i, total, at) : partsAfter(ctx, i, total, at + m[0].length, markerSentence, nested);
    if (!parts) continue;
    // 等 after the last part leaves the list open, whatever its categories.
    const open = parts.length > 0 && openEnded(p.text, parts[parts.length - 1].end);
    pushSum(ctx, i, total, parts, !open && splitsWhole(total, parts),
      ctx.sentenceOf(total).text.trim() + (markerSentence !== total.sentence ? p.sentences[markerSentence ?? 0]?.text.trim() ?? '' : ''));
  }
}

function pushSum(ctx: ProseContext, i: number, total: Q, parts: Q[], exhaustive: boolean, evidence: string) {
  // Zeros count as parts of a split (财政差额补助0人); an open list needs two amounts to be worth adding up.
  const nonZero = parts.filter((q) => q.value !== 0).length;
  if (exhaustive ? nonZero < 1 : nonZero < 2) return;
  ctx.push({ kind: 'sum', total: ctx.q(total), parts: parts.map((q) => ctx.q(q)), exhaustive, location: ctx.paragraphs[i].location, evidence });
}

/**
 * The one part an item states: the amount of its first sentence that has any, other than the item's own parts
 * (after its 其中) and its changes. undefined when it states none; null when it states two (预算5万元，决算3万元).
 */
function itemAmount(ctx: ProseContext, k: number, total: Q): Q | undefined | null {
  const p = ctx.paragraphs[k].parsed;
  const own = markerParts(ctx, k, 0, p.text.length);
  const amounts = ctx.quantities[k].filter((q) => q.unit !== '%' && q.bracketDepth === 0 && !q.year && !own.has(q) && compatible(total, q));
  if (!amounts.length) return undefined;
  const first = amounts.filter((q) => q.sentence === amounts[0].sentence);
  // 1.基本支出增加40万元 under a total that is no change: the items state changes, not parts.
  if (first.length !== 1 || !partOf(ctx, k, total, first[0]) || (CHANGE_WORD.test(first[0].label) && !CHANGE_WORD.test(total.label))) return null;
  return first[0];
}

/**
 * TOTAL，其中： and then its parts in the paragraphs after it: numbered items 1..n, each stating one part on its own
 * line or, for a heading, in the paragraph right under it (一、因公出国（境）经费 / 2020年…决算支出0万元); or, when
 * the next paragraph is not numbered, the list in its first sentence. A list whose numbering goes on after another
 * numbered line (sub-items inside an item) cannot be delimited: no relation.
 */
export function findTrailingPartSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const m = TRAILING_MARKER.exec(p.text);
  if (!m) return;
  const total = totalBefore(ctx, i, m.index);
  if (!total) return;
  const block = ctx.paragraphs[i].location.block;
  if (ctx.relations.some((r) => r.kind === 'sum' && r.total.location.block === block && r.total.raw === total.raw)) return;
  const next = ctx.paragraphs[i + 1];
  if (!next) return;
  const first = next.numbered;
  if (!first) {
    const qs = ctx.quantities[i + 1];
    const start = qs.find((q) => !q.year && q.unit !== '%');
    // A line that does not close its sentence may be a wrapped line of a PDF, the list going on in the next one.
    if (!start || !/[。；;！]\s*$/.test(next.parsed.sentences[start.sentence].text)) return;
    const parts = partsAfter(ctx, i + 1, total, start.start, start.sentence, false);
    if (!parts) return;
    const open = parts.length > 0 && openEnded(next.parsed.text, parts[parts.length - 1].end);
    pushSum(ctx, i, total, parts, !open && splitsWhole(total, parts), ctx.sentenceOf(total).text.trim() + next.parsed.sentences[start.sentence].text.trim());
    return;
  }
  if (first.value !== 1) return;
  const items: Array<{ line: number; body: number[] }> = [];
  let k = i + 1;
  for (; k < ctx.paragraphs.length; k++) {
    const n = ctx.paragraphs[k].numbered;
    if (n && n.family === first.family && n.value === items.length + 1) items.push({ line: k, body: [] });
    else if (!n) items[items.length - 1].body.push(k);
    else break;
  }
  if (items.length < 2) return;
  for (let j = k; j < Math.min(ctx.paragraphs.length, k + 15); j++) {
    const n = ctx.paragraphs[j].numbered;
    if (n && n.family === first.family && n.value === items.length + 1) return;
  }
  const parts: Q[] = [];
  const named: Q[] = [];
  for (const item of items) {
    let part = itemAmount(ctx, item.line, total);
    if (part === undefined && item.body.length && item.body[0] === item.line + 1) part = itemAmount(ctx, item.body[0], total);
    if (!part) return;
    parts.push(part);
    const title = ctx.paragraphs[item.line].numbered?.title ?? '';
    named.push({ ...part, label: part.para === item.line ? part.label : title + part.label });
  }
  pushSum(ctx, i, total, parts, splitsWhole(total, named), ctx.sentenceOf(total).text.trim());
}
