// Units as the genre writes them, with their families (money, ratio, count, score) and factors to a base unit.
import { alternation } from './words.js';

/** Money units with their factor to 元. 万 or 亿 alone is no money unit: the text does not say 元 (50万 may count people). */
export const MONEY_UNITS: Readonly<Record<string, number>> = {
  元: 1, 千元: 1e3, 万元: 1e4, 十万元: 1e5, 百万元: 1e6, 千万元: 1e7, 亿元: 1e8, 万亿元: 1e12,
};
/**
 * Nouns of money a bare 万 or 亿 may follow (安排资金19204.096万, 经营收入0.00万, “三公”经费决算数合计为1000.86万): the
 * writer dropped 元.
 */
const MONEY_NOUN = /(?:资金|经费|收入|支出|预算数?|决算数?|拨款|金额|费用?|款|投资)(?:合计|共计|总计)?(?:为|是)?$/;
/** 万 or 亿 right after a noun of money is 万元 or 亿元; after anything else (服务群众1.2万) it stays no money unit. */
export function unitInContext(unit: string | undefined, label: string): string | undefined {
  return (unit === '万' || unit === '亿') && MONEY_NOUN.test(label) ? `${unit}元` : unit;
}
/** Ratio units with their factor to a fraction; 比值 marks a rate a form writes as a fraction (执行率（B/A） 1 = 100 %). */
export const RATIO_UNITS: Readonly<Record<string, number>> = { '%': 0.01, '％': 0.01, '‰': 0.001, 百分比: 0.01, 比值: 1 };
/** Units of counted things: written without decimals they are exact. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '个', '人', '名', '次', '项', '家', '户', '所', '座', '处', '件', '篇', '台', '辆', '场', '期', '批', '条', '份',
  '本', '套', '间', '张', '只', '头', '位', '支', '类', '宗', '起', '人次', '户次', '场次', '个数', '册', '栋', '幅', '部',
  '种', '台套',
]);
/** Units that count people. */
export const PERSON_UNITS: ReadonlySet<string> = new Set(['人', '名']);
/** The unit of points (满分10分, 得分93.8分). */
export const POINTS_UNIT = '分';
/** Units a list count is written in (5个部门, 3项工作). Not 类 or 级: 公益一类, 二级预算单位 name a category. */
export const LIST_COUNT_UNITS = ['个', '项', '家', '所', '名', '户', '座', '条', '种', '宗'] as const;
/** Units that name a date, an ordinal or a category, not an amount: "2023年", "12月", "一类" are no numbers to check. */
export const NOT_AN_AMOUNT: ReadonlySet<string> = new Set(['年', '月', '日', '号', '时', '类', '级', '期', '届', '批']);
/** Calendar units: a Chinese numeral before them is part of a date or a name, never a quantity the scanner reports. */
export const DATE_UNITS: ReadonlySet<string> = new Set(['年', '月', '日', '年度']);

/**
 * Every unit the quantity scanner recognises after a number, longest first, so 万元 wins over 元 and 个百分点 over 个.
 * Money, ratio, count and point units above are among them; the others (亩, 公里, 吨 …) are measured quantities.
 */
export const SCANNED_UNITS: readonly string[] = [
  '个百分点', '百分点', '台套', '平方公里', '平方米', '立方米', '万平方米', '万人次', '万元', '亿元', '千元', '万亩', '万人',
  '人次', '场次', '公里', '千米', '公斤', '千克', '小时', '分钟', '年度',
  '元', '%', '％', '‰', '个', '人', '名', '次', '分', '项', '家', '户', '座', '亩', '天', '年', '月', '日', '件', '份',
  '场', '篇', '条', '台', '辆', '所', '批', '期', '处', '间', '套', '张', '册', '本', '株', '头', '只', '吨', '米',
  '周', '万', '亿', '村', '镇', '类', '栋', '宗', '支', '节', '课时', '学时', '期次', '盏', '棵', '根', '块', '级', '种',
].sort((a, b) => b.length - a.length);

/** A unit character followed by one of these starts a word, not a unit (85分为 stays a unit: 为 is not listed). */
export const NOT_UNIT_AFTER: Readonly<Record<string, string>> = {
  分: '别配类析解管工局批期部布担段级成散拨包组支队院行会摊值数项', // 分别 分配 … (分值/分数 are labels)
  人: '民员口才大工均', // 人民 人员 …
  名: '单称义额', // 名单 名称
  次: '年日月要序', // 次年 次日
  天: '然气津', // 天然
  户: '籍外', // 户籍
  项: '目', // 3项目 is rarer than 3个项目, but 项目 is a word
  元: '旦素', // 元旦
  月: '份',
  期: '间末初限',
  本: '级单地部年次科', // 本级 本单位
  级: '别',
  支: '出付持', // 支出 支付
  条: '件例',
  所: '属有在以',
  处: '理置',
  节: '约能日',
  类: '型别',
  村: '民',
  镇: '政',
  台: '账',
  场: '所地',
  种: '类植养子', // 种类 种植
};

/** The unit a text starts with at `pos` (万元 in "万元，"), or undefined; a unit character that starts a word is none. */
export function unitAt(text: string, pos: number): string | undefined {
  for (const unit of SCANNED_UNITS) {
    if (!text.startsWith(unit, pos)) continue;
    const after = text[pos + unit.length];
    const blocked = NOT_UNIT_AFTER[unit];
    if (after && blocked && blocked.includes(after)) continue;
    return unit;
  }
  return undefined;
}

export type Dimension = 'money' | 'ratio' | 'count' | 'score' | 'none' | `other:${string}`;

export interface UnitInfo {
  dimension: Dimension;
  /** multiply a value in this unit by factor to get the dimension's base unit (元, fraction, item, point). */
  factor: number;
}

/** A unit as written, without spaces, brackets or a 人民币 before it: （万元） → 万元; '' → undefined. */
export function normalizeUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = unit.replace(/[\s（）()]/g, '').replace(/^人民币/, '');
  return u === '' ? undefined : u;
}

/** What a unit measures and its factor to the base unit: 万元 → money × 10⁴, % → ratio × 0.01, 人 → count. */
export function unitOf(unit: string | undefined): UnitInfo {
  const u = normalizeUnit(unit);
  if (u === undefined) return { dimension: 'none', factor: 1 };
  if (u in MONEY_UNITS) return { dimension: 'money', factor: MONEY_UNITS[u] };
  if (u in RATIO_UNITS) return { dimension: 'ratio', factor: RATIO_UNITS[u] };
  if (COUNT_UNITS.has(u)) return { dimension: 'count', factor: 1 };
  if (u === POINTS_UNIT) return { dimension: 'score', factor: 1 };
  return { dimension: `other:${u}`, factor: 1 };
}

/** A money unit as written (万元, 人民币元, （元）). */
export function isMoneyUnit(unit: string | undefined): boolean {
  return unitOf(unit).dimension === 'money';
}

/** The percentage signs, ASCII and full-width. */
export const PERCENT_SIGNS = '%％';
const PER_CENT = new RegExp(`[${PERCENT_SIGNS}]|百分`);

/** A header or cell that says its figures are per cent (执行率(%), 百分比, 90％). */
export function mentionsPercent(text: string): boolean {
  return PER_CENT.test(text);
}

/** A percentage sign (%, ％): the unit of rates and shares in prose. */
export function isPercent(unit: string | undefined): boolean {
  return unit === '%' || unit === '％';
}

/** A money amount converted to another money unit (万元 by default), or undefined when either is no money unit. */
export function inMoneyUnit(value: number, unit: string | undefined, target = '万元'): number | undefined {
  const from = unitOf(unit);
  const to = unitOf(target);
  return from.dimension === 'money' && to.dimension === 'money' ? value * (from.factor / to.factor) : undefined;
}

/** Units of a difference between two rates (快于序时进度3.4个百分点): always said of another figure, never an amount. */
export const PERCENTAGE_POINTS: ReadonlySet<string> = new Set(['个百分点', '百分点']);

/**
 * The family a prose unit belongs to, for deciding what may be added to what: amounts with amounts, people with
 * people. '' for no unit.
 */
export function unitFamily(unit: string | undefined): string {
  if (!unit) return '';
  if (unit in MONEY_UNITS) return 'money';
  if (PERSON_UNITS.has(unit)) return 'persons';
  if (unit === '%') return 'percent';
  return unit;
}

/** A bracketed note naming a unit in a label or header (（万元） （%） （分） （人）): what the figure is in, not what it is. */
const UNIT_NOTE = /[（(][^（()）]*(?:元|%|％|分|人|个)[^（()）]*[)）]/g;

/** A label without its unit notes: 公用经费（万元） → 公用经费. */
export function withoutUnitNotes(label: string): string {
  return label.replace(UNIT_NOTE, '');
}

/** The money unit a bracketed note in a header or label names (项目资金（万元） → 万元), or undefined. */
const MONEY_NOTE = new RegExp(`[（(]\\s*(${alternation(Object.keys(MONEY_UNITS))})\\s*[)）]`);

export function moneyUnitNoted(text: string): string | undefined {
  return MONEY_NOTE.exec(text)?.[1];
}
