// List counts: a stated count and the items written with it — N个X，即/分别是 A、B和C; X N个。X分别是…; 涉及 A、B N个X.
import type { ProseContext, Q } from './context.js';
import { usable } from './context.js';
import { scanQuantities } from '../../../../grammars/quantity-tokens.js';
import { ENUMERATION_INTRO, INTRO_PATTERNS, itemStem, readEnumeration } from '../enumeration.js';
import { LIST_COUNT_UNITS, isDigit, unitFamily, wholeWord } from '../../../lexicon/index.js';

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
/** Verbs before a list that a count closes: 涉及 A镇、B镇 2个乡镇. */
const LIST_BEFORE_COUNT_VERB = /(?:涉及|覆盖|包括|包含)\s*[：:]?/g;
/** 等 before a count says the list is partial (办公室等16个股室): no count to check. */
const PARTIAL = /等\s*(?:共\s*)?$/;

/**
 * An amount inside an item, in figures: the list is of clauses (A项目62.33万元，B项目8万元，或 30人), not of names. Chinese
 * numerals stay part of a name (一村一品).
 */
const AMOUNT_FAMILIES = new Set(['money', 'percent', 'persons']);
const amountIn = (item: string) =>
  scanQuantities(item).some((q) => AMOUNT_FAMILIES.has(unitFamily(q.unit)) && isDigit(item[q.numberEnd - 1]));

/** No count is given for a list whose items are too long to be names, carry amounts, or that ends with 等. */
function plausible(items: string[], listText: string): boolean {
  return items.length >= 2 && !/等[）)]?$/.test(listText.trim()) && items.every((it) => it.length <= 60 && !amountIn(it));
}

function countOf(ctx: ProseContext, i: number, q: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  return COUNT_UNIT.test(q.unit ?? '') && usable(p, q) && q.bracketDepth === 0 && !PARTIAL.test(p.text.slice(0, q.start));
}

export function findListCounts(ctx: ProseContext, i: number) {
  for (const count of ctx.quantities[i]) {
    if (countOf(ctx, i, count) && !countThenList(ctx, i, count)) countThenNamedList(ctx, i, count);
  }
  listThenCount(ctx, i);
}

/** N个X（aside），即/分别是/：A、B、C */
function countThenList(ctx: ProseContext, i: number, count: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  const after = p.text.slice(count.end);
  const noun = NOUN_BEFORE_LIST.exec(after);
  if (!noun || BOUND_NOUN.test(noun[1]) || VERB_IN_NOUN.test(noun[1])) return false;
  const rest = after.slice(noun[0].length);
  const intro = ENUMERATION_INTRO.exec(rest);
  if (!intro) return false;
  const list = readEnumeration(rest.slice(intro[0].length));
  if (!list || !plausible(list.items, rest.slice(intro[0].length, intro[0].length + list.end))) return false;
  ctx.push({
    kind: 'list-count',
    count: ctx.q(count),
    items: list.items,
    location: ctx.paragraphs[i].location,
    evidence: (p.text.slice(count.start - Math.min(count.start, 20), count.end) + rest.slice(0, intro[0].length + list.end)).trim(),
  });
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
  ctx.push({
    kind: 'list-count',
    count: ctx.q(count),
    items: list.items,
    location: ctx.paragraphs[i].location,
    evidence: `${ctx.sentenceOf(count).text.trim()}${next.para !== i ? ' ' : ''}${next.text.slice(0, subject[0].length + intro[0].length + list.end).trim()}`,
  });
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
    if (!list.items.every((it) => endsLike(it, firstNoun))) continue;
    const evidence = p.sentences[count.sentence].text.trim();
    ctx.push({ kind: 'list-count', count: ctx.q(count), items: list.items.map(itemStem), location: ctx.paragraphs[i].location, evidence });
    if (!second || second.bracketDepth !== 0 || second.unit !== count.unit || !/^[\u4e00-\u9fa5]{1,4}$/.test(between)) continue;
    const secondNoun = /^\s*([\u4e00-\u9fa5]{1,4})/.exec(p.text.slice(second.end))?.[1];
    if (!secondNoun || !countOf(ctx, i, second)) continue;
    const inner: string[] = [];
    for (const item of list.items) {
      const aside = /[（(]([^（）()]+)[）)]\s*$/.exec(item);
      if (!aside) { inner.length = 0; break; }
      inner.push(...aside[1].split(/[、，,]/).map((s) => s.trim()).filter(Boolean));
    }
    if (inner.length < 2 || !inner.every((it) => endsLike(it, secondNoun))) continue;
    ctx.push({ kind: 'list-count', count: ctx.q(second), items: inner, location: ctx.paragraphs[i].location, evidence });
  }
}
