// Which budget and which spending a label names: the words that tell the initial budget from the year's adjusted one.
import { alternation } from './words.js';

/** The budget a label names: 年初预算 (initial), or the year's budget after adjustments (调整后预算, 全年预算数). */
export type BudgetBasis = 'initial' | 'annual';

export const BUDGET_BASIS_WORDS: Readonly<Record<BudgetBasis, readonly string[]>> = {
  initial: ['年初'],
  annual: ['调整后', '调整预算', '预算调整数', '全年预算', '年度预算'],
};

const BASIS = Object.entries(BUDGET_BASIS_WORDS).map(([basis, words]) => ({ basis: basis as BudgetBasis, pattern: new RegExp(alternation(words)) }));

/** The basis a budget's label names, or undefined when it names none (预算数, 到位资金: the item is not told). */
export function budgetBasis(label: string | undefined): BudgetBasis | undefined {
  if (!label) return undefined;
  const named = BASIS.filter((b) => b.pattern.test(label));
  // 年初预算调整后… names both: no single basis
  return named.length === 1 ? named[0].basis : undefined;
}

/** Words of money spent (全年执行数, 实际支出, 完成支付, 决算支出); funds that arrived (到位) or were allocated are not spent. */
export const SPENDING_WORDS = ['执行', '支出', '支付', '使用', '决算'] as const;
const SPENDING = new RegExp(alternation(SPENDING_WORDS));
const NOT_SPENDING = /到位|下达|拨入|收入|安排/;

/** True when a label names money spent (实际支出, 执行数), not money received or planned. */
export function namesSpending(label: string | undefined): boolean {
  return label !== undefined && SPENDING.test(label) && !NOT_SPENDING.test(label);
}

/**
 * The sources a budget is funded from, as a form's budget block breaks its total down (年度资金总额 = 当年财政拨款 +
 * 上年结转资金 + 其他资金) and a report may name one of them (调整后财政拨款收入). An amount naming none is the whole.
 */
export type FundingSource = '财政拨款' | '上年结转' | '其他资金';

export const FUNDING_SOURCE_WORDS: Readonly<Record<FundingSource, readonly string[]>> = {
  财政拨款: ['财政拨款'],
  上年结转: ['上年结转', '结转资金'],
  其他资金: ['其他资金', '自筹'],
};

const SOURCES = Object.entries(FUNDING_SOURCE_WORDS).map(([source, words]) => ({ source: source as FundingSource, pattern: new RegExp(alternation(words)) }));

/** The one funding source a label names (调整后财政拨款收入 → 财政拨款), or undefined when it names none or several. */
export function fundingSource(label: string | undefined): FundingSource | undefined {
  if (!label) return undefined;
  const named = SOURCES.filter((s) => s.pattern.test(label));
  return named.length === 1 ? named[0].source : undefined;
}

/** True when a label names a funding source at all (one or several): not the whole budget. */
export function namesFundingSource(label: string | undefined): boolean {
  return label !== undefined && SOURCES.some((s) => s.pattern.test(label));
}
