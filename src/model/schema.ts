// Typed records extracted from a document: what the checks judge. `jixiao schema` prints these as JSON Schema.
import { z } from 'zod';
import { Location } from '../findings.js';

/** A number as stated in the document, with the precision its decimals imply. */
export const Quantity = z.object({
  raw: z.string().describe('the text as written, e.g. "1,059.39万元" or "88.28%"'),
  value: z.number().describe('numeric value in the stated unit (88.28 for 88.28%)'),
  decimals: z.number().int().describe('decimal places as written (precision): 2 for 8724.90, 0 for 100'),
  unit: z.string().optional().describe('元 万元 亿元 % 个 人 名 次 分 …'),
  label: z.string().optional().describe('what the number is, e.g. 调整预算数'),
  comparator: z.enum(['>=', '<=', '=', '>', '<']).optional(),
  location: Location,
});
export type Quantity = z.infer<typeof Quantity>;

/**
 * What extraction had to assume to read a relation (DOMAIN.md, "Severity by evidence"): an operand picked among
 * candidates, a whole the sentence does not name, a list end decided by category words alone, an amount from another
 * section or another sentence, table rows found by indentation or position only. A relation with none is stated by the text; one with any
 * can only warn, and the warning says what was assumed.
 */
export const Assumption = z.object({
  kind: z.enum(['operand-by-position', 'unnamed-whole', 'list-end-by-category', 'list-continues', 'other-section', 'other-sentence', 'rows-by-position']),
  /** the operand assumed, as read: its label, value and place */
  quantity: Quantity.optional(),
  /** for a list end: the last part read, and the word after it that ended the list */
  last: z.string().optional(),
  stop: z.string().optional(),
});
export type Assumption = z.infer<typeof Assumption>;

const base = {
  location: Location,
  evidence: z.string().describe('the sentence or row the relation was read from'),
  assumed: z.array(Assumption).optional().describe('what extraction assumed to read the relation; absent or empty: the text states it'),
};

/** rate = numerator / denominator; several labelled denominators when the text offers them. */
export const RateRelation = z.object({
  kind: z.literal('rate'),
  name: z.string().describe('执行率 到位率 完成率 控制率 …'),
  rate: Quantity,
  numerator: Quantity,
  denominators: z.array(Quantity).min(1).describe('candidate denominators, each with its label'),
  ...base,
});

/** part / whole = share; shares of one whole add to 100%. */
export const ShareRelation = z.object({
  kind: z.literal('share'),
  whole: Quantity.optional(),
  parts: z.array(z.object({ part: Quantity.optional(), share: Quantity })).min(1),
  complete: z.boolean().describe('true when the parts are meant to cover the whole (shares should sum to 100%)'),
  ...base,
});

/** total = sum of parts. */
export const SumRelation = z.object({
  kind: z.literal('sum'),
  total: Quantity,
  parts: z.array(Quantity).min(1),
  exhaustive: z.boolean().describe('false when introduced by 含/其中 and the list may be incomplete'),
  ...base,
});

/**
 * rate = (current - previous) / previous (growth), or (previous - current) / previous (reduction). A change stated
 * by difference (比上年增加X万元，增长Y%) gives the change instead of the previous amount: previous = current ∓ change.
 * When previous, current and change are all stated, change = |current − previous| is checked too.
 */
export const GrowthRelation = z.object({
  kind: z.literal('growth'),
  direction: z.enum(['increase', 'decrease', 'change']),
  previous: Quantity.optional().describe('absent when only the change is stated'),
  current: Quantity,
  change: Quantity.optional().describe('the amount of the change as written (增加/减少X), unsigned'),
  rate: Quantity.optional().describe('absent when the text states the two amounts and the change only'),
  ...base,
});

/** N个，分别是 a、b、c → N = number of items. */
export const ListCountRelation = z.object({
  kind: z.literal('list-count'),
  count: Quantity,
  also: z.array(Quantity).optional().describe('counts written with the first before one list (3个科和2个中心): the list holds their sum'),
  items: z.array(z.string()),
  ...base,
});

/** "X"满分6分，自评得分4分. */
export const ScoreRelation = z.object({
  kind: z.literal('score'),
  name: z.string(),
  max: Quantity.optional(),
  score: Quantity.optional(),
  ...base,
});

/** 自评得分93.8分 — the report's overall score; or a scoring sheet's total row (合计/总分), marked `sheet`. */
export const TotalScoreRelation = z.object({
  kind: z.literal('total-score'),
  score: Quantity,
  max: Quantity.optional(),
  sheet: z.boolean().optional().describe('read from a scoring sheet\'s total row (合计/总分), not stated in the text'),
  ...base,
});

/** 评价等级为优秀. */
export const GradeRelation = z.object({
  kind: z.literal('grade'),
  grade: z.string().describe('as written: 优秀 / 优 / 良好 / 良 / 中 / 合格 / 差 …'),
  score: Quantity.optional(),
  ...base,
});

export const GradeBand = z.object({
  grade: z.string(),
  min: z.number().optional(),
  minInclusive: z.boolean().default(true),
  max: z.number().optional(),
  maxInclusive: z.boolean().default(false),
});
export type GradeBand = z.infer<typeof GradeBand>;

/** The report's own grade bands: 得分≥85分为优秀；75≤得分＜85分为良好… */
export const GradeBandsRelation = z.object({
  kind: z.literal('grade-bands'),
  bands: z.array(GradeBand).min(1),
  ...base,
});

/** 预算管理（25分）= its items' maxima. */
export const SectionMaxRelation = z.object({
  kind: z.literal('section-max'),
  name: z.string(),
  max: Quantity,
  parts: z.array(Quantity),
  ...base,
});

/**
 * The same figure stated twice in one document (a document's allocation cited by its 文号, or one labelled amount of
 * one period and scope): the two statements must agree. `key` says what makes them the same figure.
 */
export const RestatedRelation = z.object({
  kind: z.literal('restated'),
  key: z.string().describe('what makes the two statements one figure: 某财农【2022】8号 → 甲县, or the amount\'s qualified label'),
  first: Quantity.describe('the first statement'),
  second: Quantity.describe('a later statement of the same figure'),
  ...base,
});

export const Relation = z.discriminatedUnion('kind', [
  RateRelation, ShareRelation, SumRelation, GrowthRelation, ListCountRelation,
  ScoreRelation, TotalScoreRelation, GradeRelation, GradeBandsRelation, SectionMaxRelation, RestatedRelation,
]);
export type Relation = z.infer<typeof Relation>;
export type RelationOf<K extends Relation['kind']> = Extract<Relation, { kind: K }>;

export const Section = z.object({
  number: z.string().describe('numbering as written: 一、 （一） 1. （1） ①'),
  level: z.number().int(),
  title: z.string(),
  location: Location,
  get children() { return z.array(Section); },
});
export type Section = { number: string; level: number; title: string; location: Location; children: Section[] };

export const Indicator = z.object({
  level1: z.string().optional(),
  level2: z.string().optional(),
  name: z.string(),
  nature: z.string().optional().describe('指标性质 as written: 正向 反向 定量 定性 …'),
  comparator: z.enum(['>=', '<=', '=', '>', '<', 'qualitative']).optional(),
  target: Quantity.optional(),
  targetText: z.string().optional(),
  unit: z.string().optional(),
  weight: Quantity.optional(),
  actual: Quantity.optional(),
  actualText: z.string().optional(),
  score: Quantity.optional(),
  deviation: z.string().optional().describe('偏差原因 as written, when the row gives one'),
  scoringRule: z.enum(['proportional']).optional().describe('the scoring rule the form itself states (得分=权重*B/A), when it states one'),
  group: z.string().optional().describe('the goal block the row sits in, as labelled: 年度绩效目标1（40分）'),
  groupMax: Quantity.optional().describe('the maximum that label states'),
  location: Location,
});
export type Indicator = z.infer<typeof Indicator>;

export const ScoreItem = z.object({
  level1: z.string().optional(),
  level2: z.string().optional(),
  name: z.string(),
  max: Quantity.optional(),
  score: Quantity.optional(),
  deduction: z.boolean().optional().describe('扣分项: subtracts from the total, not part of the 100'),
  categoryMax: z.array(Quantity).optional().describe('maxima stated in the labels, e.g. 履职效能（15分） for level1/level2'),
  location: Location,
});
export type ScoreItem = z.infer<typeof ScoreItem>;

export const BudgetRow = z.object({
  label: z.string(),
  sub: z.boolean().optional().describe('a 其中 row'),
  initial: Quantity.optional().describe('年初预算数'),
  annual: Quantity.optional().describe('全年预算数 / 调整后预算数'),
  executed: Quantity.optional().describe('全年执行数'),
  weight: Quantity.optional().describe('分值'),
  rate: Quantity.optional().describe('执行率'),
  score: Quantity.optional().describe('得分'),
  location: Location,
});
export type BudgetRow = z.infer<typeof BudgetRow>;

/** The report's headline figures, decided once by the model (src/model/summary.ts) for the workbook's 汇总 sheet. */
export const ReportSummary = z.object({
  figures: z.object({
    budget: Quantity.describe('the main budget: the denominator of the main execution rate that matches it, or a budget-table row\'s'),
    spending: Quantity,
    from: z.enum(['text', 'table']).describe('read from the text\'s execution rate or from the budget table'),
    label: z.string().describe('where: the denominator\'s and numerator\'s labels (调整预算数 / 实际支出), or the budget row\'s'),
  }).optional(),
  score: Quantity.optional().describe('the first overall score the report states'),
  grade: z.string().optional().describe('the first grade the report states, as written'),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const Report = z.object({
  path: z.string(),
  meta: z.object({
    title: z.string().optional(),
    unit: z.string().optional(),
    year: z.number().int().optional(),
    kind: z.string().optional().describe('整体支出自评报告 / 项目支出绩效自评表 / 自评打分表 …'),
    form: z.string().optional().describe('the form profile the document was recognised as (src/model/forms/profiles): project-form, dept-overall …'),
    hiddenNumbers: z.array(Location).optional().describe('table cells printed as ### (a number wider than its column): numbers the file does not show'),
    ocrSuspects: z.array(z.object({
      token: z.string().describe('the token as OCR read it: 86.42g, 1O0, 9 5'),
      expected: z.enum(['rate', 'amount', 'count']).describe('what the words around it expect'),
      location: Location,
    })).optional().describe('tokens of OCR\'d text standing where a number is expected that mix digits with look-alike letters or a stray space'),
    fingerprint: z.string().optional().describe('a hash of the numbers (by value) and letters the document shows, in any order: equal for copies of one document in any format (src/model/fingerprint.ts)'),
  }),
  sections: z.array(Section),
  facts: z.array(Quantity),
  relations: z.array(Relation),
  indicators: z.array(Indicator),
  scoreItems: z.array(ScoreItem),
  budget: z.array(BudgetRow),
  summary: ReportSummary,
});
export type Report = z.infer<typeof Report>;
