// The genre's wordings of issue 19 (reports2): each relation read from a real document (docx and PDF) and from three
// paraphrases a writer elsewhere would use, with near misses that must give no relation.
import { describe, it, expect } from 'vitest';
import { reportRelations, lineRelations } from './helpers/relations.js';

const of = (name: string) => reportRelations(name, 'omit', 'reports2');
const fromLines = (...lines: string[]) => lineRelations(lines, 'omit');
const kind = (k: string) => (rs: string[]) => rs.filter((r) => r.startsWith(k));
const growths = kind('growth');
const sums = kind('sum');
const counts = kind('list-count');
const rates = kind('rate');
const shares = kind('share');

describe('a change verb with its object: 比上年减少支出X万元', () => {
  it.each(['a-changle-sgjf-2017.docx', 'a-changle-sgjf-2017.pdf'])('%s: 1360.13万元，比上年减少支出613.80万元，下降36.0 per cent', async (file) => {
    expect(await of(file)).toContain('growth decrease _→1360.13万元 Δ613.80万元 36.0%');
  });
  it('paraphrases: 较上年减少支出 / 节约支出 / 同比增加收入', () => {
    expect(fromLines('2023年度本单位支出合计856.42万元，较上年减少支出73.15万元，降幅7.87%。')).toContain('growth decrease _→856.42万元 Δ73.15万元 7.87%');
    expect(fromLines('公务用车运行维护费63.90万元，比上年节约支出6.80万元，下降9.62%。')).toContain('growth decrease _→63.90万元 Δ6.80万元 9.62%');
    expect(fromLines('全年非税收入完成2,356万元，同比增加收入312万元，增长15.3%。')).toContain('growth increase _→2,356万元 Δ312万元 15.3%');
  });
  it('near misses: no comparison (全年减少支出), a count of items (减少支出项目3个)', () => {
    expect(growths(fromLines('本年度支出合计856.42万元，全年减少支出73.15万元，降幅7.87%。'))).toEqual([]);
    expect(growths(fromLines('本年度项目12个，比上年减少支出项目3个，下降20%。'))).toEqual([]);
  });
});

describe('包括 opens the parts of a whole, and of a part inside a list', () => {
  it.each(['e-huangzhong-qjx-2015.docx', 'e-huangzhong-qjx-2015.pdf'])('%s: 1、基本支出173.89万元，包括：人员经费…，公用经费…', async (file) => {
    expect(await of(file)).toContain('sum 173.89万元 = 161.57万元 + 12.23万元');
  });
  it('a-sixia: 76人，其中在职48人，包括行政22人，事业26人；退休15人… — 22 and 26 are parts of 48, not of 76', async () => {
    const rs = await of('a-sixia-zzf-2022.docx');
    expect(rs).toContain('sum 76人 = 48人 + 15人 + 5人 + 8人 (partial)');
    expect(rs).toContain('sum 48人 = 22人 + 26人');
    expect(rs.filter((r) => r.startsWith('sum 76人') && r.includes('22人'))).toEqual([]);
  });
  it('paraphrases: 包括 inside a 其中 list, 包括 after the whole, a one-part 包括 that ends at ；', () => {
    const rs = fromLines('实有人员76人，其中在职人员48人，包括行政人员22人、事业人员26人；退休人员28人。');
    expect(rs).toContain('sum 76人 = 48人 + 28人');
    expect(rs).toContain('sum 48人 = 22人 + 26人');
    expect(fromLines('基本支出205.6万元，包括人员经费180.2万元，公用经费25.4万元。')).toContain('sum 205.6万元 = 180.2万元 + 25.4万元');
    const one = fromLines('收入合计800.8万元，其中财政拨款收入751.8万元，包括一般公共预算收入751.8万元；其他收入49万元。');
    expect(one).toContain('sum 800.8万元 = 751.8万元 + 49万元 (partial)');
    expect(one.filter((r) => r.includes('751.8万元 + 751.8万元'))).toEqual([]);
  });
  it('near miss: 包括 before a list of tasks is no list of parts', () => {
    expect(sums(fromLines('项目资金100万元，主要包括道路硬化、路灯安装等工作。'))).toEqual([]);
  });
});

describe('a budget qualified by 实际 is still a budget (the head noun decides the role)', () => {
  it.each(['b-xianning-hbust-jzxj-2021.docx', 'b-xianning-hbust-jzxj-2021.pdf'])('%s: 实际下达预算2596万元 … 执行率99 per cent', async (file) => {
    expect(await of(file)).toContain('rate 项目预算执行率 99% = 2595.6208万元 / 2596万元');
  });
  it('paraphrases: 实际下达预算 / 实际到位预算资金 / 实际安排预算金额', () => {
    expect(rates(fromLines('项目实际下达预算300万元，全年实际支出285万元，预算执行率95%。'))).toContain('rate 预算执行率 95% = 285万元 / 300万元');
    expect(rates(fromLines('实际到位预算资金120万元，已支付96万元，资金支付率80%。'))).toContain('rate 资金支付率 80% = 96万元 / 120万元');
    expect(rates(fromLines('实际安排预算金额50万元，实际支出45万元，执行率90%。'))).toContain('rate 执行率 90% = 45万元 / 50万元');
  });
  it('near miss: 预算执行 is what was spent, never the budget (seed 004)', () => {
    expect(rates(fromLines('调整后预算1599.38万元，1-6月预算执行735.65万元，执行率45.9%。'))).toContain('rate 执行率 45.9% = 735.65万元 / 1599.38万元');
  });
});

describe('a whole named with the unit’s name before it: 宜春学院收入预算总额', () => {
  it.each(['e-yichun-xy-2020.docx', 'e-yichun-xy-2020.pdf'])('%s: 占收入预算总额的27.58 per cent', async (file) => {
    expect(await of(file)).toContain('share 40381.77万元: 23391.77万元→57.93%, 11140万元→27.58%, 350万元→0.87%, 5500万元→13.62% complete');
  });
  it.each(['a-sixia-zzf-2022.docx', 'a-sixia-zzf-2022.pdf'])('%s: 某某镇人民政府收入预算总额 … 占收入预算总额的90.3 per cent', async (file) => {
    expect(shares(await of(file))).toContain('share 7783.26万元: 751.8万元→9.7%, 7000万元→90.3% complete');
  });
  it('paraphrases: a centre, a hospital, a bureau before the whole’s label', () => {
    expect(shares(fromLines('2024年某某中心收入预算总额为3,512.40万元。其中财政拨款收入3,012.40万元，占收入预算总额的85.76%。')))
      .toContain('share 3,512.40万元: 3,012.40万元→85.76%');
    expect(shares(fromLines('某某县人民医院支出合计1,250.00万元。', '基本支出1,080.50万元，占支出合计的86.44%。'))).toContain('share 1,250.00万元: 1,080.50万元→86.44%');
    expect(shares(fromLines('某某县农业农村局支出总额600万元，项目支出150万元，占支出总额的25%。'))).toContain('share 600万元: 150万元→25%');
  });
  it('near miss: a part’s name before the label is no owner (社会保障和就业支出总额 is not 支出总额)', () => {
    expect(shares(fromLines('社会保障和就业支出总额80万元。', '基本支出60万元，占支出总额的75%。'))).toEqual([]);
  });
});

describe('list counts: names written twice, compound counts, a colon list that ends at its first clause, names in an aside', () => {
  it.each(['d-chengde-pingquan-jcy-2023.docx', 'd-chengde-pingquan-jcy-2023.pdf'])('%s: 8个内设机构，即办公室、…、政治部、办公室 — eight bodies', async (file) => {
    expect(counts(await of(file))).toContain('list-count 8个 [8]');
  });
  it.each(['d-pingliang-zxb-2024.docx', 'd-pingliang-zxb-2024.pdf'])('%s: 下设4个科和1个事业单位，分别为… — five', async (file) => {
    expect(counts(await of(file))).toContain('list-count 4个+1个 [5]');
  });
  it.each(['d-zhanjiang-xiashan-agjd-2021.docx', 'd-zhanjiang-xiashan-agjd-2021.pdf'])('%s: 两个：A和B（…），撤销…，下辖… — two', async (file) => {
    expect(counts(await of(file))).toContain('list-count 两个 [2]');
  });
  it.each(['m-b-zhanjiang-suixi-swj-2022.docx', 'm-b-zhanjiang-suixi-swj-2022.pdf'])('%s: 14宗（东坑、…、上湾塘）水库 — thirteen names', async (file) => {
    expect(counts(await of(file))).toContain('list-count 14宗 [13]');
  });
  it.each(['m-e-qijiang-glsw-2023.docx', 'm-e-qijiang-glsw-2023.pdf'])('%s: 共设置7个科室（…six names…）、1个办公室', async (file) => {
    expect(counts(await of(file))).toContain('list-count 7个 [6]');
  });
  it('paraphrases', () => {
    expect(counts(fromLines('全镇共有行政村9个（东岭、西岭、南岗、北岗、中心、新华、红星、前进、胜利）。'))).toEqual(['list-count 9个 [9]']);
    expect(counts(fromLines('实施水库除险加固工程6座（红旗水库、东风水库、团结水库、胜利水库、向阳水库、前进水库）。'))).toEqual(['list-count 6座 [6]']);
    expect(counts(fromLines('下设3个股室和2个二级机构，分别是办公室、财务股、业务股、信息中心和服务中心。'))).toEqual(['list-count 3个+2个 [5]']);
    expect(counts(fromLines('内设机构5个，即办公室、财务股、业务股、办公室、法规股、信息股。'))).toEqual(['list-count 5个 [5]']);
  });
  it('near misses: 等 before the count, an aside of kinds (29个县（市、区）), an aside opening with 含, items with counts', () => {
    expect(counts(fromLines('本项目以山内水库等13宗水库除险加固为依据。'))).toEqual([]);
    expect(counts(fromLines('2022年度共有29个县（市、区）承诺清零。'))).toEqual([]);
    expect(counts(fromLines('成立3个（含2个临时机构）工作组。'))).toEqual([]);
    expect(counts(fromLines('受益农户共28户（甲村12户、乙村9户、丙村7户）。'))).toEqual([]);
    expect(counts(fromLines('新增下属事业单位两个：甲中心和乙中心，撤销丙所和丁所，下辖社区5个和村1个。'))).toEqual(['list-count 两个 [2]']);
  });
});

describe('the rates the genre names by their own words: 支出进度比率, 兑付率, 兑付比例', () => {
  it.each(['d-danzhou-fy-2018.docx', 'd-danzhou-fy-2018.pdf'])('%s: …195.00万元，年末结算支出195万元，项目资金支出进度比率为100 per cent', async (file) => {
    expect(rates(await of(file))).toContain('rate 项目资金支出进度比率 100% = 195万元 / 195.00万元');
  });
  it('m3-d-danzhou: 两庭及装备更新维护195.00万元，年末结算支出159万元，…100% — the item’s amount is the denominator', async () => {
    expect(rates(await of('m3-d-danzhou-fy-2018.docx'))).toContain('rate 项目资金支出进度比率 100% = 159万元 / 195.00万元');
  });
  it('paraphrases', () => {
    expect(rates(fromLines('下达补贴资金474.4万元，已兑付385.2万元，资金兑付率为81.2%。'))).toContain('rate 资金兑付率 81.2% = 385.2万元 / 474.4万元');
    expect(rates(fromLines('下达补贴资金474.4万元，已兑付补贴资金385.2万元，兑付比例81.2%。'))).toContain('rate 兑付比例 81.2% = 385.2万元 / 474.4万元');
    expect(rates(fromLines('道路维修项目80万元，已支出56万元，支出进度70%。'))).toContain('rate 支出进度 70% = 56万元 / 80万元');
  });
  it('near miss: two unnamed amounts and no spent one give no rate', () => {
    expect(rates(fromLines('道路维修项目80万元，桥梁维修项目56万元，支出进度70%。'))).toEqual([]);
  });
});
