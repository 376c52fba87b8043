// Reading periods in prose: whether an amount is a change against another period, which of two amounts is the
// earlier, and the words of rates of change. Shared by the growth and change relations and by 其中 lists.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { CURRENT_PERIOD, OF_WHICH, PREVIOUS_PERIOD, REASON_WORD, PREVIOUS_PERIOD_WORDS, WRITTEN_YEAR, alternation, withoutPeriod } from '../../../lexicon/index.js';

/** Labels that end in a rate of change, and the direction each states. */
export const GROWTH_LABEL = /(增长率|增幅|增长|增加|上升|压减率|下降率|降幅|减幅|减少率|下降|降低|减少|变化率|变动率)$/;
/**
 * The word that ends a change amount's label: 增加/减少/增收/减收/增支/减支/压减/节约/提高/降低 …, with the object a
 * writer may put after the verb (比上年减少支出80万元, 节约开支, 增加收入).
 */
export const CHANGE_WORD = /(增加|减少|增收|减收|增支|减支|增长|下降|压减|节约|提高|提升|上升|降低|增|减)(?:支出|开支|收入|经费)?$/;
/** A comparison with another period before the change: 比上年, 较上年, 与上年相比, 同比, 对比, 比2017年预算数 (比 2017 年: a
 * writer's or a PDF's space before the digits). */
export const COMPARISON = new RegExp(`(?:比|较)\\s*(?:${alternation(PREVIOUS_PERIOD_WORDS)}|同期|年初|预算|${WRITTEN_YEAR})|与[^，,。；;]{0,12}相比|同比|对比`);
/**
 * The rate of a change: 增长15.46%, 下降4.2%, 减幅0.02%, 增幅17.18%, 减少率35.22%; and 同比下降30.92% after 同比减少X, the
 * comparison said again in the rate's own clause.
 */
export const CHANGE_RATE = /^(?:同比)?(增长率|增长|增幅|增加|上升|下降率|下降|降低|降幅|减幅|减少率|减少|压减率|变化率|变动率)$/;
/** A label without its period words and the 比…的 around a compared amount (比2022年的120万元). */
const YEAR_FREE = (s: string) => withoutPeriod(s).replace(/^比|的$/g, '');
/** A budget a change is measured against: 比预算数8.00万元减少2.40万元 (DOMAIN.md: 与预算相比). */
const COMPARED_BUDGET = '(?:年初|全年|调整后?)?预算(?:数)?';
/**
 * The comparison that names the previous period's (or the budget's) amount right before it: 比上年（2022年）的X,
 * 与2022年度的X, 较上年同期X, 比预算数X.
 */
const COMPARED_INTRO = new RegExp(`(?:比|较|与)\\s*(?:${alternation(PREVIOUS_PERIOD_WORDS)}|${WRITTEN_YEAR}|${COMPARED_BUDGET})[^，,。；;比较与]{0,12}$`);
/** After a compared amount: 与…X相比 closes with 相比; 比…X goes straight on to the change (减少, 增长 …). */
const AFTER_COMPARED_WITH = /^\s*(?:相比|比较)/;
const CHANGE_VERBS = '增加|减少|增收|减收|增支|减支|增长|下降|上升|提高|降低|压减|节约';
const AFTER_COMPARED = new RegExp(`^\\s*(?:${CHANGE_VERBS}|增|减)`);
/** …or, after a comma, in a clause of its own (比上年17302.62元，增长0.81% / 比上年3476.98万元，增加359.29万元). */
const AFTER_COMPARED_CLAUSE = new RegExp(`^\\s*[，,]\\s*(?:${CHANGE_VERBS}|增|减)`);
/** A change verb anywhere in the words before an amount: what follows it is a change, not an amount compared with. */
const CHANGE_VERB = new RegExp(CHANGE_VERBS);
/** A sentence that opens with its comparison (比上年…, 与2022年度的…相比, 上年为…) names no subject of its own. */
const OPENS_WITH_COMPARISON = /^[\s，,]*(?:比|较|与|上年|去年|上一年)/;

export type Direction = 'increase' | 'decrease';

/** The direction a change or rate word states: 增/上升 an increase, 变 either way, otherwise a decrease. */
export const directionOfWord = (w: string): Direction | 'change' => (/增|上升|提高|提升/.test(w) ? 'increase' : /变/.test(w) ? 'change' : 'decrease');

/** Whether a quantity is a change against another period: its label ends in a change word after a comparison. */
export function isChange(ctx: ProseContext, q: Q): Direction | undefined {
  const p = ctx.paragraphs[q.para].parsed;
  if (q.unit === '%' || !usable(p, q) || !family(q.unit)) return undefined;
  const m = CHANGE_WORD.exec(q.label);
  const direction = m && directionOfWord(m[1]) === 'increase' ? 'increase' : 'decrease';
  // 较上年增长Y%，增加X / 同比增长Y%（增加X）: the rate before it states the comparison (an aside's amount only so)
  if (m && leadingRate(ctx, q)) return direction;
  if (q.bracketDepth > 0) return undefined;
  if (!m) return parallelChange(ctx, q);
  if (partOfChangeList(ctx, q)) return direction;
  const qs = ctx.quantities[q.para];
  const before = qs.filter((x) => x.sentence === q.sentence && x.end <= q.start && !x.year);
  const from = before.length ? before[before.length - 1].end : p.sentences[q.sentence].start;
  const last = before[before.length - 1];
  // 一般公共预算收入221亿元，增收37.4亿元: 增收/减收/增支/减支 name their own base (the same period before), right after
  // the amount they change
  if (SELF_COMPARING.test(q.label) && last && last.unit !== '%' && family(last.unit) === family(q.unit)
    && /^[，,、\s]*$/.test(p.text.slice(last.end, q.start).replace(q.label, ''))) return direction;
  // 地方一般公共预算收入完成51653万元，增加6455万元，增长14.28%: a change straight after the amount it changes, with its
  // rate of change right after it, states the comparison the two share without naming it (财政收支执行 reports)
  if (last && changeOfAmountBefore(ctx, q) && rateFollows(ctx, q, direction) && !PREVIOUS_PERIOD.test(last.label)) return direction;
  // …增加76.05万元，主要是财政拨款收入增加76.05万元: a change right after a change explains it, against the same period
  if (!COMPARISON.test(p.text.slice(from, q.start)) && !periodPair(ctx, before.filter((x) => x.unit !== '%').slice(-2), q)
    && !(last && last.unit !== '%' && (comparedAmount(ctx, last) || isChange(ctx, last)))) return undefined;
  return direction;
}

/**
 * …决算数比2016年度减少0.28万元，降低3.09%，其中：因公出国（境）费支出决算减少0万元，…: a change word after the 其中
 * that follows a change of its sentence states a part's change, against the same period.
 */
export function partOfChangeList(ctx: ProseContext, q: Q): boolean {
  const p = ctx.paragraphs[q.para].parsed;
  const start = p.sentences[q.sentence].start;
  const marker = p.text.slice(start, q.start).lastIndexOf(OF_WHICH);
  if (marker < 0) return false;
  // (not a 其中 inside a reason clause: 主要原因是…项目资金压减，其中…压减7万元 explains, it lists no parts)
  return ctx.quantities[q.para].some((x) => x.sentence === q.sentence && x.end <= start + marker && x.unit !== '%' && Boolean(isChange(ctx, x))
    && !REASON_WORD.test(p.text.slice(x.end, start + marker)));
}

/** The change words of revenue and spending statistics, which carry their comparison with them. */
const SELF_COMPARING = /^(?:增收|减收|增支|减支)$/;

/** Between a rate of change and the amount that follows it: a ， or an opening bracket, then the change word alone. */
const RATE_THEN_CHANGE = new RegExp(`^[，,（(](?:${CHANGE_WORD.source.replace(/\$$/, '')})[了约达为]?$`);

/**
 * 较上年增长11.1%，增加123.45万元 / 同比下降5%（减少6万元）: the rate of change is written first, after the comparison,
 * and the amount of the change right after it, in the next clause or an aside opened there, with nothing but the change
 * word as its label. The rate states the change's direction: the two must agree. Returns that rate.
 */
export function leadingRate(ctx: ProseContext, q: Q): Q | undefined {
  const p = ctx.paragraphs[q.para].parsed;
  const word = CHANGE_WORD.exec(q.label);
  if (!word || word.index !== 0 || q.bracketDepth > 1) return undefined;
  const before = ctx.quantities[q.para].filter((x) => x.sentence === q.sentence && x.end <= q.start && !x.year);
  const rate = before[before.length - 1];
  if (!rate || rate.unit !== '%' || rate.bracketDepth !== 0 || !usable(p, rate)) return undefined;
  if (!RATE_THEN_CHANGE.test(p.text.slice(rate.end, q.numberStart).replace(/\s+/g, ''))) return undefined;
  const rateWord = GROWTH_LABEL.exec(rate.label);
  if (!rateWord || directionOfWord(rateWord[1]) !== directionOfWord(word[1])) return undefined;
  const from = before.length > 1 ? before[before.length - 2].end : p.sentences[q.sentence].start;
  return COMPARISON.test(p.text.slice(from, rate.start)) ? rate : undefined;
}

/**
 * 上划中央收入完成37.78亿元，减少0.46亿元，负增长1.21%: an amount labelled by a change word alone, in the clause right after
 * an amount of its kind, is that amount's change, whatever it is measured against; never an amount of its own.
 */
export function changeOfAmountBefore(ctx: ProseContext, q: Q): boolean {
  const word = CHANGE_WORD.exec(q.label);
  if (!word || word.index !== 0 || q.bracketDepth > 0 || q.unit === '%' || !family(q.unit)) return false;
  const qs = ctx.quantities[q.para];
  const last = qs[qs.indexOf(q) - 1];
  return last !== undefined && last.unit !== '%' && !last.year && family(last.unit) === family(q.unit) && opensNextClause(ctx, last, q);
}

/** b opens the clause right after a's, with nothing but its own label between them: 完成A，增加B / 增加B，增长P%. */
function opensNextClause(ctx: ProseContext, a: Q, b: Q): boolean {
  return b.sentence === a.sentence && b.clause === a.clause + 1
    && /^[，,]\s*$/.test(ctx.paragraphs[a.para].parsed.text.slice(a.end, b.start).replace(b.label, ''));
}

/** 增加6455万元，增长14.28%: the next clause of the sentence is the change's rate alone, in the same direction. */
function rateFollows(ctx: ProseContext, q: Q, direction: Direction): boolean {
  const qs = ctx.quantities[q.para];
  const next = qs[qs.indexOf(q) + 1];
  if (!next || next.unit !== '%' || next.bracketDepth !== 0 || !opensNextClause(ctx, q, next)) return false;
  const word = CHANGE_RATE.exec(next.label);
  return word !== null && directionOfWord(word[1]) === direction;
}

/** The text between two items of one list: a separator only (、 和 及). */
const NEXT_ITEM = /^\s*(?:、|和|及|与)\s*$/;
/**
 * 分别减少0.5万元、0.3万元: an amount that follows a change in the same 、-list (its label a separator only) is the
 * next change of that parallel list, never an amount of its own. (The 、 is no part of a label: the text between says it.)
 */
function parallelChange(ctx: ProseContext, q: Q): Direction | undefined {
  const prev = ctx.quantities[q.para].filter((x) => x.sentence === q.sentence && x.end <= q.start).pop();
  if (!prev || prev.unit === '%' || family(prev.unit) !== family(q.unit)) return undefined;
  if (!NEXT_ITEM.test(ctx.paragraphs[q.para].parsed.text.slice(prev.end, q.numberStart))) return undefined;
  return isChange(ctx, prev);
}

/** An amount stated as the previous period's inside its comparison: 比上年的X减少…, 与2022年度的X相比. */
export function comparedAmount(ctx: ProseContext, x: Q): boolean {
  const p = ctx.paragraphs[x.para].parsed;
  const clause = p.sentences[x.sentence]?.clauses[x.clause];
  if (!clause || x.bracketDepth > 0) return false;
  const m = COMPARED_INTRO.exec(p.text.slice(clause.start, x.start));
  if (!m) return false;
  const after = p.text.slice(x.end);
  if (m[0].startsWith('与')) return AFTER_COMPARED_WITH.test(after);
  // a change (较上年减少310.02万元，下降7.31%) is no amount compared with: its own word ends its label
  // (nor is a count the change names before it: 比上年减少支出项目3个，下降20%)
  return AFTER_COMPARED.test(after) || (AFTER_COMPARED_CLAUSE.test(after) && !CHANGE_VERB.test(m[0]));
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
  // (…X万元，其中：A万元，B万元。比上年…: the parts after the sentence's 其中 are X's, not the subject)
  // (one part alone may be what the next sentence goes on about: 收入合计X，其中财政拨款A。比上年的B…, no subject)
  const afterMarker = (q: Q) => p.text.slice(p.sentences[q.sentence].start, q.start).includes(OF_WHICH);
  const listedAll = ctx.quantities[x.para].filter((q) => q.sentence === x.sentence - 1 && !q.year && q.unit !== '%' && afterMarker(q));
  const listed = (q: Q) => listedAll.length >= 2 && listedAll.includes(q);
  const prior = ctx.quantities[x.para].filter((q) => q.sentence < x.sentence && !q.year && q.unit !== '%' && !listed(q));
  if (prior.length !== 1 || prior[0].sentence !== x.sentence - 1) return undefined;
  const [a] = prior;
  if (a.bracketDepth > 0 || family(a.unit) !== family(x.unit) || !usable(p, a) || PREVIOUS_PERIOD.test(a.label)) return undefined;
  return a;
}

/** Two amounts of the same thing in two periods (上年…120万元，本年…100万元 / 2023年…100万元，比2022年的120万元). */
export function periodPair(ctx: ProseContext, pair: Q[], change: Q): pair is [Q, Q] {
  if (pair.length !== 2 || pair.some((x) => x.bracketDepth > 0 || family(x.unit) !== family(change.unit))) return false;
  const [a, b] = pair;
  const la = YEAR_FREE(a.label);
  const lb = YEAR_FREE(b.label);
  return earlier(ctx, a, b) !== undefined && (la === lb || la === '' || lb === '');
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
