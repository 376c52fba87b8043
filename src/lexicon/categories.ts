// The budget's categories as data: groups of members that divide a whole, how many of them it takes to cover it, and
// where a list of one measure ends. A new category is a line here: a group with its members, each a pattern on a label.

/**
 * When parts naming members of a group cover their whole: `distinct` — two or more parts, each naming a different
 * member (基本支出 and 项目支出); `all` — every member named (the three “三公” items: 公务用车 and 公务接待 alone leave
 * 因公出国 out); `never` — the members name kinds of a whole that has others (the economic classes of 基本支出).
 */
export type Exhaustive = 'distinct' | 'all' | 'never';

/** Categories that divide a whole; each member is a pattern on a part's label (离退休 names 离休 and 退休). */
export interface CategoryGroup {
  /** what the group divides, in the genre's words */
  name: string;
  members: Readonly<Record<string, string>>;
  /** when the members cover the whole */
  exhaustive: Exhaustive;
  /** the unit family of the wholes the group divides, when it is only one */
  family?: 'money' | 'persons';
  /** members divided in turn by another group (公务用车 into 购置 and 运行): the parts of a member may stand for it */
  sub?: Readonly<Record<string, string>>;
}

/**
 * The genre's categories (DOMAIN.md, “Lists, evidence and severity”). A part of another member of the whole's own
 * group ends a list (在职62人，其中行政26人，事业36人，退休28人: 退休 is no part of 在职); parts naming the members as
 * `exhaustive` says cover the whole, so a difference from it is an error, not an open list.
 */
export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  { name: '预算级次', members: { 上级: '上级', 本级: '本级' }, exhaustive: 'distinct' },
  { name: '中央与地方', members: { 中央: '中央', 地方: '地方' }, exhaustive: 'distinct' },
  // a fund by who gave it (中央资金、省级资金、…、自筹资金、其他资金): the sources named may leave others out
  {
    name: '资金级次',
    members: {
      中央: '中央', 省级: '省级|省财政|省本级', 市级: '市级|市财政|市本级|州级', 县级: '县级|县财政|县本级|区级|区财政',
      自筹: '自筹|社会资本|社会投资|银行贷款', 其他: '^(?:其他|其它)',
    },
    exhaustive: 'never',
    family: 'money',
  },
  { name: '支出性质', members: { 基本支出: '基本支出', 项目支出: '项目支出', 经营支出: '经营支出', 上缴上级: '上缴上级支出', 对附属单位补助: '对附属单位补助' }, exhaustive: 'distinct', family: 'money' },
  { name: '基本支出构成', members: { 人员经费: '人员经费', 公用经费: '公用经费' }, exhaustive: 'distinct', family: 'money' },
  {
    name: '支出经济分类',
    members: { 工资福利: '工资福利', 商品和服务: '商品和服务', 对个人和家庭的补助: '对个人和家庭(?:的)?补助', 资本性支出: '资本性支出', 债务利息: '债务利息' },
    exhaustive: 'never',
    family: 'money',
  },
  { name: '预算类别', members: { 一般公共预算: '一般公共预算', 政府性基金: '政府性基金', 国有资本经营: '国有资本经营' }, exhaustive: 'distinct' },
  { name: '转移支付', members: { 返还性: '返还性', 一般性: '一般性转移', 专项: '专项转移' }, exhaustive: 'distinct', family: 'money' },
  { name: '预算调整', members: { 年初: '年初', 调整: '调整(?!后)|追加|调增|调减' }, exhaustive: 'distinct', family: 'money' },
  {
    name: '“三公”经费',
    members: { 因公出国: '出国', 公务用车: '公务用车|公车|车辆(?:购置|运行)', 公务接待: '公务接待|接待费' },
    exhaustive: 'all',
    family: 'money',
    sub: { 公务用车: '公务用车' },
  },
  { name: '公务用车', members: { 购置: '(?:用车|车辆|公车)购置', 运行: '(?:用车|车辆|公车)(?:购置[及和与])?运行' }, exhaustive: 'distinct', family: 'money' },
  { name: '人员状态', members: { 在职: '在职|在岗', 离休: '离休|离退休', 退休: '退休' }, exhaustive: 'distinct', family: 'persons' },
  // people on the establishment and people hired beside it: 在编人员67人，其中专业技术人员64人，临聘人员5人 — 临聘 is none of 在编
  { name: '用工形式', members: { 在编: '在编|编内', 编外: '临聘|聘用|编外|劳务派遣|临时工' }, exhaustive: 'distinct', family: 'persons' },
  { name: '编制类别', members: { 行政: '行政', 事业: '事业', 工勤: '工勤', 差额: '差额', 自收自支: '自收自支' }, exhaustive: 'distinct', family: 'persons' },
  { name: '经费形式', members: { 全额: '全额', 差额: '差额', 自筹: '自筹|自收自支|专户|单位资金' }, exhaustive: 'distinct' },
  // 本年 and 本年度 alike (本年度收入390.55万元)
  // the accounts' grand totals (收入支出决算总表): 收入总计 = 本年收入合计 + 使用非财政拨款结余 (before 2019: 用事业基金弥补收支
  // 差额) + 年初结转和结余; 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余
  {
    name: '收入总计',
    members: { 本年收入: '本年度?收入', 使用结余: '使用非财政拨款结余|用事业基金弥补', 上年结转: '上年结转|年初结转' },
    exhaustive: 'distinct',
    family: 'money',
    sub: { 本年收入: '本年收入' },
  },
  {
    name: '支出总计',
    members: { 本年支出: '本年度?支出', 结余分配: '结余分配', 年末结转: '年末结转|结转下年' },
    exhaustive: 'distinct',
    family: 'money',
    sub: { 本年支出: '支出性质' },
  },
  {
    name: '本年收入',
    members: {
      财政拨款: '财政拨款收入|财政补助收入', 上级补助: '上级补助收入', 事业收入: '事业收入', 经营收入: '经营收入', 附属单位上缴: '附属单位上缴收入',
      其他收入: '其他收入',
    },
    exhaustive: 'all',
    family: 'money',
  },
  { name: '采购方式', members: { 集中: '集中采购', 分散: '分散采购' }, exhaustive: 'distinct', family: 'money' },
  // 政府采购 buys 货物, 工程 and 服务 (政府采购法 第二条): the three cover it; 货物 and 工程 alone may leave 服务 out
  { name: '采购品目', members: { 货物: '货物', 工程: '工程', 服务: '服务' }, exhaustive: 'all', family: 'money' },
  { name: '职称', members: { 高级: '高级职称', 中级: '中级职称', 初级: '初级职称' }, exhaustive: 'never', family: 'persons' },
];

/** The groups whose members can cover a whole (every group but the `never` ones): for the parts of a sum. */
export const COMPLEMENTARY_CATEGORIES: readonly CategoryGroup[] = CATEGORY_GROUPS.filter((g) => g.exhaustive !== 'never');

/**
 * A whole, and the words of a later amount that measure something else (people in post are not posts, spending is
 * not budget): a 其中 list under 编制 ends at 实有 (编制人数30人，其中行政编制20人，事业编制10人；实有在职人员28人). Not the other way round:
 * 实有人员65人，其中行政编制26人 counts people by the kind of their post.
 */
export const OTHER_MEASURE: ReadonlyArray<{ whole: RegExp; other: RegExp }> = [
  { whole: /编制/, other: /实有/ },
  // 全年预算数150万元，其中年初预算120万元，上年结转30万元，全年执行145.5万元: what was spent is no part of a budget;
  // a fund is what was allocated (整合资金120万元，其中管理费2万元，目前项目资金已拨付110万元).
  { whole: /预算|安排|下达|批复|计划|(?:资金|经费)$/, other: /执行|实际|完成|决算|拨付|到位/ },
  // 决算数12万元。其中：公务接待费预算8万元，决算6万元；… (or 支出4.20万元。其中公务接待费预算2.00万元): a budget is no
  // part of what was spent.
  { whole: /决算|实际|执行|支出/, other: /预算(?:数|金额)?$/ },
  // 全年收入1250万元，全年支出1180万元，当年结余70万元，加上上年结余30万元，累计结余100万元: a balance is what income
  // leaves after spending, never their sum; income and spending are no parts of each other.
  { whole: /结余|结存|余额/, other: /收入|支出/ },
  { whole: /收入/, other: /支出/ },
  { whole: /支出/, other: /收入/ },
];

/** Labels that name a catch-all part (其他收入, 其它支出): a list that has one covers its whole. */
const CATCH_ALL = /^(?:其他|其它)|[^\u4e00-\u9fa5]?(?:其他|其它)[\u4e00-\u9fa5]{0,4}$/;
/** A row label that opens with its catch-all word: 其他资金, 其它. */
const LEADING_CATCH_ALL = /^(?:其他|其它)/;

/** A part named as the rest of its whole (其他收入, 其它支出, 资金其他). */
export function isCatchAll(label: string): boolean {
  return CATCH_ALL.test(label);
}

/**
 * A closing part of a written list named only as the rest (其他用车, 其他资金, 其他类项目): not a class of its own
 * (其他交通费用).
 */
const CLOSING_REST = /^(?:其他|其它)(?:类[\u4e00-\u9fa5]{0,3}|[\u4e00-\u9fa5]{0,2})$/;

/**
 * Whether a written list's last part is the rest of its whole (…，离退休干部用车0辆，其他用车1辆): the list covers it.
 * Not a member of a group that covers a whole (其他收入 is a class of 本年收入, beside 上年结转 in a total of income).
 */
export function endsWithRest(labels: readonly string[]): boolean {
  const last = labels[labels.length - 1] ?? '';
  return labels.length >= 2 && CLOSING_REST.test(last) && !labels.slice(0, -1).some((l) => CLOSING_REST.test(l))
    && !COMPLEMENTARY_CATEGORIES.some((g) => membersNamed(g, last).size > 0);
}

/** A row label that opens as a catch-all (其他资金): a table's closing part. */
export function opensAsCatchAll(label: string): boolean {
  return LEADING_CATCH_ALL.test(label);
}

const memberPatterns = new Map<CategoryGroup, Array<[string, RegExp]>>(
  CATEGORY_GROUPS.map((g) => [g, Object.entries(g.members).map(([name, pattern]) => [name, new RegExp(pattern)])]),
);

/** The members of a group a label names: 离退休人员 names both 离休 and 退休; 办公费 none. */
export function membersNamed(group: CategoryGroup, label: string): Set<string> {
  const patterns = memberPatterns.get(group) ?? Object.entries(group.members).map(([name, pattern]) => [name, new RegExp(pattern)] as [string, RegExp]);
  return new Set(patterns.filter(([, re]) => re.test(label)).map(([name]) => name));
}

/**
 * Whether parts with these labels cover their whole by one group's rule: each part names members no other part names,
 * and together they name two or more (`distinct`) or every member (`all`). Decided by words alone, never by numbers.
 */
export function coveredBy(group: CategoryGroup, labels: readonly string[]): boolean {
  if (group.exhaustive === 'never' || labels.length < 2) return false;
  const seen = new Set<string>();
  // 公务用车购置费 and 公务用车运行维护费 stand together for 公务用车 when they cover it
  const byParts = new Map<string, string[]>();
  for (const label of labels) {
    const members = membersNamed(group, label);
    const [only] = members;
    const sub = members.size === 1 && group.sub?.[only] ? groupNamed(group.sub[only]) : undefined;
    if (sub && membersNamed(sub, label).size === 1) {
      byParts.set(only, [...(byParts.get(only) ?? []), label]);
      continue;
    }
    if (!members.size || [...members].some((m) => seen.has(m))) return false;
    members.forEach((m) => seen.add(m));
  }
  for (const [member, parts] of byParts) {
    if (seen.has(member) || !coveredBy(groupNamed(group.sub![member])!, parts)) return false;
    seen.add(member);
  }
  return group.exhaustive === 'all' ? seen.size === Object.keys(group.members).length : seen.size >= 2;
}

/** A group by its name. */
export function groupNamed(name: string): CategoryGroup | undefined {
  return CATEGORY_GROUPS.find((g) => g.name === name);
}

/**
 * Whether parts with these labels cover their whole without saying so: one is a catch-all (其他收入), or they cover it
 * by a group's rule (基本支出 and 项目支出). Decided by words alone, never by the numbers.
 */
export function coversWhole(labels: readonly string[]): boolean {
  if (labels.some(isCatchAll)) return true;
  return COMPLEMENTARY_CATEGORIES.some((g) => {
    // shares of one whole by level (人员经费、公用经费 and 项目支出): the members named, whatever the other labels
    const named = new Set(labels.flatMap((l) => [...membersNamed(g, l)]));
    return g.exhaustive === 'all' ? named.size === Object.keys(g.members).length : named.size >= 2;
  });
}

/**
 * Attributes that cut across the people of a whole: each divides the same people another way, so parts naming two of
 * them overlap (干部职工50人，其中党员30人，女性25人 — the women may be members too) and add up to nothing.
 */
export const PERSON_ATTRIBUTES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: '性别', pattern: /男|女/ },
  { name: '政治面貌', pattern: /党员|团员|民主党派|群众/ },
  { name: '年龄', pattern: /岁|年龄/ },
  { name: '学历', pattern: /研究生|博士|硕士|本科|大专|专科|中专|高中|学历|学位/ },
  { name: '民族', pattern: /少数民族|汉族/ },
  { name: '职称', pattern: /职称/ },
  // pupils and patients: where they sleep, who they live with, what help they get
  { name: '住宿', pattern: /寄宿|住校|走读/ },
  { name: '留守', pattern: /留守/ },
  { name: '困难', pattern: /困难|贫困|低保|残疾|特困/ },
];

/** The attribute of people a label names (党员 → 政治面貌), when it names exactly one. */
export function personAttribute(label: string): string | undefined {
  const named = PERSON_ATTRIBUTES.filter((a) => a.pattern.test(label));
  return named.length === 1 ? named[0].name : undefined;
}
