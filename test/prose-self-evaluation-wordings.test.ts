// Wordings of self-evaluation reports written for this test in the genre's style: the investment a project has
// completed is no part of its funding; a grade (or a change: 较上年提高2分) between a score and its 其中 parts; and more.
// (The 完成率 over counts beside 未完成N个 is with the other count rates, in prose-rate-operands.) Each read, a wrong
// figure an error through the whole pipeline, and near misses that give no relation.
import { describe, it, expect } from 'vitest';
import { builtDocs, errorsOf } from './helpers/built-docs.js';
import { lineRelations } from './helpers/relations.js';

const check = builtDocs('self-evaluation-wordings');
const errors = async (line: string) => errorsOf(await check(line));
const relations = (line: string, kind: string) => lineRelations([line]).filter((r) => r.startsWith(kind));

describe('how far the work has got ends the parts of its funding', () => {
  const line = (rate: string) => `项目总投资500万元，其中财政资金300万元，自筹资金200万元；当年完成投资450万元，完成率${rate}%。`;
  it('当年完成投资 is no third part, and the 完成率 divides it by the whole', async () => {
    expect(relations(line('90'), 'sum')).toEqual(['sum 500万元 = 300万元 + 200万元 (partial)']);
    expect(relations(line('90'), 'rate')).toEqual(['rate 完成率 90% = 450万元 / 500万元']);
    expect(await errors(line('90'))).toEqual([]);
    expect(await errors(line('95'))).toEqual(['rate 95%']);
  });
});

describe('a grade between a score and its 其中 parts', () => {
  const line = (duty: string) => `2023年度部门整体支出绩效自评得分为92.5分，评价等级为“优”。其中：部门决策12分、部门管理27.5分、部门履职${duty}分、履职效益10分。`;
  it('the parts add up to the score', async () => {
    expect(relations(line('43'), 'sum')).toEqual(['sum 92.5分 = 12分 + 27.5分 + 43分 + 10分 (partial)']);
    expect(await errors(line('44'))).toEqual(['sum 92.5分']);
  });
  it('a change between them (较上年提高2分) is no whole: the score keeps its parts', () => {
    expect(relations('2023年度部门整体支出绩效自评得分为92.5分，较上年提高2分。其中：部门决策12分、部门管理27.5分。', 'sum'))
      .toEqual(['sum 92.5分 = 12分 + 27.5分 (partial)']);
  });
});

describe('a change measured against a budget the sentence states (比预算数X减少Y，下降P%)', () => {
  const line = (rate: string) => `全年“三公”经费支出5.60万元，比预算数8.00万元减少2.40万元，下降${rate}%。`;
  it.each(['比预算数', '较年初预算'])('%s', async (base) => {
    expect(relations(line('30').replace('比预算数', base), 'growth')).toEqual(['growth decrease 8.00万元→5.60万元 Δ2.40万元 30%']);
    expect(await errors(line('35').replace('比预算数', base))).toEqual(['growth 35%']);
  });
});

describe('pupils counted by two attributes overlap', () => {
  it.each([
    '学校现有在校学生1,080人，其中寄宿生420人，留守儿童156人。',
    '全校学生860人，其中住校生300人，建档立卡贫困学生95人。',
  ])('no sum: %s', (line) => {
    expect(relations(line, 'sum')).toEqual([]);
  });
});

describe('该项目 names the overall score its grade goes with', () => {
  it('该项目评价得分81分，…评价等级为“优”: 81 is 良 by the national bands', async () => {
    expect(await errors('该项目评价得分81分，根据评价标准，评价等级为“优”。')).toEqual(['grade 优']);
    expect(await errors('该项目评价得分91分，根据评价标准，评价等级为“优”。')).toEqual([]);
  });
});

describe('a second rate in a sentence divides by the budget stated before the first', () => {
  const line = (rate: string) => `2023年度项目资金预算150万元，实际到位150万元，到位率100%；实际支出142.5万元，执行率${rate}%。`;
  it('预算X，到位X，到位率…；支出Y，执行率P%: Y ÷ X', async () => {
    expect(relations(line('95'), 'rate')).toEqual(['rate 到位率 100% = 150万元 / 150万元', 'rate 执行率 95% = 142.5万元 / 150万元']);
    expect(await errors(line('97'))).toEqual(['rate 97%']);
  });
  it('near miss: what arrived differs from the budget, and either may be the base', () => {
    expect(relations('2023年度项目资金预算200万元，实际到位150万元，到位率75%；实际支出142.5万元，执行率95%。', 'rate'))
      .toEqual(['rate 到位率 75% = 150万元 / 200万元']);
  });
});

describe('shares of a whole the text does not state, by parts whose names cover it', () => {
  it.each([
    ['基本支出2800.12万元，占82.35%，项目支出600.00万元，占17.65%。', '占18.65%'],
    ['基本支出2800.12万元，占总支出的82.35%，项目支出600.00万元，占17.65%。', '占18.65%'],
    ['人员经费600万元，占80%；公用经费150万元，占20%。', '占25%'],
  ])('%s: held to 100% together', async (line, wrong) => {
    expect(relations(line, 'share')).toHaveLength(1);
    expect(await errors(line)).toEqual([]);
    expect((await errors(line.replace(/占(?:总支出的)?[\d.]+%(?=。)/, wrong))).map((e) => e.split(' ')[0])).toEqual(['share']);
  });
  it('shares that each give one and the same other whole (of the budget, adding up to the execution rate) only warn', async () => {
    const lines = ['本年支出合计61658.08万元，预算执行率为97.10%。年末结转结余1843.7万元。其中，基本支出13645.88万元、占比21.49%，'
      + '项目支出47881.27万元、占比75.40%，经营支出130.93万元、占比0.21%。'];
    const found = (await check(lines)).findings.filter((f) => f.rule === 'share');
    expect(found.map((f) => `${f.severity} ${f.actual}`)).toEqual(['warning 97.10%']);
  });
  it.each([
    // parts that do not cover a whole (门诊 and 住院 may leave a 结算差额 out)
    '医疗收入中，门诊收入1,820.50万元，占47.3%；住院收入2,027.50万元，占52.7%。',
    // two different wholes named
    '基本支出2800.12万元，占总支出的82.35%，项目支出600.00万元，占收入的17.65%。',
  ])('near miss: %s', (line) => {
    expect(relations(line, 'share')).toEqual([]);
  });
});

describe('a list of 、-items ends at a ；', () => {
  it('退休人员12人，其中：退休干部7人、退休工人5人；遗属2人: 遗属 is no part', async () => {
    expect(relations('共有退休人员12人，其中：退休干部7人、退休工人5人；遗属2人。', 'sum')).toEqual(['sum 12人 = 7人 + 5人 (partial)']);
    expect(await errors('共有退休人员12人，其中：退休干部7人、退休工人6人；遗属2人。')).toEqual(['sum 12人']);
  });
  it('near miss: numbered items (1、A；2、B；3、C) go on past each ；', () => {
    expect(relations('本年支出284.45万元，其中：1、基本支出173.89万元；2、项目支出110.56万元；3、经营支出0万元。', 'sum'))
      .toEqual(['sum 284.45万元 = 173.89万元 + 110.56万元 + 0万元']);
  });
});

describe('a clause that opens with the name of a whole stated before it lists its parts', () => {
  const lines = (other: string) => `2023年度收入合计856.32万元，其中：本年收入820.12万元，上年结转36.20万元。本年收入中，财政拨款收入800.00万元，其他收入${other}万元。`;
  it.each([
    [lines('20.12'), 'sum 820.12万元 = 800.00万元 + 20.12万元 (partial)'],
    ['本年度项目支出14,629.33万元，占总支出的54.19%，在项目支出当中，教育事业支出14,412.87万元，科研支出166.87万元，医疗卫生支出49.59万元。', 'sum 14,629.33万元 = 14,412.87万元 + 166.87万元 + 49.59万元 (partial)'],
  ])('%s', (line, sum) => {
    expect(relations(line, 'sum')).toContain(sum);
  });
  it('parts over the named whole are an error', async () => {
    expect(await errors(lines('30.12'))).toEqual(['sum 820.12万元']);
  });
  it('near miss: a whole named but never stated gives no relation', () => {
    expect(relations('医疗收入中，门诊收入1,820.50万元，住院收入2,027.50万元。', 'sum')).toEqual([]);
  });
});

describe('a list ends where its parts’ group ends, or at what the money drew in', () => {
  it.each([
    ['支出合计850.10万元，其中：基本支出650.10万元，项目支出200.00万元；年末结转和结余6.22万元。', 'sum 850.10万元 = 650.10万元 + 200.00万元'],
    ['全县共投入资金5.6亿元，其中：中央资金3.2亿元，省级资金1.5亿元，市县资金0.9亿元，撬动社会资本2.1亿元。', 'sum 5.6亿元 = 3.2亿元 + 1.5亿元 + 0.9亿元 (partial)'],
  ])('%s', async (line, sum) => {
    expect(relations(line, 'sum')).toEqual([sum]);
    expect(await errors(line)).toEqual([]);
  });
  it('near miss: items of the same group go on past a ；', () => {
    expect(relations('本年支出合计900万元，其中：基本支出600万元，项目支出200万元；经营支出100万元。', 'sum'))
      .toEqual(['sum 900万元 = 600万元 + 200万元 + 100万元']);
  });
});

describe('numbered batches and a budget in the aside after a rate', () => {
  it('第一批A、第二批B: the batch numbers are no amounts, the batches are parts', async () => {
    const line = (third: string) => `全年共拨付资金2,345万元，其中：第一批1,200万元，第二批800万元，第三批${third}万元。`;
    expect(relations(line('345'), 'sum')).toEqual(['sum 2,345万元 = 1,200万元 + 800万元 + 345万元 (partial)']);
    expect(await errors(line('355'))).toEqual(['sum 2,345万元']);
  });
  it('累计支出X，支出进度P%（预算Y）: X ÷ Y', async () => {
    const line = (rate: string) => `截至12月31日，累计支出资金456.78万元，支出进度${rate}%（预算500万元）。`;
    expect(relations(line('91.36'), 'rate')).toEqual(['rate 支出进度 91.36% = 456.78万元 / 500万元']);
    expect(await errors(line('93.36'))).toEqual(['rate 93.36%']);
  });
  it('near miss: an aside that states no budget gives no denominator', () => {
    expect(relations('截至12月31日，累计支出资金456.78万元，支出进度91.36%（其中专项资金300万元）。', 'rate')).toEqual([]);
  });
});

describe('grades stated as 评价结论, 评级 or 等次 beside 得分 or 自评总分', () => {
  it.each([
    ['经综合评价，该项目得分为86分，评价结论为“良”。', '“良”', '“优”'],
    ['项目自评总分95.5分，自评等次：优。', '95.5', '85.5'],
    ['本项目绩效评价综合得分为78分，绩效评级为“中”。', '“中”', '“良”'],
  ])('%s', async (line, from, to) => {
    expect(await errors(line)).toEqual([]);
    expect((await errors(line.replace(from, to))).map((e) => e.split(' ')[0])).toEqual(['grade']);
  });
  it('near miss: 总分 of a scoring system is its maximum, no score to grade', async () => {
    expect(await errors('本项目评价指标体系总分100分，评价结论为“优”的标准为90分以上。')).toEqual([]);
  });
});

describe('收入、支出总计各增加Y: both totals of one value changed alike', () => {
  const line = (rate: string) => `2023年度财政拨款收入总计1,250.00万元、支出总计1,250.00万元，与2022年度相比，财政拨款收入、支出总计各增加150.00万元，增长${rate}%。`;
  it('read as the change of that value', async () => {
    expect(relations(line('13.64'), 'growth')).toEqual(['growth increase _→1,250.00万元 Δ150.00万元 13.64%']);
    expect(await errors(line('15.64'))).toEqual(['growth 15.64%']);
  });
  it('near miss: totals of two values (各 then means respectively) give no relation', () => {
    expect(relations('2022年度收、支总计各是4125.49，4143.91万元。与2021年相比，收、支总计各减少1267.86万元，下降23.51%。', 'growth')).toEqual([]);
  });
});

describe('支出率, and counts of sessions beside the people trained', () => {
  it('项目资金共计X，…到位率…，已支出Y，支出率P%: Y ÷ X', async () => {
    const line = (rate: string) => `项目资金共计500万元，已全部拨付到位，资金到位率100%，截至年底已支出480万元，支出率${rate}%。`;
    expect(relations(line('96'), 'rate')).toEqual(['rate 支出率 96% = 480万元 / 500万元']);
    expect(await errors(line('98'))).toEqual(['rate 98%']);
  });
  it('near miss: after a ； the spending may be another item’s', () => {
    expect(relations('A项目资金200万元，到位率100%；B项目已支出80万元，支出率80%。', 'rate')).toEqual([]);
  });
  it('培训1,560人次，其中：A培训8期1,120人次，B培训4期440人次: the sessions (期) are no parts', async () => {
    const line = (second: string) => `本年度共组织培训班12期，培训1,560人次，其中：农民技能培训8期1,120人次，干部培训4期${second}人次。`;
    expect(relations(line('440'), 'sum')).toEqual(['sum 1,560人次 = 1,120人次 + 440人次 (partial)']);
    expect(await errors(line('540'))).toEqual(['sum 1,560人次']);
  });
});

describe('amounts that total, restate or count the same things again are no parts (published 自评报告)', () => {
  it('下达中央财政资金A，县财政资金B，共计下达X: 共计 totals the parts (its 共 is no filler)', async () => {
    const line = (county: string) => `项目批复总投资61.8万元。其中：下达中央财政资金30.9万元，县财政资金${county}万元，共计下达61.8万元。`;
    expect(relations(line('30.9'), 'sum')).toEqual(['sum 61.8万元 = 30.9万元 + 30.9万元 (partial)']);
    expect(await errors(line('31.9'))).toEqual(['sum 61.8万元']);
  });
  it('一级指标3个，二级指标9个，三级指标12个: each level counts the same tree', async () => {
    const line = '该项目共编制12个绩效目标指标，其中一级指标3个，二级指标9个，三级指标12个。';
    expect(relations(line, 'sum')).toEqual([]);
    expect(await errors(line)).toEqual([]);
  });
  it('near miss: hospitals by grade are parts', async () => {
    expect(relations('共有医疗机构10家，其中三级医院2家、二级医院5家、一级医院3家。', 'sum')).toEqual(['sum 10家 = 2家 + 5家 + 3家 (partial)']);
    expect(await errors('共有医疗机构10家，其中三级医院2家、二级医院6家、一级医院3家。')).toEqual(['sum 10家']);
  });
  it('教职工62人，其中副高级职称4人，…，中级工1人，退休职工28人: the retired are no class of those in post', async () => {
    const line = '核定人员编制71人，实际正式教职工62人，其中副高级职称4人，中级职称25人，初级职称23人，管理人员3人，技师3人，高级工3人，中级工1人，退休职工28人。';
    expect(relations(line, 'sum')).toEqual(['sum 62人 = 4人 + 25人 + 23人 + 3人 + 3人 + 3人 + 1人 (partial)']);
    expect(await errors(line)).toEqual([]);
  });
  it('near miss: 在职 and 退休 as the parts of all the staff', () => {
    expect(relations('职工80人，其中在职52人，退休28人。', 'sum')).toEqual(['sum 80人 = 52人 + 28人']);
  });
});

describe('；-items that each state a count and an amount (项目N个，资金X万元；…)', () => {
  const ITEMS = (money: string) => `2023年共安排衔接资金2500万元，其中：产业发展类项目12个，资金${money}万元；基础设施类项目8个，资金800万元；其他类项目3个，资金200万元。`;
  it('the amounts are the parts of the money, the counts describe their items', async () => {
    expect(relations(ITEMS('1500'), 'sum')).toEqual(['sum 2500万元 = 1500万元 + 800万元 + 200万元 (partial)']);
    expect(await errors(ITEMS('1600'))).toEqual(['sum 2500万元']);
  });
  it('and the counts are the parts of the number of projects (其他类 closes them)', async () => {
    const line = (n: string) => `2023年共实施项目${n}个，其中：产业发展类项目12个，资金1500万元；基础设施类项目8个，资金800万元；其他类项目3个，资金200万元。`;
    expect(relations(line('23'), 'sum')).toEqual(['sum 23个 = 12个 + 8个 + 3个']);
    expect(await errors(line('24'))).toEqual(['sum 24个']);
  });
  it('near miss: in a ，-list an amount of another measure still ends it', () => {
    expect(relations('在职人员50人，其中行政30人，事业20人，全年支出100万元，慰问困难职工5人。', 'sum')).toEqual(['sum 50人 = 30人 + 20人']);
  });
});

describe('a clause that opens with a year after parts that opened with none starts a statement of that year', () => {
  it('总投资61.8万元，其中中央资金30.9万元，县财政配套资金30.9万元，2021年度中央下达资金61.8万元', () => {
    expect(relations('项目批复总投资61.8万元，其中中央财政资金30.9万元，县财政配套资金30.9万元，2021年度中央下达资金61.8万元。', 'sum'))
      .toEqual(['sum 61.8万元 = 30.9万元 + 30.9万元 (partial)']);
  });
  it('near miss: parts that each open with their year', () => {
    expect(relations('项目资金300万元，其中：2021年下达120万元，2022年下达180万元。', 'sum')).toEqual(['sum 300万元 = 120万元 + 180万元 (partial)']);
  });
});

describe('a fund by the levels that gave it, then what it was used for', () => {
  it('其中：中央资金A，省级资金B；用于直发直补资金C、项目扶持资金D…: the uses are another breakdown, no more levels', async () => {
    const line = '共下达我县2020年度移民后扶资金2272万元，其中：中央资金1753万元，省级资金519万元；用于直发直补资金609.22万元、项目扶持资金138.78万元、切块项目资金1524万元。';
    expect(relations(line, 'sum')).toEqual(['sum 2272万元 = 1753万元 + 519万元 (partial)']);
    expect(await errors(line)).toEqual([]);
  });
  it.each([
    ['自筹资金', '项目总投资500万元，其中：中央资金300万元，省级资金150万元；自筹资金50万元。', 'sum 500万元 = 300万元 + 150万元 + 50万元 (partial)'],
    ['其他资金, the rest', '项目资金500万元，其中：中央资金300万元，省级资金150万元；其他资金50万元。', 'sum 500万元 = 300万元 + 150万元 + 50万元'],
  ])('near miss: %s after the ； is one more source', (_, line, sum) => {
    expect(relations(line, 'sum')).toEqual([sum]);
  });
  it('near miss: a third level after the ； is one more part', async () => {
    const line = (county: string) => `下达资金300万元，其中：中央资金150万元，省级资金100万元；县级配套资金${county}万元。`;
    expect(relations(line('50'), 'sum')).toEqual(['sum 300万元 = 150万元 + 100万元 + 50万元 (partial)']);
    expect(await errors(line('60'))).toEqual(['sum 300万元']);
  });
});

describe('a sentence that says it is besides the list is no more of its parts', () => {
  it('…市级资金18万元。此外，预拨资金53.15万元。: no warning that 53.15 continues the list', async () => {
    const line = '2023年我镇获得财政衔接资金共1077.56万元，其中：中央专项衔接资金630.2万元，省级专项衔接资金429.36万元，市级资金18万元。此外，预拨资金53.15万元。';
    expect(relations(line, 'sum')).toEqual(['sum 1077.56万元 = 630.2万元 + 429.36万元 + 18万元 (partial)']);
    expect((await check(line)).findings.filter((f) => f.rule === 'sum')).toEqual([]);
  });
  it('near miss: a next sentence of one more amount of the kind is still taken for a part (an assumption)', () => {
    expect(relations('年末实有人员90人，其中：在职人员38人，退休人员40人。同等待遇人员12人。', 'sum')).toEqual(['sum 90人 = 38人 + 40人 + 12人 (partial)']);
  });
});

describe('a year-led clause that names no part again is one more part', () => {
  it('其中：当年资金300万元，2022年结转资金200万元', () => {
    expect(relations('2023年共安排资金500万元，其中：当年资金300万元，2022年结转资金200万元。', 'sum')).toEqual(['sum 500万元 = 300万元 + 200万元 (partial)']);
  });
});
