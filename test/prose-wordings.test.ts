// The genre's wordings of issue 19 (reports2): each relation read from a real document (docx and PDF) and from three
// paraphrases a writer elsewhere would use, with near misses that must give no relation.
import { describe, it, expect } from 'vitest';
import { reportRelations, lineRelations } from './helpers/relations.js';
import { readDocument } from '../src/readers/index.js';
import { extractProse } from '../src/model/prose/index.js';
import type { SourceDocument } from '../src/document.js';

/** The records of paragraphs built here (for what the projection leaves out: assumptions). */
const lineReport = (...lines: string[]) => extractProse({ path: 'built.docx', format: 'docx', blocks: lines.map((text) => ({ type: 'paragraph', text })) } as SourceDocument);

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

describe('an entry’s satellites (its share, its change, the year compared with) are no parts and no wholes', () => {
  it.each(['e-dachuan-mjzwsy-2017.docx', 'e-dachuan-mjzwsy-2017.pdf'])('%s: 本年收入合计597.52万元，与2016年相比增加…；其中：…占…与2016年相比…', async (file) => {
    const rs = await of(file);
    expect(rs).toContain('share 597.52万元: 177.28万元→29.67%, 375.81万元→70.33%');
    expect(rs).toContain('sum 597.52万元 = 177.28万元 + 375.81万元 (partial)');
    expect(rs).toContain('sum 525.54万元 = 445.80万元 + 79.63万元');
  });
  it('c-xuwen: 合计5.6万元，比上年减少1.4万元。其中：…占64%… — the share is of 5.6, never of the change', async () => {
    for (const file of ['c-xuwen-jkj-2017.docx', 'c-xuwen-jkj-2017.pdf']) expect(shares(await of(file))).toEqual(['share 5.6万元: 3.6万元→64%, 2万元→36%']);
  });
  it('paraphrases', () => {
    expect(fromLines('本年支出合计600.00万元，较上年减少40.00万元，下降6.25%；其中：基本支出450.00万元，占75.00%，较上年减少30.00万元；项目支出150.00万元，占25.00%，较上年减少10.00万元。'))
      .toEqual(expect.arrayContaining(['sum 600.00万元 = 450.00万元 + 150.00万元', 'share 600.00万元: 450.00万元→75.00%, 150.00万元→25.00% complete']));
    expect(fromLines('“三公”经费预算8万元，比上年预算10万元减少2万元。其中公务接待费5万元，其他交通费用3万元。'))
      .toEqual(expect.arrayContaining(['sum 8万元 = 5万元 + 3万元 (partial)', 'growth decrease 10万元→8万元 Δ2万元 _']));
    expect(sums(fromLines('收入合计120.5万元，与2022年相比21.79万元，增加14.01%，其中：财政拨款收入100.5万元，事业收入20万元。')))
      .toEqual(['sum 120.5万元 = 100.5万元 + 20万元 (partial)']);
  });
  it('near misses: the parts of a total are not parts of its change; a change is never a whole', () => {
    expect(sums(fromLines('“三公”经费预算8万元，比上年减少2万元。其中公务接待费5万元，其他交通费用3万元。')).filter((r) => r.startsWith('sum 2万元'))).toEqual([]);
    expect(sums(fromLines('经费比上年减少1.4万元，其中：公务用车运行维护费减少1.4万元。'))).toEqual([]);
  });
});

describe('a marker opening its sentence lists the parts of the sentence before’s head, never of a reason clause', () => {
  it('a-sixia: …7783.26万元，…增长1078%，原因是：…2、…7000万元。其中：… — of 7783.26', async () => {
    expect(sums(await of('a-sixia-zzf-2022.docx'))).toContain('sum 7783.26万元 = 751.8万元 + 7000万元 (partial)');
  });
  it.each(['a-yunxi-jdb-2017.docx', 'a-yunxi-jdb-2017.pdf'])('%s: 预算数为8万元，比上年预算10万元减少2万元。其中，…5万元，…3万元', async (file) => {
    const rs = await of(file);
    expect(rs).toContain('sum 8万元 = 5万元 + 3万元 (partial)');
    expect(rs).toContain('growth decrease 10万元→8万元 Δ2万元 _');
  });
  it('paraphrases, and several heads before: the last, by position (inferred)', () => {
    expect(sums(fromLines('2023年收入预算总额为500万元，比上年增加50万元，增长11.1%，主要原因是：新增专项资金80万元。其中：财政拨款收入420万元；其他收入80万元。')))
      .toEqual(['sum 500万元 = 420万元 + 80万元 (partial)']);
    expect(sums(fromLines('本年度支出预算284.45万元。', '其中：1、基本支出173.89万元；2、项目支出110.56万元。'))).toEqual(['sum 284.45万元 = 173.89万元 + 110.56万元']);
    const sumOf = (line: string, total: string) => lineReport(line).relations.find((r) => r.kind === 'sum' && r.total.raw === total);
    expect(sumOf('年初预算100万元，全年执行95万元。其中：甲项目60万元，乙项目35万元。', '95万元')?.assumed?.map((a) => a.kind)).toEqual(['operand-by-position']);
    // the last names itself the sentence's result: stated
    expect(sumOf('年初预算100万元、追加20万元，调整后预算120万元。其中：甲项目70万元，乙项目50万元。', '120万元')?.assumed).toBeUndefined();
  });
  it('near miss: an amount of a reason clause is no whole', () => {
    expect(sums(fromLines('收入增长10%，原因是：增加专项资金80万元。其中：财政拨款收入60万元，其他收入20万元。'))).toEqual([]);
  });
});

describe('where a list ends: a cut, a measure change, a budget among what was spent; lists across 。 and paragraphs', () => {
  it.each(['b-yuanyang-dpx-2021.docx', 'b-yuanyang-dpx-2021.pdf'])('%s: 资金107.13万元，其中项目管理费1.07万元，目前项目资金已拨付106.36万元 — no sum', async (file) => {
    expect(sums(await of(file))).toEqual([]);
  });
  it.each(['a-luzhai-sgjf-2019.docx', 'a-luzhai-sgjf-2019.pdf'])('%s: 其中：因公出国…0万元。公务用车购置费…；运行维护费…。公务接待费… — all three “三公” items', async (file) => {
    expect(await of(file)).toContain('sum 1165.08万元 = 0万元 + 204.78万元 + 664.60万元 + 295.70万元');
  });
  it('m-a-luzhai: the mutated whole against the same complete list', async () => {
    expect(await of('m-a-luzhai-sgjf-2019.docx')).toContain('sum 1165.80万元 = 0万元 + 204.78万元 + 664.60万元 + 295.70万元');
  });
  it.each(['e-yichun-xy-2020.docx', 'e-yichun-xy-2020.pdf'])('%s: …退休人员417人。同等待遇非在编人员127人。 — one more part, assumed', async (file) => {
    const { document } = await readDocument(`test/data/reports2/${file}`);
    const sum = extractProse(document).relations.find((r) => r.kind === 'sum' && r.total.raw === '1982人');
    expect(sum && sum.kind === 'sum' && [sum.parts.map((q) => q.raw), sum.exhaustive, sum.assumed?.map((a) => a.kind)])
      .toEqual([['1434人', '4人', '417人', '127人'], false, ['list-continues']]);
  });
  it.each(['d-pingliang-zxb-2024.docx', 'd-pingliang-zxb-2024.pdf'])('%s: 基本支出…。其中： / 人员经费…，主要包括… / 公用经费… — a part per paragraph', async (file) => {
    expect(sums(await of(file))).toContain('sum 1076.17万元 = 896.34万元 + 179.83万元');
  });
  it.each(['a-zhenjiang-yy-2021.docx', 'a-zhenjiang-yy-2021.pdf'])('%s: 总收入14.57亿元…其中： then a part per paragraph, the third with its own 其中：', async (file) => {
    expect(sums(await of(file))).toContain('sum 14.57亿元 = 1.1亿元 + 103.48万元 + 13.44亿元 (partial)');
  });
  it.each(['a-changle-sgjf-2017.docx', 'a-changle-sgjf-2017.pdf'])('%s: （二）…1116.14万元。其中：1、…购置费34.71万元，…减少79.4万元… — the item’s change is no second amount', async (file) => {
    expect(sums(await of(file))).toContain('sum 1116.14万元 = 34.71万元 + 1116.14万元');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('下达资金303万元，其中项目管理费3万元，工程费300万元，已拨付270万元。'))).toEqual(['sum 303万元 = 3万元 + 300万元 (partial)']);
    expect(sums(fromLines('“三公”经费支出9.8万元。其中：因公出国（境）费0万元。公务用车运行维护费6.5万元；公务用车购置费0万元。公务接待费3.3万元。')))
      .toEqual(['sum 9.8万元 = 0万元 + 6.5万元 + 0万元 + 3.3万元']);
    expect(sums(fromLines('基本支出205.6万元。其中：', '人员经费180.2万元，主要用于工资福利。', '公用经费25.4万元。'))).toEqual(['sum 205.6万元 = 180.2万元 + 25.4万元']);
  });
  it('near misses: 调减 is no part; 退休 is no part of 在职; a sentence after a list of another kind ends it', () => {
    expect(sums(fromLines('下达资金111万元，其中低保资金100万元，孤儿保障金11万元，调减40万元。'))).toEqual(['sum 111万元 = 100万元 + 11万元 (partial)']);
    expect(sums(fromLines('在职人员48人，其中行政22人，事业26人。退休人员28人。'))).toEqual(['sum 48人 = 22人 + 26人']);
    expect(sums(fromLines('项目资金100万元，其中甲项目60万元，乙项目40万元。已拨付资金80万元。'))).toEqual(['sum 100万元 = 60万元 + 40万元 (partial)']);
  });
});

describe('complementary parts: all three “三公” items, the years of a stated range, 剩余', () => {
  it.each(['a-wuzhou-ncpjc-2020.docx', 'a-wuzhou-ncpjc-2020.pdf'])('%s: （一）出国0万元 （二）公务用车3.98万元 — two of three leave the list open: no sum of 5.48', async (file) => {
    expect(sums(await of(file)).filter((r) => r.startsWith('sum 5.48'))).toEqual([]);
  });
  it.each(['b-shandong-ywhl-2022.docx', 'b-shandong-ywhl-2022.pdf'])('%s: 2022-2023年…合计3639.79公里。其中，2022年…，2023年… — complete', async (file) => {
    expect(sums(await of(file))).toContain('sum 3639.79公里 = 1940.21公里 + 1699.58公里');
  });
  it.each(['b-tongling-zongyang-wjw-2023.docx', 'b-tongling-zongyang-wjw-2023.pdf'])('%s: 预拨3608万元（中央…、省级…）…剩余的清算资金120万元…3728万元全部执行到位', async (file) => {
    const rs = sums(await of(file));
    expect(rs).toContain('sum 3728万元 = 3608万元 + 120万元');
    expect(rs).toContain('sum 3608万元 = 2855万元 + 753万元 (partial)');
  });
  it('m-b-tongling: the mutated remainder', async () => {
    expect(sums(await of('m-b-tongling-zongyang-wjw-2023.docx'))).toContain('sum 3728万元 = 3608万元 + 102万元');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('2021年至2023年累计投入资金1200万元，其中2021年300万元，2022年400万元，2023年500万元。'))).toEqual(['sum 1200万元 = 300万元 + 400万元 + 500万元']);
    expect(sums(fromLines('“三公”经费支出9.8万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费6.5万元，公务接待费3.3万元。'))).toEqual(['sum 9.8万元 = 0万元 + 6.5万元 + 3.3万元']);
    expect(sums(fromLines('先拨付资金300万元，年底将其余资金50万元拨付到位，项目资金350万元全部拨付完毕。'))).toEqual(['sum 350万元 = 300万元 + 50万元']);
  });
  it('near misses: two of the years of the range, 全部 without a remainder', () => {
    expect(sums(fromLines('2021-2023年累计投入资金1200万元，其中2021年300万元，2022年400万元。'))).toEqual(['sum 1200万元 = 300万元 + 400万元 (partial)']);
    expect(sums(fromLines('先拨付资金300万元，年底拨付50万元，项目资金350万元全部拨付完毕。'))).toEqual([]);
  });
});

describe('parts first, then their total (共计/合计), and asides that list parts without a marker', () => {
  it.each(['b-zhongxian-mzj-2024.docx', 'b-zhongxian-mzj-2024.pdf'])('%s: fourteen items, then 共计下达…3580.69万元 (its own paragraph in the PDF)', async (file) => {
    expect(sums(await of(file))).toEqual([expect.stringMatching(/^sum 3580\.69万元 = 40万元 \+ 2\.75万元 .* \+ 3万元$/)]);
  });
  it.each(['b-huanggang-longganhu-njbt-2023.docx', 'b-huanggang-longganhu-njbt-2023.pdf'])('%s: …62万元，中央拨付16万元.…6.47万元，共计84.47万元; 农户5户（甲3户、…）', async (file) => {
    const rs = sums(await of(file));
    expect(rs).toContain('sum 84.47万元 = 62万元 + 16万元 + 6.47万元');
    expect(rs).toContain('sum 5户 = 3户 + 1户 + 1户 (partial)');
  });
  it('m-b-huanggang: an aside the writer never closed ends at the sentence’s stop', async () => {
    expect(sums(await of('m-b-huanggang-longganhu-njbt-2023.docx'))).toContain('sum 5户 = 3户 + 2户 + 1户 (partial)');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('村道硬化312.6万元；饮水安全86.4万元；农田水利45.8万元。以上共计安排衔接资金444.8万元。'))).toEqual(['sum 444.8万元 = 312.6万元 + 86.4万元 + 45.8万元']);
    expect(sums(fromLines('受益农户共28户（甲村12户、乙村9户、丙村7户）。'))).toEqual(['sum 28户 = 12户 + 9户 + 7户 (partial)']);
    expect(sums(fromLines('一批项目批复投资300万元，二批项目批复投资200万元，合计批复总投资500万元。'))).toEqual(['sum 500万元 = 300万元 + 200万元']);
  });
  it('near misses: a total word inside a label is no total after parts; an aside of one amount lists nothing', () => {
    expect(sums(fromLines('项目资金100万元，预算合计执行95万元。'))).toEqual([]);
    expect(sums(fromLines('总投资500万元（上年结转100万元）。'))).toEqual([]);
  });
});

describe('changes: the amount compared with, the first sentence with amounts, a subject named in its clause, parallel comparisons', () => {
  it.each(['a-nanjimen-jdb-2023.docx', 'a-nanjimen-jdb-2023.pdf'])('%s: 1.总体情况。收入总计X，支出总计X。收支较上年…减少710.50万元，下降9.76%', async (file) => {
    expect(growths(await of(file))).toContain('growth decrease _→6567.06万元 Δ710.50万元 9.76%');
  });
  it('m-a-nanjimen: the mutated rate', async () => {
    expect(growths(await of('m-a-nanjimen-jdb-2023.docx'))).toContain('growth decrease _→6567.06万元 Δ710.50万元 9.67%');
  });
  it.each(['a-wuzhou-ncpjc-2020.docx', 'a-wuzhou-ncpjc-2020.pdf'])('%s: 5.48万元，比预算增加0万元，比去年增加1.55万元，增长39.4%%; 公务用车运行维护费…比去年增加1.05万元 (3.98 in （二）)', async (file) => {
    const rs = growths(await of(file));
    expect(rs).toContain('growth increase _→5.48万元 Δ1.55万元 39.4%');
    expect(rs).toContain('growth increase _→3.98万元 Δ1.05万元 35.8%');
    expect(rs).toContain('growth increase _→1.5万元 Δ0.5万元 50%');
  });
  it('paraphrases', () => {
    expect(growths(fromLines('2023年“三公”经费支出12.30万元，比上年预算15.60万元减少3.30万元。'))).toEqual(['growth decrease 15.60万元→12.30万元 Δ3.30万元 _']);
    expect(growths(fromLines('一、总体情况。', '本年收入合计1,017.38万元，支出合计1,017.38万元。收支较上年增加126.5万元，增长14.2%。'))).toEqual(['growth increase _→1,017.38万元 Δ126.5万元 14.2%']);
    expect(growths(fromLines('公务接待费决算2.45万元。', '其中，公务接待费支出决算比预算减少0.5万元，比上年减少0.35万元，下降12.5%。'))).toEqual(['growth decrease _→2.45万元 Δ0.35万元 12.5%']);
  });
  it('near misses: a subject named twice with two values, a subject no category pins down, 比预算增加0万元', () => {
    expect(growths(fromLines('公务接待费支出3万元。公务接待费决算2.45万元。', '其中，公务接待费支出比上年减少0.35万元，下降12.5%。'))).toEqual([]);
    expect(growths(fromLines('办公经费2.45万元。', '其中，办公经费支出比上年减少0.35万元，下降12.5%。'))).toEqual([]);
    expect(growths(fromLines('决算数为5.48万元，比预算增加0万元。'))).toEqual([]);
  });
});

describe('named ratios: the ratio names its operands (药占比, 兑付比例, 资金使用率, 超任务)', () => {
  it.each(['a-zhenjiang-yy-2021.docx', 'a-zhenjiang-yy-2021.pdf'])('%s: 药品收入2.84亿元…医疗收入13.25亿元。药占比21.41%%', async (file) => {
    expect(rates(await of(file))).toContain('rate 药占比 21.41% = 2.84亿元 / 13.25亿元');
  });
  it.each(['b-dingxi-anding-njbt-2024.docx', 'b-dingxi-anding-njbt-2024.pdf'])('%s: 共下达…747万元，其中…。已兑付…504.8558万元，其中…，资金兑付比例分别为67.6%%', async (file) => {
    expect(rates(await of(file))).toContain('rate 兑付比例 67.6% = 504.8558万元 / 747万元');
  });
  it.each(['b-wuhu-wuwei-wfgz-2022.docx', 'b-wuhu-wuwei-wfgz-2022.pdf'])('%s: 任务数为115户，实际完成…264户 … 实际改造数超任务43%% (another section)', async (file) => {
    expect(growths(await of(file))).toContain('growth increase 115户→264户 Δ_ 43%');
  });
  it('paraphrases', () => {
    expect(rates(fromLines('药品收入3,215.6万元，医疗收入12,870.4万元，药占比24.98%。'))).toEqual(['rate 药占比 24.98% = 3,215.6万元 / 12,870.4万元']);
    expect(rates(fromLines('项目资金到位120万元，已使用96万元，资金使用率80%。'))).toEqual(['rate 资金使用率 80% = 96万元 / 120万元']);
    expect(growths(fromLines('全年计划改造农村危房120户。', '实际完成农村危房改造156户。', '实际改造数超任务30%。'))).toEqual(['growth increase 120户→156户 Δ_ 30%']);
  });
  it('near misses: an operand named twice with two values; a thing the document does not name', () => {
    expect(rates(fromLines('药品收入3,215.6万元，医疗收入12,870.4万元，医疗收入（不含药品）9,654.8万元，药占比24.98%。'))).toEqual([]);
    expect(growths(fromLines('任务数为115户，实际完成264户。', '超任务43%。'))).toEqual([]);
  });
});

describe('differences, classifications and the numbered details of a whole', () => {
  it.each(['b-shenzhen-futian-mzj-2021.docx', 'b-shenzhen-futian-mzj-2021.pdf'])('%s: 下达我区111万元（文号），其中…，调减40万元（文号），全年实际下达71万元', async (file) => {
    expect(sums(await of(file))).toContain('sum 71万元 = 111万元 + −40万元');
  });
  it('m-b-shenzhen: the mutated result', async () => {
    expect(sums(await of('m-b-shenzhen-futian-mzj-2021.docx'))).toContain('sum 61万元 = 111万元 + −40万元');
  });
  it.each(['e-huangzhong-qjx-2015.docx', 'e-huangzhong-qjx-2015.pdf'])('%s: 本年度支出预算284.45万元。 / 其中：按支出项目类别：… / 按支出功能分类科目：… / 按支出经济分类科目：…', async (file) => {
    const rs = sums(await of(file));
    expect(rs).toContain('sum 284.45万元 = 141.44万元 + 37.95万元 + 20.58万元 + 10.58万元 + 1万元 + 72.70万元 + 0.20万元 (partial)');
    expect(rs).toContain('sum 284.45万元 = 166.30万元 + 85.06万元 + 33.09万元 (partial)');
    expect(rs).toContain('sum 284.45万元 = 173.89万元 + 110.56万元 + 0万元 + 0万元 + 0万元 + 0万元'); // 6、其他支出 closes it
  });
  it.each(['e-wuzhou-jxs-2021.docx', 'e-wuzhou-jxs-2021.pdf'])('%s: 总收入581.45万元，其中本年收入390.55万元…如下。1.… 2.… 3.上年结转和结余…', async (file) => {
    expect(sums(await of(file))).toContain('sum 581.45万元 = 390.55万元 + 190.89万元');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('年初下达资金111万元，后调减40万元，全年实际下达71万元。'))).toEqual(['sum 71万元 = 111万元 + −40万元']);
    expect(sums(fromLines('项目安排资金80万元，已支付62.5万元，未支付17.5万元。'))).toEqual(['sum 17.5万元 = 80万元 + −62.5万元']);
    expect(sums(fromLines('本年收入合计520.36万元，本年支出合计498.20万元，本年收支结余22.16万元。'))).toEqual(['sum 22.16万元 = 520.36万元 + −498.20万元']);
    expect(sums(fromLines('（二）支出情况', '本年支出预算300万元。', '按支出功能分类科目：一般公共服务支出200万元，农林水支出100万元。'))).toEqual(['sum 300万元 = 200万元 + 100万元 (partial)']);
  });
  it('near misses: 年末结转和结余 is no year’s balance; 追加 alone is no difference; a classification with two wholes before it', () => {
    expect(sums(fromLines('总收入1244.27万元，总支出1095.67万元，年末结转和结余164.61万元。'))).toEqual([]);
    expect(sums(fromLines('年初预算130万元，年中追加20万元，全年实际支出145万元。'))).toEqual([]);
    expect(sums(fromLines('（二）支出情况', '本年支出预算300万元，本年支出决算280万元。', '按支出功能分类科目：一般公共服务支出200万元，农林水支出100万元。'))).toEqual([]);
  });
});

describe('the changes of the parts add up to the change of the whole, over nested numbered sections', () => {
  it.each(['a-changle-sgjf-2017.docx', 'a-changle-sgjf-2017.pdf'])('%s: 比上年减少支出613.80万元…如下： （一）…减少28.23 （二）…其中：1、…减少79.4 2、…减少596.98 （三）…增加1.36', async (file) => {
    expect(sums(await of(file))).toContain('sum 613.80万元 = 28.23万元 + 79.4万元 + 596.98万元 + −1.36万元 (partial)');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('基本支出较上年增加35.2万元，其中人员经费增加30.1万元，公用经费增加5.1万元。'))).toEqual(['sum 35.2万元 = 30.1万元 + 5.1万元 (partial)']);
    expect(sums(fromLines('“三公”经费比上年减少2.1万元。具体情况如下：', '（一）因公出国（境）费比上年减少0万元。', '（二）公务用车购置及运行费。其中：', '1、购置费比上年减少0.5万元。', '2、运行费比上年减少0.7万元。', '（三）公务接待费比上年减少0.9万元。')))
      .toEqual(['sum 2.1万元 = 0万元 + 0.5万元 + 0.7万元 + 0.9万元 (partial)']);
    expect(sums(fromLines('支出合计比上年减少48.6万元，其中基本支出减少12.4万元，项目支出减少36.2万元。'))).toEqual(['sum 48.6万元 = 12.4万元 + 36.2万元 (partial)']);
  });
  it('near miss: a sub-item with two changes leaves the sum unread', () => {
    expect(sums(fromLines('“三公”经费比上年减少2.1万元。具体情况如下：', '（一）因公出国（境）费比上年减少0万元。', '（二）公务用车购置及运行费。其中：', '1、购置费比上年减少0.5万元，比预算减少0.2万元。', '2、运行费比上年减少0.7万元。', '（三）公务接待费比上年减少0.9万元。'))).toEqual([]);
  });
});

describe('parallel lists: 分别/各 pair amounts, changes and rates by position', () => {
  it('paraphrases', () => {
    expect(growths(fromLines('2023年收、支总计分别为3,215.66万元、3,198.02万元，较上年分别增加215.30万元、198.75万元，分别增长7.18%、6.63%。')))
      .toEqual(['growth increase _→3,215.66万元 Δ215.30万元 7.18%', 'growth increase _→3,198.02万元 Δ198.75万元 6.63%']);
    expect(growths(fromLines('2023年收、支总计各是3,215.66万元、3,198.02万元，与上年相比各减少215.30万元、198.75万元，各下降6.28%、5.85%。')))
      .toEqual(['growth decrease _→3,215.66万元 Δ215.30万元 6.28%', 'growth decrease _→3,198.02万元 Δ198.75万元 5.85%']);
    expect(growths(fromLines('基本支出、项目支出分别为450万元、150万元，比上年分别减少30万元、10万元，分别下降6.25%、6.25%。')))
      .toEqual(['growth decrease _→450万元 Δ30万元 6.25%', 'growth decrease _→150万元 Δ10万元 6.25%']);
  });
  it('near misses: one change for two amounts; lists of different lengths', () => {
    expect(growths(fromLines('收入、支出分别为500万元、480万元，比上年增加20万元，增长4.17%。'))).toEqual([]);
    expect(growths(fromLines('收入、支出分别为500万元、480万元，比上年分别增加20万元、15万元、5万元，分别增长4.17%、3.2%、1%。'))).toEqual([]);
  });
});

describe('a change said in words (持平, 无增减变化) is a change of 0 among the parts’ changes', () => {
  it.each(['c-xuwen-jkj-2017.docx', 'c-xuwen-jkj-2017.pdf'])('%s: 合计…比上年减少1.4万元。其中：…3.6万元，…减少1.4万元，…2万元，…和上年持平', async (file) => {
    expect(sums(await of(file))).toContain('sum 1.4万元 = 1.4万元 + 持平 (partial)');
  });
  it('m-c-xuwen: the mutated whole change falls short of its parts’ (a warning: two of three “三公” items)', async () => {
    expect(sums(await of('m-c-xuwen-jkj-2017.docx'))).toContain('sum 1.6万元 = 1.4万元 + 持平 (partial)');
  });
  it('paraphrases', () => {
    expect(sums(fromLines('支出合计50万元，比上年减少6万元。其中：基本支出30万元，比上年减少6万元；项目支出20万元，与上年持平。'))).toContain('sum 6万元 = 6万元 + 持平 (partial)');
    expect(sums(fromLines('支出合计50万元，比上年增加6万元，其中基本支出30万元，比上年无增减变化，项目支出20万元，比上年增加6万元。'))).toContain('sum 6万元 = 无增减变化 + 6万元 (partial)');
    expect(sums(fromLines('收入合计90万元，较上年减少5万元。其中：财政拨款80万元，较上年无变化；其他收入10万元，较上年减少5万元。'))).toContain('sum 5万元 = 无变化 + 5万元 (partial)');
  });
  it('near miss: a part whose change is not said leaves the parts’ changes unread', () => {
    expect(sums(fromLines('支出合计50万元，比上年减少6万元。其中：基本支出30万元，比上年减少6万元；项目支出20万元。')).filter((r) => r.startsWith('sum 6万元'))).toEqual([]);
  });
});
