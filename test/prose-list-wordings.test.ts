// Lists in the wordings of departmental accounts and self-descriptions: names after a part (人员经费600万元，主要包括：
// 基本工资…；公用经费100万元) end at a stronger separator; people counted by two attributes overlap; 内设A、B、C 3个科室;
// 主要用于以下方面： opens the total's parts; 总计 totals like 共计; 分别占 pairs shares with amounts by position. Each
// with near misses that give no relation, and a wrong figure as an error through the whole pipeline.
import { describe, it, expect } from 'vitest';
import { builtDocs, errorsOf } from './helpers/built-docs.js';
import { lineRelations, project } from './helpers/relations.js';
import { REASON_WORD, listMarkers } from '../src/lexicon/index.js';

const check = builtDocs('list-wordings');
/** The error findings of the line checked as a document of its own. */
const errors = async (line: string) => errorsOf(await check(line));
const sums = (line: string) => lineRelations([line]).filter((r) => r.startsWith('sum'));

describe('names after a part end at a stronger separator', () => {
  it.each([
    ['2023年度一般公共预算财政拨款基本支出700.00万元，其中：人员经费600.00万元，主要包括：基本工资、津贴补贴、奖金；公用经费100.00万元，主要包括：办公费、印刷费、水费。',
      'sum 700.00万元 = 600.00万元 + 100.00万元'],
    ['基本支出700万元，其中：人员经费600万元，包括基本工资、津贴补贴和奖金；公用经费100万元，包括办公费和印刷费。', 'sum 700万元 = 600万元 + 100万元'],
    ['本年支出合计900万元，其中：基本支出700万元，主要用于人员工资和日常运转；项目支出200万元，主要用于专项业务。', 'sum 900万元 = 700万元 + 200万元'],
  ])('%s', (line, sum) => {
    expect(sums(line)).toEqual([sum]);
  });

  it('the parts name the whole’s split, so a wrong figure is an error', async () => {
    expect(await errors('基本支出700万元，其中人员经费650万元，主要包括：基本工资、津贴补贴、奖金；公用经费100万元，主要包括：办公费、印刷费、水费。')).toEqual(['sum 700万元']);
  });

  it.each([
    // closed by a ， as weak as the one before the marker: 公用经费 may still be one of the names
    '基本支出700万元，其中人员经费600万元，包括基本工资、津贴补贴，公用经费100万元，包括办公费、印刷费。',
  ])('near miss: %s', (line) => {
    expect(sums(line)).toEqual([]);
  });
});

describe('people counted by two attributes overlap: the list ends where the attribute changes', () => {
  it.each([
    '本单位共有干部职工50人，其中党员30人，女性25人。',
    '全局在职干部职工42人，其中中共党员28人，本科及以上学历30人，35岁以下12人。',
    '现有工作人员36人，其中女性20人，少数民族18人。',
  ])('no sum: %s', (line) => {
    expect(sums(line)).toEqual([]);
  });
  it.each([
    ['本单位在职人员50人，其中男性30人，女性20人，35岁以下15人。', 'sum 50人 = 30人 + 20人 (partial)'],
    ['全局干部职工42人，其中研究生学历5人、本科学历30人、大专学历7人。', 'sum 42人 = 5人 + 30人 + 7人 (partial)'],
  ])('one attribute is still a list: %s', (line, sum) => {
    expect(sums(line)).toEqual([sum]);
  });
});

describe('a body’s units listed before their count: 内设A、B、C 3个科室', () => {
  const counts = (line: string) => lineRelations([line]).filter((r) => r.startsWith('list-count'));
  it.each([
    ['本单位内设综合办公室、业务科、财务科3个科室。', 'list-count 3个 [3]'],
    ['局机关下设办公室、规划股和执法股共3个股室。', 'list-count 3个 [3]'],
    ['中心设有综合部、技术部、培训部、信息部4个部室。', 'list-count 4个 [4]'],
  ])('%s', (line, count) => {
    expect(counts(line)).toEqual([count]);
  });
  it('a count that is not the number of names is an error', async () => {
    expect((await errors('本单位内设综合办公室、业务科、财务科4个科室。')).map((e) => e.split(' ')[0])).toEqual(['list-count']);
  });
  it.each([
    // 等 leaves the list open
    '本单位内设办公室、业务科和财务科等3个职能科室。',
    // the names do not end like the counted noun: what is counted is unsaid
    '本单位内设办公室、业务科、财务科，管理3个基层站所。',
    '中心设有咨询、培训、检测3个服务窗口。',
  ])('near miss: %s', (line) => {
    expect(counts(line)).toEqual([]);
  });
});

describe('主要用于以下方面： opens the parts of the total before it', () => {
  const read = async (line: string) => {
    const result = await check(line);
    return { relations: project(result.report?.relations ?? []).filter((r) => r.startsWith('sum') || r.startsWith('share')), errors: errorsOf(result) };
  };
  const LINE = '2023年度一般公共预算财政拨款支出1000.00万元，主要用于以下方面：一般公共服务（类）支出600.00万元，占60.0%；教育（类）支出300.00万元，占30.0%；社会保障和就业（类）支出100.00万元，占10.0%。';
  it('the parts and their shares of the total', async () => {
    const { relations, errors } = await read(LINE);
    expect(relations).toEqual([
      'share 1000.00万元: 600.00万元→60.0%, 300.00万元→30.0%, 100.00万元→10.0%',
      'sum 1000.00万元 = 600.00万元 + 300.00万元 + 100.00万元 (partial)',
    ]);
    expect(errors).toEqual([]);
  });
  it('a wrong share is an error on it', async () => {
    expect((await read(LINE.replace('占60.0%', '占65.0%'))).errors).toEqual(['share 65.0%']);
  });
  it('主要用于 without 以下方面 still opens a reason; 原因如下 too', () => {
    expect(REASON_WORD.test('主要用于乡村振兴项目30万元')).toBe(true);
    expect(REASON_WORD.test('增长的主要原因如下：')).toBe(true);
    expect(REASON_WORD.test('主要用于以下方面：')).toBe(false);
    expect(listMarkers('支出1000万元，主要用于以下几个方面：A').map((m) => m.word)).toEqual(['主要用于以下几个方面：']);
  });
});

describe('a clause opening with 总计 totals the parts before it, as 共计 and 合计 do', () => {
  it.each([
    ['中央资金300万元，省级资金150万元，县级资金50万元，总计500万元。', 'sum 500万元 = 300万元 + 150万元 + 50万元'],
    ['中央资金300万元、省级资金150万元、县级资金50万元，共计500万元。', 'sum 500万元 = 300万元 + 150万元 + 50万元'],
  ])('%s', (line, sum) => {
    expect(sums(line)).toEqual([sum]);
  });
  it('总金额 names a whole of its own: no sum', () => {
    expect(sums('中央资金300万元，省级资金150万元，县级资金50万元，总金额600万元的项目已完工。')).toEqual([]);
  });
});

describe('分别占 pairs a run of shares with the amounts right before it, by position', () => {
  const shares = (line: string) => lineRelations([line]).filter((r) => r.startsWith('share'));
  it.each([
    ['本年度基本支出合计900万元，其中人员经费800万元、公用经费100万元，分别占基本支出的88.9%和11.1%。', 'share 900万元: 800万元→88.9%, 100万元→11.1% complete'],
    ['基本支出合计900万元，其中人员经费800万元，公用经费100万元，分别占88.9%、11.1%。', 'share 900万元: 800万元→88.9%, 100万元→11.1% complete'],
  ])('%s', (line, share) => {
    expect(shares(line)).toEqual([share]);
  });
  it('a wrong share is an error', async () => {
    expect(await errors('基本支出合计900万元，其中人员经费800万元，公用经费100万元，分别占80.9%、11.1%。')).toEqual(['share 80.9%']);
  });
  it.each([
    // no whole stated for the shares: of the whole city, not of anything here
    '全年接待来访群众3000人次、来信500件，分别占全市的30%和20%。',
    // more shares than amounts right before them
    '基本支出合计900万元，其中公用经费100万元，分别占88.9%、11.1%。',
  ])('near miss: %s', (line) => {
    expect(shares(line)).toEqual([]);
  });
});

describe('a list goes on into the next sentence only when that sentence is one amount and nothing else', () => {
  it('药品收入2400万元，药占比30%: a statement of its own, not one more part of 医疗收入', () => {
    expect(sums('2023年医疗收入8000万元，其中：门诊收入3000万元，住院收入5000万元。药品收入2400万元，药占比30%。')).toEqual(['sum 8000万元 = 3000万元 + 5000万元 (partial)']);
  });
  it('同等待遇人员127人。 alone is still taken as one more part (an assumption)', () => {
    expect(sums('实有人数1982人，其中：在职人数1434人；离休人员4人；退休人员417人。同等待遇非在编人员127人。')).toEqual(['sum 1982人 = 1434人 + 4人 + 417人 + 127人 (partial)']);
  });
});

describe('a budget is no part of what was spent', () => {
  it('“三公”经费预算5万元，支出4.2万元。其中公务接待费预算2万元，支出1.6万元: no sum of 支出 over a 预算', () => {
    expect(sums('2023年“三公”经费预算5.00万元，支出4.20万元。其中公务接待费预算2.00万元，支出1.60万元。')).toEqual([]);
  });
  it('a spending budget’s own parts are still its parts', () => {
    expect(sums('项目支出预算100万元，其中：设备购置预算60万元，培训预算40万元。')).toEqual(['sum 100万元 = 60万元 + 40万元 (partial)']);
  });
});

describe('after parts that name kinds, one that says how far the work has got ends the list', () => {
  it('…其他类2个，已完工13个: 已完工 is no fourth kind', () => {
    expect(sums('共实施项目15个，其中：产业发展类8个、基础设施类5个、其他类2个，已完工13个，完工率86.7%。')).toEqual(['sum 15个 = 8个 + 5个 + 2个']); // whole: 其他类 closes it
  });
  it('parts that are themselves stages (已完工, 在建) are still parts', () => {
    expect(sums('共实施项目15个，其中已完工13个，在建2个。')).toEqual(['sum 15个 = 13个 + 2个 (partial)']);
  });
});

describe('amounts after the parts that are about one of them, or about how far the whole has got', () => {
  it.each([
    ['项目资金500万元，其中：A项目300万元，B项目200万元；A项目中中央资金200万元。', 'sum 500万元 = 300万元 + 200万元 (partial)'],
    ['2023年共安排资金500万元，其中：2023年资金300万元，2022年结转资金200万元，当年已支出450万元。', 'sum 500万元 = 300万元 + 200万元 (partial)'],
  ])('%s', (line, sum) => {
    expect(sums(line)).toEqual([sum]);
  });
});

describe('具体如下： with its numbered items in the same paragraph opens the total’s parts', () => {
  it('资金1500万元，具体如下：1.…500万元；2.…300万元；…', () => {
    expect(sums('本年度共下达项目资金1500万元，具体如下：1.道路建设项目500万元；2.桥梁维修项目300万元；3.饮水安全项目400万元；4.人居环境整治项目300万元。'))
      .toEqual(['sum 1500万元 = 500万元 + 300万元 + 400万元 + 300万元 (partial)']);
  });
  it('at the end of a paragraph it is no marker (the numbered paragraphs after it are read as before)', () => {
    expect(listMarkers('“三公”经费支出1360.13万元，比上年减少613.80万元。具体情况如下：')).toEqual([]);
  });
  it('具体原因如下： lists reasons, not parts', () => {
    expect(sums('本年支出1500万元，比上年增加200万元，具体原因如下：1.人员经费增加120万元；2.项目支出增加80万元。').filter((s) => s.startsWith('sum 1500'))).toEqual([]);
  });
});
