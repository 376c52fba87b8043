// 其中 lists, all in one place: TOTAL，其中 A、B、C / TOTAL（含 A、B） / TOTAL，其中： and numbered items after it —
// what a list's whole is, which amounts are its parts (an entry's satellites skipped, nested lists, asides, a change of
// category), whether they split the whole, and the sums they state. The structure comes from the grammar (lists.ts);
// other relations ask here which amounts are parts of a list and what its whole is.
import type { ProseContext, ProseParagraph, Q } from './context.js';
import { compatible, family, usable } from './context.js';
import {
  CATEGORY_GROUPS, COMPLEMENTARY_CATEGORIES, GRADE_WORD, GRAND_WHOLE, OWN_SUBTOTAL, PERCENTAGE_POINTS, OF_WHICH_WORD, HIERARCHY_LEVEL, OF_WHICH, OTHER_MEASURE, PART_STOP_WORD, REASON_WORD, REDUCTION_WORDS, SUBTOTAL_WORD, alternation, coveredBy, endsWithRest, groupNamed, membersNamed,
  NOT_AN_AMOUNT, OF_WHOLE_LEAD, PREVIOUS_PERIOD, isDigit, startsWithYear, personAttribute, PROSE_TOTAL_WORDS, REMAINDER_WORD, outsideBrackets, stopsOnSeparator, yearRange, type CategoryGroup,
} from '../../../lexicon/index.js';
import type { Assumption } from '../../schema.js';
import { CHANGE_WORD, COMPARISON, changeOfAmountBefore, comparedAmount, isChange } from './periods.js';
import { arabicItemNumber } from '../numbering.js';
import { rankBetween, type Container, type Placed } from '../lists.js';
import { SEPARATOR_RANK } from '../../../lexicon/index.js';

/** A label that names the result of its sentence's other amounts: 调整后…, …合计, 共计…. */
const SENTENCE_RESULT = new RegExp(`^调整后|${alternation(PROSE_TOTAL_WORDS)}`);
/** A paragraph that ends in 其中：, its parts listed in the paragraphs after it. */
const TRAILING_MARKER = new RegExp(`${OF_WHICH}\\s*[：:]\\s*$`);
/** Between a whole (or its last satellite) and its 其中/含: punctuation, or a short noun (共有20个部门预算项目，其中…). */
const BETWEEN_TOTAL_AND_MARKER = /^[\u4e00-\u9fa5]{0,8}[\s，,。；;：:（(）)]*$/;
/** A word that ends a run of parts: 实际, 合计, 累计 … */
const PART_STOP = PART_STOP_WORD;
/**
 * A label that says how far something has got (已完工, 已拨付, 当年完成投资), and one that says it has or has not (未拨付,
 * 尚未完工, 完成…).
 */
const PROGRESS = /^[\u4e00-\u9fa5]{0,4}?(?:已|完成)/;
const PROGRESS_OR_NOT = /^(?:已|未|尚|完成)/;
/** ，评价等级为“优” / ，等次为良好 / ，自评等级：优秀: the grade of the amount before it. */
const GRADE_CLAUSE = new RegExp(`[，,][\\u4e00-\\u9fa5]{0,6}(?:等级|等次|级别)[为是：:]?\\s*["“]?(?:${GRADE_WORD})["”]?`);
/**
 * Words that open a statement of its own after the parts: 另有临聘人员3人 is not one of them, nor is what the money drew
 * in (撬动社会资本2.1亿元, 带动社会投资).
 */
const BESIDES = /^(?:另有|另外|此外|还有|撬动|带动|吸引|拉动)/;
/** A cut of the whole (调减30万元, 年中调减, 后经核减): subtracted from it, never one of its parts. The label starts
 * at the separator before it, and a short time or agent word may come first. */
const REDUCTION = new RegExp(`^[\\s，,、；;：:]*[\u4e00-\u9fa5]{0,4}?(?:${alternation(REDUCTION_WORDS)})`);
const SUBTOTAL = SUBTOTAL_WORD;
/** 完成年初预算数5000万元的40% / 占年初预算10065万元的43.2%: the whole a rate or a share is of, an operand of it. */
const COMPLETED_OF = new RegExp(`^(?:${OF_WHOLE_LEAD})`);
/** After the whole: 的 and its rate (完成预算0万元的--% when the rate could not be given). */
const RATE_OF_IT = /^\s*的/;
/** What opens a clause before its words: separators, and the list's marker (其中2021年300万元). */
const CLAUSE_LEAD = new RegExp(`^[\\s，,；;：:]*(?:${OF_WHICH_WORD})?[\\s，,；;：:]*`);
/** The label of an amount stated against another period without a change word: 与2020年相比20万元. */
const COMPARED_WITHOUT_CHANGE_WORD = /^相比|相比$/;

/** A paragraph that ends in 其中：, its parts listed after it (in the next paragraph or numbered items). */
export function endsWithOfWhich(text: string): boolean {
  return TRAILING_MARKER.test(text);
}

/** 等 right after the last part leaves the list open (办公费、印刷费等): its parts may fall short of the whole. */
function openEnded(text: string, after: number): boolean {
  return /^\s*等/.test(text.slice(after));
}

/**
 * An amount that belongs to the entry before it and is no part and no whole of a list: a share or a rate (%, and
 * percentage points: 快于序时进度3.4个百分点), a change against another period (与上年相比减少X, 与2016年相比X) or
 * the change of the amount right before it (完成37.78亿元，减少0.46亿元), the earlier amount it is compared with (比上年预算9万元),
 * a year.
 */
export function isSatellite(ctx: ProseContext, q: Q): boolean {
  const p = ctx.paragraphs[q.para].parsed;
  return q.unit === '%' || (q.unit !== undefined && PERCENTAGE_POINTS.has(q.unit)) || Boolean(q.year) || Boolean(isChange(ctx, q)) || comparedAmount(ctx, q)
    || changeOfAmountBefore(ctx, q)
    || (COMPARED_WITHOUT_CHANGE_WORD.test(q.label) && COMPARISON.test(p.text.slice(ctx.sentenceOf(q).start, q.start)))
    || wholeOfRate(ctx, q);
}

/** 完成年初预算5000万元的40% / 为人大预算数37.1亿元的91.16%: q is the budget (or target) a rate right after it is of. */
export function wholeOfRate(ctx: ProseContext, q: Q): boolean {
  return COMPLETED_OF.test(q.label) && rateOfIt(ctx, q);
}

/** A budget stated with its rate, or that rate: both are said of the amount before them (完成A，完成预算数B的P%). */
export function ofBudgetBefore(ctx: ProseContext, q: Q): boolean {
  if (q.unit !== '%') return wholeOfRate(ctx, q);
  const qs = ctx.quantities[q.para];
  const before = qs[qs.indexOf(q) - 1];
  return before !== undefined && wholeOfRate(ctx, before);
}

/** What follows q is the rate q is the whole of: 完成年初预算5000万元的40%, or the rate alone (…目标33.23亿元101.78%). */
function rateOfIt(ctx: ProseContext, q: Q): boolean {
  const text = ctx.paragraphs[q.para].parsed.text;
  if (RATE_OF_IT.test(text.slice(q.end))) return true;
  const qs = ctx.quantities[q.para];
  const next = qs[qs.indexOf(q) + 1];
  return next !== undefined && next.unit === '%' && !text.slice(q.end, next.numberStart).trim();
}

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

/**
 * Parts that each name a different member of one group split the whole between them: two or more of 上级/本级,
 * 在职/离休/退休 …, or all three “三公” items (two of them leave the third out); so does a list closed by the rest
 * (…，其他用车1辆).
 */
function splitsWhole(ctx: ProseContext, total: Q, parts: Q[]): boolean {
  const labels = parts.map((q) => q.label);
  return COMPLEMENTARY_CATEGORIES.some((g) => applies(g, total) && coveredBy(g, labels)) || closedByRest(ctx, parts) || splitsRange(ctx, total, parts);
}

/**
 * A list closed by the rest of its whole (…，其他用车1辆。): its last part is named only as the rest and its sentence
 * ends there. A sentence that stops on a separator (…；) was cut or goes on.
 */
function closedByRest(ctx: ProseContext, parts: Q[]): boolean {
  const last = parts[parts.length - 1];
  if (!last || !endsWithRest(parts.map((q) => q.label))) return false;
  return !stopsOnSeparator(ctx.paragraphs[last.para].parsed.text.slice(last.end, ctx.sentenceOf(last).end));
}

/**
 * 2021-2022年…合计300公里。其中，2021年…120公里，2022年…180公里: the whole states a range of years and each
 * part is one of them, every year once — the years of a stated range cover it.
 */
function splitsRange(ctx: ProseContext, total: Q, parts: Q[]): boolean {
  const p = ctx.paragraphs[total.para].parsed;
  const range = yearRange(p.text.slice(ctx.sentenceOf(total).start, total.start));
  if (!range || parts.length !== range.length) return false;
  const years = parts.map((q) => yearOfClause(ctx, q));
  return range.every((y) => years.filter((x) => x === y).length === 1);
}

/** The year written in a quantity's clause before it (2021年计划改造120公里 → 2021). */
function yearOfClause(ctx: ProseContext, q: Q): number | undefined {
  return ctx.quantities[q.para].filter((y) => y.year && y.sentence === q.sentence && y.clause === q.clause && y.start < q.start).pop()?.value;
}

/** A part that may follow the ones before it: the same kind of thing, a stated value, not a total or another category. */
function partOf(ctx: ProseContext, total: Q, q: Q): boolean {
  const p = ctx.paragraphs[q.para].parsed;
  return compatible(total, q) && usable(p, q) && !stopsParts(total, q) && !BESIDES.test(q.label) && !REDUCTION.test(q.label)
    && !changesCategory(total, q);
}

/**
 * A total word in an amount's label ends a run of parts (…，合计300万元), except the subtotal of a grand total's member:
 * 收入总计X，其中：本年收入合计A，使用非财政拨款结余B，年初结转和结余C — this year's 合计 is a part of the accounts' 总计.
 */
function stopsParts(total: Q, q: Q): boolean {
  if (!PART_STOP.test(q.label) || cumulativeLikeWhole(total.label, q.label)) return false;
  const member = q.label.replace(OWN_SUBTOTAL, '');
  const memberOfGrand = GRAND_WHOLE.test(total.label) && member !== q.label && !PART_STOP.test(member)
    && CATEGORY_GROUPS.some((g) => GRAND_WHOLE.test(g.name) && membersNamed(g, member).size === 1);
  return !memberOfGrand;
}

/**
 * 一般公共预算收入累计完成310682万元。其中税收收入累计完成213251万元，…: after a whole that is 累计 (so far this year), a
 * part's 累计 says the same of it and totals nothing.
 */
function cumulativeLikeWhole(whole: string, part: string): boolean {
  return whole.includes(CUMULATIVE) && part.includes(CUMULATIVE) && !PART_STOP.test(part.split(CUMULATIVE).join(''));
}
const CUMULATIVE = '累计';

/** The quantity an element stands for, as the context holds it (with its paragraph). */
function quantityOf(ctx: ProseContext, i: number, x: Placed | undefined): Q | undefined {
  return x?.element.kind === 'quantity' ? ctx.quantityAt(i, x.element.q.start) : undefined;
}

const isMarker = (x: Placed | undefined) => x?.element.kind === 'marker';

/** A list's whole and how the text names it. */
export interface Whole {
  total: Q;
  /** the list's marker is inside an aside right after the whole: TOTAL（含A、B） */
  aside: boolean;
  /** the whole is itself a part of a list earlier in its ；-group: its own list ends at a separator stronger than its own */
  nested: boolean;
  /** the separator before the marker (、，；), for a nested list of one part */
  outerRank: number;
  assumed: Assumption[];
  /** the other amounts its sentence states, when the whole was taken among them by its place */
  rivals?: Q[];
}

/**
 * The heads of a sentence's top level: its amounts that are no satellites, and not in a reason clause (…增长35%，原因是：
 * 1、…). A sentence that opens with its reason word (…变化的主要原因是：2018年…预算合计24.75万元，…) explains no amount
 * of its own before it: what it states after is its subject.
 */
function sentenceHeads(ctx: ProseContext, i: number, sentence: number): Q[] {
  const reasonAt = explainingReasonAt(ctx, i, sentence);
  return ctx.quantities[i].filter((q) => q.sentence === sentence && q.bracketDepth === 0 && q.start < reasonAt && !isSatellite(ctx, q) && isAmount(q));
}

/** Where a sentence's reason clause starts when it explains a figure stated before it; Infinity when it has none. */
function explainingReasonAt(ctx: ProseContext, i: number, sentence: number): number {
  const s = ctx.paragraphs[i].parsed.sentences[sentence];
  const reason = REASON_WORD.exec(outsideBrackets(s.text));
  const explains = reason && [...s.text.slice(0, reason.index)].some(isDigit);
  return reason && explains ? s.start + reason.index : Infinity;
}

/**
 * The amounts a sentence's explaining reason clause states (…，主要原因是新增专项资金100万元) that a 其中 list could
 * divide: not its changes (人员经费收入减少13.25万元), whose parts would be changes.
 */
function reasonAmounts(ctx: ProseContext, i: number, sentence: number): Q[] {
  const reasonAt = explainingReasonAt(ctx, i, sentence);
  return ctx.quantities[i].filter((q) => q.sentence === sentence && q.start >= reasonAt && isAmount(q) && q.unit !== '%'
    && !isSatellite(ctx, q) && !CHANGE_WORD.test(q.label));
}

/** A quantity that is an amount of something: not a year, an ordinal, or a date or category unit (期, 批, 类). */
function isAmount(q: Q): boolean {
  return !q.year && !q.ordinal && q.unit !== undefined && !NOT_AN_AMOUNT.has(q.unit);
}

/**
 * The whole a marker at `m` of container `c` lists the parts of: the entry right before it (its satellites skipped:
 * 本年收入合计600万元，与上年相比增加40万元，增长7.14%；其中：); the amount an aside follows (TOTAL（含A、B）); or,
 * for a marker that opens its sentence, the head of the sentence before (预算数为6万元，比上年预算9万元减少3万元。其中，…),
 * never an amount of a reason clause (…增长35%，原因是：…2、…300万元。其中：). A change is never a whole: its parts
 * would be changes.
 */
export function wholeOf(ctx: ProseContext, i: number, containers: Container[], c: Container, m: number): Whole | undefined {
  const p = ctx.paragraphs[i].parsed;
  const marker = c.elements[m];
  // TOTAL（含A、B）: the marker opens an aside that follows the total in its item.
  if (c.aside && !c.elements.slice(0, m).some((x) => x.element.kind === 'quantity') && c.parent !== undefined) {
    const parent = containers[c.parent];
    const at = parent.elements.findIndex((x) => x.element.kind === 'aside' && x.element.aside === c.aside);
    const total = quantityOf(ctx, i, parent.elements[at - 1]);
    // 20个派出机构（其中…）: the total's noun may stand between it and the aside
    if (!total || !/^[\u4e00-\u9fa5\s]{0,8}$/.test(p.text.slice(total.end, c.aside.start))) return undefined;
    return acceptable(ctx, total) ? { total, aside: true, nested: false, outerRank: 0, assumed: [] } : undefined;
  }
  let last: Q | undefined; // the last amount before the marker, whole or satellite: the gap is measured from it
  let total: Q | undefined;
  const assumed: Assumption[] = [];
  let rivals: Q[] = [];
  let changed = false; // a change of the whole stands between it and the marker
  let reason: { start: number; end: number } | undefined; // a figure-free reason clause closing the whole's sentence
  for (let k = m - 1; k >= 0; k--) {
    const q = quantityOf(ctx, i, c.elements[k]);
    if (!q) continue;
    if (!q.unit && arabicItemNumber(p.text.slice(q.numberStart))) continue;
    last ??= q;
    if (isSatellite(ctx, q)) { changed ||= Boolean(isChange(ctx, q)); continue; }
    total = q;
    break;
  }
  if (!last && !c.aside) {
    // The marker opens its sentence: the whole is the head of the sentence before.
    // (A paragraph that opens with 其中：: the sentence before is the last of the paragraph before, 本年度支出预算300万元。)
    const sentence = c.sentence;
    const k = sentence > 0 ? i : i - 1;
    if (k < 0 || (k < i && !/^[\s：:，,]*$/.test(p.text.slice(0, marker.start)))) return undefined;
    const prev = sentence > 0 ? sentence - 1 : ctx.paragraphs[k].parsed.sentences.length - 1;
    // Its subject is its head (预算数为6万元，比上年预算9万元减少3万元。其中：); when it states several (年初预算
    // 1000万元、中期调整200万元，调整后1200万元。其中：), the last is taken by position.
    const heads = sentenceHeads(ctx, k, prev);
    total = heads[heads.length - 1];
    last = ctx.quantities[k].filter((q) => q.sentence === prev && q.bracketDepth === 0).pop();
    if (!total || !last) return undefined;
    // 收入合计X，较上年减少Y，主要原因是…。其中：A…: a reason clause without figures ends the sentence before and
    // explains; the parts after it are the whole's (the 决算说明 template)
    // (a year inside the reason clause is no amount the gap is measured from)
    const lastAmount = ctx.quantities[k].filter((q) => q.sentence === prev && q.bracketDepth === 0 && !q.year).pop() ?? last;
    reason = wordsOnlyReason(ctx, k, prev, lastAmount);
    if (reason) last = lastAmount;
    // several values: the last is the subject only by its place — unless it names itself the sentence's result
    // (年初…、中期调整…，调整后财政拨款收入1200万元; …，合计…)
    if (new Set(heads.map((q) => q.value)).size > 1 && !SENTENCE_RESULT.test(total.label)) rivals = heads.filter((q) => q !== total);
    // …，主要原因是新增专项资金100万元。其中：…: the parts may divide the reason's amount as well as the head
    const explained = reasonAmounts(ctx, k, prev);
    if (explained.some((q) => family(q.unit) === family(total!.unit))) rivals.push(...explained);
    if (rivals.length) assumed.push({ kind: 'operand-by-position', quantity: ctx.q(total) });
    if (k < i) {
      // the rest of the paragraph before after its last amount, and nothing before the marker here
      const before = withoutReason(ctx.paragraphs[k].parsed.text, last.end, Infinity, reason);
      const rest = /^[^，,；;。]{0,4}[。.；;！]?\s*$/.test(before) && ![...before].some(isDigit);
      return rest && acceptable(ctx, total) ? { total, aside: false, nested: false, outerRank: 0, assumed, rivals } : undefined;
    }
  }
  if (!total || !last) return undefined;
  // 得分92.5分，评价等级为“优”。其中：…: the grade the score earns stands between it and its parts
  const gap = withoutAsideText(withoutReason(p.text, last.end, marker.start, reason)).replace(GRADE_CLAUSE, '');
  if (!BETWEEN_TOTAL_AND_MARKER.test(gap)) return undefined;
  // 收入合计X，较上年减少Y，其中A减少a，B减少b: after the whole's change, parts that state changes are the change's
  // parts (the change's own sum reads them), not parts of X
  if (changed && CHANGE_WORD.test(firstAmountAfter(ctx, i, c, m)?.label ?? '')) return undefined;
  if (!acceptable(ctx, total)) return undefined;
  // A whole that is itself a part of an earlier list of its ；-group heads a nested list.
  const placed = c.elements.find((x) => x.element.kind === 'quantity' && x.element.q.start === total!.start);
  const nested = placed !== undefined && c.elements.some((x, k) => k < c.elements.indexOf(placed) && isMarker(x) && x.at.group === placed.at.group);
  return { total, aside: false, nested, outerRank: placed ? rankBetween(placed.at, marker.at) : 0, assumed, rivals };
}

/**
 * The reason clause (its start and the end of its sentence) that closes sentence `sentence` of paragraph k after its last
 * amount `last` and states no figure (…，主要原因是压减公用经费。); undefined otherwise.
 */
function wordsOnlyReason(ctx: ProseContext, k: number, sentence: number, last: Q): { start: number; end: number } | undefined {
  const p = ctx.paragraphs[k].parsed;
  const end = p.sentences[sentence].end;
  const reason = REASON_WORD.exec(p.text.slice(last.end, end));
  // a year may date what it says (主要原因是我校在2020年学生减少), and a phase or batch names a project (基础配套项目（二期）)
  if (!reason || ctx.quantities[k].some((q) => q.start >= last.end && q.end <= end && isAmount(q))) return undefined;
  return { start: last.end + reason.index, end };
}

/** The text from `from` to `to` with a skipped reason clause left out. */
function withoutReason(text: string, from: number, to: number, reason: { start: number; end: number } | undefined): string {
  return reason ? text.slice(from, reason.start) + text.slice(reason.end, to) : text.slice(from, to);
}

/** The first amount after element `m` of a container. */
function firstAmountAfter(ctx: ProseContext, i: number, c: Container, m: number): Q | undefined {
  for (const x of c.elements.slice(m + 1)) {
    const q = quantityOf(ctx, i, x);
    if (q && !q.year && q.unit !== '%') return q;
  }
  return undefined;
}

/** The text outside asides (their content and brackets removed): what stands between a whole and its marker. */
function withoutAsideText(text: string): string {
  return outsideBrackets(text).replace(/□/g, '');
}

function acceptable(ctx: ProseContext, total: Q): boolean {
  const p = ctx.paragraphs[total.para].parsed;
  return usable(p, total) && total.unit !== '%' && total.value !== 0 && !isChange(ctx, total);
}

/**
 * The parts after a marker at `m` of container `c`, in one sentence (or aside). A part broken down in turn (…，其中基本支出
 * 60万元，其中人员经费50万元、公用经费10万元，项目支出40万元) has its own parts, which are skipped; such a nested list
 * ends at a separator stronger than its own (a ， list at ；) or where the category changes. An entry's satellites (its
 * share, its change, the year it is compared with) are no parts. null when a nested list cannot be delimited.
 */
function partsAfter(ctx: ProseContext, i: number, c: Container, m: number, whole: Whole): { parts: Q[]; next: number } | null {
  return partsFromIndex(ctx, i, c, m + 1, c.elements[m].at, whole);
}

/** The parts from element `from` on, `lastAt` the place of what opened the list (its marker). */
function partsFromIndex(ctx: ProseContext, i: number, c: Container, from: number, opener: Container['elements'][number]['at'], whole: Whole): { parts: Q[]; next: number } | null {
  const parts: Q[] = [];
  let lastAt = opener;
  let ownRank = 0;
  let k = from;
  for (; k < c.elements.length; k++) {
    const x = c.elements[k];
    if (isMarker(x)) {
      // 财政拨款收入500万元，包括一般公共预算收入500万元；…: the last part's own list, whose parts are not this one's
      if (!parts.length) continue;
      const owner = parts[parts.length - 1];
      const inner = partsAfter(ctx, i, c, k, { total: owner, aside: false, nested: true, outerRank: rankBetween(lastAt, x.at), assumed: [] });
      if (!inner?.parts.length) {
        // a nested list of names: 人员经费80万元，主要包括基本工资、津贴补贴… with no amount after it ends nothing; with
        // one (…；公用经费100万元) the names end at a separator stronger than the one before their marker (and than 、)
        // and the list goes on; closed by anything weaker, where they end is unsaid
        const j = c.elements.findIndex((y, idx) => { const q = idx > k ? quantityOf(ctx, i, y) : undefined; return q !== undefined && !isSatellite(ctx, q); });
        if (j < 0) break;
        if (rankBetween(x.at, c.elements[j].at) <= Math.max(rankBetween(lastAt, x.at), SEPARATOR_RANK['、'])) return null;
        k = j - 1;
        continue;
      }
      k = inner.next - 1;
      lastAt = c.elements[k].at;
      continue;
    }
    const q = quantityOf(ctx, i, x);
    if (!q) continue;
    if (!q.unit && arabicItemNumber(ctx.paragraphs[i].parsed.text.slice(q.numberStart))) continue; // a list item's number (1、 2. 3）)
    // 第一批1,200万元: the batch's number; 技能培训8期1,120人次: a date or category unit (期, 批, 类) counts no part
    if (q.ordinal || (q.unit && NOT_AN_AMOUNT.has(q.unit))) continue;
    if (isSatellite(ctx, q) || besidePart(ctx, i, c, k, whole.total)) continue;
    const rank = rankBetween(lastAt, x.at);
    const stronger = parts.length > 0 && ownRank > 0 && rank > ownRank;
    // A nested list of one part so far (财政拨款500万元，包括一般公共预算500万元；其他收入…) ends at a separator
    // stronger than the one before its marker, unless the amount after it names the other member of the part's own
    // category (公务用车1618万元，比上年下降1.2%，其中：购置费414万元，…；运行费1204万元).
    if (whole.nested && parts.length > 0 && !ownRank && whole.outerRank > 0 && rank > whole.outerRank && !groupOfParts([parts[0], q])) break;
    // the list's own separator, between its first two parts (measured from lastAt it would be the 、 after an item
    // number: 1、A；2、B)
    if (parts.length && !ownRank) ownRank = rankBetween(parts[0].at, x.at);
    if (whole.nested && stronger) break;
    // 编制30人，其中行政20人，事业10人；实有28人，其中…: after a stronger separator, a whole with its own 其中 list
    // is the next statement, not one more part.
    if (stronger && opensOwnList(c, k)) break;
    // 支出合计X，其中：基本支出A，项目支出B；年末结转和结余C: after a stronger separator, an amount that names none of
    // the members the parts so far named of one group is the next statement
    // (not in a grand total, 支出总计, whose parts what is carried over is)
    const ends = stronger && !GRAND_WHOLE.test(whole.total.label);
    const group = ends ? groupOfParts(parts) : undefined;
    if (group && membersNamed(group, q.label).size === 0) break;
    if (ends && besideDividedMember(parts, q)) break;
    // 退休人员12人，其中：退休干部7人、退休工人5人；遗属2人: a list whose parts are 、-items ends at a ；
    if (ownRank === SEPARATOR_RANK['、'] && rank >= SEPARATOR_RANK['；']) break;
    // A 小计 inside the list totals some of its parts: which ones, the list alone does not say.
    if (SUBTOTAL.test(q.label)) return null;
    if (!partOf(ctx, whole.total, q) || measuresOtherwise(ctx, parts, q)) break;
    parts.push(q);
    lastAt = x.at;
  }
  return { parts, next: k };
}

/**
 * 收入预算X，其中：一般公共预算拨款A，事业收入B，其他收入C；上年结转D / 支出预算Y，其中：卫生健康支出E…；结转下年F:
 * the parts name no member of a group whose one member is divided further (本年收入 into its classes), and the amount
 * after a stronger separator names another member of it (上年结转): it stands beside what the parts divide, the next
 * statement.
 */
function besideDividedMember(parts: Q[], q: Q): boolean {
  return CATEGORY_GROUPS.some((g) => Object.keys(g.sub ?? {}).some((member) => {
    const named = membersNamed(g, q.label);
    return named.size > 0 && !named.has(member) && parts.every((x) => membersNamed(g, x.label).size === 0);
  }));
}

/**
 * 资金1640万元，其中：安全水项目9个，资金规模107万元；村组道路项目70个，资金规模1182万元 (or 项目23个, the same items):
 * in a list of ；-items, an amount of another measure in an item that states one of the whole's own describes that item
 * (its count, its money) and is no end of the list.
 */
function besidePart(ctx: ProseContext, i: number, c: Container, k: number, total: Q): boolean {
  const x = c.elements[k];
  const q = quantityOf(ctx, i, x);
  if (!q || compatible(total, q) || new Set(c.elements.map((y) => y.at.group)).size < 2) return false;
  return c.elements.some((y, j) => {
    const other = j !== k && y.at.group === x.at.group ? quantityOf(ctx, i, y) : undefined;
    return other !== undefined && other !== total && compatible(total, other) && !isSatellite(ctx, other);
  });
}

/** The group whose members the parts name, each one member and all different (基本支出, 项目支出 → 支出性质). */
function groupOfParts(parts: Q[]): CategoryGroup | undefined {
  if (parts.length < 2) return undefined;
  return CATEGORY_GROUPS.find((g) => {
    const named = parts.map((q) => membersNamed(g, q.label));
    return named.every((m) => m.size === 1) && new Set(named.map((m) => [...m][0])).size === parts.length;
  });
}

/**
 * An amount that measures the whole another way than the parts before it (partOf judges it against the whole alone):
 * - 干部职工50人，其中党员30人，女性25人: people by another attribute (政治面貌, then 性别) overlap the parts before;
 * - 指标12个，其中一级指标3个，二级指标9个: each level of a hierarchy counts the same tree;
 * - 教职工62人，其中高级职称4人，…，退休职工28人: people who left their post, after those in post by an attribute;
 * - 其中中央资金30.9万元，县级资金30.9万元，2021年度中央下达资金61.8万元: a part named again, in a clause of its year;
 * - 产业发展类8个、…、其他类2个，已完工13个: how far the work has got (已完工, 当年已支出), after parts that name kinds;
 * - A项目300万元，B项目200万元；A项目中中央资金200万元: an amount inside an earlier part.
 */
function measuresOtherwise(ctx: ProseContext, parts: Q[], q: Q): boolean {
  const last = parts[parts.length - 1];
  if (!last) return false;
  if (family(last.unit) === 'persons') {
    const x = personAttribute(last.label);
    const y = personAttribute(q.label);
    if (x !== undefined && y !== undefined && x !== y) return true;
    // 正式教职工62人，其中副高级职称4人，…，退休职工28人: the retired are no class of those in post by an attribute
    const status = groupNamed('人员状态')!;
    const leftPost = [...membersNamed(status, q.label)].some((m) => m !== '在职');
    if (leftPost && parts.some((x) => personAttribute(x.label)) && parts.every((x) => membersNamed(status, x.label).size === 0)) return true;
  }
  // (parts that each say how far they got are one kind: 国税部门完成A，…；地税部门完成B)
  if (PROGRESS.test(q.label) && !parts.some((x) => PROGRESS_OR_NOT.test(x.label) || PROGRESS.test(x.label))) return true;
  // a year opening the clause after parts that opened with none, and a source a part already named: a statement of
  // that year about it
  const opensWithYear = (x: Q) => startsWithYear(ctx.clauseBefore(x).replace(CLAUSE_LEAD, ''));
  const namedAgain = CATEGORY_GROUPS.some((g) => [...membersNamed(g, q.label)].some((m) => parts.some((x) => membersNamed(g, x.label).has(m))));
  if (opensWithYear(q) && !parts.some(opensWithYear) && namedAgain) return true;
  const level = (x: Q) => HIERARCHY_LEVEL.exec(ctx.clauseBefore(x))?.[0];
  if (level(q) && parts.some((x) => level(x) && level(x) !== level(q))) return true;
  return parts.some((x) => x.label.length >= 2 && q.label.startsWith(x.label) && INSIDE.test(q.label.slice(x.label.length)));
}
/** After a part's name, the words that put what follows inside it: A项目中…, A项目的… */
const INSIDE = /^[中的里内]/;

/** Right after the amount at `k`, a marker that lists its own parts (only its satellites between). */
function opensOwnList(c: Container, k: number): boolean {
  for (let j = k + 1; j < c.elements.length; j++) {
    const x = c.elements[j];
    if (isMarker(x)) return true;
    if (x.element.kind === 'quantity') return false;
  }
  return false;
}

/** The parts inside the aside that opens right after the total: TOTAL（含A a、B b）, and a split continued after it. */
function partsInAside(ctx: ProseContext, i: number, containers: Container[], c: Container, m: number, total: Q): Q[] {
  const parts: Q[] = [];
  for (let k = m + 1; k < c.elements.length; k++) {
    const q = quantityOf(ctx, i, c.elements[k]);
    if (!q || q.unit === '%') continue;
    if (!partOf(ctx, total, q)) break;
    parts.push(q);
  }
  return [...parts, ...continuationAfterAside(ctx, i, containers, c, total, parts)];
}

/**
 * TOTAL（其中A a），B b。— the writer closed the aside after its first part(s): the parts after the bracket continue
 * the list when together they split the whole (the aside alone does not). Otherwise no continuation.
 */
function continuationAfterAside(ctx: ProseContext, i: number, containers: Container[], c: Container, total: Q, aside: Q[]): Q[] {
  const p = ctx.paragraphs[i].parsed;
  const last = aside[aside.length - 1];
  if (!last || !c.aside || c.parent === undefined || splitsWhole(ctx, total, aside) || !/^\s*[）)]\s*[，,、；;]/.test(p.text.slice(last.end))) return [];
  const parent = containers[c.parent];
  const from = parent.elements.findIndex((x) => x.element.kind === 'aside' && x.element.aside === c.aside);
  const more: Q[] = [];
  for (const x of parent.elements.slice(from + 1)) {
    const q = quantityOf(ctx, i, x);
    if (!q || q.unit === '%') continue;
    if (!partOf(ctx, total, q) || isChange(ctx, q)) break;
    more.push(q);
  }
  return more.length && splitsWhole(ctx, total, [...aside, ...more]) ? more : [];
}

/** A list read from a marker: its whole, its parts, and whether 等 leaves it open. */
export interface MarkerList {
  whole: Whole;
  parts: Q[];
  open: boolean;
  markerSentence: number;
  /** the sentence its last part is in (a list may go on across 。) */
  lastSentence: number;
}

/**
 * The parts of a list in the sentences after its own: while each next sentence opens with a member of the group its
 * parts name that no part named yet (其中：因公出国（境）费支出0万元。公务用车购置费…；公务用车运行维护费…。公务接待费…),
 * its amounts naming members are parts — a closed group leaves no choice; or, failing that, a next sentence that is
 * only one amount of the same kind of thing (…退休人员40人。同等待遇人员12人。), taken as one more part: an
 * assumption, so the list is not shown complete by its categories and a mismatch only warns.
 */
function continuation(ctx: ProseContext, i: number, list: MarkerList): { parts: Q[]; lastSentence: number; assumed?: Assumption } | undefined {
  const p = ctx.paragraphs[i].parsed;
  const { total } = list.whole;
  const group = COMPLEMENTARY_CATEGORIES.find((g) => applies(g, total) && list.parts.every((q) => membersNamed(g, q.label).size > 0));
  const parts: Q[] = [];
  let s = list.markerSentence + 1;
  if (group) {
    const named = new Set(list.parts.flatMap((q) => [...membersNamed(group, q.label)]));
    for (; s < p.sentences.length; s++) {
      if (sentenceHasMarker(ctx, i, s)) break;
      const heads = sentenceHeads(ctx, i, s).filter((q) => compatible(total, q));
      const first = heads[0];
      if (!first) break;
      const members = membersNamed(group, first.label);
      if (!members.size || [...members].every((m) => named.has(m))) break;
      if (heads.some((q) => !membersNamed(group, q.label).size || !partOf(ctx, total, q))) break;
      heads.forEach((q) => membersNamed(group, q.label).forEach((m) => named.add(m)));
      parts.push(...heads);
    }
    if (parts.length) return { parts, lastSentence: s - 1 };
  }
  if (s >= p.sentences.length || sentenceHasMarker(ctx, i, s)) return undefined;
  // 此外，预拨资金53.15万元 / 另有…: a sentence that says it is besides the list
  if (BESIDES.test(p.sentences[s].text.trim())) return undefined;
  const heads = sentenceHeads(ctx, i, s);
  const [only] = heads;
  const kind = (q: Q) => q.label.slice(-2);
  if (heads.length !== 1 || !partOf(ctx, total, only) || !list.parts.some((q) => kind(q) === kind(only))) return undefined;
  // a sentence that also states a share or a rate (药品收入2400万元，药占比30%) is a statement of its own
  if (ctx.quantities[i].some((q) => q.sentence === s && q !== only && !q.year)) return undefined;
  return { parts: [only], lastSentence: s, assumed: { kind: 'list-continues', quantity: ctx.q(only) } };
}

function sentenceHasMarker(ctx: ProseContext, i: number, sentence: number): boolean {
  return ctx.containers(i).some((c) => c.sentence === sentence && c.elements.some(isMarker));
}

/** Every marker's list in paragraph i, in text order (nested lists too, each from its own marker). */
export function listsIn(ctx: ProseContext, i: number): MarkerList[] {
  const cached = ctx.cache.lists.get(i);
  if (cached) return cached;
  const p = ctx.paragraphs[i].parsed;
  const containers = ctx.containers(i);
  const out: MarkerList[] = [];
  const markers = containers.flatMap((c) => c.elements.map((x, m) => ({ c, m, x })).filter(({ x }) => isMarker(x)));
  markers.sort((a, b) => a.x.start - b.x.start);
  for (const { c, m } of markers) {
    const whole = wholeOf(ctx, i, containers, c, m);
    if (!whole) continue;
    const read = whole.aside ? { parts: partsInAside(ctx, i, containers, c, m, whole.total), next: -1 } : partsAfter(ctx, i, c, m, whole);
    if (!read) continue;
    // 支出2.05万元，年初预算为2.95万元，差值为0.9万元。其中：A支出0万元，年初预算为0万元，差值为0万元；…: the items
    // restate every amount of the sentence before, not only the one taken for the whole by its place
    if (whole.rivals?.some((h) => h.label.length >= 2 && read.parts.some((q) => q.label.length >= 2 && (q.label.endsWith(h.label) || h.label.endsWith(q.label))))) continue;
    let { parts } = read;
    const open = parts.length > 0 && openEnded(p.text, parts[parts.length - 1].end);
    const list: MarkerList = { whole, parts, open, markerSentence: c.sentence, lastSentence: c.sentence };
    // A top-level list that ran to its sentence's stop may go on in the sentences after it.
    if (!c.aside && !whole.nested && !open && parts.length && read.next === c.elements.length) {
      const more = continuation(ctx, i, list);
      if (more) {
        parts = [...parts, ...more.parts];
        Object.assign(list, { parts, lastSentence: more.lastSentence });
        if (more.assumed) list.whole = { ...whole, assumed: [...whole.assumed, more.assumed] };
      }
    }
    out.push(list);
  }
  ctx.cache.lists.set(i, out);
  return out;
}

/** The list a quantity is a part of (the innermost), if any. */
export function listOf(ctx: ProseContext, part: Q): MarkerList | undefined {
  return listsIn(ctx, part.para).filter((l) => l.parts.includes(part)).pop();
}

/**
 * Quantities listed after a 其中 inside [from, to) of paragraph i: every amount after a 其中 that follows an amount,
 * until one that is 实际/合计… (not only the parts a list reading accepts: a rate must not take any of them).
 */
export function markerParts(ctx: ProseContext, i: number, from: number, to: number): Set<Q> {
  const out = new Set<Q>();
  for (const c of ctx.containers(i)) {
    if (c.aside) continue;
    c.elements.forEach((x, m) => {
      if (x.element.kind !== 'marker' || x.element.word !== OF_WHICH || x.start < from || x.start >= to) return;
      const total = ctx.quantities[i].filter((q) => q.end <= x.start && q.start >= from && q.unit !== '%').pop();
      if (!total) return;
      const listed: Q[] = [];
      for (const q of ctx.quantities[i]) {
        if (q.start <= x.start || q.start >= to) continue;
        if (q.unit === '%' || q.bracketDepth > 0) continue;
        // 其中A，B；当年完成投资X，完成率P%: how far the work has got ends the parts, as in the list itself
        if (stopsParts(total, q) || measuresOtherwise(ctx, listed, q)) break;
        listed.push(q);
        out.add(q);
      }
      void m;
    });
  }
  return out;
}

/** Where the first 其中 after `from` in paragraph i opens a list (outside asides), or −1. */
export function ofWhichAfter(ctx: ProseContext, i: number, from: number): number {
  const at = ctx.containers(i).filter((c) => !c.aside).flatMap((c) => c.elements)
    .filter((x) => x.element.kind === 'marker' && x.element.word === OF_WHICH && x.start >= from).map((x) => x.start);
  return at.length ? Math.min(...at) : -1;
}

/** For a part written after 其中/含: the whole of its list, and what reading it as that whole assumed. */
export function wholeBeforeMarker(ctx: ProseContext, part: Q): { total: Q; assumed: Assumption[] } | undefined {
  return listOf(ctx, part)?.whole;
}

/** Parts follow the marker until the sentence or the aside ends, or until the category changes. */
export function findPartSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  for (const list of listsIn(ctx, i)) {
    const { total, assumed } = list.whole;
    const from = Math.min(total.sentence, list.markerSentence);
    const evidence = p.sentences.slice(from, list.lastSentence + 1).map((s) => s.text.trim()).join('');
    // A list whose end is an assumption is not shown complete by its categories.
    const exhaustive = !list.open && !assumed.some((a) => a.kind === 'list-continues') && splitsWhole(ctx, total, list.parts);
    pushSum(ctx, i, total, list.parts, exhaustive, evidence, assumed);
  }
}

function pushSum(ctx: ProseContext, i: number, total: Q, parts: Q[], exhaustive: boolean, evidence: string, assumed: Assumption[] = []) {
  // Zeros count as parts of a split (财政差额补助0人); an open list needs two amounts to be worth adding up, or three
  // parts of which one is more than nothing (因公出国0万元，公务用车运行维护费14.01万元，公务接待费0万元 under 14.01万元;
  // not 其中高级职称0名、中级职称5人, a count by an attribute that leaves most out)
  const nonZero = parts.filter((q) => q.value !== 0).length;
  if (exhaustive ? nonZero < 1 : nonZero < 2 && !(nonZero === 1 && parts.length >= 3)) return;
  ctx.push({
    kind: 'sum', total: ctx.q(total), parts: parts.map((q) => ctx.q(q)), exhaustive, location: ctx.paragraphs[i].location, evidence,
    ...(assumed.length ? { assumed } : {}),
  });
}

/**
 * The one part an item states: the amount of its first sentence that has any, other than the item's own parts
 * (after its 其中) and its changes. undefined when it states none; null when it states two (预算5万元，决算3万元).
 */
function itemAmount(ctx: ProseContext, k: number, total: Q): Q | undefined | null {
  const p = ctx.paragraphs[k].parsed;
  const own = markerParts(ctx, k, 0, p.text.length);
  const amounts = ctx.quantities[k].filter((q) => q.bracketDepth === 0 && !own.has(q) && compatible(total, q) && !isSatellite(ctx, q));
  if (!amounts.length) return undefined;
  const first = amounts.filter((q) => q.sentence === amounts[0].sentence);
  // 1.基本支出增加40万元 under a total that is no change: the items state changes, not parts.
  if (first.length !== 1 || !partOf(ctx, total, first[0]) || isChange(ctx, first[0]) || (CHANGE_WORD.test(first[0].label) && !CHANGE_WORD.test(total.label))) return null;
  return first[0];
}

/** The whole a paragraph ending in 其中： lists: the entry before the marker, as for a marker inside a sentence. */
function trailingWhole(ctx: ProseContext, i: number): Q | undefined {
  const containers = ctx.containers(i);
  for (let c = containers.length - 1; c >= 0; c--) {
    const container = containers[c];
    if (container.aside) continue;
    const m = container.elements.map((x, k) => (isMarker(x) && x.element.kind === 'marker' && x.element.word === OF_WHICH ? k : -1)).filter((k) => k >= 0).pop();
    if (m === undefined) continue;
    return wholeOf(ctx, i, containers, container, m)?.total;
  }
  return undefined;
}

/**
 * TOTAL，其中： and then its parts in the paragraphs after it: numbered items 1..n, each stating one part on its own
 * line or, for a heading, in the paragraph right under it (一、因公出国（境）经费 / 2020年…决算支出0万元); or, when
 * the next paragraph is not numbered, the list in its first sentence. A list whose numbering goes on after another
 * numbered line (sub-items inside an item) cannot be delimited: no relation.
 */
export function findTrailingPartSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  if (!TRAILING_MARKER.test(p.text)) return;
  const total = trailingWhole(ctx, i);
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
    const inOne = partsFrom(ctx, i + 1, total, start);
    if (!inOne) return;
    // 其中： / 人员经费80万元，主要包括…。 / 公用经费20万元。: one part per paragraph, each opening with it
    const parts = inOne.length === 1 ? paragraphParts(ctx, i + 1, total) : inOne;
    const open = parts.length > 0 && openEnded(ctx.paragraphs[parts[parts.length - 1].para].parsed.text, parts[parts.length - 1].end);
    const evidence = [ctx.sentenceOf(total).text.trim(), ...parts.map((q) => ctx.sentenceOf(q).text.trim())].join('');
    pushSum(ctx, i, total, parts, !open && splitsWhole(ctx, total, parts), evidence);
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
  pushSum(ctx, i, total, parts, splitsWhole(ctx, total, named), ctx.sentenceOf(total).text.trim());
}

/**
 * The un-numbered paragraphs after 其中： that each open with one part (its satellites and words after it aside), up to
 * a numbered or heading line, a paragraph that opens otherwise, or one whose first sentence states more than one amount
 * of the kind; a part that ends in its own 其中： owns what follows it, so the list ends there too.
 */
function paragraphParts(ctx: ProseContext, from: number, total: Q): Q[] {
  const parts: Q[] = [];
  for (let k = from; k < ctx.paragraphs.length; k++) {
    const para = ctx.paragraphs[k];
    if (para.numbered) break;
    const amounts = ctx.quantities[k].filter((q) => !q.year && q.unit !== undefined && !NOT_AN_AMOUNT.has(q.unit) && !q.ordinal);
    const first = amounts[0];
    if (!first || first.sentence !== 0 || first.bracketDepth > 0 || isSatellite(ctx, first)) break;
    const heads = sentenceHeads(ctx, k, 0).filter((q) => compatible(total, q));
    if (heads.length !== 1 || heads[0] !== first || !/[。；;！]\s*$/.test(para.parsed.sentences[0].text) || !partOf(ctx, total, first)) break;
    parts.push(first);
    if (endsWithOfWhich(para.parsed.text)) break;
  }
  return parts;
}

/** The parts of a list that starts with `start` (a paragraph after 其中：), read as the parts after a marker. */
function partsFrom(ctx: ProseContext, k: number, total: Q, start: Q): Q[] | null {
  const containers = ctx.containers(k);
  const c = containers[start.at.container];
  const at = c.elements.findIndex((x) => x.element.kind === 'quantity' && x.element.q.start === start.start);
  if (at < 0) return null;
  // read as if a marker stood right before the first part
  const read = partsFromIndex(ctx, k, c, at, c.elements[at].at, { total, aside: false, nested: false, outerRank: 0, assumed: [] });
  return read ? read.parts : null;
}

/**
 * A clause that opens with a total word totals what the sentence listed before it: …6万元，共计90万元 / 总计90万元. Not
 * 总额 or 总金额, which name a whole of their own (…，总金额500万元 may be another amount's).
 */
const TOTAL_OPENS_CLAUSE = new RegExp(`^[\\s，,；;：:]*(?:以上)?(?:${alternation(PROSE_TOTAL_WORDS.filter((w) => !/^总(?:额|金额)/.test(w)))}|累计)`);
/** …资金400万元全部执行到位: the amount the parts before it make up, all of it. */
const ALL_OF_IT = /^\s*全部/;

/** The amounts before `total` in its sentence's top level that are heads (no satellites), of its kind, back to a marker. */
function headsBefore(ctx: ProseContext, i: number, total: Q): Q[] {
  const c = ctx.containers(i)[total.at.container];
  const at = c.elements.findIndex((x) => x.element.kind === 'quantity' && x.element.q.start === total.start);
  const out: Q[] = [];
  for (let k = at - 1; k >= 0; k--) {
    const x = c.elements[k];
    if (isMarker(x)) break;
    const q = quantityOf(ctx, i, x);
    if (!q || isSatellite(ctx, q) || family(q.unit) !== family(total.unit)) continue;
    out.unshift(q);
  }
  return out;
}

/**
 * Parts first, then their total: …省级拨付60万元，中央拨付24万元，上年度结余的资金6万元，共计90万元 (the total
 * word opens the total's clause: it totals every amount its sentence listed before it); a sentence of one item per
 * amount, then 共计下达…900万元 opening the next; or …预拨资金320万元…，剩余的清算资金80万元…，资金400万元全部
 * 执行到位, where 剩余 says the parts are the whole's (without it, 全部 alone says nothing of which amounts make it).
 */
export function findTotalsAfterParts(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  for (const total of ctx.quantities[i]) {
    if (total.bracketDepth > 0 || total.at.container !== containerOfSentence(ctx, i, total.sentence) || !acceptable(ctx, total) || isSatellite(ctx, total)) continue;
    const clause = p.sentences[total.sentence].clauses[total.clause];
    const lead = withoutAsideText(p.text.slice(clause.start, total.start));
    const worded = TOTAL_OPENS_CLAUSE.test(lead);
    const all = ALL_OF_IT.test(p.text.slice(total.end));
    if (!worded && !all) continue;
    let parts = headsBefore(ctx, i, total);
    let evidence = ctx.sentenceOf(total).text.trim();
    // 共计… opening its sentence totals the sentence before when each of its items states one amount — the last of the
    // paragraph before when it opens its paragraph (a PDF may break the line there), unless its paragraph is an item
    // numbered on its own (三、…国税局完成A，地税局完成B。/ 四、支出情况：截至8月底，累计完成支出X)
    const [k, prev] = total.sentence > 0 ? [i, total.sentence - 1] : [i - 1, (ctx.paragraphs[i - 1]?.parsed.sentences.length ?? 0) - 1];
    const ownItem = total.sentence === 0 && Boolean(ctx.paragraphs[i].numbered);
    if (!parts.length && worded && prev >= 0 && !ownItem && !ctx.paragraphs[k].numbered?.heading) {
      const before = sentenceHeads(ctx, k, prev).filter((q) => family(q.unit) === family(total.unit));
      const oneEach = before.every((q, j) => j === 0 || rankBetween(before[j - 1].at, q.at) >= SEPARATOR_RANK['，']);
      if (oneEach) parts = before;
      evidence = ctx.paragraphs[k].parsed.sentences[prev].text.trim() + evidence;
    }
    if (parts.length < 2 || parts.some((q) => !partOf(ctx, total, q) || listOf(ctx, q))) continue;
    if (all && !worded && !parts.some((q) => REMAINDER_WORD.test(q.label))) continue;
    pushSum(ctx, i, total, parts, true, evidence);
  }
}

/** The container number of a sentence's top level. */
function containerOfSentence(ctx: ProseContext, i: number, sentence: number): number {
  return ctx.containers(i).find((c) => c.sentence === sentence && !c.aside)?.id ?? -1;
}

/**
 * An aside with no marker right after an amount, listing amounts of the kinds stated before it, each labelled:
 * 预拨资金320万元（中央资金200万元、省级资金120万元）; 农户6户，机具5台（甲村4户、3台，乙村2户、2台） — per
 * unit, the parts of the last amount in that unit before the aside.
 */
export function findAsideSums(ctx: ProseContext, i: number) {
  const containers = ctx.containers(i);
  for (const c of containers) {
    if (!c.aside || c.parent === undefined || c.elements.some(isMarker)) continue;
    const parent = containers[c.parent];
    const at = parent.elements.findIndex((x) => x.element.kind === 'aside' && x.element.aside === c.aside);
    const before = quantityOf(ctx, i, parent.elements[at - 1]);
    if (!before || !/^[\u4e00-\u9fa5\s]{0,8}$/.test(ctx.paragraphs[i].parsed.text.slice(before.end, c.aside.start))) continue;
    const inside = c.elements.map((x) => quantityOf(ctx, i, x)).filter((q): q is Q => q !== undefined && !isSatellite(ctx, q));
    const units = [...new Set(inside.map((q) => q.unit))];
    for (const unit of units) {
      const wholes = parent.elements.slice(0, at).map((x) => quantityOf(ctx, i, x))
        .filter((q): q is Q => q !== undefined && q.unit === unit && !isSatellite(ctx, q));
      const total = wholes[wholes.length - 1];
      if (!total || !acceptable(ctx, total)) continue;
      const parts = inside.filter((q) => q.unit === unit);
      if (parts.length < 2 || parts.some((q) => !q.label || !partOf(ctx, total, q))) continue;
      pushSum(ctx, i, total, parts, false, ctx.sentenceOf(total).text.trim());
    }
  }
}

/** Groups whose members are wholes of the year (本年收入, 本年支出), not parts of one. */
const WHOLE_GROUPS = new Set(['收入总计', '支出总计']);
/** 按支出功能分类科目： / 按收入类别分： — a classification of the whole its base word names (支出, 收入). */
const CLASSIFICATION = /^\s*按(收入|支出)[\u4e00-\u9fa5]{0,8}?(?:分类|类别)(?:科目)?[：:]/;
/** A paragraph's text after its numbering (1、按支出功能分类科目：…). */
const afterNumbering = (para: ProseParagraph) => para.parsed.text.slice(para.numbered ? para.numbered.textStart : 0);

/**
 * A classification list (按支出功能分类科目：一般公共服务支出200万元，…，农林水支出80万元；其他支出1万元。) adds up
 * to the whole it classifies: the one amount its section states before it under the base word (本年度支出预算300万元),
 * which is neither a part of a list nor named by a category. Open: a classification's classes are not shown complete.
 */
export function findClassificationSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const text = afterNumbering(ctx.paragraphs[i]);
  const m = CLASSIFICATION.exec(text);
  if (!m) return;
  const base = m[1];
  const from = p.text.length - text.length + m[0].length;
  const parts = ctx.quantities[i].filter((q) => q.start >= from && q.sentence === 0 && q.bracketDepth === 0 && !isSatellite(ctx, q)
    && q.unit !== undefined && !NOT_AN_AMOUNT.has(q.unit));
  if (parts.length < 2 || parts.some((q) => family(q.unit) !== family(parts[0].unit) || !usable(p, q))) return;
  const section = ctx.paragraphs[i].path[ctx.paragraphs[i].path.length - 1];
  const wholes: Q[] = [];
  for (let k = i - 1; k >= 0 && ctx.paragraphs[k].path[ctx.paragraphs[k].path.length - 1] === section && !ctx.paragraphs[k].numbered?.heading; k--) {
    for (const q of ctx.quantities[k]) {
      if (q.bracketDepth > 0 || family(q.unit) !== family(parts[0].unit) || !q.label.includes(base) || isSatellite(ctx, q) || listOf(ctx, q)) continue;
      // not a part (基本支出, 人员经费: a category below the base) and not another year's (上年支出预算)
      if (CLASSIFICATION.test(afterNumbering(ctx.paragraphs[k])) || PREVIOUS_PERIOD.test(q.label)) continue;
      if (CATEGORY_GROUPS.some((g) => !WHOLE_GROUPS.has(g.name) && membersNamed(g, q.label).size)) continue;
      wholes.push(q);
    }
  }
  const [total] = wholes;
  if (!total || new Set(wholes.map((q) => q.value)).size !== 1 || !acceptable(ctx, total) || parts.some((q) => !partOf(ctx, total, q))) return;
  pushSum(ctx, i, total, parts, false, ctx.sentenceOf(total).text.trim() + p.sentences[0].text.trim());
}

/**
 * 总收入600万元，其中本年收入400万元…。收入具体情况如下。 / 1.财政拨款收入… / 2.上级补助收入… / 3.上年结转和结余200万元:
 * the numbered details of a whole whose 其中 named one member of a group (收入总计: 本年收入, 上年结转): an item naming
 * another member of that group is one more part of the whole; an item naming a class of a part (本年收入's 财政拨款)
 * belongs to that part. Any other item leaves the details unread.
 */
export function findDetailedParts(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  if (!/如下[。：:]\s*$/.test(p.text)) return;
  const list = listsIn(ctx, i)[0];
  if (!list || list.whole.aside || list.open) return;
  const { total } = list.whole;
  const group = CATEGORY_GROUPS.find((g) => g.sub && applies(g, total) && list.parts.every((q) => membersNamed(g, q.label).size === 1));
  if (!group) return;
  const named = new Set(list.parts.flatMap((q) => [...membersNamed(group, q.label)]));
  const classOf = (part: Q) => {
    const [member] = membersNamed(group, part.label);
    return group.sub?.[member] ? groupNamed(group.sub[member]) : undefined;
  };
  const added: Q[] = [];
  const first = ctx.paragraphs[i + 1]?.numbered;
  if (!first || first.value !== 1) return;
  for (let k = i + 1; k < ctx.paragraphs.length; k++) {
    const n = ctx.paragraphs[k].numbered;
    if (!n || n.family !== first.family || n.value !== k - i) break;
    const head = sentenceHeads(ctx, k, 0).find((q) => compatible(total, q));
    if (!head) return;
    const members = membersNamed(group, head.label);
    if (members.size === 1 && !named.has([...members][0]) && partOf(ctx, total, head)) {
      added.push(head);
      members.forEach((m) => named.add(m));
      continue;
    }
    if (list.parts.some((part) => { const sub = classOf(part); return sub !== undefined && membersNamed(sub, head.label).size > 0; })) continue;
    return;
  }
  if (!added.length) return;
  const parts = [...list.parts, ...added];
  pushSum(ctx, i, total, parts, splitsWhole(ctx, total, parts), [ctx.sentenceOf(total), ...added.map((q) => ctx.sentenceOf(q))].map((x) => x.text.trim()).join(''));
}

/** 本年收入中，财政拨款收入800万元，… / …，在项目支出当中，…: a clause that opens with the name of a whole stated before it. */
const NAMED_WHOLE_OPENING = /(?:^|[，,；;])[\s]*在?([\u4e00-\u9fa5“”"]{2,16}?)当?中[，,：:]/g;

/**
 * The parts a clause lists after naming their whole (本年收入中，A，B): the whole is the amount stated under that name
 * before it in the section (DOMAIN.md: a whole the sentence names by its label), and the parts are read as the parts
 * after a marker.
 */
export function findNamedWholeParts(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  for (const [si, sentence] of p.sentences.entries()) {
    if (sentenceHasMarker(ctx, i, si)) continue;
    for (const m of sentence.text.matchAll(NAMED_WHOLE_OPENING)) {
      const name = m[1].replace(/[“”"]/g, '');
      if (name.endsWith('其')) continue;
      const at = sentence.start + m.index! + m[0].length;
      const first = ctx.quantities[i].find((q) => q.sentence === si && q.start >= at && q.bracketDepth === 0 && !q.year && q.unit !== '%' && !isSatellite(ctx, q));
      if (!first) continue;
      const total = ctx.findByLabel(i, name, at);
      if (!total || !compatible(total, first) || !acceptable(ctx, total)) continue;
      const parts = partsFrom(ctx, i, total, first);
      if (!parts || parts.length < 2) continue;
      pushSum(ctx, i, total, parts, splitsWhole(ctx, total, parts), ctx.sentenceOf(total).text.trim() + sentence.text.trim());
    }
  }
}
