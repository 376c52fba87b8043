// The genre's named ratios (DOMAIN.md, “Words”): each names its own operands, so a ratio stated without them in its
// sentence can be checked against the amounts the text states under those names.

/**
 * A ratio named by its words: `ratio` = numerator ÷ denominator; `excess` = (numerator − denominator) ÷ denominator
 * (超额完成/超任务: how far the actual went past the target). Each operand is found by all of its word patterns in its
 * label (and the thing the ratio's label names, when it names one: 实际改造数超任务 → 改造).
 */
export interface NamedRatio {
  name: string;
  /** how the ratio's label ends */
  pattern: RegExp;
  form: 'ratio' | 'excess';
  numerator: RegExp;
  denominator: RegExp;
  /** where the operands are looked for: the paragraph, or the whole document when the label names its thing */
  scope: 'paragraph' | 'document';
}

export const NAMED_RATIOS: readonly NamedRatio[] = [
  { name: '药占比', pattern: /药占比$/, form: 'ratio', numerator: /药品收入|药品费/, denominator: /医疗收入/, scope: 'paragraph' },
  { name: '兑付比例', pattern: /兑付(?:比例|率)$/, form: 'ratio', numerator: /(?:已|累计)?兑付/, denominator: /下达|应兑付/, scope: 'paragraph' },
  { name: '资金使用率', pattern: /使用率$/, form: 'ratio', numerator: /(?:已|实际)使用|已用/, denominator: /到位/, scope: 'paragraph' },
  // 计划完成/预计完成/应完成 is the target or a forecast, not what was done: its 完成 makes no actual
  { name: '超额完成', pattern: /超(?:额完成(?:(?:年度|全年)?(?:任务|计划|目标))?|任务|计划|目标)$/, form: 'excess', numerator: /实际|(?<![划计应])完成/, denominator: /任务|计划|目标/, scope: 'document' },
];

/** Words around a ratio's thing that are no part of it: the writer (我市, 本单位), a count's 数. */
export const RATIO_THING_FILLER = /^(?:[我本][市县区镇乡局院单位]+|全[市县区镇乡])|数$/g;

/** A budget or a target, with what qualifies it before (县人民代表大会批准全县全年预算, 人大预算数, 市下全年目标). */
export const BUDGET_OR_TARGET = '[\\u4e00-\\u9fa5]{0,16}?(?:预算(?:数)?|目标)';

/**
 * The words that open the whole a rate or share is of when it is written with its amount: 完成年初预算数60999万元的40.4%,
 * 累计完成…, 占年初预算10065万元的43.2% (占地面积 is an area, no share), and 为 before a budget or a target:
 * 为县人民代表大会批准全县全年预算32,972万元的67.8%, 为市下全年目标42亿元的80.52%.
 */
export const OF_WHOLE_LEAD = `(?:累计)?完成|占(?!地)|为(?=${BUDGET_OR_TARGET})`;
