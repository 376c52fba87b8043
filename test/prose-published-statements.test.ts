// Wordings of published 三公 statements and 决算 explanations outside both development sets (numbers changed): the
// items after 分项情况是：, a car item's two halves after its own 其中：, a whole named by its abbreviation (…（简称“三公”
// 经费）支出合计X), a paragraph that opens with its reason word, and the change of a 其中 part. Each read, a wrong figure
// an error through the whole pipeline, and near misses that give no relation.
import { describe, it, expect } from 'vitest';
import { builtDocs, errorsOf } from './helpers/built-docs.js';
import { lineRelations } from './helpers/relations.js';
import { unitInContext } from '../src/lexicon/index.js';

const check = builtDocs('published-statements');
const errors = async (lines: string | string[]) => errorsOf(await check(lines));
const sums = (lines: string[]) => lineRelations(lines).filter((r) => r.startsWith('sum'));
const growths = (lines: string[]) => lineRelations(lines).filter((r) => r.startsWith('growth'));

const SANGONG = (reception: string, running: string) => '2019年部门“三公”经费决算总额1550万元，比上年下降2.1%。分项情况是：'
  + '因公出国（境）经费决算60万元，比上年增长30.4%，主要是交流任务增加；'
  + `公务接待费决算${reception}万元，与上年下降6.9%；公务用车购置及运行费决算950万元，比上年下降1.5%，其中：`
  + `公务用车购置费决算210万元，比上年增长4.2%；公务用车运行费决算${running}万元，与上年下降3.1%。`;

describe('分项情况是： opens the parts of the whole before it', () => {
  it('the three items, and the car item’s two halves after its own 其中：', () => {
    expect(sums([SANGONG('540', '740')])).toEqual(['sum 1550万元 = 60万元 + 540万元 + 950万元', 'sum 950万元 = 210万元 + 740万元']);
  });
  it.each([
    ['具体情况为：', '“三公”经费决算总额1550万元。具体情况为：因公出国（境）经费60万元；公务接待费540万元；公务用车购置及运行费950万元。'],
    ['分项情况如下：', '“三公”经费决算总额1550万元，分项情况如下：因公出国（境）经费60万元；公务接待费540万元；公务用车购置及运行费950万元。'],
  ])('%s', (_, line) => {
    expect(sums([line])).toEqual(['sum 1550万元 = 60万元 + 540万元 + 950万元']);
  });
  it('a wrong item is one error, on the whole its parts add up to', async () => {
    expect(await errors(SANGONG('560', '740'))).toEqual(['sum 1550万元']);
  });
  it('a wrong half is one error, on the car item (not also on the 三公 total)', async () => {
    expect(await errors(SANGONG('540', '750'))).toEqual(['sum 950万元']);
  });
  it('near miss: after a part’s 其中：, an item of another category ends the part’s list', () => {
    // 其他收入 is no half of 财政拨款: it goes on the outer list
    expect(sums(['本年收入合计800万元，其中：财政拨款收入500万元，比上年增长5%，其中：一般公共预算500万元；其他收入300万元。']))
      .toEqual(['sum 800万元 = 500万元 + 300万元 (partial)']);
  });
});

describe('a whole named by its abbreviation', () => {
  const PARTS = '其中：因公出国（境）费0万元；公务用车购置费0万元；公务用车运行维护费6.30万元；公务接待费';
  it.each([
    '2019年用财政拨款开支的因公出国（境）费、公务用车购置及运行费、公务接待费（简称“三公”经费）支出合计18.40万元。',
    '2019年用财政拨款开支的出国费、车辆购置及运行费、接待费（以下简称“三公”经费）支出合计18.40万元。',
  ])('%s', async (opening) => {
    expect(sums([`${opening}${PARTS}12.10万元。`])).toEqual(['sum 18.40万元 = 0万元 + 0万元 + 6.30万元 + 12.10万元']);
    expect(await errors(`${opening}${PARTS}12.60万元。`)).toEqual(['sum 18.40万元']);
  });
});

describe('a paragraph that opens with its reason word states its subject after it', () => {
  const lines = (reception: string) => [
    '“三公”经费预算增减变化的主要原因是：2019年“三公”经费支出预算合计18.40万元，比上年预算数减少3.20万元。其中：',
    '因公出国（境）费支出预算0万元，与上年预算数持平。',
    '公务用车运行维护费支出预算6.30万元，与上年预算数持平。',
    `公务接待费支出预算${reception}万元，比上年预算数减少3.20万元，原因是严格控制接待费支出。`,
  ];
  it('the whole before 其中： and the items after it', async () => {
    expect(sums(lines('12.10'))).toEqual(['sum 18.40万元 = 0万元 + 6.30万元 + 12.10万元 (partial)']);
    expect(await errors(lines('12.60'))).toEqual(['sum 18.40万元']);
  });
  it('near miss: a reason clause after a figure explains it; its amounts are no whole', () => {
    expect(sums(['项目支出较上年增长35%，原因是：新增专项资金300万元。其中：', '1.设备购置100万元。', '2.系统开发150万元。'])).toEqual([]);
  });
});

describe('the change of a 其中 part', () => {
  it('总收入X，其中本年收入A，较上年减少Y，下降P%: the part changed', async () => {
    const line = (rate: string) => `本单位2022年度总收入640.20万元，其中本年收入420.35万元，较2021年度决算数减少160.10万元，下降${rate}%。`;
    expect(growths([line('27.6')])).toEqual(['growth decrease _→420.35万元 Δ160.10万元 27.6%']);
    expect(await errors(line('29.6'))).toEqual(['growth 29.6%']);
  });
  it.each([
    // after two parts the change may be the whole's
    '本单位2022年度总收入640.20万元，其中本年收入420.35万元、上年结转219.85万元，较上年减少160.10万元，下降20.0%。',
    // a clause between the part and the change
    '本单位2022年度总收入640.20万元，其中本年收入420.35万元，主要是财政拨款，较上年减少160.10万元，下降27.6%。',
  ])('near miss: %s', (line) => {
    expect(growths([line])).toEqual([]);
  });
});

describe('分别为A和B，占X的p%和q%: shares paired with the amounts 分别 introduced', () => {
  const shares = (line: string) => lineRelations([line]).filter((r) => r.startsWith('share'));
  const line = (second: string) => `本年支出合计4021.94万元。基本支出和项目支出分别为2719.24万元和1302.70万元，占本年支出合计的67.61%和${second}%。`;
  it('read, and a wrong share is an error', async () => {
    expect(shares(line('32.39'))).toEqual(['share 4021.94万元: 2719.24万元→67.61%, 1302.70万元→32.39% complete']);
    expect(await errors(line('34.39'))).toEqual(['share 34.39%']);
  });
  it.each([
    // without 分别 the amounts and shares are not said to pair
    '本年支出合计4021.94万元。基本支出和项目支出为2719.24万元和1302.70万元，占本年支出合计的67.61%和32.39%。',
    // fewer amounts than shares
    '本年支出合计4021.94万元。基本支出分别为2719.24万元，占本年支出合计的67.61%和32.39%。',
  ])('near miss: %s', (text) => {
    expect(shares(text)).toEqual([]);
  });
});

describe('money written 万 without 元, and 未支 as what is left', () => {
  it('万 right after a noun of money is 万元: the list under it is read, and a wrong part is an error', async () => {
    const line = (county: string) => `2023年安排衔接资金19204.096万。其中，中央和省级14059.11万元、市级1299万元、县级${county}万元，资金已全部到位。`;
    expect(sums([line('3845.986')])).toEqual(['sum 19204.096万 = 14059.11万元 + 1299万元 + 3845.986万元 (partial)']);
    const result = await check(line('3945.986'));
    expect(errorsOf(result)).toEqual(['sum 19204.096万']);
    // the message writes what was stated once, with the 元 it implies: 19204.096万元, not 19204.096万万元
    expect(result.findings.find((f) => f.severity === 'error')?.message).toContain('19204.096万元');
  });
  it('…经费决算数合计为1000.86万，其中：…万元: a 决算/预算数 totalled (合计为) is money too', async () => {
    const line = (total: string) => `鄂城区2022年的“三公”经费决算数合计为${total}万，其中：因公出国（境）费0万元、公务用车购置费399.25万元、公务用车运行维护费472.38万元、公务接待费43.77万元。`;
    expect(sums([line('915.40')])).toEqual(['sum 915.40万 = 0万元 + 399.25万元 + 472.38万元 + 43.77万元']);
    expect(unitInContext('万', '“三公”经费决算数合计为')).toBe('万元');
    expect(errorsOf(await check(line('915.40')))).toEqual([]);
    expect(errorsOf(await check(line('815.40')))).toEqual(['sum 815.40万']);
  });
  it('near miss: 万 after anything else is no money unit', () => {
    expect(unitInContext('万', '全年服务群众')).toBe('万');
    expect(unitInContext('万', '服务人次合计为')).toBe('万');
    expect(unitInContext('亿', '项目总投资')).toBe('亿元');
    expect(unitInContext('万元', '服务群众')).toBe('万元');
  });
  it('未支 is what was not paid: never the amount a 支付率 divides by', () => {
    const rates = (line: string) => lineRelations([line]).filter((r) => r.startsWith('rate'));
    expect(rates('资金支付18501.10万元，未支703.00万元，支付率95%。')).toEqual([]);
    expect(rates('下达资金19204.10万元，已支付18501.10万元，未支703.00万元，支付率96.3%。')).toEqual(['rate 支付率 96.3% = 18501.10万元 / 19204.10万元']);
  });
});

describe('a change in a ；-group of a 其中 list is that group’s', () => {
  const line = (rate: string) => '2025年“三公”经费预算总额1969万元，较2024年的2190万元减少221万元，下降10.1%；其中：因公出国（境）经费40万元，较上年持平；'
    + `公务接待费242万元，较上年减少12万元，下降${rate}%；公务用车购置及运行维护费1687万元，较上年减少209万元，下降11%。`;
  it('公务接待费242万元，较上年减少12万元: after 因公出国（境）经费40万元 in the group before', async () => {
    expect(growths([line('4.7')])).toContain('growth decrease _→242万元 Δ12万元 4.7%');
    expect(await errors(line('5.7'))).toEqual(['growth 5.7%']);
  });
});

describe('items that restate every amount of the sentence before are no parts of one of them', () => {
  it('支出X，年初预算为Y，差值为Z。其中：A支出…，年初预算为…，差值为…；…: no sum, no finding', async () => {
    const lines = ['2018年度“三公”经费支出2.05万元，年初预算为2.95万元，差值为0.9万元。其中：因公出国（境）支出0万元，年初预算为0万元，差值为0万元；'
      + '公务用车运行维护费支出0万元，年初预算为0.95万元，差值为0.95万元；公务接待费支出2.05万元，年初预算为2万元，差值为0.05万元。'];
    expect(sums(lines)).toEqual([]);
    expect((await check(lines)).findings.filter((f) => f.rule === 'sum')).toEqual([]);
  });
  it('near miss: items that name other things are still the parts of the last amount', () => {
    expect(sums(['2018年度“三公”经费年初预算为2.95万元，支出2.05万元。其中：因公出国（境）支出0.05万元；公务接待费支出2.00万元。']))
      .toEqual(['sum 2.05万元 = 0.05万元 + 2.00万元 (partial)']);
  });
});

describe('未支 is what is left of a budget after what was paid', () => {
  it('安排X，已支付Y，未支Z: Z = X − Y', async () => {
    expect(sums(['安排资金80万元，已支付62.5万元，未支17.5万元。'])).toEqual(['sum 17.5万元 = 80万元 + −62.5万元']);
    expect(await errors('安排资金80万元，已支付62.5万元，未支27.5万元。')).toEqual(['sum 27.5万元']);
  });
});

describe('a whole in a numbered paragraph (1.基本支出预算X) is found by its name', () => {
  const lines = (share: string) => ['（二）按支出结构分类划分。', '1.基本支出预算881300.39元，占一般公共预算支出的96.74%。其中：',
    `工资福利支出预算716052.51元，占基本支出预算${share}%，同比减少148979.48元，下降17.22%。`];
  it('the share of the part after 其中： divides by it', async () => {
    expect(lineRelations(lines('81.25')).filter((r) => r.startsWith('share'))).toEqual(['share 881300.39元: 716052.51元→81.25%']);
    expect(await errors(lines('85.25'))).toEqual(['share 85.25%']);
  });
});

describe('a list closed by the rest of its whole covers it (…，其他用车1辆。)', () => {
  const CARS = (enforcement: string) => '截至2022年12月31日，本单位共有车辆5辆，其中，副部（省）级及以上领导用车0辆，主要领导干部用车0辆，'
    + `机要通信用车1辆，应急保障用车2辆，执法执勤用车${enforcement}辆，特种专业技术用车0辆，离退休干部用车0辆，其他用车1辆。`;
  it('the national template’s vehicle list: read whole, a wrong class is an error', async () => {
    expect(sums([CARS('1')])).toEqual(['sum 5辆 = 0辆 + 0辆 + 1辆 + 2辆 + 1辆 + 0辆 + 0辆 + 1辆']);
    expect(await errors(CARS('2'))).toEqual(['sum 5辆']);
  });
  it('其他资金 closing a list of funds', () => {
    expect(sums(['项目资金共计120万元，其中：中央资金80万元，省级资金30万元，其他资金10万元。']))
      .toEqual(['sum 120万元 = 80万元 + 30万元 + 10万元']);
  });
  it.each([
    ['a class of its own (其他交通费用)', '公用经费50万元，其中：办公费10万元，印刷费5万元，其他交通费用8万元。', 'sum 50万元 = 10万元 + 5万元 + 8万元 (partial)'],
    // 其他收入 is a class of 本年收入, beside 上年结转 in a total of income; the copy stops on its ；
    ['a class of a group (其他收入), cut after its ；', '收入预算总额为7783.26万元。其中：财政拨款收入751.8万元，其他收入7000万元；（原文此后未收录）',
      'sum 7783.26万元 = 751.8万元 + 7000万元 (partial)'],
    ['a sentence that stops on its ；', '车辆6辆，其中：执法执勤用车4辆，其他用车1辆；', 'sum 6辆 = 4辆 + 1辆 (partial)'],
  ])('near miss: %s stays open', (_, line, sum) => {
    expect(sums([line])).toEqual([sum]);
  });
});

describe('what was carried over stands beside a budget’s classes (a 重庆 township health centre’s 预算说明)', () => {
  const INCOME = (carried: string) => `2022年年初预算数504.51万元，其中：一般公共预算拨款204.51万元，政府性基金预算拨款0万元，事业收入300万元，其他收入0万元；上年结转结余资金${carried}万元；收入较去年增加76.05万元，主要是财政拨款收入增加76.05万元。`;
  it('上年结转 after the 本年收入 classes and a stronger separator is the next statement', async () => {
    expect(sums([INCOME('29.81')])).toEqual(['sum 504.51万元 = 204.51万元 + 0万元 + 300万元 + 0万元 (partial)']);
    expect(await errors(INCOME('29.81'))).toEqual([]);
  });
  it('结转下年 after the functional classes, and the changes after it, are no parts', () => {
    expect(sums(['2022年年初预算数441.68万元，其中：社会保障和就业支出32.76万元，卫生健康支出392.54万元，住房保障支出16.38万元；'
      + '结转下年92.32万元；支出较去年增加29.48万元，主要是基本支出增加76.05万元；项目支出增加1.86万元。']))
      .toEqual(['sum 441.68万元 = 32.76万元 + 392.54万元 + 16.38万元 (partial)']);
  });
  it('a change right after a change explains it: no part of the list before', () => {
    expect(sums(['收入预算504.51万元，其中：一般公共预算拨款204.51万元，事业收入300万元；收入较去年增加76.05万元，主要是财政拨款收入增加76.05万元。']))
      .toEqual(['sum 504.51万元 = 204.51万元 + 300万元 (partial)']);
  });
  it('near miss: in a grand total (收入预算总额) what was carried over is a part', async () => {
    const line = (carried: string) => `收入预算总额为800万元。其中：财政拨款收入500万元，其他收入200万元；上年结转${carried}万元。`;
    expect(sums([line('100')])).toEqual(['sum 800万元 = 500万元 + 200万元 + 100万元 (partial)']);
    expect(await errors(line('110'))).toEqual(['sum 800万元']);
  });
});

describe('在岗 is 在职: the retired after it are no part of it', () => {
  it('现有在岗职工34人，其中：在编人员21人，聘用人员13人，退休职工10人，遗属4人', () => {
    expect(sums(['编制人数23人，现有在岗职工34人，其中：在编人员21人，聘用人员13人，退休职工10人，遗属4人。']))
      .toEqual(['sum 34人 = 21人 + 13人']); // 在编 and 聘用 cover it
  });
  it('near miss: 在岗 and 退休 as the parts of all the staff', async () => {
    expect(sums(['全院职工56人，其中在岗职工40人，退休职工16人。'])).toEqual(['sum 56人 = 40人 + 16人']);
    expect(await errors('全院职工56人，其中在岗职工40人，退休职工18人。')).toEqual(['sum 56人']);
  });
});

describe('the names in a count’s aside, and name：type items, as a list after a colon reads them (机构设置)', () => {
  const counts = (line: string) => lineRelations([line]).filter((r) => r.startsWith('list-count'));
  const UNITS = (n: string) => `本单位共有10个机构单位，其中3个行政部门（人大、政府和党委）和${n}个事业单位（农业服务中心、文化服务中心、`
    + '劳动就业和社会保障服务所、综合行政执法大队、产业发展服务中心、村镇建设服务中心及退役军人服务站）组成。';
  it('the aside’s last name split at its 及; a 和 that may be a name’s own (政府和党委) gives no count', async () => {
    expect(counts(UNITS('7'))).toEqual(['list-count 7个 [7]']);
    expect(await errors(UNITS('7'))).toEqual([]);
    expect(await errors(UNITS('8'))).toContain('list-count 8个'); // (and 10 = 3 + 8, the sum it is a part of)
  });
  it('near miss: a 和 inside a name that is not the last stays in it', () => {
    expect(counts('本单位下设2个事业单位（劳动就业和社会保障服务所、村镇建设服务中心）。')).toEqual(['list-count 2个 [2]']);
  });
  const BODIES = (n: string) => `纳入本部门2021年度决算编制的预算单位包括${n}个单位：重庆市沙坪坝区交通（本级）：行政单位、`
    + '重庆市沙坪坝区公路养护中心：公益一类事业单位、重庆市沙坪坝区交通服务中心：公益一类事业单位。';
  it('A：行政单位、B：公益一类事业单位、C：…: each 、-item names a body and its type', async () => {
    expect(counts(BODIES('3'))).toEqual(['list-count 3个 [3]']);
    expect(await errors(BODIES('3'))).toEqual([]);
    expect(await errors(BODIES('4'))).toEqual(['list-count 4个']);
  });
  it('near miss: a 、-list still ends at a colon that only one item has', () => {
    expect(counts('本单位内设2个科室：办公室、财务科：负责财务管理。')).toEqual(['list-count 2个 [2]']);
  });
});

describe('a per cent alone in the aside after a change is its rate (较上年减少X万元（P%）)', () => {
  it('read, and a wrong one is an error', async () => {
    expect(growths(['2019年本部门“三公”经费预算支出9.80万元，较上年减少18.50万元（65.37%），减少的主要原因是公车运行维护费减少。']))
      .toEqual(['growth decrease _→9.80万元 Δ18.50万元 65.37%']);
    expect(await errors('公务接待费2.30万元，较上年减少1.5万元（42.86%），减少的主要原因是认真落实中央八项规定。')).toEqual(['growth 42.86%']);
  });
  it('near miss: an aside with words besides the number says something else (占10%)', () => {
    expect(growths(['公务接待费2.30万元，较上年减少1.5万元（占支出的10%）。'])).toEqual([]);
  });
});

describe('a change’s subject named in a paragraph of another year is not what it arrives at', () => {
  const lines = (rate: string) => ['一、2022年“三公”经费预算安排情况', '2022年度“三公”经费预算总计21.8万元，其中：因公出国（境）经费0万元，公务接待11.8万元，公务用车运行费用10万元。',
    '二、2021年“三公”经费决算情况', '2021年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，公务接待12.39万元，公务用车运行费用7.73万元。',
    `2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少0.58万元，减少4.68%。公务用车运行费用较上年同期增加2.27万元，增长${rate}%。`];
  it('2021年度…公务接待12.39万元, then 2022年度…公务接待较上年同期减少0.58万元: no growth on 12.39, no finding', async () => {
    expect(growths(lines('29.37'))).toEqual([]);
    expect(await errors(lines('29.37'))).toEqual([]);
  });
  it('near miss: the subject named in the same year’s paragraph is what changed', async () => {
    const line = (rate: string) => ['2021年度“三公”经费合计支出20.12万元，其中：因公出国（境）经费0万元，公务接待12.39万元，公务用车运行费用7.73万元。',
      `2021年度公务用车运行费用较上年增加2.27万元，增长${rate}%。`];
    expect(growths(line('41.58'))).toEqual(['growth increase _→7.73万元 Δ2.27万元 41.58%']);
    expect(await errors(line('29.37'))).toEqual(['growth 29.37%']);
  });
});

describe('a change explained after a reason word is no part’s change of its own', () => {
  const LINE = (project: string) => `2023年一般公共预算财政拨款支出2001.98万元，比2022年增加250.41万元，其中：基本支出1806.18万元，比2022年增加399.45万元，`
    + `主要原因是公务员基础绩效奖和年度考核奖纳入年初预算编制等，共计增加336.1万元，主要用于保障在职人员工资福利；项目支出195.8万元，比2022年减少${project}万元。`;
  it('基本支出…增加399.45万元，主要原因是…，共计增加336.1万元；项目支出…减少149.04万元: 250.41 = 399.45 − 149.04', async () => {
    expect(sums([LINE('149.04')])).toContain('sum 250.41万元 = 399.45万元 + −149.04万元 (partial)');
    expect(await errors(LINE('149.04'))).toEqual([]);
    expect(await errors(LINE('139.04'))).toEqual(['sum 250.41万元']);
  });
});

describe('a list that its own count closes is no list of the count before it', () => {
  it('…有刑事、民一…、执行七个审判业务庭，有办公室、政工科、书记官处、法警大队四个综合部门: no count of 七个 over the second list', async () => {
    const line = '本院内设机构18个，其中有人民法庭7个，有刑事、民一、民二、行政、审监、立案、执行七个审判业务庭，有办公室、政工科、书记官处、法警大队四个综合部门。';
    expect(lineRelations([line]).filter((r) => r.startsWith('list-count'))).toEqual([]);
    expect(await errors(line)).toEqual([]);
  });
});

describe('people on the establishment and people hired beside it (在编, 临聘)', () => {
  it('在编人员67人，其中专业技术人员64人，临聘人员5人: 临聘 is no part of 在编', async () => {
    const line = '人员编制73人，2023年我院实有在职在编人员67人，其中专业技术人员64人，临聘人员5人。';
    expect(sums([line])).toEqual([]);
    expect(await errors(line)).toEqual([]);
  });
  it('在编 and 临聘 cover all the staff: a wrong one is an error, short or over', async () => {
    expect(sums(['现有职工19人，其中在编人员13人，临聘人员6人。'])).toEqual(['sum 19人 = 13人 + 6人']);
    expect(await errors('现有职工19人，其中在编人员13人，临聘人员5人。')).toEqual(['sum 19人']);
  });
});
