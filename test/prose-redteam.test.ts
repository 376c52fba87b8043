// Red-team paragraphs in the genre's provincial styles (决算说明, 三公经费说明, 部门整体/项目自评报告): correct
// arithmetic with traps (rounding, 约/以上, ranges, several years, two wholes, 环比, 百分点, per-capita, 元/万元/亿元,
// 占 of another whole). Each is checked as a built docx: no error, and the relations it must (or must not) yield.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from './helpers/read.js';
import { defaultConfig } from '../src/config.js';
import type { Relation, Quantity } from '../src/model/schema.js';
import { buildDocx } from './helpers/docx-build.js';

const raw = (q?: Quantity) => (q ? q.raw.replace(/\s+/g, '') : '_');
function project(r: Relation): string {
  switch (r.kind) {
    case 'sum': return `sum ${raw(r.total)} = ${r.parts.map(raw).join(' + ')}`;
    case 'growth': return `growth ${raw(r.previous)}→${raw(r.current)} Δ${raw(r.change)} ${raw(r.rate)}`;
    case 'share': return `share ${raw(r.whole)}: ${r.parts.map((p) => `${raw(p.part)}→${raw(p.share)}`).join(', ')}`;
    case 'rate': return `rate ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')} = ${raw(r.rate)}`;
    case 'list-count': return `list ${raw(r.count)} ${r.items.length}`;
    default: return r.kind;
  }
}

/** Each case asserts what it must yield (`has`), what it must not (`lacks`), or both: no error alone proves nothing. */
type Case = { name: string; lines: string[] } & ({ has: string[]; lacks?: RegExp } | { has?: string[]; lacks: RegExp });

const cases: Case[] = [
  { name: 'shares rounded to 33.33% three times (sum 99.99)', lines: ['一、收入决算情况', '2023年度本年收入合计300.00万元，其中：财政拨款收入100.00万元，占33.33%；事业收入100.00万元，占33.33%；其他收入100.00万元，占33.33%。'],
    has: ['sum 300.00万元 = 100.00万元 + 100.00万元 + 100.00万元'] },
  { name: '约 and 以上 are no operands', lines: ['2023年度项目资金约150万元，其中省级资金100万元，县级配套50万元以上。'], lacks: /^sum/ },
  { name: 'a range and 余/左右', lines: ['本年度共开展培训5-8期，培训人数300余人，其中干部120人，群众180人左右。'], lacks: /^sum/ },
  // the years' amounts are parts of the whole, never a change from one year to the next (no sum is read yet either)
  { name: 'several years added up', lines: ['2021年至2023年累计投入资金1200.00万元，其中2021年300.00万元，2022年400.00万元，2023年500.00万元。'], lacks: /^growth/ },
  { name: 'two wholes in one sentence: the 其中 is the second’s', lines: ['2023年度收入总计1,250.36万元，支出总计1,198.24万元，其中基本支出905.12万元，项目支出293.12万元。'],
    has: ['sum 1,198.24万元 = 905.12万元 + 293.12万元'] },
  { name: '环比 and 同比 side by side', lines: ['2023年第四季度支出执行312.50万元，环比增长25.00%，同比增长12.00%。上季度执行250.00万元。'], lacks: /^growth/ },
  { name: '百分点 is no rate of change', lines: ['2023年预算执行率为96.50%，比上年提高2.30个百分点，上年执行率为94.20%。'], lacks: /^growth/ },
  // the per-capita change is the 人均's, never the total's
  { name: 'per-capita beside the total', lines: ['本单位在职人员25人，人员经费支出312.50万元，人均12.50万元，比上年人均增加0.50万元，增长4.17%。'], lacks: /^growth _→312\.50万元/ },
  { name: '元 parts, a change in 万元', lines: ['“三公”经费支出合计12,600元，其中公务接待费8,600元，公务用车运行维护费4,000元，较上年减少0.35万元，下降21.74%。'],
    has: ['sum 12,600元 = 8,600元 + 4,000元'] },
  { name: '亿元 with a change and parts', lines: ['全县一般公共预算收入完成12.35亿元，比上年增收1.05亿元，增长9.29%，其中税收收入8.60亿元，非税收入3.75亿元。'],
    has: ['growth _→12.35亿元 Δ1.05亿元 9.29%'] },
  { name: '占 of a different whole (项目支出 inside 支出合计)', lines: ['（二）项目支出', '本年度项目支出293.12万元，占本年支出合计的24.46%。其中信息化建设项目120.00万元，占项目支出的40.94%；办公设备购置项目60.00万元，占项目支出的20.47%。'],
    has: ['share 293.12万元: 120.00万元→40.94%, 60.00万元→20.47%'] },
  { name: '三公 budget and actual, parts with both', lines: ['2023年“三公”经费预算数为20.00万元，决算数为15.20万元，完成预算的76.00%。其中：因公出国（境）费预算0万元，决算0万元；公务用车购置及运行维护费预算12.00万元，决算9.80万元；公务接待费预算8.00万元，决算5.40万元。'],
    has: ['rate 15.20万元 / 20.00万元 = 76.00%'] },
  { name: 'against the budget, then against last year', lines: ['公务接待费支出5.40万元，比预算减少2.60万元，下降32.50%；比上年减少1.10万元，下降16.92%。'],
    has: ['growth _→5.40万元 Δ2.60万元 32.50%'] },
  { name: '年初 + 追加 = 全年, spent over either budget', lines: ['该项目年初预算安排资金50.00万元，年中追加10.00万元，全年预算数60.00万元，实际支出57.60万元，预算执行率96.00%。'],
    has: ['rate 57.60万元 / 50.00万元|60.00万元 = 96.00%'] },
  { name: '计划 sources, then 到位 with its own 其中', lines: ['项目计划总投资800万元，其中中央资金500万元、省级资金200万元、县级配套100万元。截至2023年12月底，实际到位资金760万元，资金到位率95%，其中县级配套到位60万元。'],
    has: ['sum 800万元 = 500万元 + 200万元 + 100万元'] },
  { name: '编制 and 实有 each with its own 其中 (the first list once ran on into the second)', lines: ['本单位编制人数30人，其中行政编制20人，事业编制10人；实有在职人员28人，其中行政人员19人，事业人员9人；退休人员12人。'],
    has: ['sum 30人 = 20人 + 10人', 'sum 28人 = 19人 + 9人'] },
  { name: '编制 then 实有 without a 其中 of its own', lines: ['本单位编制人数30人，其中行政编制20人，事业编制10人；实有在职人员28人；退休人员12人。'],
    has: ['sum 30人 = 20人 + 10人'] },
  { name: '实有 people counted by the kind of their post', lines: ['实有在职人员65人，其中行政编制26人，事业编制36人，人事代理1人，聘用制2人。'],
    has: ['sum 65人 = 26人 + 36人 + 1人 + 2人'] },
  { name: 'score and its parts', lines: ['经自评，该项目综合得分92.5分，其中预算执行10分，产出指标47.5分，效益指标27分，满意度指标8分，自评等级为“优”。'],
    has: ['sum 92.5分 = 10分 + 47.5分 + 27分 + 8分', 'grade'] },
  // 年初 here is the start of the year, not the 年初预算 a rate divides by
  { name: '结转 compared with 年初', lines: ['年末结转和结余45.60万元，与年初结转和结余52.30万元相比，减少6.70万元，下降12.81%，主要原因是加快支出进度。'], lacks: /^(rate|sum)/ },
  { name: 'two 其中 lists for 预算 and 决算 in one sentence', lines: ['2023年“三公”经费预算数20.00万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费12.00万元，公务接待费8.00万元；决算数15.20万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费9.80万元，公务接待费5.40万元。'],
    has: ['sum 20.00万元 = 0万元 + 12.00万元 + 8.00万元', 'sum 15.20万元 = 0万元 + 9.80万元 + 5.40万元'] },
  { name: '共N个，其中： then groups with their own counts: no list count, a sum of counts', lines: ['本年度共实施项目12个，其中：', '1.基础设施类项目5个，资金300万元；', '2.产业发展类项目7个，资金500万元。'],
    has: ['sum 12个 = 5个 + 7个'], lacks: /^list/ },
  { name: '共N个，具体如下： then groups with their own counts: no list count', lines: ['本年度共实施项目12个，具体如下：', '1.基础设施类项目5个，资金300万元；', '2.产业发展类项目7个，资金500万元。'], lacks: /^list/ },
  { name: '共N个，其中： then kinds named without counts: groups or things, no list count', lines: ['本年度共实施项目12个，其中：', '1.基础设施类项目，主要包括道路硬化和桥梁修建；', '2.产业发展类项目，主要包括特色种植和农产品加工。'], lacks: /^list/ },
  { name: '共N个，预算总金额T，其中： then the N things: the sum is read', lines: ['我单位共有项目3个，预算总金额300万元，其中：', '1.A项目100万元；', '2.B项目120万元；', '3.C项目80万元。'],
    has: ['sum 300万元 = 100万元 + 120万元 + 80万元'] },
  { name: '共N个，预算总金额T，具体如下： then the N things: the count and the sum are read', lines: ['我单位共有项目3个，预算总金额300万元，具体如下：', '1.A项目100万元；', '2.B项目120万元；', '3.C项目80万元。'],
    has: ['list 3个 3', 'sum 300万元 = 100万元 + 120万元 + 80万元'] },
  { name: '总计X，比上年增加C。其中： then the parts’ changes', lines: ['2023年度支出总计1,198.24万元，比上年增加59.20万元。其中：', '1.基本支出增加40.00万元；', '2.项目支出增加19.20万元。'],
    has: ['sum 59.20万元 = 40.00万元 + 19.20万元'], lacks: /^sum 1,198\.24/ },
  { name: 'heading items whose body states budget and actual: no sum', lines: ['本年支出合计1000.00万元，其中：', '一、基本支出', '2023年基本支出预算720.00万元，决算700.00万元。', '二、项目支出', '2023年项目支出决算300.00万元。'], lacks: /^sum/ },
  { name: '全年预算 (含结转) with its sources, then what was spent: the spending is no part', lines: ['项目全年预算数（含上年结转）150.00万元，其中年初预算120.00万元，上年结转30.00万元，全年执行145.50万元，执行率97.00%。'],
    has: ['sum 150.00万元 = 120.00万元 + 30.00万元'] },
  { name: 'a 小计 inside a 其中 list: no sum', lines: ['本年度项目支出合计300.00万元，其中：', '信息化建设100.00万元，办公设备购置50.00万元，小计150.00万元；业务工作经费150.00万元。'], lacks: /^sum/ },
  { name: '收入总计X。其中财政拨款A。上年为B: whose B is, the text does not say', lines: ['2023年度收入总计1,523.62万元。其中财政拨款收入1,400.00万元。上年为1,402.18万元，增长8.66%。'], lacks: /^growth/ },
  { name: 'a whole in the section before and shares in the next, each of its own 本年支出合计', lines: ['一、部门收支总体情况', '2023年度收入总计1,200.00万元，支出总计1,200.00万元。', '二、收入决算情况',
    '本年收入合计1,150.00万元，其中：财政拨款收入1,100.00万元，占95.65%；其他收入50.00万元，占4.35%。', '三、支出决算情况', '本年支出合计1,120.00万元。', '（一）基本支出820.00万元，占本年支出合计的73.21%。', '（二）项目支出300.00万元，占本年支出合计的26.79%。'],
    has: ['share 1,120.00万元: 820.00万元→73.21%', 'share 1,120.00万元: 300.00万元→26.79%'] },
  { name: '上年为 a count of 人次', lines: ['本年度培训人数320人次。上年为280人次，增长14.29%。'], has: ['growth 280人次→320人次 Δ_ 14.29%'] },
  // read, and not judged: growth from nothing is no rate
  { name: 'growth from a zero base', lines: ['2023年政府性基金收入50.00万元，上年为0万元，增长100%。'], has: ['growth 0万元→50.00万元 Δ_ 100%'] },
  { name: '亿元 previous amount in the next sentence', lines: ['全年完成固定资产投资12.5亿元。比上年的11.8亿元增长5.9%。'], has: ['growth 11.8亿元→12.5亿元 Δ_ 5.9%'] },
  { name: 'the sentence before states a period amount and a budget: no growth', lines: ['2023年1-6月支出执行320.00万元，全年预算800.00万元。与上年同期的300.00万元相比，增加20.00万元，增长6.67%。'], lacks: /^growth/ },
  { name: '比上年的B减少C, then the parts’ changes after 其中', lines: ['“三公”经费支出15.20万元。比上年的18.00万元减少2.80万元，下降15.56%，其中公务接待费减少1.80万元，公务用车运行维护费减少1.00万元。'],
    has: ['growth 18.00万元→15.20万元 Δ2.80万元 15.56%'] },
  // what is left (未支付, 剩余未拨付, 结余) carries the words of spending or budgeting but is neither operand of a rate
  { name: '已支付, 未支付, then the 支付率: the paid amount is the numerator', lines: ['项目安排资金120.00万元，已支付108.00万元，未支付12.00万元，资金支付率90.00%。'],
    has: ['rate 108.00万元 / 120.00万元 = 90.00%'] },
  { name: '尚未支付 beside the budget: no rate from the remainder', lines: ['项目安排资金120.00万元，尚未支付12.00万元，支付率90.00%。'], lacks: /^rate/ },
  { name: '剩余未拨付 beside the 下达: no rate from the remainder', lines: ['下达资金200万元，剩余未拨付20万元，拨付率90%。'], lacks: /^rate/ },
  { name: '结余 beside the budget: no rate from the remainder', lines: ['年度预算资金80万元，截至12月底结余8万元，预算执行率90%。'], lacks: /^rate 8万元/ },
  // a cut in the aside is subtracted from what was first given, never a part of the amount it became
  { name: '实际下达 with 年初下达 and 年中调减 in brackets: no sum', lines: ['全年实际下达项目资金1,800万元（年初下达2,000万元，年中调减200万元），已支出1,750万元，执行率97.22%。'], lacks: /^sum/ },
  { name: '后经审计核减 after the parts is not one of them', lines: ['项目批复资金500万元，其中省级资金300万元，县级资金200万元，后经审计核减50万元。'], has: ['sum 500万元 = 300万元 + 200万元'] },
  // a balance is what income leaves after spending: 累计 after them totals the balances only
  { name: '收入, 支出, 结余, then 累计结余: no sum of income and spending', lines: ['全年收入1,250万元，全年支出1,180万元，当年结余70万元，加上上年结余30万元，累计结余100万元。'], lacks: /^sum 100万元 = 1,250/ },
  { name: '收入 and 支出, then 共计: no sum', lines: ['本年度财政拨款收入500万元，财政拨款支出480万元，共计结余20万元。'], lacks: /^sum/ },
  // 分别减少A、B: B is the second change of the parallel list, never one more part of the whole
  { name: '其中 parts, then 分别减少 two changes', lines: ['全年“三公”经费支出5.5万元，其中：公务用车运行维护费3.5万元，公务接待费2万元，与上年相比，分别减少0.5万元、0.3万元。'],
    has: ['sum 5.5万元 = 3.5万元 + 2万元'] },
  { name: '其中 parts, then 较上年分别增加 A和B', lines: ['本年支出合计960万元，其中基本支出720万元，项目支出240万元，较上年分别增加20万元和40万元。'],
    has: ['sum 960万元 = 720万元 + 240万元'] },
  // a named ratio's whole is not the one amount its word names when another source stands beside it
  { name: '兑付比例 over two sources, one named 下达: no relation', lines: ['省级下达奖补资金200万元，县级配套资金50万元，已兑付230万元，兑付比例为92%。'], lacks: /^rate/ },
  { name: '兑付比例 over the 下达 whose 其中 lists its batches', lines: ['共下达补贴资金747万元，其中第一批补贴资金520万元、第二批补贴资金227万元。已兑付补贴资金504万元，资金兑付比例67.47%。'],
    has: ['rate 504万元 / 747万元 = 67.47%'] },
  { name: '药占比 with another item in the ；-group before', lines: ['药品收入2.84亿元；卫生材料收入2.1亿元；医疗收入13.25亿元。药占比21.43%。'], has: ['rate 2.84亿元 / 13.25亿元 = 21.43%'] },
  { name: '使用结余资金支付 was spent', lines: ['项目预算安排50.00万元，使用上年结余资金支付45.00万元，预算执行率90.00%。'], has: ['rate 45.00万元 / 50.00万元 = 90.00%'] },
];

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-redteam-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('red-team paragraphs: correct arithmetic gives no error', () => {
  it('every case asserts a relation or its absence', () => {
    for (const c of cases) expect(Boolean(c.has?.length || c.lacks), c.name).toBe(true);
  });

  it.each(cases.map((c, k) => ({ ...c, k })))('$name', async (c) => {
    const result = await checkFile(buildDocx(join(dir, `case-${c.k}.docx`), c.lines), defaultConfig);
    const relations = (result.report?.relations ?? []).map(project);
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
    expect(errors).toEqual([]);
    for (const r of c.has ?? []) expect(relations).toContain(r);
    if (c.lacks) expect(relations.filter((r) => c.lacks!.test(r))).toEqual([]);
  });
});

describe('red-team: lists that a PDF line break may have cut', () => {
  it('其中： then a line that does not close its sentence: no sum from a list that may go on', async () => {
    const result = await checkFile(buildDocx(join(dir, 'wrapped.docx'), ['本年收入合计1,000.00万元，其中：', '一般公共预算财政拨款收入880.00万元，政府性基金', '预算财政拨款收入20.00万元，国有资本经营预算收入100.00万元。']), defaultConfig);
    expect((result.report?.relations ?? []).map(project).filter((r) => r.startsWith('sum'))).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('the same list on one closed line is read', async () => {
    const result = await checkFile(buildDocx(join(dir, 'closed.docx'), ['本年收入合计1,000.00万元，其中：', '一般公共预算财政拨款收入880.00万元，政府性基金预算财政拨款收入20.00万元，国有资本经营预算收入100.00万元。']), defaultConfig);
    expect((result.report?.relations ?? []).map(project)).toContain('sum 1,000.00万元 = 880.00万元 + 20.00万元 + 100.00万元');
  });
});
