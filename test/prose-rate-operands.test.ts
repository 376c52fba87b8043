// Which amount a rate divides when its sentence states several it could: the one its name's verb names (到位率: what
// arrived, not what was spent after it); a rate of one stage of the money with only another stage stated has no operand.
import { describe, it, expect } from 'vitest';
import { builtDocs, errorsOf, type BuiltResult } from './helpers/built-docs.js';
import { checkFile } from './helpers/read.js';
import { raw } from './helpers/relations.js';
import { defaultConfig } from '../src/config.js';

/** A result's rates as `name rate = numerator / denominators`. */
const ratesOf = (result: BuiltResult) => (result.report?.relations ?? [])
  .flatMap((r) => (r.kind === 'rate' ? [`${r.name} ${raw(r.rate)} = ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')}`] : []));

const check = builtDocs('rate-operands');
const rates = async (line: string) => {
  const result = await check(line);
  return { relations: ratesOf(result), errors: errorsOf(result) };
};

describe('a rate divides the stage of the money its name says (到位率: what arrived)', () => {
  it('with what arrived and what was spent, 到位率 takes what arrived', async () => {
    const { relations, errors } = await rates('项目预算100万元，到位资金100万元，实际支出95万元，到位率100%，执行率95%。');
    expect(relations).toEqual(['到位率 100% = 100万元 / 100万元']);
    expect(errors).toEqual([]);
  });
  it('with only what was spent, 到位率 has no operand', async () => {
    expect(await rates('项目预算100万元，实际支出95万元，到位率100%。')).toEqual({ relations: [], errors: [] });
  });
  it.each([
    ['下达资金总额500万元，已拨付450万元，拨付率90%。', '拨付率 90% = 450万元 / 500万元'],
    ['项目预算资金500万元，已支出480万元，资金支付率96%。', '资金支付率 96% = 480万元 / 500万元'],
  ])('%s', async (line, relation) => {
    expect((await rates(line)).relations).toEqual([relation]);
  });
});

describe('a 完成率 (or 执行率) over counts: what was done over the task', () => {
  it.each([
    ['绩效目标完成情况：共设定绩效指标15个，已完成14个，完成率93.3%。', '完成率 93.3% = 14个 / 15个'],
    ['计划培训农民200人次，实际培训210人次，完成率105%。', '完成率 105% = 210人次 / 200人次'],
    ['部门预算27个项目中，完成绩效目标数量指标的项目有27个，完成率100%。', '完成率 100% = 27个 / 27个'],
    // what is left (未完成) is neither operand, and 三级 is a level, no count
    ['绩效指标完成情况：共设置三级指标18个，完成17个，未完成1个，指标完成率94.4%。', '指标完成率 94.4% = 17个 / 18个'],
    ['本年度部门预算安排项目12个，实际执行项目11个，执行率91.7%。', '执行率 91.7% = 11个 / 12个'],
  ])('%s', async (line, relation) => {
    expect(await rates(line)).toEqual({ relations: [relation], errors: [] });
  });
  it.each([
    ['计划培训农民200人次，实际培训210人次，完成率95%。', 'rate 95%'],
    ['绩效指标完成情况：共设置三级指标18个，完成17个，未完成1个，指标完成率96.4%。', 'rate 96.4%'],
    ['本年度部门预算安排项目12个，实际执行项目11个，执行率93.7%。', 'rate 93.7%'],
  ])('a wrong rate is an error: %s', async (line, error) => {
    expect((await rates(line)).errors).toEqual([error]);
  });
  it.each([
    // two amounts left beside the done one
    '共设置指标18个，完成15个，未完成2个，暂缓1个，完成率83.3%。',
    // two units: not one count
    '计划培训农民200人，实际培训210人次，完成率105%。',
    // three counts: which two is unsaid
    '计划培训200人次，实际培训210人次，其中线上100人次，完成率105%。',
    // neither is what was done
    '共设定绩效指标15个，其中产出指标14个，完成率93.3%。',
  ])('near miss: %s', async (line) => {
    expect((await rates(line)).relations).toEqual([]);
  });
});

describe('the bundled sample 004 (docx, pdf): 完成绩效目标数量指标的项目有27个，完成率100%', () => {
  it.each(['fixtures/004-baocheng-2024.docx', 'fixtures/004-baocheng-2024.pdf'])('%s', async (file) => {
    expect(ratesOf(await checkFile(file, defaultConfig))).toContain('完成率 100% = 27个 / 27个');
  });
});
