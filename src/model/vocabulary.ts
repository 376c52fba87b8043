// The genre's words in one place: total rows, grades, units and their families, "（N分）", complementary categories.

/** Row labels that total every row of their table part (合计, 总计, and a scoring sheet's 总分 rows). */
export const TOTAL_WORDS = [
  '合计', '总计', '总分', '总得分', '得分合计', '分值合计', '合计得分', '评价得分', '综合得分', '自评总分', '自评得分',
  '总体得分', '自评得分合计', '全年合计',
] as const;
/** Row labels that total the rows since the previous subtotal. */
export const SUBTOTAL_WORDS = ['小计'] as const;
/** Words in prose that name a total amount (预算总金额为…, 合计…, 共计…). */
export const PROSE_TOTAL_WORDS = ['总金额', '总额', '合计', '共计', '总计'] as const;
/** Words that end a run of parts: the next amount is a total or an actual figure, not one more part. */
export const PART_STOP_WORDS = ['实际', '合计', '共计', '总计', '累计'] as const;

/** Grade words as written, each with the grade it means (优秀 = 优, 合格 = 中, 不合格 = 差). */
export const GRADE_SYNONYMS: Readonly<Record<string, string>> = {
  优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 合格: '中', 一般: '中', 及格: '中',
  差: '差', 较差: '差', 不合格: '差', 不及格: '差',
};
/** Grade words longest first, so a regex alternation prefers 优秀 over 优 and 不合格 over 合格. */
export const GRADE_WORDS: readonly string[] = Object.keys(GRADE_SYNONYMS).sort((a, b) => b.length - a.length);

/** Money units with their factor to 元. */
export const MONEY_UNITS: Readonly<Record<string, number>> = {
  元: 1, 千元: 1e3, 万元: 1e4, 十万元: 1e5, 百万元: 1e6, 千万元: 1e7, 亿元: 1e8, 万亿元: 1e12,
};
/** Ratio units with their factor to a fraction; 比值 marks a rate a form writes as a fraction (执行率（B/A） 1 = 100 %). */
export const RATIO_UNITS: Readonly<Record<string, number>> = { '%': 0.01, '％': 0.01, '‰': 0.001, 百分比: 0.01, 比值: 1 };
/** Units of counted things: written without decimals they are exact. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '个', '人', '名', '次', '项', '家', '户', '所', '座', '处', '件', '篇', '台', '辆', '场', '期', '批', '条', '份',
  '本', '套', '间', '张', '只', '头', '位', '支', '类', '宗', '起', '人次', '户次', '场次', '个数', '册', '栋', '幅', '部',
]);
/** Units that count people. */
export const PERSON_UNITS: ReadonlySet<string> = new Set(['人', '名']);
/** Units a list count is written in (5个部门, 3项工作). Not 类 or 级: 公益一类, 二级预算单位 name a category. */
export const LIST_COUNT_UNITS = ['个', '项', '家', '所', '名', '户', '座', '条', '种'] as const;

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

/** "（25分）" / "(满分15分)" at the end of a heading or row label, with an optional closing 。 */
const POINTS_SUFFIX = /[（(]\s*(?:满分)?\s*(([0-9０-９]+)(?:[.．]([0-9０-９]+))?)\s*分\s*[)）]\s*[。.]?\s*$/;

export interface PointsSuffix {
  /** the label before the bracket, trimmed */
  name: string;
  /** the number and 分 as written, spaces removed: "25分" */
  raw: string;
  value: number;
  decimals: number;
}

const halfWidth = (s: string) => s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 履职效能（15分） → { name: 履职效能, value: 15 }; undefined when the label states no maximum. */
export function pointsSuffix(label: string): PointsSuffix | undefined {
  const m = POINTS_SUFFIX.exec(label);
  if (!m) return undefined;
  const digits = halfWidth(m[1]);
  return { name: label.slice(0, m.index).trim(), raw: `${digits}分`, value: Number(digits), decimals: m[3]?.length ?? 0 };
}

/** Categories that split a whole between them; each member is a pattern on a part's label (离退休 names 离休 and 退休). */
export interface CategoryGroup {
  members: Readonly<Record<string, string>>;
  /** the unit family of the wholes the group splits, when it is only one */
  family?: 'money' | 'persons';
}

/**
 * Parts named by different members of one group cover the whole (上级 + 本级, 在职 + 离休 + 退休): a difference from
 * the total is an error, not an open list.
 */
export const COMPLEMENTARY_CATEGORIES: readonly CategoryGroup[] = [
  { members: { 上级: '上级', 本级: '本级' } },
  { members: { 中央: '中央', 地方: '地方' } },
  { members: { 基本支出: '基本支出', 项目支出: '项目支出', 经营支出: '经营支出' }, family: 'money' },
  { members: { 人员经费: '人员经费', 公用经费: '公用经费' }, family: 'money' },
  { members: { 一般公共预算: '一般公共预算', 政府性基金: '政府性基金', 国有资本经营: '国有资本经营' } },
  { members: { 年初: '年初', 调整: '调整(?!后)|追加|调增|调减' }, family: 'money' },
  { members: { 因公出国: '出国', 公务用车: '公务用车', 公务接待: '公务接待' }, family: 'money' },
  { members: { 购置: '(?:用车|车辆)购置', 运行: '(?:用车|车辆)(?:购置[及和与])?运行' }, family: 'money' },
  { members: { 在职: '在职', 离休: '离休|离退休', 退休: '退休' }, family: 'persons' },
  { members: { 行政: '行政', 事业: '事业', 工勤: '工勤', 差额: '差额', 自收自支: '自收自支' }, family: 'persons' },
  { members: { 全额: '全额', 差额: '差额', 自筹: '自筹|自收自支|专户|单位资金' } },
];

/**
 * A whole, and the words of a later amount that measure something else (people in post are not posts, spending is
 * not budget): a 其中 list under 编制 ends at 实有 (编制人数30人，其中行政编制20人，事业编制10人；实有在职人员28人). Not the other way round:
 * 实有人员65人，其中行政编制26人 counts people by the kind of their post.
 */
export const OTHER_MEASURE: ReadonlyArray<{ whole: RegExp; other: RegExp }> = [
  { whole: /编制/, other: /实有/ },
  // 全年预算数150万元，其中年初预算120万元，上年结转30万元，全年执行145.5万元: what was spent is no part of a budget.
  { whole: /预算|安排|下达|批复|计划/, other: /执行|实际|完成|决算|拨付|到位/ },
];

/** Labels that name a catch-all part (其他收入, 其它支出): a list that has one covers its whole. */
export const CATCH_ALL = /^(?:其他|其它)|[^\u4e00-\u9fa5]?(?:其他|其它)[\u4e00-\u9fa5]{0,4}$/;

const memberPatterns = new Map<CategoryGroup, Array<[string, RegExp]>>(
  COMPLEMENTARY_CATEGORIES.map((g) => [g, Object.entries(g.members).map(([name, pattern]) => [name, new RegExp(pattern)])]),
);

/** The members of a group a label names: 离退休人员 names both 离休 and 退休; 办公费 none. */
export function membersNamed(group: CategoryGroup, label: string): Set<string> {
  const patterns = memberPatterns.get(group) ?? Object.entries(group.members).map(([name, pattern]) => [name, new RegExp(pattern)] as [string, RegExp]);
  return new Set(patterns.filter(([, re]) => re.test(label)).map(([name]) => name));
}

/**
 * Whether parts with these labels cover their whole without saying so: one is a catch-all (其他收入), or they name
 * two members of one group of complementary categories (基本支出 and 项目支出). Decided by words alone, never by
 * the numbers.
 */
export function coversWhole(labels: readonly string[]): boolean {
  if (labels.some((l) => CATCH_ALL.test(l))) return true;
  return COMPLEMENTARY_CATEGORIES.some((g) => new Set(labels.flatMap((l) => [...membersNamed(g, l)])).size >= 2);
}

/** A regex alternation of words, longest first. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}
