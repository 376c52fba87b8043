// 执行率 / 到位率 … = 实际数 ÷ 预算数: a rate named in a sentence with the amounts it divides.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { BUDGET_OR_TARGET, CURRENT_PERIOD_WORDS, NOT_AN_AMOUNT, OF_WHOLE_LEAD, PERCENTAGE_POINTS, PREVIOUS_PERIOD_WORDS, WHOLE_AMOUNT_WORDS, WRITTEN_YEAR, alternation } from '../../../lexicon/index.js';
import { markerParts, wholeOfRate } from './of-which.js';
import { isChange } from './periods.js';

/** Names of rates that divide an amount spent (or received, paid …) by an amount budgeted. */
export const RATE_NAME = /([\u4e00-\u9fa5]*?(?:执行率|到位率|完成率|控制率|支付率|支出率|使用率|拨付率|分配率|结转率|兑付率|兑付比例|支出进度(?:比率)?))$/;
/**
 * Rates whose operands are named by the rate itself: 预算控制率 = 年中追加 ÷ 年初预算 (how much the budget grew in the
 * year), 结转率 = 结转 ÷ 预算. Their numerator is found by these words, not by the spent-or-budgeted roles.
 */
const OWN_NUMERATOR: Array<[RegExp, RegExp]> = [[/预算控制率$/, /追加|调增|调整数/], [/结转率$/, /结转/]];
/**
 * The verb of what a rate counts, by its name: 到位率 divides what arrived (到位), not what was spent after. A rate of
 * one stage of the money (`stage`: arrived, paid, allocated …) divides that stage alone.
 */
const RATE_VERB: Array<{ rate: RegExp; verb: RegExp; stage: boolean }> = [
  { rate: /到位率$/, verb: /到位/, stage: true },
  { rate: /支付率$/, verb: /支付|支出/, stage: true },
  { rate: /拨付率$/, verb: /拨付/, stage: true },
  { rate: /兑付(?:率|比例)$/, verb: /兑付/, stage: true },
  { rate: /分配率$/, verb: /分配/, stage: true },
  { rate: /使用率$/, verb: /使用/, stage: false },
  { rate: /(?:执行率|支出率|支出进度(?:比率)?)$/, verb: /执行|支出|实际/, stage: false },
];
/** 完成(年初)预算的Y% with the amounts stated before it: a rate of the 决算 over the 预算 (DOMAIN.md's 完成预算数的Y%). */
export const COMPLETED_BUDGET_RATE = /(完成(?:年初|全年|调整后?)?预算(?:数)?)的?$/;
const rateNameOf = (label: string): string | undefined => RATE_NAME.exec(label)?.[1] ?? COMPLETED_BUDGET_RATE.exec(label)?.[1];
/** From a rate to the first amount of the aside that follows it: （预算500万元）. */
const ASIDE_RIGHT_AFTER = /^\s*[（(][^（(）)，,；;]*$/;
/** What arrived or was issued (到位, 下达, 拨付): a base some writers divide spending by instead of the budget. */
const STAGE_BASE = /到位|下达|拨付/;
/** Labels of whole-year budgets a rate may divide by when its sentence names none: 调整后/调整预算/全年预算. */
const WHOLE_BUDGET = /调整后|调整预算|全年预算/;
const NOT_WHOLE_BUDGET = /中期|年中|追加|调增|调减/;

/** A label whose head noun is a budget: 实际下达预算, 年初预算数, 调整后预算资金. */
const BUDGET_HEAD = /预算(?:数|资金|金额)?$/;
/** Labels of what was budgeted, or of a whole a rate divides by. */
const BUDGETED = new RegExp(`预算$|安排|下达|批复|申请|年度资金|预算数|预算资金|预算金额|预算收入|预算支出|调整后|调整预算|全年预算|年初预算|${alternation(WHOLE_AMOUNT_WORDS)}|计划`);

/**
 * What is left of a budget (未支付 or 未支, 尚未拨付, 剩余, 结余, 余额): neither what was spent nor what was budgeted, though
 * its words (支付, 预算) are theirs. Only when no spending verb follows it in the label (使用结余资金支付 was spent).
 */
const REMAINDER = /(?:未|没有)(?:支付|拨付|支出|使用|执行|到位|下达|发放|兑付|完成|分配|[支拨付用])|剩余|结余|余额|结存/g;
const SPENT_AFTER = /支付|支出|拨付|使用|执行|发放|兑付|安排/;
function isRemainder(label: string): boolean {
  const last = [...label.matchAll(REMAINDER)].pop();
  return !!last && !SPENT_AFTER.test(label.slice(last.index + last[0].length));
}

/** Whether a labelled amount is what was spent (numerator) or what was budgeted (denominator) in a rate. */
export function roleOf(label: string): 'numerator' | 'denominator' | 'neutral' | 'remainder' {
  if (isRemainder(label)) return 'remainder';
  // 实际下达预算: a budget qualified by 实际 is still a budget; the head noun at the end decides. (Only this head noun:
  // ranking every role word by its place turns 安排…项目支出 and 预算执行 around.)
  if (BUDGET_HEAD.test(label)) return 'denominator';
  if (/实际|共完成|累计完成|完成支付|决算/.test(label)) return 'numerator';
  if (BUDGETED.test(label)) return 'denominator';
  if (/支付|支出|执行|拨付|使用|到位|发放|完成|分配/.test(label)) return 'numerator';
  return 'neutral';
}

/** Money amounts labelled as whole-year budgets anywhere before paragraph `before`. */
function wholeBudgets(ctx: ProseContext, before: number): Q[] {
  const out: Q[] = [];
  for (let i = 0; i < before; i++) {
    for (const q of ctx.quantities[i]) {
      if (family(q.unit) === 'money' && q.value > 0 && q.bracketDepth === 0 && WHOLE_BUDGET.test(q.label)
        && !NOT_WHOLE_BUDGET.test(q.label) && usable(ctx.paragraphs[i].parsed, q)) out.push(q);
    }
  }
  return out;
}

export function findRates(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const rate of qs) {
    if (rate.unit !== '%' || !usable(p, rate)) continue;
    const name = rateNameOf(rate.label);
    if (!name) continue;
    // 完成预算的Y% divides amounts its own sentence states; a budget from elsewhere would be a guess.
    const ownOperandsOnly = !RATE_NAME.test(rate.label);
    // Local scope: the sentence up to this rate, after any earlier rate in it.
    const sameSentence = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
    const lastRate = [...sameSentence].reverse().find((q) => q.unit === '%' && rateNameOf(q.label) !== undefined);
    let local = sameSentence.filter((q) => !lastRate || q.start > lastRate.start);
    // (a change against another period, 与上年相比减少53.7万元, divides nothing here)
    local = local.filter((q) => family(q.unit) === 'money' && q.value !== 0 && q.bracketDepth === 0 && usable(p, q) && !isChange(ctx, q));
    // Amounts listed after a 其中 are parts of the amount before it, not operands of the rate.
    const sentence = p.sentences[rate.sentence];
    const parts = markerParts(ctx, i, sentence.start, rate.start);
    local = local.filter((q) => !parts.has(q));
    const own = OWN_NUMERATOR.find(([rateName]) => rateName.test(name))?.[1];
    const numerators = own ? local.filter((q) => own.test(q.label)) : local.filter((q) => roleOf(q.label) === 'numerator');
    if (own && numerators.length !== 1) continue; // the rate's own operand is not named, or named twice
    // Several amounts a rate could divide (到位资金100万元，实际支出95万元，到位率100%): the one its name's verb names
    const counts = RATE_VERB.find((v) => v.rate.test(name));
    const named = counts ? numerators.filter((q) => counts.verb.test(q.label)) : [];
    // …实际支出95万元，到位率100%: what arrived is not stated, and what was spent is not it
    if (counts?.stage && numerators.length && !named.length) continue;
    let numerator: Q | undefined = named.length && new Set(numerators.map((q) => q.value)).size > 1 ? named[named.length - 1] : numerators[numerators.length - 1];
    // Two amounts, one the budget and the other unnamed (年度资金X，本年度财政拨款Y，执行率Z): the other is spent.
    if (!numerator && local.length === 2 && local.filter((q) => roleOf(q.label) === 'denominator').length === 1) {
      numerator = local.find((q) => roleOf(q.label) === 'neutral');
    }
    if (!numerator) continue;
    const denominators: Q[] = local.filter((q) => q !== numerator && roleOf(q.label) === 'denominator' && !(own && own.test(q.label)));
    // Two amounts, one spent and the other named by its item only (设备维护项目200万元，年末结算支出160万元，
    // 支出进度比率80%): the item's amount is what it had to spend.
    if (!denominators.length && !own && local.length === 2 && numerators.length === 1) {
      const other = local.find((q) => q !== numerator && roleOf(q.label) === 'neutral');
      if (other) denominators.push(other);
    }
    if (!ownOperandsOnly && /预算|决算/.test(rate.label + numerator.label)) {
      for (const d of wholeBudgets(ctx, i)) {
        if (!denominators.some((x) => x.value === d.value && x.label === d.label)) denominators.push(d);
      }
    }
    // 完成年初预算的Y%，年初预算为X / 完成年初预算的Y%。年初预算为X: the budget the rate names, stated by that name alone
    // after it in its sentence or in the next
    const nearBudget = ownOperandsOnly && !denominators.length ? budgetNamedNearby(ctx, i, rate, name) : undefined;
    if (nearBudget) denominators.push(nearBudget);
    if (!denominators.length && !own) {
      const found = budgetOutsideScope(ctx, i, rate, ownOperandsOnly ? undefined : lastRate, parts);
      if (found) denominators.push(found);
    }
    if (!denominators.length) continue;
    ctx.push({
      kind: 'rate',
      // a budget from the sentence after or before was inferred; after the rate in its own sentence it is stated
      ...(nearBudget && nearBudget.sentence !== rate.sentence ? { assumed: [{ kind: 'other-sentence' as const, quantity: ctx.q(nearBudget) }] } : {}),
      name,
      rate: ctx.q(rate),
      numerator: ctx.q(numerator),
      denominators: denominators.map((d) => ctx.q(d)),
      location: ctx.paragraphs[i].location,
      evidence: sentence.text.trim(),
    });
  }
}

/**
 * The budget of a rate whose own scope states none (only what was spent):
 * - in the aside right after it: 累计支出456.78万元，支出进度91.36%（预算500万元）;
 * - for a second rate in its sentence (`lastRate`, the one before it), before the first: 预算150万元，实际到位150万元，
 *   到位率100%；实际支出142.5万元，执行率95% — when every base there (the budget, what arrived) is one value; or, with no
 *   budget named, the one amount there in the rate's own ；-group (项目资金共计500万元，…，到位率100%，…已支出480万元，
 *   支出率96%: after a ； the statement may be about another item).
 */
function budgetOutsideScope(ctx: ProseContext, i: number, rate: Q, lastRate: Q | undefined, parts: Set<Q>): Q | undefined {
  const p = ctx.paragraphs[i].parsed;
  const money = (q: Q) => family(q.unit) === 'money' && q.value !== 0 && usable(p, q);
  const inSentence = ctx.quantities[i].filter((q) => q.sentence === rate.sentence);
  const aside = inSentence.filter((q) => q.start > rate.end && q.bracketDepth === 1 && money(q) && ASIDE_RIGHT_AFTER.test(p.text.slice(rate.end, q.numberStart)));
  if (aside.length === 1 && roleOf(aside[0].label) === 'denominator') return aside[0];
  if (!lastRate) return undefined;
  const earlier = inSentence.filter((q) => q.start < lastRate.start && q.bracketDepth === 0 && money(q) && !parts.has(q));
  const budgets = earlier.filter((q) => roleOf(q.label) === 'denominator');
  const bases = [...budgets, ...earlier.filter((q) => STAGE_BASE.test(q.label))];
  if (budgets.length) return new Set(bases.map((q) => q.value)).size === 1 ? budgets[budgets.length - 1] : undefined;
  const one = earlier.length === 1 && roleOf(earlier[0].label) === 'neutral' && !/[；;]/.test(p.text.slice(earlier[0].end, rate.start));
  return one ? earlier[0] : undefined;
}

/**
 * The budget a 完成(年初)预算的Y% names, stated after the rate in its sentence, in the next sentence (or else the one before) under that name alone (年初预算为X,
 * 本年年初预算数X): one value there, else none. A budget that names an item (公务接待费年初预算) is another's.
 */
function budgetNamedNearby(ctx: ProseContext, i: number, rate: Q, name: string): Q | undefined {
  const budget = name.replace(/^完成/, '').replace(/数$/, '');
  const label = new RegExp(`^(?:${alternation(CURRENT_PERIOD_WORDS)}度?|全年)?${budget}(?:数|资金|金额|安排)?(?:为|是)?$`);
  const p = ctx.paragraphs[i].parsed;
  // a budget whose clause names a year or the previous one (2022年年初预算, 上年年初预算: the label drops them) may be
  // another year's: the budget is then not stated
  const period = new RegExp(`${WRITTEN_YEAR}|${alternation(PREVIOUS_PERIOD_WORDS)}`);
  const namesPeriod = (q: Q) => period.test(p.text.slice(p.sentences[q.sentence].start, q.start).split(/[，,；;：:]/).pop() ?? '');
  const named = (q: Q) => family(q.unit) === 'money' && q.bracketDepth === 0 && q.value !== 0 && usable(p, q) && label.test(q.label);
  const stated = (sentence: number, from = -1) => {
    const found = ctx.quantities[i].filter((q) => q.sentence === sentence && q.start > from && named(q));
    return found.length && !found.some(namesPeriod) && new Set(found.map((q) => `${q.value}|${q.unit}`)).size === 1 ? found[0] : undefined;
  };
  // first in the rate's own sentence after it (完成年初预算的80%，年初预算为60万元), then in the next sentence, or, when
  // that names none, in the one before (年初预算为X。全年支出决算Y，完成年初预算的Z%)
  if (ctx.quantities[i].some((q) => q.sentence === rate.sentence && q.start > rate.start && named(q))) return stated(rate.sentence, rate.start);
  const after = ctx.quantities[i].some((q) => q.sentence === rate.sentence + 1 && label.test(q.label));
  return after ? stated(rate.sentence + 1) : stated(rate.sentence - 1);
}

/**
 * 共设定绩效指标15个，已完成14个，完成率93.3%: a 完成率 (or 执行率: 安排项目12个，实际执行项目11个) over counts — the two
 * amounts of one unit its scope states (after any earlier rate in the sentence; what is left, 未完成1个, aside), what
 * was done over the other (the task, 计划, 共设定…), never money.
 */
export function findCountCompletion(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const rate of qs) {
    if (rate.unit !== '%' || !usable(p, rate) || !/(?:完成|执行)率$/.test(RATE_NAME.exec(rate.label)?.[1] ?? '')) continue;
    const before = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
    const lastRate = [...before].reverse().find((q) => q.unit === '%');
    // (三级指标: 三级 is a level, no amount)
    let local = before.filter((q) => (!lastRate || q.start > lastRate.start) && !q.year && q.unit !== '%' && !(q.unit && NOT_AN_AMOUNT.has(q.unit)));
    // …，完成17个，未完成1个，完成率94.4%: what is left is neither operand
    const left = local.filter((q) => roleOf(q.label) === 'remainder');
    if (left.length === 1 && local.length === 3) local = local.filter((q) => q !== left[0]);
    if (local.length !== 2 || local.some((q) => family(q.unit) === 'money' || q.bracketDepth !== 0 || !usable(p, q) || q.unit !== local[0].unit)) continue;
    const done = local.filter((q) => roleOf(q.label) === 'numerator');
    if (done.length !== 1 || roleOf(local.find((q) => q !== done[0])!.label) === 'remainder') continue;
    const task = local.find((q) => q !== done[0])!;
    ctx.push({
      kind: 'rate', name: RATE_NAME.exec(rate.label)![1], rate: ctx.q(rate), numerator: ctx.q(done[0]), denominators: [ctx.q(task)],
      location: ctx.paragraphs[i].location, evidence: p.sentences[rate.sentence].text.trim(),
    });
  }
}

/**
 * 完成年初预算数60999万元的40.4% / 完成预算数257288万元的41.9% / 占年初预算10065万元的43.2% / 为县人民代表大会批准全县全年
 * 预算32,972万元的67.8% / 为市下全年目标42亿元的80.52%: the budget (or target) a 决算 amount is a share of, its qualifiers
 * (whose budget, approved by whom, for which period) before it.
 */
const COMPLETED_OF_BUDGET = new RegExp(`^(?:${OF_WHOLE_LEAD})(${BUDGET_OR_TARGET})$`);

/**
 * 累计完成24627万元，完成年初预算数60999万元的40.4% / 全县完成财政总收入4348万元，占年初预算10065万元的43.2%: the amount
 * before the budget over the budget.
 */
export function findBudgetCompletion(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  qs.forEach((rate, k) => {
    if (rate.unit !== '%' || !usable(p, rate) || !/^的?$/.test(rate.label)) return;
    const budget = qs[k - 1];
    const m = budget && COMPLETED_OF_BUDGET.exec(budget.label);
    if (!m || budget.sentence !== rate.sentence || family(budget.unit) !== 'money' || !usable(p, budget)) return;
    // the amount before the budget; the rates, percentage points and other budgets of its own (完成33.82亿元，同比增长25.63%，
    // 为人大预算数37.1亿元的91.16%，超序时进度16个百分点，为市下全年目标42亿元的80.52%) stand between
    let j = k - 2;
    while (j >= 0 && qs[j].sentence === rate.sentence && (qs[j].unit === '%' || PERCENTAGE_POINTS.has(qs[j].unit ?? '') || wholeOfRate(ctx, qs[j]))) j--;
    const actual = qs[j];
    if (!actual || actual.sentence !== rate.sentence || actual.bracketDepth !== 0 || family(actual.unit) !== 'money' || !usable(p, actual) || isChange(ctx, actual)) return;
    ctx.push({
      kind: 'rate',
      name: `完成${m[1]}`,
      rate: ctx.q(rate),
      numerator: ctx.q(actual),
      denominators: [ctx.q(budget)],
      location: ctx.paragraphs[i].location,
      evidence: p.sentences[rate.sentence].text.trim(),
    });
  });
}
