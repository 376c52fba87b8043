// The words of table headers and row labels, read alike in every table: what a column holds (预算数, 增减额, 占比,
// 执行率 …), its period and stage, and what a row is (a total, a count). Data first; the readers are in src/model/tables.
import { DIGIT, toHalfWidth } from './numbers.js';
import { GRAND_TOTAL_WORDS, SUBTOTAL_WORDS } from './totals.js';
import { comparedYears, leadingYear } from './years.js';
import { MONEY_UNITS, COUNT_UNITS, PERCENT_SIGNS } from './units.js';
import { alternation } from './words.js';

/** What a column (or, in a table laid out the other way, a row) holds. */
export type MeasureKind =
  | 'label' | 'rowNumber' | 'code' | 'value' | 'change' | 'changeRate' | 'share' | 'rate'
  | 'weight' | 'score' | 'grade' | 'text';

/** The budget's stages a value column may be in: planned (预算, 编制, 批复, 计划) or realised (决算, 执行, 实际). */
export type Stage = 'budget' | 'actual';

/** What a header says about the numbers under it. */
export interface HeaderMeaning {
  kind: MeasureKind;
  /** the calendar year the column is about (2016年度, 2017年预算数) */
  year?: number;
  /** the period named without a year: 上年/上年同期/上期 (previous), 本年/本期/当年 (current) */
  relative?: 'previous' | 'current';
  stage?: Stage;
  /** 调整后预算 over 年初预算: the adjusted budget is the one a rate divides by first */
  adjusted?: boolean;
  /** a change or rate of change between two named years (2017比2016增减) */
  years?: { base: number; current: number };
  /** a change that adjusts the budget (调整数 = 调整后预算 − 年初预算) */
  adjustment?: true;
  /** the budget a rate's header names as its denominator (完成年初预算%, 完成调整预算%) */
  budgetOf?: 'initial' | 'adjusted';
  /** a letter naming the column in a formula written in another header (预算数（A）, 执行率（B/A）) */
  letter?: string;
  /** a formula of letters in the header (B/A) */
  formula?: { numerator: string; denominator: string };
  /** a unit the header names in brackets (（万元）, （%）, （个）) */
  unit?: string;
  /** a header that is also a total word (2017年预算数合计, 收入合计, 小计) */
  total?: 'total' | 'subtotal';
  /** the words left once the measure words are taken out (机关运行经费决算数 → 机关运行经费): an item */
  item?: string;
}

/** Header words of a column that numbers the rows (行号 1, 2, 3 …): never an operand. */
export const ROW_NUMBER_WORDS = ['行号', '行次', '序号', '栏次', '编号'] as const;
/** Header words of a classification-code column (功能分类科目编码 201, 20101 …), and the three narrow 类 | 款 | 项 columns. */
export const CODE_WORDS = ['科目编码', '功能分类科目编码', '经济分类科目编码', '编码', '代码', '科目代码'] as const;
export const CODE_LEVEL_WORDS = ['类', '款', '项'] as const;
/** Header words of the column that names the rows. */
export const LABEL_WORDS = [
  '项目', '项目名称', '科目名称', '科目', '名称', '机构名称', '单位名称', '项目及编号', '年度', '指标', '一级指标', '二级指标',
  '三级指标', '类别', '内容', '主管部门', '项目单位', '实施单位', '分类',
] as const;
/** Header words of a column of sentences (a 说明 or 原因 column): read as prose, never summed. */
export const TEXT_WORDS = [
  '说明', '情况说明', '原因', '原因分析', '偏差原因', '增减变化原因', '改进措施', '备注', '评价结论', '实际完成情况', '完成情况',
  '存在问题', '主要内容', '目标', '预期目标', '整改措施', '指标解释', '评分标准', '评分细则', '计分方法', '评价要点',
] as const;
/** Header words of a grade column (优, 良, 中, 差). */
export const GRADE_COLUMN_WORDS = ['等级', '绩效等级', '评价等级', '评价结果', '评定等级', '自评等级', '评级'] as const;
/** Header words of the points a row may score at most, and of the points it scored. */
export const WEIGHT_WORDS = ['分值', '权重', '满分', '标准分', '指标分值'] as const;
export const SCORE_WORDS = ['得分', '自评得分', '评价得分', '实际得分', '评分', '考核得分'] as const;

/** A rate of realisation: 执行率 = 执行 ÷ 预算, 完成率, 到位率, 控制率 (实际 ÷ 编制/批复), 支付率. */
const RATE_WORD = /(?:执行|完成|到位|控制|支付|拨付|兑付|使用|结转)(?:率|比例)$|完成(?:年初|调整后?|全年|变动后)?预算数?[%％]?$|执行进度$/;
/** A share of the table's total: 占比, 比重, 所占比例, 构成. */
const SHARE_WORD = /占比|比重|所占比例|^构成|^结构|占.{0,8}(?:[%％]|比例)$/;
/** The rate of a change: 增减率, 增减幅度, 增减%, 增长率, 变动率, 增幅, 同比增长%. */
const CHANGE_RATE_WORD = new RegExp(`(?:增减|增长|增加|减少|变动|下降|同比)(?:率|幅度?|[${PERCENT_SIGNS}]|比例|变化率)$|^(?:增幅|降幅)$`);
/** The amount of a change: 增减额, 增减数, 增减金额, 增减值, 增加额, 差额, 比上年增减 — and 增减 alone under a change group. */
/** The amount a budget was adjusted by: 调整数, 调整额, 预算调整数, 调整金额 (not 调整后预算数, an adjusted budget). */
const ADJUSTMENT_WORD = /^(?:预算)?调整(?:数|额|金额|数额|值)$|^(?:调增|调减|调增减)(?:数|额)?$/;
const CHANGE_WORD = /(?:增减|增加|减少|变动|增减变化)(?:额|数|金额|值|数额)?$|^差额$|^差异$/;
/** A header grouping a change and its rate: 比上年增减情况, 2017比2016增减, 与预算相比. */
const CHANGE_GROUP_WORD = /(?:增减|增加|变动|变化|对比|比较)(?:情况)?$|^(?:比上年|较上年|与上年相比|同比)$|^与预算相比$/;

/** Words of the planned stage and of the realised one; the adjusted budget before the initial one. */
const BUDGET_STAGE = /预算|编制|批复|计划|核定|概算/;
const ADJUSTED_BUDGET = /调整后?预算|全年预算|变动后预算/;
const ACTUAL_STAGE = /决算|执行|实际|完成/;
const PREVIOUS = /上年同期|上年度?|去年|上期|上一年|前一年|同期/;
const CURRENT = /本年度?|本期|当年|今年|本月/;
const TOTAL_HEAD = /(?:合计|总计|总额|小计)$|^(?:合计|总计|小计)/;
const SUBTOTAL = /小计/;

const BRACKET_NOTE = /[（(]([^（()）]*)[)）]/g;
const LETTER = /^[A-Za-zＡ-Ｚａ-ｚ]$/;
const FORMULA = /^([A-Za-z])\s*[/÷／]\s*([A-Za-z])$/;

const UNIT_IN_NOTE = new RegExp(`^(?:单位[:：])?(${alternation([...Object.keys(MONEY_UNITS), '%', '％', '㎡', '平方米', ...COUNT_UNITS])})$`);

/**
 * A header cell's words as they compare: no spaces (项 目, 本 期), the 、 or / between paired words taken out (增、减金额,
 * 增/减), a trailing colon dropped. Bracketed notes stay (headerMeaning reads them).
 */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/([增加])[、/／]([减])/g, '$1$2')
    .replace(/[:：]$/, '');
}

/** The bracketed notes of a header (（万元）, （A）, （B/A）, （%）) and its words without them. */
function notesOf(text: string): { words: string; notes: string[] } {
  const notes: string[] = [];
  const words = text.replace(BRACKET_NOTE, (_, inner: string) => { notes.push(inner.trim()); return ''; });
  return { words, notes };
}

const word = (words: readonly string[]) => new RegExp(`^(?:${alternation(words)})$`);
const ROW_NUMBER = word(ROW_NUMBER_WORDS);
const CODE = new RegExp(`(?:${alternation(CODE_WORDS)})$`);
const CODE_LEVEL = word(CODE_LEVEL_WORDS);
const LABEL = word(LABEL_WORDS);
const TEXT = new RegExp(`(?:${alternation(TEXT_WORDS)})$`);
const GRADE = new RegExp(`(?:${alternation(GRADE_COLUMN_WORDS)})$`);
const WEIGHT = new RegExp(`^(?:${alternation(WEIGHT_WORDS)})`);
const SCORE = new RegExp(`(?:${alternation(SCORE_WORDS)})$`);

/**
 * What a header cell says about its column, or undefined for words that name an item (因公出国（境）费, 公共财政预算拨款)
 * or nothing. Read from the words alone, never from the numbers under them.
 */
export function headerMeaning(raw: string): HeaderMeaning | undefined {
  const text = normalizeHeader(raw);
  if (!text || text.length > 30) return undefined;
  const { words, notes } = notesOf(text);
  const extra: Partial<HeaderMeaning> = {};
  for (const n of notes) {
    const f = FORMULA.exec(n);
    if (f) { extra.formula = { numerator: f[1].toUpperCase(), denominator: f[2].toUpperCase() }; continue; }
    if (LETTER.test(n)) { extra.letter = toHalfWidth(n).toUpperCase(); continue; }
    const u = UNIT_IN_NOTE.exec(n);
    if (u) extra.unit = u[1] === '％' ? '%' : u[1];
  }
  const w = words;
  if (!w) return undefined;
  if (ROW_NUMBER.test(w)) return { kind: 'rowNumber', ...extra };
  if (CODE.test(w) || CODE_LEVEL.test(w)) return { kind: 'code', ...extra };
  if (LABEL.test(w)) return { kind: 'label', ...extra };
  const years = comparedYears(w);
  const compared = years ? { years } : {};
  if (CHANGE_RATE_WORD.test(w) || (/[%％]$/.test(w) && /增减|增长|变动|比/.test(w))) return { kind: 'changeRate', ...compared, ...extra };
  if (SHARE_WORD.test(w)) return { kind: 'share', ...extra };
  if (RATE_WORD.test(w)) return { kind: 'rate', ...rateBudget(w), ...extra };
  if (TEXT.test(w)) return { kind: 'text', ...extra };
  if (GRADE.test(w)) return { kind: 'grade', ...extra };
  if (WEIGHT.test(w)) return { kind: 'weight', ...extra };
  if (SCORE.test(w)) return { kind: 'score', ...extra };
  if (ADJUSTMENT_WORD.test(w)) return { kind: 'change', adjustment: true, ...extra };
  if (CHANGE_WORD.test(w) && !TOTAL_HEAD.test(w)) return { kind: 'change', ...compared, ...extra };
  return valueMeaning(w, extra);
}

/** The budget a rate divides by when its header names one: 完成年初预算% (the initial), 完成调整预算% (the adjusted). */
function rateBudget(w: string): Pick<HeaderMeaning, 'budgetOf'> {
  const named = /完成(年初|调整后?|全年|变动后)预算/.exec(w);
  if (!named) return {};
  return { budgetOf: named[1] === '年初' ? 'initial' : 'adjusted' };
}

/** Names of a fund's sources (公共财政预算拨款, 上年结转, 其他资金): items of a 合计 column, never a stage or a period. */
export const FUND_SOURCE_WORDS = [
  '一般公共预算', '公共财政', '政府性基金', '政府基金', '国有资本经营', '财政拨款', '财政资金', '财政专户', '专户管理', '非税收入',
  '上年结转', '结转', '结余', '其他资金', '其他收入', '单位资金', '自筹', '事业收入', '经营收入', '上级补助', '附属单位',
] as const;
const FUND_SOURCE = new RegExp(alternation(FUND_SOURCE_WORDS));
/** The stage words a value header ends with: 预算数, 年初预算, 调整后预算数, 决算数, 执行数, 实际支出, 批复规模, 编制数. */
const STAGE_TAIL = /(?:调整后?|全年|年初|变动后)?(?:预算|决算|执行|实际|批复|核定|编制|计划|概算|完成)(?:支出|完成|执行|投资|规模|在职)?(?:数|额|金额|值|人数)?$/;

/** A value column: its year, period and stage, a total word in it, and the item words left over. */
function valueMeaning(w: string, extra: Partial<HeaderMeaning>): HeaderMeaning | undefined {
  const out: HeaderMeaning = { kind: 'value', ...extra };
  const { year, rest: afterYear } = leadingYear(w);
  let rest = afterYear;
  if (year !== undefined) out.year = year;
  const total = TOTAL_HEAD.exec(rest);
  if (total) { out.total = SUBTOTAL.test(total[0]) ? 'subtotal' : 'total'; rest = rest.replace(TOTAL_HEAD, ''); }
  if (!FUND_SOURCE.test(rest)) {
    const prev = PREVIOUS.exec(rest);
    const cur = prev ? null : CURRENT.exec(rest);
    if (prev) out.relative = 'previous';
    else if (cur) out.relative = 'current';
    rest = rest.replace(PREVIOUS, '').replace(CURRENT, '');
    const tail = STAGE_TAIL.exec(rest);
    if (tail) {
      const budget = BUDGET_STAGE.exec(tail[0]);
      const actual = ACTUAL_STAGE.exec(tail[0]);
      // 预算执行数 is an amount spent: the later stage word names the column
      if (actual && (!budget || actual.index > budget.index)) out.stage = 'actual';
      else if (budget) { out.stage = 'budget'; if (ADJUSTED_BUDGET.test(tail[0])) out.adjusted = true; }
      rest = rest.slice(0, tail.index);
    }
  }
  const named = out.year !== undefined || out.relative !== undefined || out.stage !== undefined || out.total !== undefined;
  if (rest) out.item = rest;
  return named ? out : undefined;
}

/** A header grouping a change with its rate (比上年增、减情况; 2017比2016增减): what the columns under it compare. */
export function changeGroupOf(raw: string): { years?: { base: number; current: number }; against?: 'previous' | 'budget' } | undefined {
  const w = notesOf(normalizeHeader(raw)).words;
  const years = comparedYears(w);
  if (!CHANGE_GROUP_WORD.test(w) && !years) return undefined;
  if (years) return { years };
  if (/预算/.test(w)) return { against: 'budget' };
  if (PREVIOUS.test(w) || /同比/.test(w)) return { against: 'previous' };
  return {};
}

/**
 * A column under a group of a comparison (决算数比预算数增减 over 金额 | %) that names only what it holds: the change
 * (金额, 数额) or its rate (%, 幅度, 比例, 百分比).
 */
export function measureUnderChange(raw: string): 'change' | 'changeRate' | undefined {
  const w = toHalfWidth(raw.replace(/\s+/g, '')).replace(/^[（(](.*)[)）]$/, '$1');
  if (/^(?:%|百分比|幅度|比例|比率|变化率)$/.test(w)) return 'changeRate';
  if (/^(?:金额|数额|绝对额|绝对数)$/.test(w)) return 'change';
  return undefined;
}

/**
 * Words of an average (院均总收入, 人均经费, 平均值): a table or column of averages has a 合计 row that is the average of
 * all, not the sum of the rows above it.
 */
export function namesAverage(text: string): boolean {
  return /[院人户生床]均|平均|均值/.test(text.replace(/\s+/g, ''));
}

/**
 * A header naming a ratio of some kind (节约率, 增长比例, 比率（%）, 增长比, 占比): its cells are no amounts to add, whatever
 * it divides.
 */
export function namesRatio(header: string): boolean {
  return /(?:率|比率|比例|(?:增长|增减|变动)比|占比)$/.test(withoutNotes(header.replace(/\s+/g, '')));
}

/** A header over a run of columns that says they are the parts of the total column before them: 其中： */
export function isOfWhichHeader(raw: string): boolean {
  return /^其中[:：]?$/.test(normalizeHeader(raw));
}

/** A row label whose bracketed note names a count unit (1.因公出国（境）团组数（个）): the row counts things. */
export function countUnitOfLabel(label: string): string | undefined {
  for (const m of label.matchAll(/[（(]([^（()）]{1,3})[)）]/g)) if (COUNT_UNITS.has(m[1])) return m[1];
  return undefined;
}

/** An initial budget's words (年初预算数): the budget before any adjustment. */
export const INITIAL_BUDGET = /年初/;

/** Which figure of its stage a label names besides the stage: the period before (上年决算), the initial or adjusted budget. */
export function figureOfLabel(label: string): { previous?: boolean; budgetOf?: 'initial' | 'adjusted' } {
  const s = label.replace(/\s+/g, '');
  const out: { previous?: boolean; budgetOf?: 'initial' | 'adjusted' } = {};
  if (PREVIOUS.test(s)) out.previous = true;
  if (ADJUSTED_BUDGET.test(s) || /调整/.test(s)) out.budgetOf = 'adjusted';
  else if (INITIAL_BUDGET.test(s)) out.budgetOf = 'initial';
  return out;
}

/** A share's header naming its whole: 占部门总支出比重, 占支出总额的比例, 占合计%. */
const SHARE_OF = /^占(.+?)(?:的)?(?:比重|比例|百分比|[%％])/;
/** The whole's own words, without the words any total row has (总, 合计, 额, 数): 部门总支出 → 部门支出. */
const wholeWords = (s: string) => s.replace(new RegExp(alternation([...GRAND_TOTAL_WORDS, ...SUBTOTAL_WORDS, '总', '额', '数', '金'])), '').replace(/[总额数金]/g, '');

/**
 * Whether a share column may share out a total row: a header naming no whole (占比, 比重) or one the row's label names
 * (占支出总额比重 of 支出合计); 占部门总支出比重 of a bare 合计 may share out a whole the table does not show.
 */
export function shareOfTotal(header: string, totalLabel: string): boolean {
  const m = SHARE_OF.exec(notesOf(normalizeHeader(header)).words);
  if (!m) return true;
  const whole = wholeWords(m[1]);
  return !whole || wholeWords(totalLabel).includes(whole);
}

/** A header counting things by its words: 人数, 户数, 车辆数, 批次, 人次 (not 预算数, 决算数: those count no thing). */
const COUNT_HEAD = /(人|户|车辆|车|辆|个|次|批|台|件|团组|床位|家)数$|(人次|批次|户次)$/;

/** A column header that counts things (人数, 在职人数, 车辆数（辆）): its cells are no part of an amount. */
export function countUnitOfHeader(header: string): string | undefined {
  const text = header.replace(/\s+/g, '');
  const noted = countUnitOfLabel(text);
  if (noted) return noted;
  const m = COUNT_HEAD.exec(text.replace(/[（(][^（()）]*[)）]$/, ''));
  if (!m) return undefined;
  const unit = m[2] ?? m[1];
  const as: Record<string, string> = { 车辆: '辆', 车: '辆', 团组: '个', 床位: '张', 批次: '批' };
  return as[unit] ?? unit;
}

/** A unit line above or beside a table (单位：万元, 金额单位：元, （万元）): the unit of its amounts. */
const UNIT_LINE = new RegExp(`(?:单位|金额单位|计量单位)\\s*[:：]\\s*(?:人民币)?\\s*(${alternation(Object.keys(MONEY_UNITS))})`);
const UNIT_NOTE_ONLY = new RegExp(`[（(]\\s*(${alternation(Object.keys(MONEY_UNITS))})\\s*[)）]`);

/** The money unit a title, a unit line or a header note names, or undefined. */
export function moneyUnitOf(text: string): string | undefined {
  const t = text.replace(/\s+/g, '');
  return UNIT_LINE.exec(t)?.[1] ?? UNIT_NOTE_ONLY.exec(t)?.[1];
}

/**
 * Breakdowns a table's rows (or columns) close: parts that name every member of one of these, each once, are the whole
 * of their total (a difference is an error, not an open list). `whole` names the total a breakdown belongs to when
 * the table does not place the parts under it (支出总额 first, 基本支出 and 项目支出 further down). A part may name
 * one member only; `optional` members may be absent (经营支出).
 */
export interface Breakdown {
  name: string;
  whole?: RegExp;
  members: Readonly<Record<string, RegExp>>;
  optional?: readonly string[];
}

/** The car item as tables spell it: 公务用车购置及运行(维护)费, 公车购置及运行维护费, 公务用车费, 车辆购置和维护经费. */
const CAR = /公务用车|公车|车辆|用车/;

export const TABLE_BREAKDOWNS: readonly Breakdown[] = [
  {
    name: '“三公”经费', whole: /三公/,
    members: { 因公出国: /出国/, 公务用车: CAR, 公务接待: /接待/ },
  },
  {
    name: '公务用车购置及运行费', whole: /(?:公务用车|公车|车辆)(?:购置)?(?:及|和|与)(?:运行|维护)|公务用车费$/,
    members: { 购置: /购置(?![及和与])/, 运行: /运行|维护(?!费?$)|运维|维护费$/ },
  },
  { name: '支出性质', whole: /^支出(?:总额|合计|总计)$|^总支出$/, members: { 基本支出: /基本支出/, 项目支出: /项目支出/, 经营支出: /经营支出/ }, optional: ['经营支出'] },
  { name: '基本支出构成', whole: /^基本支出$/, members: { 人员经费: /人员经费|人员支出/, 公用经费: /公用经费|公用支出/ } },
  { name: '预算类别', members: { 一般公共预算: /一般公共预算|公共财政/, 政府性基金: /政府性?基金/, 国有资本经营: /国有资本经营/ } },
  { name: '项目资金来源', members: { 财政拨款: /财政拨款|财政资金/, 上年结转: /上年结转|结转/, 其他资金: /^其他资金|其他资金$/ } },
  { name: '资金性质（四川）', members: { 财政资金: /^财政资金$/, 财政专户: /财政专户/, 单位资金: /单位资金/, 其他资金: /^其他资金$/ } },
];

/** The member of a breakdown a label names, or undefined when it names none or more than one. */
export function breakdownMember(b: Breakdown, label: string): string | undefined {
  const named = Object.entries(b.members).filter(([, re]) => re.test(label)).map(([name]) => name);
  return named.length === 1 ? named[0] : undefined;
}

/** Whether parts with these labels are the whole of their total: one breakdown's members, every one once. */
export function closesBreakdown(labels: readonly string[]): Breakdown | undefined {
  return TABLE_BREAKDOWNS.find((b) => {
    const seen = labels.map((l) => breakdownMember(b, l));
    if (seen.some((m) => m === undefined) || new Set(seen).size !== seen.length) return false;
    return Object.keys(b.members).every((m) => seen.includes(m) || b.optional?.includes(m));
  });
}

/** Words that end a row label totalling the rows it closes: 合计, 支出合计, 收入总计, 资金总额 (and 小计). */
const ROW_TOTAL_END = new RegExp(`(?:${alternation([...GRAND_TOTAL_WORDS, '总额'])})$`);
const ROW_SUBTOTAL_END = new RegExp(`(?:${alternation(SUBTOTAL_WORDS)})$`);
/** A whole named by 总 before it: 总收入, 总支出. */
const TOTAL_PREFIXED = /^总(?:收入|支出)$/;

/**
 * Whether a row (or column) label totals what it closes: 'total' for 合计, 支出合计, 收入总计, 资金总额, 总收入,
 * “三公”经费合计; 'subtotal' for 小计. Bracketed notes aside (合计（万元）). Not 合计得分 or 合计数 of a score sheet
 * (those are totalKind's); not 行政经费.
 */
export function labelTotalKind(label: string): 'total' | 'subtotal' | undefined {
  const s = withoutNotes(label.replace(/\s+/g, ''));
  if (ROW_SUBTOTAL_END.test(s)) return 'subtotal';
  if (ROW_TOTAL_END.test(s) || TOTAL_PREFIXED.test(s)) return 'total';
  return undefined;
}

const withoutNotes = (s: string) => s.replace(/[（(][^（()）]*[)）]/g, '');

const CODE_PREFIX = new RegExp(`^(${DIGIT}{3}(?:${DIGIT}{2}){0,3})(?!${DIGIT})`);
const CODE_ONLY = new RegExp(`^${DIGIT}{3,9}$`);

/**
 * A budget classification code (功能/经济分类科目编码: 201 类, 20101 款, 2010101 项) in a code cell or before a row's
 * name (201 一般公共服务支出), or undefined.
 */
export function classificationCode(text: string, whole = false): string | undefined {
  const s = toHalfWidth(text.replace(/\s+/g, ''));
  if (whole) return CODE_ONLY.test(s) ? s : undefined;
  return CODE_PREFIX.exec(s)?.[1];
}

/** Row labels of a cell that narrates (三、“三公”经费增减变化原因等说明, 实际完成情况, 年度总体运行情况及取得的成绩). */
const NARRATIVE_LABEL = /说明|原因|结论|完成情况|运行情况|成绩|存在问题|主要内容|工作内容|概述|绩效情况|分析/;

/** A label beside a cell saying the cell narrates: its sentences are claims to check like a paragraph's. */
export function isNarrativeLabel(label: string): boolean {
  return NARRATIVE_LABEL.test(label.replace(/\s+/g, ''));
}

/** A template's note: 注：/备注：/填表说明 followed by numbered definitions (1.预算执行情况口径…, 1、“三公”经费包括…). */
const TEMPLATE_NOTE = /^(?:注|备注|填表说明|说明)\s*[:：]?\s*(?:[0-9０-９]|[一二三四五六七八九十]、|[（(])/;

export function isTemplateNote(text: string): boolean {
  return TEMPLATE_NOTE.test(text.replace(/\s+/g, ''));
}

/** A rule written as a formula (得分=权重*B/A, 预算执行率=预算执行数/调整后预算数, 20分×执行率): the form's rule, no claim. */
const RULE_FORMULA = /[=＝×÷]|[\u4e00-\u9fffA-Za-z)）]\s*[*＊]\s*[\u4e00-\u9fffA-Za-z0-9（(]|(?:^|[^A-Za-z])[A-Z]\s*[/／]\s*[A-Z](?![A-Za-z])/;

export function statesFormula(text: string): boolean {
  return RULE_FORMULA.test(text);
}

/**
 * The categories an item label belongs to, most specific first: the breakdowns it is the whole of (公务用车购置及运行
 * 维护费 is the car item's whole) and the member it is of the others (公务用车 of “三公”经费). Two labels with the same
 * categories name the same item (公务用车购置及运行费 = 公务用车购置及运行维护费); [] for a label no breakdown knows.
 */
export function itemCategories(label: string): string[] {
  const s = label.replace(/\s+/g, '');
  const out: string[] = [];
  for (const b of TABLE_BREAKDOWNS) {
    if (b.whole?.test(s)) { out.push(b.name); continue; }
    const m = breakdownMember(b, s);
    if (m) out.push(`${b.name}:${m}`);
  }
  return out;
}

/** What a sentence says of an amount after naming its item: 支出决算为, 决算数, 预算为 (公务接待费支出决算为 → 公务接待费). */
const MEASURE_TAIL = /(?:财政拨款)?(?:支出)?(?:年初|全年|调整后?)?(?:预算|决算|执行|实际|支出)(?:支出|数|额|金额)?(?:为|是|达到?|共)?[:：]?$/;
const OF_WHICH_HEAD = /^(?:其中)[:：,，]?/;

/** The item a sentence names before an amount's measure words: 其中：公务用车购置及运行维护费支出决算为 → 公务用车购置及运行维护费. */
export function itemOfLabel(label: string): string {
  return label.replace(/\s+/g, '').replace(OF_WHICH_HEAD, '').replace(MEASURE_TAIL, '');
}

/** After the stage word, words that make the amount a change or a comparison of the stage (支出决算减少, 决算比上年增加). */
const CHANGE_AFTER_STAGE = /(?:比|较|同比|环比|增|减|下降|节约|超)/;

/**
 * The stage whose figure an amount's label names: 预算 (budget) or 决算/执行/实际 (actual), the later word deciding;
 * none when no stage is named, or when the words after it make the amount a change or comparison of that stage.
 */
export function stageOfLabel(label: string): Stage | undefined {
  const s = label.replace(/\s+/g, '');
  const budget = s.lastIndexOf('预算');
  const actual = Math.max(s.lastIndexOf('决算'), s.lastIndexOf('执行'), s.lastIndexOf('实际'));
  if (actual < 0 && budget < 0) return undefined;
  const at = Math.max(actual, budget);
  if (CHANGE_AFTER_STAGE.test(s.slice(at + 2).split(/[，,；;]/)[0])) return undefined;
  return actual > budget ? 'actual' : 'budget';
}
