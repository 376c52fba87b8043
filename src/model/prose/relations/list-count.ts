// List counts: a stated count and the items written with it — N个X，即/分别是 A、B和C; X N个。X分别是…; 涉及 A、B N个X.
import type { ProseContext, Q } from './context.js';
import { usable } from './context.js';
import { scanQuantities } from '../../../../grammars/quantity-tokens.js';
import { ENUMERATION_INTRO, INTRO_PATTERNS, itemStem, readEnumeration, splitLastItem } from '../enumeration.js';
import { BODY_NOUNS, BODY_SUFFIXES, ENDS_WITH_COUNT_AND_NOUN, LIST_COUNT_UNITS, PROSE_TOTAL_WORD, endingIn, isDigit, unitFamily, wholeWord } from '../../../lexicon/index.js';

const COUNT_UNIT = wholeWord(LIST_COUNT_UNITS);
/** The noun after the count (内设机构, 正县级事业单位) and an aside on it (（正处级）), then the list's introducer. */
const NOUN_BEFORE_LIST = new RegExp(`^([\\u4e00-\\u9fa5]{0,10}?)(?:[（(][^（）()]{1,20}[）)])?(?=[，,]?\\s*(?:${INTRO_PATTERNS.join('|')})|\\s*[：:])`);
/** A noun that makes the count a bound (3个工作日内), not a number of things. */
const BOUND_NOUN = /(?:内|以上|以下|左右|之间)$/;
/** Verbs in what follows the count: the list after them names tasks (负责审批、监管), not the counted things. */
const VERB_IN_NOUN = /负责|承担|用于|开展|主要/;
/** The noun after a count that is not followed by its list (内设组室12个，全部纳入…). */
const NOUN_AFTER_COUNT = /^[\u4e00-\u9fa5]{0,8}/;
/** A sentence that names the counted noun and lists it: 内设组室分别是… */
const SUBJECT_THEN_INTRO = new RegExp(`^\\s*([\\u4e00-\\u9fa5]{2,12}?)(?=[，,]?\\s*(?:${INTRO_PATTERNS.join('|')}))`);
/**
 * Verbs before a list that a count closes: 涉及 A镇、B镇 2个乡镇; 卫生院设内科、外科5个临床科室 (设 alone, not in 建设, 预设,
 * 设备, 设施 or 设计).
 */
const LIST_BEFORE_COUNT_VERB = /(?:涉及|覆盖|包括|包含|内设|下设|下辖|设有|设置|设立|(?<![建预假增开铺敷架])设(?![备施计置立定有]))\s*[：:]?/g;
/** The count's noun counts bodies (5个部门, 8个二级单位, 21个股室和直属单位): a short qualifier may come first. */
const BODY_NOUN = new RegExp(`^\\s*[\\u4e00-\\u9fa5]{0,4}?(?:${BODY_NOUNS.join('|')})`);
const BODY_NAME = endingIn(BODY_SUFFIXES);
/** 等 before a count says the list is partial (办公室等16个股室): no count to check. */
const PARTIAL = /等\s*(?:共\s*)?$/;

/**
 * An amount inside an item, in figures: the list is of clauses (A项目62.33万元，B项目8万元，或 30人), not of names. Chinese
 * numerals stay part of a name (一村一品).
 */
const AMOUNT_FAMILIES = new Set(['money', 'percent', 'persons', ...LIST_COUNT_UNITS]);
const amountIn = (item: string) =>
  scanQuantities(item).some((q) => AMOUNT_FAMILIES.has(unitFamily(q.unit)) && isDigit(item[q.numberEnd - 1]));

/**
 * No count is given for a list whose items are too long to be names, carry amounts or counts (下辖社区4个 is a
 * statement, not a name), or that ends with 等.
 */
function plausible(items: string[], listText: string): boolean {
  return items.length >= 2 && !/等[）)]?$/.test(listText.trim()) && items.every((it) => it.length <= 60 && !amountIn(it))
    && !ENDS_WITH_COUNT_AND_NOUN.test(items[items.length - 1]); // the list is that count's
}


/** Names written twice in one list (办公室、…、政治部、办公室) are one body. */
const distinct = (items: string[]) => [...new Map(items.map((it) => [itemStem(it), it])).values()];

function countOf(ctx: ProseContext, i: number, q: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  return COUNT_UNIT.test(q.unit ?? '') && usable(p, q) && q.bracketDepth === 0 && !PARTIAL.test(p.text.slice(0, q.start));
}

/** Between two counts written together before one list: the first one's noun and 和/及 (3个科和2个中心, 3 个科和 2 个中心). */
const COUNT_JOINER = /^\s*[\u4e00-\u9fa5]{1,10}?\s*(?:和|及|以及)\s*$/;

/** The counts written together from `count` on (3个科和2个中心): the first, then each joined to the one before. */
function countChain(ctx: ProseContext, i: number, count: Q): Q[] {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  const chain = [count];
  for (let k = qs.indexOf(count) + 1; k < qs.length; k++) {
    const last = chain[chain.length - 1];
    const next = qs[k];
    if (next.sentence !== last.sentence || !countOf(ctx, i, next) || !COUNT_JOINER.test(p.text.slice(last.end, next.start))) break;
    chain.push(next);
  }
  return chain;
}

export function findListCounts(ctx: ProseContext, i: number) {
  const joined = new Set<Q>();
  for (const count of ctx.quantities[i]) {
    if (joined.has(count) || !countOf(ctx, i, count)) continue;
    const chain = countChain(ctx, i, count);
    chain.slice(1).forEach((q) => joined.add(q));
    if (!countThenList(ctx, i, chain) && !countThenAside(ctx, i, chain) && chain.length === 1) countThenNamedList(ctx, i, count);
  }
  listThenCount(ctx, i);
}

function pushCount(ctx: ProseContext, i: number, chain: Q[], items: string[], evidence: string) {
  const [count, ...also] = chain;
  ctx.push({
    kind: 'list-count',
    count: ctx.q(count),
    ...(also.length ? { also: also.map((q) => ctx.q(q)) } : {}),
    items: distinct(items),
    location: ctx.paragraphs[i].location,
    evidence,
  });
}

/** N个X（aside），即/分别是/：A、B、C — or N1个X和N2个Y，分别为… (the list holds both counts). */
function countThenList(ctx: ProseContext, i: number, chain: Q[]): boolean {
  const p = ctx.paragraphs[i].parsed;
  const count = chain[0];
  const last = chain[chain.length - 1];
  const after = p.text.slice(last.end);
  const noun = NOUN_BEFORE_LIST.exec(after);
  if (!noun || BOUND_NOUN.test(noun[1]) || VERB_IN_NOUN.test(noun[1])) return false;
  const rest = after.slice(noun[0].length);
  const intro = ENUMERATION_INTRO.exec(rest);
  if (!intro) return false;
  const list = readEnumeration(rest.slice(intro[0].length));
  if (!list || !plausible(list.items, rest.slice(intro[0].length, intro[0].length + list.end))) return false;
  pushCount(ctx, i, chain, list.items,
    (p.text.slice(count.start - Math.min(count.start, 20), last.end) + rest.slice(0, intro[0].length + list.end)).trim());
  return true;
}

/** The noun after a count before its aside (5个科室（…）): words only, no longer than a noun. */
const NOUN_BEFORE_ASIDE = /^[\u4e00-\u9fa5]{0,10}$/;
/** An aside that opens with a word saying what it is (主要, 如, 共…) lists no names. */
const ASIDE_OF_PARTS = new RegExp(`^\\s*(?:${PROSE_TOTAL_WORD.source}|如|即|主要|分别|共)`);
/** Names in an aside are short (a body, a place, a reservoir: two characters or more); longer items describe. */
const NAME_IN_ASIDE_MAX = 20;

/**
 * N个X（A、B、C）/ N宗（A、B、C）X: the names in the aside right after the count (and its noun), read from the sentence's
 * structure: the aside's 、 (or ，) items, one ；-group, no amounts, no marker (（含1个临时机构） lists parts).
 */
function countThenAside(ctx: ProseContext, i: number, chain: Q[]): boolean {
  if (chain.length > 1) return false;
  const [count] = chain;
  const p = ctx.paragraphs[i].parsed;
  const c = ctx.containers(i)[count.at.container];
  const at = c?.elements.findIndex((x) => x.element.kind === 'quantity' && x.element.q.start === count.start) ?? -1;
  const next = c?.elements[at + 1];
  if (at < 0 || next?.element.kind !== 'aside' || !next.element.aside.closed) return false;
  const { aside } = next.element;
  const noun = p.text.slice(count.end, aside.start);
  if (!NOUN_BEFORE_ASIDE.test(noun) || BOUND_NOUN.test(noun) || VERB_IN_NOUN.test(noun)) return false;
  const inner = p.text.slice(aside.start + 1, aside.end - 1);
  if (aside.groups.length !== 1 || ASIDE_OF_PARTS.test(inner)) return false;
  const items = aside.groups[0].clauses.flatMap((cl) => cl.items);
  if (items.some((it) => it.elements.some((e) => e.kind !== 'aside'))) return false; // an amount, a marker, a colon
  // the last name split at its 和/及 as a list after a colon is (人大、政府和党委); a joiner that may be a name's own: none
  const names = splitLastItem(items.map((it) => p.text.slice(it.start, it.end).replace(/^(?:以及|及|和|与)/, '').trim()).filter(Boolean));
  if (!names || !plausible(names, inner)) return false;
  // one-character items name kinds, not bodies: 30个县（市、区） counts counties, cities and districts alike
  if (names.some((it) => itemStem(it).length > NAME_IN_ASIDE_MAX || itemStem(it).length < 2)) return false;
  pushCount(ctx, i, chain, names, p.text.slice(Math.max(0, count.start - 20), aside.end).trim());
  return true;
}

/**
 * X N个 (or N个X)，… in one sentence and "X分别是 A、B…" opening the next one (in this paragraph or the next): the
 * list belongs to the count when it names the same noun.
 */
function countThenNamedList(ctx: ProseContext, i: number, count: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  const nounAfter = NOUN_AFTER_COUNT.exec(p.text.slice(count.end))![0];
  const next = p.sentences[count.sentence + 1]
    ? { text: p.sentences[count.sentence + 1].text, para: i }
    : ctx.paragraphs[i + 1]?.parsed.sentences[0] ? { text: ctx.paragraphs[i + 1].parsed.sentences[0].text, para: i + 1 } : undefined;
  if (!next) return false;
  const subject = SUBJECT_THEN_INTRO.exec(next.text);
  if (!subject) return false;
  const noun = subject[1];
  if (!(count.label.endsWith(noun) || (nounAfter.length >= 2 && nounAfter.startsWith(noun)))) return false;
  const rest = next.text.slice(subject[0].length);
  const intro = ENUMERATION_INTRO.exec(rest);
  // 主要有/主要包括 in a sentence of its own names the main ones, not all of them.
  if (!intro || /主要/.test(intro[0])) return false;
  const list = readEnumeration(rest.slice(intro[0].length));
  if (!list) return false;
  const listText = rest.slice(intro[0].length, intro[0].length + list.end);
  // Names listed with 、 (or a pair joined by 和): a ，-list in a later sentence cannot be told from the clauses after it.
  if (/[，,；;]/.test(itemStem(listText)) || !plausible(list.items, listText)) return false;
  pushCount(ctx, i, [count], list.items,
    `${ctx.sentenceOf(count).text.trim()}${next.para !== i ? ' ' : ''}${next.text.slice(0, subject[0].length + intro[0].length + list.end).trim()}`);
  return true;
}

/**
 * 涉及 A镇（a村、b村）、B乡（c村） 2个乡镇3个村: the list comes first and the counts close it. Each item must end like
 * the counted noun (镇, 乡 in 乡镇); a second count counts the items in the brackets when they all end like its noun.
 */
function listThenCount(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const m of p.text.matchAll(LIST_BEFORE_COUNT_VERB)) {
    const from = m.index! + m[0].length;
    const count = qs.find((q) => q.start > from);
    if (!count || !countOf(ctx, i, count) || p.sentences[count.sentence].start > from) continue;
    const listText = p.text.slice(from, count.start).replace(/\s*共\s*$/, '');
    const list = readEnumeration(listText);
    if (!list || list.end < listText.trimEnd().length || !plausible(list.items, listText)) continue;
    const second = qs[qs.indexOf(count) + 1];
    const between = second ? p.text.slice(count.end, second.start).replace(/\s+/g, '') : '';
    const firstNoun = second && /^[\u4e00-\u9fa5]{1,4}$/.test(between) ? between : /^\s*([\u4e00-\u9fa5]{1,4})/.exec(p.text.slice(count.end))?.[1];
    if (!firstNoun) continue;
    const endsLike = (item: string, noun: string) => noun.includes(itemStem(item).slice(-1));
    // bodies counted by a noun of bodies end like a body's name (办公室、教务处、工会6个处室), not like the noun
    const bodies = BODY_NOUN.test(p.text.slice(count.end)) && list.items.every((it) => BODY_NAME.test(itemStem(it)));
    if (!bodies && !list.items.every((it) => endsLike(it, firstNoun))) continue;
    const evidence = p.sentences[count.sentence].text.trim();
    pushCount(ctx, i, [count], list.items.map(itemStem), evidence);
    if (!second || second.bracketDepth !== 0 || second.unit !== count.unit || !/^[\u4e00-\u9fa5]{1,4}$/.test(between)) continue;
    const secondNoun = /^\s*([\u4e00-\u9fa5]{1,4})/.exec(p.text.slice(second.end))?.[1];
    if (!secondNoun || !countOf(ctx, i, second)) continue;
    // the names in each item's aside, as the sentence's structure reads them (its 、 and ， items)
    const all = ctx.containers(i);
    const asides = all.filter((c) => c.aside?.closed && c.parent !== undefined && !all[c.parent].aside && c.aside.start >= from && c.aside.end <= count.start);
    const inner = asides.length === list.items.length
      ? asides.flatMap((c) => c.aside!.groups.flatMap((g) => g.clauses.flatMap((cl) => cl.items)).map((it) => p.text.slice(it.start, it.end).trim()).filter(Boolean))
      : [];
    if (inner.length < 2 || !inner.every((it) => endsLike(it, secondNoun))) continue;
    pushCount(ctx, i, [second], inner, evidence);
  }
}
