// The budget's categories as data: groups of complementary members that split a whole, catch-alls, other measures.
// A new category is a line here: a group with its members, each a pattern on a part's label.

/** Categories that split a whole between them; each member is a pattern on a part's label (离退休 names 离休 and 退休). */
export interface CategoryGroup {
  /** what the group divides, in the genre's words (for documentation and tests) */
  name: string;
  members: Readonly<Record<string, string>>;
  /** the unit family of the wholes the group splits, when it is only one */
  family?: 'money' | 'persons';
}

/**
 * Parts named by different members of one group cover the whole (上级 + 本级, 在职 + 离休 + 退休): a difference from
 * the total is an error, not an open list.
 */
export const COMPLEMENTARY_CATEGORIES: readonly CategoryGroup[] = [
  { name: '预算级次', members: { 上级: '上级', 本级: '本级' } },
  { name: '中央与地方', members: { 中央: '中央', 地方: '地方' } },
  { name: '支出性质', members: { 基本支出: '基本支出', 项目支出: '项目支出', 经营支出: '经营支出' }, family: 'money' },
  { name: '基本支出构成', members: { 人员经费: '人员经费', 公用经费: '公用经费' }, family: 'money' },
  { name: '预算类别', members: { 一般公共预算: '一般公共预算', 政府性基金: '政府性基金', 国有资本经营: '国有资本经营' } },
  { name: '预算调整', members: { 年初: '年初', 调整: '调整(?!后)|追加|调增|调减' }, family: 'money' },
  { name: '“三公”经费', members: { 因公出国: '出国', 公务用车: '公务用车', 公务接待: '公务接待' }, family: 'money' },
  { name: '公务用车', members: { 购置: '(?:用车|车辆)购置', 运行: '(?:用车|车辆)(?:购置[及和与])?运行' }, family: 'money' },
  { name: '人员状态', members: { 在职: '在职', 离休: '离休|离退休', 退休: '退休' }, family: 'persons' },
  { name: '编制类别', members: { 行政: '行政', 事业: '事业', 工勤: '工勤', 差额: '差额', 自收自支: '自收自支' }, family: 'persons' },
  { name: '经费形式', members: { 全额: '全额', 差额: '差额', 自筹: '自筹|自收自支|专户|单位资金' } },
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
const CATCH_ALL = /^(?:其他|其它)|[^\u4e00-\u9fa5]?(?:其他|其它)[\u4e00-\u9fa5]{0,4}$/;
/** A row label that opens with its catch-all word: 其他资金, 其它. */
const LEADING_CATCH_ALL = /^(?:其他|其它)/;

/** A part named as the rest of its whole (其他收入, 其它支出, 资金其他). */
export function isCatchAll(label: string): boolean {
  return CATCH_ALL.test(label);
}

/** A row label that opens as a catch-all (其他资金): a table's closing part. */
export function opensAsCatchAll(label: string): boolean {
  return LEADING_CATCH_ALL.test(label);
}

/** Sources a fund is written by across a row (资金总额 | 财政拨款 | 其他资金): the parts of a fund total. */
export const FUND_SOURCE = /财政拨款|财政资金|上年结转|结转|结余|其他资金|其他|其它|自筹|一般公共预算|政府性基金|国有资本经营|专项|基本支出|项目支出/;

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
  if (labels.some(isCatchAll)) return true;
  return COMPLEMENTARY_CATEGORIES.some((g) => new Set(labels.flatMap((l) => [...membersNamed(g, l)])).size >= 2);
}
