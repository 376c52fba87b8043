// Claims of published pages outside both development sets that were left unread: found by changing every number of
// ~150 real pages one at a time and comparing with a recomputation by hand. Numbers changed. Each wording read, a wrong
// figure an error through the whole pipeline, and near misses that give no relation.
import { describe, it, expect } from 'vitest';
import { builtDocs, errorsOf } from './helpers/built-docs.js';
import { lineRelations } from './helpers/relations.js';

const check = builtDocs('claim-coverage');
const errors = async (lines: string | string[]) => errorsOf(await check(lines));
/** The relations of one kind the lines state, as lineRelations writes them. */
const ofKind = (kind: string) => (lines: string[]) => lineRelations(lines).filter((r) => r.startsWith(kind));
const sums = ofKind('sum');
const shares = ofKind('share');
const rates = ofKind('rate');
const growths = ofKind('growth');
const counts = (line: string) => ofKind('list-count')([line]);

describe('the accounts’ grand totals: 总计 = this year’s 合计 + what was used or distributed + what was carried', () => {
  it.each([
    ['收入总计 (使用非财政拨款结余)', (x: string) => `2023年度收入总计${x}万元，其中：本年收入合计434.16万元，使用非财政拨款结余0.00万元，年初结转和结余0.55万元。`],
    ['收入总计 (before 2019: 用事业基金弥补收支差额)', (x: string) => `2018年度收入总计${x}万元，其中：本年收入合计3930.20万元，用事业基金弥补收支差额0万元，年初结转和结余146.59万元。`],
    ['支出总计 (结余分配)', (x: string) => `2023年度支出总计${x}万元，其中：本年支出合计434.16万元，结余分配0.00万元，年末结转和结余0.55万元。`],
  ])('%s: read as whole; a wrong total is an error', async (_, line) => {
    const total = line('').includes('3930.20') ? '4076.79' : '434.72';
    const wrong = total === '434.72' ? '454.72' : '4096.79';
    expect(sums([line(total)])).toHaveLength(1);
    expect(sums([line(total)])[0]).not.toContain('partial');
    expect(await errors(line(total))).toEqual([]);
    expect(await errors(line(wrong))).toEqual([`sum ${wrong}万元`]);
  });
  it('near miss: 合计 alone after the parts restates them; it is no part', () => {
    expect(sums(['2023年度收入总计434.72万元，其中：本年收入434.16万元，年初结转和结余0.55万元，合计434.72万元。']))
      .toEqual(['sum 434.72万元 = 434.16万元 + 0.55万元']);
  });
  it('near miss: a 合计 of something that is no member of the accounts’ totals still ends the parts', () => {
    expect(sums(['项目资金总计500万元，其中：中央资金300万元，省市资金合计200万元。'])).toEqual([]);
  });
});

describe('a list of bodies closed by its count: the names end like bodies, not like the counted noun', () => {
  it.each([
    ['下设…工会5个部门', (n: string) => `本园下设办公室、教研室、财务室、保健室、工会${n}个部门。`, 5],
    ['内设…工会6个处室', (n: string) => `我校内设办公室、教务处、教科室、学生处、总务处、工会${n}个处室及高一年级组、高二年级组、高三年级组3个年级。`, 6],
    ['设…5个临床科室 (设 alone)', (n: string) => `卫生院设内科、外科、妇科、儿科、中医科${n}个临床科室和B超室、放射科、检验等辅助科室。`, 5],
    ['下辖…公司8个二级单位', (n: string) => `下辖自来水公司、环境卫生管理处、公用事业设施管理站、路灯管理所、建筑勘察设计院、建筑工程公司${n}个二级单位。`, 6],
    ['…燃气办、质安监站、信息中心7个股室和直属单位', (n: string) => `本局内设办公室、人事股、财计股、联合工会、燃气办、质安监站、信息中心${n}个股室和直属单位，另按规定设立了机关党支部。`, 7],
  ])('%s', async (_, line, n) => {
    expect(counts(line(String(n)))).toEqual([`list-count ${n}个 [${n}]`]);
    expect(await errors(line(String(n)))).toEqual([]);
    expect(await errors(line(String(n + 1)))).toEqual([`list-count ${n + 1}个`]);
  });
  it.each([
    // 设 in 建设 is no verb of a list
    '今年建设道路、桥梁、水渠3个项目。',
    // names that are no bodies, counted by a noun of bodies: nothing says the noun counts them
    '涉及资金管理、项目实施2个部门。',
    // 等 leaves the list open
    '下设办公室、财务室等5个部门。',
  ])('near miss: %s', (line) => {
    expect(counts(line)).toEqual([]);
  });
});

describe('其中： after a reason clause that states no figure lists the parts of the whole before it (the 决算说明 template)', () => {
  const INCOME = (part: string, share: string) => `2.收入情况。2022年度收入合计3,315.32万元，较上年决算数减少105.57万元，下降3.1%，`
    + `主要原因是按人头数压减公用经费。其中：财政拨款收入${part}万元，占${share}%；事业收入315万元，占9.5%。`;
  it('the parts and their shares are of 收入合计', async () => {
    expect(shares([INCOME('3,000.32', '90.5')])).toEqual(['share 3,315.32万元: 3,000.32万元→90.5%, 315万元→9.5%']);
    expect(await errors(INCOME('3,000.32', '90.5'))).toEqual([]);
    expect(await errors(INCOME('3,000.32', '92.5'))).toEqual(['share 92.5%']);
  });
  it('one part of all of it: 其中：财政拨款收入X万元，占100%', async () => {
    const line = (part: string) => `2.收入情况。2021年度收入合计2432.46万元，较上年决算数增加1117.57万元，上升84.99%，主要原因是扶贫项目增加。其中：财政拨款收入${part}万元，占100%。`;
    expect(shares([line('2432.46')])).toEqual(['share 2432.46万元: 2432.46万元→100%']);
    expect(await errors(line('2432.46'))).toEqual([]);
    expect(await errors(line('2232.46'))).toEqual(['share 100%']);
  });
  it.each([
    ['a year in the reason clause', (x: string) => `3.支出情况。2020年度支出合计1,842.85万元，较上年决算数减少72.12万元，下降3.8%，主要原因是我校在2020年学生减少，生均公用经费得以减少。其中：基本支出1,838.75万元，占${x}%；项目支出4.10万元，占0.2%。`, '99.8', '89.8'],
    ['a project’s phase in the reason clause (reports2/a-nanjimen)', (x: string) => `2.收入情况。2023年度收入合计6567.06万元，较上年决算数减少710.50万元，下降9.76%，主要原因是老旧小区基础配套项目（二期）、老旧小区基础配套项目（三期）等工程完工。其中：财政拨款收入6567.06万元，占${x}%；事业收入0.00万元，占0.00%。`, '100.00', '90.00'],
    ['changes in the reason clause (never a whole)', (x: string) => `2.收入情况。2023年度收入合计2828.33万元，较上年决算数增加128.63万元，增长4.76%，主要原因是人员经费收入减少13.25万元，项目经费收入增加91.01万元。其中：财政拨款收入2828.33万元，占${x}%；事业收入0.00万元，占0.00%。`, '100.00', '90.00'],
  ])('%s: still the head’s parts, stated', async (_, line, right, wrong) => {
    expect(await errors(line(right))).toEqual([]);
    expect(await errors(line(wrong))).toEqual([`share ${wrong}%`]);
  });
  it('a reason clause that states figures may be what the parts divide: the head is taken by its place, and only warns', async () => {
    const result = await check('收入合计500万元，增长20%，主要原因是新增专项资金100万元。其中：省级专项80万元，占80%；市级专项20万元，占20%。');
    expect(errorsOf(result)).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'share').map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
});

describe('a change against the year before is no operand of a rate', () => {
  it('支出总计X，与上年相比减少Y，降低P%；完成年初预算100%: no budget is stated, so no rate (not X ÷ Y)', async () => {
    const line = '2017年度，本单位一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%，决算数大于预算数55.93万元。';
    expect(rates([line])).toEqual([]);
    expect(await errors(line)).toEqual([]);
  });
});

describe('占年初预算X的P%: the budget a completed amount is a share of, with its amount', () => {
  const line = (rate: string, tax: string) => `（一）收入情况。1-5月，全县完成财政总收入4348万元，占年初预算10065万元的${rate}%，同比下降6.5%。`
    + `其中：税收收入${tax}万元，占年初预算8465万元的41.5%，同比下降5.2%；非税收入837万元，占年初预算1600万元的52.3%，同比下降11.7%。`;
  it('each a rate of its own budget; the budgets are no parts of the 其中 list', async () => {
    expect(lineRelations([line('43.2', '3511')])).toEqual([
      'rate 完成年初预算 43.2% = 4348万元 / 10065万元',
      'rate 完成年初预算 41.5% = 3511万元 / 8465万元',
      'rate 完成年初预算 52.3% = 837万元 / 1600万元',
      'sum 4348万元 = 3511万元 + 837万元 (partial)',
    ]);
    expect(await errors(line('43.2', '3511'))).toEqual([]);
    expect(await errors(line('45.2', '3511'))).toEqual(['rate 45.2%']);
  });
  it('near miss: 占地面积 is no share', () => {
    expect(lineRelations(['本单位办公用房1450平方米，占地面积1332平方米的院落一处。'])).toEqual([]);
  });
});

describe('比上年X，增长P% / 比上年X，增加Y: the amount compared with, its change in a clause of its own', () => {
  it('生均支出A元，比上年B元，增长P% (a 教育 statistics report, five such lines)', async () => {
    const line = (rate: string) => `1.幼儿园生均支出17443.63元，比上年17302.62元，增长${rate}%。`;
    expect(growths([line('0.81')])).toEqual(['growth increase 17302.62元→17443.63元 Δ_ 0.81%']);
    expect(await errors(line('0.81'))).toEqual([]);
    expect(await errors(line('1.81'))).toEqual(['growth 1.81%']);
  });
  it('…X万元，其中：A，B。比上年Y万元，增加Z万元: the subject is the head, not a part of its 其中 list', async () => {
    const line = (change: string) => `2023年度支出预算3836.27万元，其中：省院本级3442.13万元，西宁铁路检察院394.14万元。比上年3476.98万元，增加${change}万元，增长10.33%。`;
    expect(growths([line('359.29')])).toEqual(['growth increase 3476.98万元→3836.27万元 Δ359.29万元 10.33%']);
    expect(await errors(line('359.29'))).toEqual([]);
    expect(await errors(line('369.29'))).toEqual(['growth 369.29万元']);
  });
  it('near miss: a change followed by its rate is no amount compared with (较上年决算减少A万元，下降P%)', () => {
    expect(growths(['2018年度本单位收入合计3,930.20万元，较上年决算减少310.02万元，下降7.31%。']))
      .toEqual(['growth decrease _→3,930.20万元 Δ310.02万元 7.31%']);
  });
});

describe('the changes of a whole’s parts: only the parts’ own, within the list', () => {
  const changeSums = (line: string) => lineRelations([line]).filter((r) => r.startsWith('sum') && r.includes('−'));
  it('a part’s own 其中 changes are its parts’ (a 街道 三公: 公务用车…减少2.5万元，其中：购置…，运行…减少2.5万元)', async () => {
    const line = '“三公”经费财政拨款支出决算为34.08万元，比上年决算数减少1.55万元，下降4.4%。其中：因公出国（境）费支出决算为0.94万元，比上年决算数增加0.94万元；'
      + '公务用车购置及运行维护费支出决算为33.13万元，比上年决算数减少2.5万元，下降7%，其中：公务用车购置支出决算为17.98万元，比上年决算数增加0万元，'
      + '公务用车运行维护费支出决算为15.15万元，比上年决算数减少2.5万元，下降14.2%；公务接待费支出决算为0万元，比上年决算数增加0万元。';
    expect(changeSums(line)).toEqual(['sum 1.55万元 = −0.94万元 + 2.5万元 + −0万元 (partial)']);
    expect(await errors(line)).toEqual([]);
  });
  it('the changes end where the whole’s list ends (a 市 财政收支 report: the next sentence’s 增支 is another statement’s)', async () => {
    const line = '上半年，全市一般公共预算总收入完成865,696万元，比上年同期增收126,096万元，增长17.05%，其中：上划中央收入完成319,122万元，比上年同期增长33.06%；'
      + '地方一般公共预算收入完成546,574万元，比上年同期增收46,801万元，增长9.36%。一般公共预算支出完成1,580,349万元，比上年同期增支129,266万元，增长8.91%。';
    expect(changeSums(line)).toEqual([]);
    expect(await errors(line)).toEqual([]);
  });
});

describe('three parts of a 三公 whole, one of them more than nothing', () => {
  const line = (total: string) => `经汇总，2024年一般公共预算“三公”经费支出预算为${total}万元，其中：因公出国（境）费用0万元，公务用车运行维护费14.01万元，公务接待费0万元。`;
  it('read as a list (公务用车运行维护费 alone does not cover 公务用车: partial)', async () => {
    expect(sums([line('14.01')])).toEqual(['sum 14.01万元 = 0万元 + 14.01万元 + 0万元 (partial)']);
    expect(await errors(line('14.01'))).toEqual([]);
    expect(await errors(line('12.01'))).toEqual(['sum 12.01万元']);
  });
  it('near miss: two parts by an attribute, one of them nothing, are no list worth adding up', () => {
    expect(sums(['现有临聘人员16人，其中高级职称0名、中级职称5人。'])).toEqual([]);
  });
});

describe('（“三公”经费） after the names of its items names the whole, as （简称“三公”经费） does', () => {
  const line = (reception: string) => '2018年各单位因公出国（境）经费、公务接待费、公车购置费，公车运行费（“三公”经费）决算总额2771万元，比上年下降1.8%。'
    + `分项情况是：因公出国（境）经费决算120万元，比上年增长79.1%；公务接待费决算${reception}万元，与上年下降7.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。`;
  it('the whole and its three items', async () => {
    expect(sums([line('1033')])).toEqual(['sum 2771万元 = 120万元 + 1033万元 + 1618万元']);
    expect(await errors(line('1033'))).toEqual([]);
    expect(await errors(line('1063'))).toEqual(['sum 2771万元']);
  });
});

describe('增收/减收/增支/减支 right after an amount: its change against the same period before', () => {
  const line = (rate: string) => `一季度，全省一般公共预算收入221亿元，增收37.4亿元，增长${rate}%。其中：省级收入62.2亿元，增长20.3%；市县级收入158.8亿元，增长20.4%。`;
  it('the change and its rate, and the 其中 list of the amount (not of the change)', async () => {
    expect(lineRelations([line('20.4')])).toEqual(['sum 221亿元 = 62.2亿元 + 158.8亿元 (partial)', 'growth increase _→221亿元 Δ37.4亿元 20.4%']);
    expect(await errors(line('20.4'))).toEqual([]);
    expect(await errors(line('22.4'))).toEqual(['growth 22.4%']);
  });
  it('near miss: 增收 after other words is no change of the amount before it', () => {
    expect(lineRelations(['全县收入221亿元，通过清缴欠税增收37.4亿元，增长20.4%。']).filter((r) => r.startsWith('growth'))).toEqual([]);
  });
});

describe('the parts of a change’s 其中 list, each with its rate, against their amounts stated earlier (the 上海 三公 template)', () => {
  const lines = (car: string) => [
    '2017年度“三公”经费财政拨款支出年初预算为22.00万元，支出决算为8.77万元，完成预算的39.86%，其中：因公出国（境）费决算为0万元，完成预算的0%；'
      + '公务用车购置及运行维护费支出决算为8.47万元，完成预算的60.50%；公务接待费支出决算为0.30万元，完成预算的3.75%。',
    `2017年度“三公”经费财政拨款支出决算数比2016年度减少0.28万元，降低3.09%，其中：因公出国（境）费支出决算减少0万元，降低0%；公务用车购置及运行维护费支出决算减少0.29万元，降低${car}%；`
      + '公务接待费支出决算增加0.01万元，增长3.45%。',
  ];
  it('each part’s change takes the whole’s comparison; its amount is the one stated under its name', async () => {
    expect(growths(lines('3.31'))).toEqual([
      'growth decrease _→0万元 Δ0万元 0%',
      'growth decrease _→8.47万元 Δ0.29万元 3.31%',
      'growth increase _→0.30万元 Δ0.01万元 3.45%',
    ]);
    expect(await errors(lines('3.31'))).toEqual([]);
    expect(await errors(lines('4.31'))).toEqual(['growth 4.31%']);
  });
  it('near miss: a 其中 inside a reason clause lists no parts of the change', async () => {
    const line = '2024年度收、支总计均为357.21万元。收、支与2023年度相比，减少17.84万元，下降4.8%，主要原因是降本增效，公用经费减少；项目资金压减，其中职工文化体育、培训活动项目压减7.00万元，荣昌区困难职工帮扶项目压减9.00万元。';
    expect(sums([line])).toEqual([]);
    expect((await check(line)).findings.filter((f) => f.rule === 'sum')).toEqual([]);
  });
});

describe('财政收支执行: 其中 parts that each say how far they got, and a sentence with percentage points', () => {
  it('国税部门完成A，…；地税部门完成B，…: one kind of part, not a switch to progress', async () => {
    const line = (local: string) => '1-5月，全区一般公共预算收入完成56033万元，完成年初预算的45.5%，同比增长28.1%。其中：国税部门完成22891万元，完成年初预算的51.1%；'
      + `地税部门完成${local}万元，完成年初预算的47.43%；财政部门完成4483万元，完成年初预算的24.99%。`;
    expect(sums([line('28659')])).toEqual(['sum 56033万元 = 22891万元 + 28659万元 + 4483万元 (partial)']);
    expect(await errors(line('28659'))).toEqual([]);
    expect(await errors(line('29659'))).toEqual(['sum 56033万元']);
  });
  it('快于序时进度3.4个百分点 is said of a rate: the 其中 list is the amount’s', async () => {
    const line = (district: string) => `全市一般公共预算支出1025.5亿元，完成年初预算36.7%，快于序时进度3.4个百分点，下降4%。其中：市本级支出417.7亿元，增长0.3%；区级支出${district}亿元，下降6.7%。`;
    expect(sums([line('607.8')])).toEqual(['sum 1025.5亿元 = 417.7亿元 + 607.8亿元 (partial)']);
    expect(await errors(line('627.8'))).toEqual(['sum 1025.5亿元']);
  });
  it('near miss: after parts that name kinds, 已完工 is how far the work got', () => {
    expect(sums(['共实施项目20个，其中：产业发展类8个、基础设施类10个、其他类2个，已完工13个。'])).toEqual(['sum 20个 = 8个 + 10个 + 2个']);
  });
});

describe('财政收支执行: 完成A，增加B，增长P% — a change and its rate with the comparison left unsaid', () => {
  const LINE = (rate: string) => `一、截至2015年8月底，累计完成公共财政预算总收入67949万元，比上年同期增加6517万元，增长10.61%。其中：地方公共财政预算收入完成51653万元，增加6455万元，增长${rate}%；`
    + '上划中央收入完成12133万元，减少282万元，下降2.27%；上划省级收入完成4163万元，增加344万元，增长9.01%。';
  it('each part’s change and rate are read against its amount, and the changes are no parts of the 其中 list', async () => {
    expect(growths([LINE('14.28')])).toEqual([
      'growth increase _→67949万元 Δ6517万元 10.61%',
      'growth increase _→51653万元 Δ6455万元 14.28%',
      'growth decrease _→12133万元 Δ282万元 2.27%',
      'growth increase _→4163万元 Δ344万元 9.01%',
    ]);
    expect(lineRelations([LINE('14.28')]).filter((r) => r.startsWith('sum 67949'))).toEqual(['sum 67949万元 = 51653万元 + 12133万元 + 4163万元 (partial)']);
    expect(await errors(LINE('14.28'))).toEqual([]);
    expect(await errors(LINE('15.28'))).toEqual(['growth 15.28%']);
  });
  it('负增长 or any rate word: a change right after an amount is that amount’s, never a part of the list', async () => {
    const line = (central: string) => `元至5月，全市累计完成一般公共预算收入126.05亿元，同比增加2.25亿元，增长1.82%。其中：地方财政收入完成80.18亿元，增加2.79亿元，增长3.6%；上划中央收入完成${central}亿元，减少0.46亿元，负增长1.21%；上划省级收入完成8.09亿元，减少766万元，负增长0.94%。`;
    expect(sums([line('37.78')])).toEqual(['sum 126.05亿元 = 80.18亿元 + 37.78亿元 + 8.09亿元 (partial)']);
    expect(await errors(line('37.78'))).toEqual([]);
    expect(await errors(line('47.78'))).toEqual(['sum 126.05亿元']);
  });
  it('同比减少X，同比下降P%: the rate that says 同比 again is the change’s', async () => {
    const line = (rate: string) => `2023年部门收支总预算1157.55万元，同比减少518.08万元，同比下降${rate}%。`;
    expect(growths([line('30.92')])).toEqual(['growth decrease _→1157.55万元 Δ518.08万元 30.92%']);
    expect(await errors(line('30.92'))).toEqual([]);
    expect(await errors(line('31.92'))).toEqual(['growth 31.92%']);
  });
  it.each([
    // the amount before is last year's: the change is not measured from it
    '上年收入完成500万元，增加50万元，增长10%。',
    // a rate that says 同比 after a change against the budget is against another base
    '支出决算20万元，较年初预算减少2.5万元，同比下降16.67%。',
    // no rate after the change: nothing says what the change is measured against
    '项目资金500万元，增加50万元，用于道路建设。',
  ])('near miss: %s', (line) => {
    expect(growths([line])).toEqual([]);
  });
  it('near miss: a numbered item’s opening 累计完成 does not total the item before it', () => {
    const lines = ['三、分征收部门完成情况为：国税局完成13040万元，减少201万元，下降1.52%；地税局完成24307万元，增加2635万元，增长12.16%；财政局完成30602万元，增加4083万元，增长15.4%。',
      '四、支出情况：截至8月底，累计完成公共财政预算支出124241万元，增加5025万元，增加4.22%。'];
    expect(sums(lines)).toEqual([]);
  });
});

describe('财政收支执行: rates of a budget or target written with its amount after 为, and shares of a 累计 whole', () => {
  it('为县人民代表大会批准全县全年预算X的P%: the qualifiers of the budget before it; the budget is no part of the 其中 list', async () => {
    const line = (tax: string) => '2023年1-9月一般公共预算收入37,730万元，为县人民代表大会批准全县全年预算46,908万元的80.43%。'
      + `其中：税收收入完成22,368万元，为县人民代表大会批准全县全年预算32,972万元的${tax}%；非税收入完成15,362万元，为县人民代表大会批准全县全年预算13,936万元的110.2%。`;
    expect(rates([line('67.8')])).toEqual([
      'rate 完成县人民代表大会批准全县全年预算 80.43% = 37,730万元 / 46,908万元',
      'rate 完成县人民代表大会批准全县全年预算 67.8% = 22,368万元 / 32,972万元',
      'rate 完成县人民代表大会批准全县全年预算 110.2% = 15,362万元 / 13,936万元',
    ]);
    expect(await errors(line('67.8'))).toEqual([]);
    expect(await errors(line('77.8'))).toEqual(['rate 77.8%']);
  });
  it('为人大预算数X的P%，…，为市下全年目标Y的Q%: each of the amount before them, past the rates between', async () => {
    const line = (target: string) => `全市地方一般公共预算收入预计完成33.82亿元，同比增长25.63%，为人大预算数37.1亿元的91.16%，超序时进度16个百分点，为市下三季度目标33.23亿元101.78%，为市下全年目标42亿元的${target}%。`;
    expect(rates([line('80.52')])).toEqual([
      'rate 完成人大预算数 91.16% = 33.82亿元 / 37.1亿元',
      'rate 完成市下三季度目标 101.78% = 33.82亿元 / 33.23亿元',
      'rate 完成市下全年目标 80.52% = 33.82亿元 / 42亿元',
    ]);
    expect(await errors(line('90.52'))).toEqual(['rate 90.52%']);
  });
  it('一般公共预算收入累计完成X。其中税收收入累计完成A，占一般公共预算收入的P%: the parts’ 累计 totals nothing, and 全县 owns the whole', async () => {
    const line = (share: string) => `全县一般公共预算收入累计完成310682万元，同比增长5%。其中税收收入累计完成213251万元，占一般公共预算收入的${share}%；非税收入累计完成97431万元，占一般公共预算收入的31.4%。`;
    expect(lineRelations([line('68.6')]).filter((r) => r.startsWith('s'))).toEqual([
      'share 310682万元: 213251万元→68.6%, 97431万元→31.4%',
      'sum 310682万元 = 213251万元 + 97431万元 (partial)',
    ]);
    expect(await errors(line('68.6'))).toEqual([]);
    expect(await errors(line('78.6'))).toEqual(['share 78.6%']);
  });
  it('部门支出总预算X。基本支出预算A，占支出总预算的P%: 部门 is the writer, and the share is of X', async () => {
    const line = (share: string) => `2023年部门支出总预算1157.55万元。基本支出预算709.55万元，占支出总预算的${share}%。`;
    expect(shares([line('61.30')])).toEqual(['share 1157.55万元: 709.55万元→61.30%']);
    expect(await errors(line('71.30'))).toEqual(['share 71.30%']);
  });
  it.each([
    // 累计 after a whole that is not cumulative still totals the parts before it
    ['其中 parts then 累计', '项目资金总额500万元，其中：中央资金300万元，省级资金200万元，累计500万元。', 'sum 500万元 = 300万元 + 200万元 (partial)'],
  ])('near miss: %s', (_, line, sum) => {
    expect(sums([line])).toEqual([sum]);
  });
  it('near miss: 为上年同期X的P% is no budget’s completion', () => {
    expect(rates(['全县完成财政总收入4348万元，为上年同期4000万元的108.7%。'])).toEqual([]);
  });
});

describe('a budget stated with its rate is said of the amount before it: a comparison after them is that amount’s', () => {
  it('…37,730万元，为…预算46,908万元的80.43%，比上年同期35,285万元增收2,445万元，增长6.9%', async () => {
    const line = (rate: string) => `2023年1-9月一般公共预算收入37,730万元，为县人民代表大会批准全县全年预算46,908万元的80.43%，比上年同期35,285万元增收2,445万元，增长${rate}%。`;
    expect(growths([line('6.9')])).toEqual(['growth increase 35,285万元→37,730万元 Δ2,445万元 6.9%']);
    expect(await errors(line('6.9'))).toEqual([]);
    expect(await errors(line('7.9'))).toEqual(['growth 7.9%']);
  });
  it('…完成31751万元，完成预算数31220万元的101.7%，较上年28899万元增长9.9%', async () => {
    const line = (rate: string) => `全县一般公共预算收入完成31751万元，完成预算数31220万元的101.7%，较上年28899万元增长${rate}%。`;
    expect(growths([line('9.9')])).toEqual(['growth increase 28899万元→31751万元 Δ_ 9.9%']);
    expect(await errors(line('8.9'))).toEqual(['growth 8.9%']);
  });
  it('near miss: a budget without its rate is an amount of its own: which one was compared is not said', () => {
    expect(growths(['全县一般公共预算收入完成31751万元，年初预算数31220万元，较上年28899万元增长9.9%。'])).toEqual([]);
  });
});
