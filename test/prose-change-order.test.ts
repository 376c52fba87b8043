// Changes written in the other orders the genre uses: the rate before the amount (较上年增长Y%，增加X万元), the amount
// in an aside after the rate, 降低 as a rate word, and 从A降为B. Each is read from built documents through the whole
// pipeline (a wrong figure is an error on it), near misses give no relation; and a 其中 list after a whole's change,
// whose parts state changes, lists the change's parts, never the whole's.
import { describe, it, expect } from 'vitest';
import { builtDocs, findingsOf } from './helpers/built-docs.js';
import { raw, reportRelations } from './helpers/relations.js';
import type { Relation } from '../src/model/schema.js';

function project(r: Relation): string {
  if (r.kind === 'growth') return `growth ${r.direction} ${raw(r.previous)}→${raw(r.current)} Δ${raw(r.change)} ${raw(r.rate)}`;
  if (r.kind === 'sum') return `sum ${raw(r.total)} = ${r.parts.map(raw).join(' + ')}`;
  return r.kind;
}

const check = builtDocs('change-order');
async function read(line: string) {
  const result = await check(line);
  return { relations: (result.report?.relations ?? []).map(project), findings: findingsOf(result) };
}

const growths = (rs: string[]) => rs.filter((r) => r.startsWith('growth'));

describe('the rate of a change before its amount', () => {
  it.each([
    ['本年支出合计1234.56万元，较上年增长11.1%，增加123.45万元。', 'growth increase _→1234.56万元 Δ123.45万元 11.1%'],
    ['2023年度收入总计1234.56万元，同比增长11.1%（增加123.45万元）。', 'growth increase _→1234.56万元 Δ123.45万元 11.1%'],
    ['机关运行经费支出56.20万元，与2022年相比下降10.0%，减少了6.25万元，主要原因是压减会议费。', 'growth decrease _→56.20万元 Δ6.25万元 10.0%'],
    ['年末结转和结余资金20万元，比上年降低20%，减少5万元。', 'growth decrease _→20万元 Δ5万元 20%'],
  ])('%s', async (line, relation) => {
    const { relations, findings } = await read(line);
    expect(relations).toContain(relation);
    expect(findings).toEqual([]);
  });

  it('a wrong rate, or a wrong amount, is an error', async () => {
    expect((await read('本年支出合计1234.56万元，较上年增长13.1%，增加123.45万元。')).findings).toEqual(['error growth 13.1%']);
    expect((await read('本年支出合计1234.56万元，同比增长11.1%（增加153.45万元）。')).findings.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['error growth']);
  });

  it.each([
    // the amount after the rate is a reason's, not the change
    '本年支出合计1234.56万元，较上年增长11.1%，增加的主要原因是人员经费增加123.45万元。',
    // the directions disagree: the text does not say which is the change
    '本年支出合计1234.56万元，较上年增长11.1%，减少123.45万元。',
    // no comparison before the rate: an increase of something else
    '本年支出合计1234.56万元，增长11.1%，增加123.45万元。',
    // the amount has more than the change word before it
    '本年支出合计1234.56万元，较上年增长11.1%，增加项目资金123.45万元。',
  ])('near miss: %s', async (line) => {
    expect(growths((await read(line)).relations)).toEqual([]);
  });
});

describe('降低 states a rate of decrease, as 下降 does', () => {
  it('比2016年度减少0.28万元，降低3.09%', async () => {
    const line = '2017年度“三公”经费财政拨款支出决算数8.77万元，比2016年度减少0.28万元，降低3.09%。';
    expect((await read(line)).relations).toContain('growth decrease _→8.77万元 Δ0.28万元 3.09%');
    expect((await read(line.replace('3.09%', '4.09%'))).findings).toEqual(['error growth 4.09%']);
  });
});

describe('从A降为B: the amount a change starts from and the one it ends at', () => {
  it.each(['a-changle-sgjf-2017.docx', 'a-changle-sgjf-2017.pdf'])('%s: 出国人次从29人降为16人，下降44.8%', async (file) => {
    expect(await reportRelations(file, 'omit', 'reports2')).toContain('growth decrease 29人→16人 Δ_ 44.8%');
  });
  it.each([
    ['参训人数由200人增加到250人，增长25%。', 'growth increase 200人→250人 Δ_ 25%'],
    ['公务用车从12辆减少至9辆，下降25%。', 'growth decrease 12辆→9辆 Δ_ 25%'],
    ['会议费从6.40万元降至4.80万元，降幅25%。', 'growth decrease 6.40万元→4.80万元 Δ_ 25%'],
    ['收入从上年的1000.0万元增加到1200.0万元，增长20.0%。', 'growth increase 1000.0万元→1200.0万元 Δ_ 20.0%'],
    ['培训人数由原来的10人减少到8人，下降20%。', 'growth decrease 10人→8人 Δ_ 20%'],
  ])('%s', async (line, relation) => {
    const { relations, findings } = await read(line);
    expect(relations).toContain(relation);
    expect(findings).toEqual([]);
  });
  it('a wrong rate is an error', async () => {
    expect((await read('参训人数由200人增加到250人，增长20%。')).findings).toEqual(['error growth 20%']);
  });
  it.each([
    // the rate says the other way: not this pair's change
    '参训人数由200人增加到250人，下降25%。',
    // 由 names the sources, not a starting amount
    '项目资金120万元由省级资金80万元和县级资金40万元组成，增长20%。',
  ])('near miss: %s', async (line) => {
    expect(growths((await read(line)).relations).filter((r) => r.includes('→') && !r.includes('_→'))).toEqual([]);
  });
});

describe('a 其中 list after a whole’s change whose parts state changes', () => {
  it.each([
    '收入合计1000万元，较上年减少52.63万元，下降5%，其中财政拨款减少40万元，其他收入减少12.63万元。',
    '收入合计1000万元，较上年减少52.63万元，其中财政拨款减少40万元，其他收入减少12.63万元。',
    '收入合计1000万元，较上年下降5%，减少52.63万元，其中财政拨款减少40万元，其他收入减少12.63万元。',
  ])('%s: the parts add up to the change, and are no parts of the whole', async (line) => {
    const { relations, findings } = await read(line);
    expect(relations.filter((r) => r.startsWith('sum'))).toEqual(['sum 52.63万元 = 40万元 + 12.63万元']);
    expect(findings).toEqual([]);
  });
  it('parts stating amounts are still the whole’s', async () => {
    const { relations } = await read('收入合计1000万元，较上年减少52.63万元，其中财政拨款800万元，其他收入200万元。');
    expect(relations).toContain('sum 1000万元 = 800万元 + 200万元');
  });
});

describe('two comparisons of one amount, the first with its rate; a comparison that names both amounts', () => {
  it('较年初预算减少X，减少P%；较上年减少Y，下降Q%: both are the amount’s changes', async () => {
    const { relations, findings } = await read('本年度“三公”经费支出12.50万元，较年初预算减少2.50万元，减少16.67%；较上年减少1.00万元，下降7.41%。');
    expect(growths(relations)).toEqual(['growth decrease _→12.50万元 Δ2.50万元 16.67%', 'growth decrease _→12.50万元 Δ1.00万元 7.41%']);
    expect(findings).toEqual([]);
  });
  it('a wrong rate of the second comparison is an error', async () => {
    expect((await read('本年度“三公”经费支出12.50万元，较年初预算减少2.50万元，减少16.67%；较上年减少1.00万元，下降8.41%。')).findings).toEqual(['error growth 8.41%']);
  });
  it.each([
    ['“三公”经费预算数15.00万元，决算数12.00万元，决算数比预算数减少3.00万元，下降20.00%。', 'growth decrease 15.00万元→12.00万元 Δ3.00万元 20.00%'],
    ['公务接待费预算数5.00万元，决算数4.00万元，决算数比预算数减少1.00万元，下降20.0%，比上年决算数减少0.50万元。', 'growth decrease 5.00万元→4.00万元 Δ1.00万元 20.0%'],
  ])('决算数比预算数减少: %s', async (line, relation) => {
    const { relations, findings } = await read(line);
    expect(growths(relations)).toEqual([relation]);
    expect(findings).toEqual([]);
  });
  it('a wrong change is an error on it', async () => {
    expect((await read('“三公”经费预算数15.00万元，决算数12.00万元，决算数比预算数减少2.00万元。')).findings).toEqual(['error growth 2.00万元']);
  });
  it('a name that two amounts end with chooses neither', async () => {
    expect(growths((await read('公务用车预算数8.00万元，公务接待预算数5.00万元，决算数4.00万元，决算数比预算数减少1.00万元，下降20.0%。')).relations)).toEqual([]);
  });
});
