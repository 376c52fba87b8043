// Completion wordings red-teamed as unread: 超额完成 with its task stated after the rate (or in a bracket after it),
// and 完成年初预算的X% with the budget in the next sentence. Each paraphrase is read; near misses give no relation;
// an operand from another sentence is inferred, so a mismatch there only warns and says what was assumed.
import { describe, it, expect } from 'vitest';
import { builtDocs } from './helpers/built-docs.js';
import { raw } from './helpers/relations.js';
import type { Relation } from '../src/model/schema.js';

function project(r: Relation): string {
  if (r.kind === 'growth') return `excess ${raw(r.previous)}→${raw(r.current)} ${raw(r.rate)}`;
  if (r.kind === 'rate') return `rate ${raw(r.numerator)} / ${r.denominators.map(raw).join('|')} = ${raw(r.rate)}`;
  return r.kind;
}

const check = builtDocs('completion');
async function read(line: string) {
  const result = await check(line);
  return {
    relations: (result.report?.relations ?? []).map(project),
    assumed: (result.report?.relations ?? []).flatMap((r) => r.assumed ?? []).map((a) => a.kind),
    findings: result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').filter((f) => f.rule !== 'nothing-checked'),
  };
}

/** A test that the line gives no relation of this kind (a near miss). */
const noRelation = (kind: string) => async (line: string) => {
  const { relations } = await read(line);
  expect(relations.filter((r) => r.startsWith(kind))).toEqual([]);
};

/** A test that the line gives the relation, assuming what `assumed` lists (nothing: stated), with no finding. */
const readsAs = (assumed: string[]) => async (line: string, relation: string) => {
  const { relations, findings, assumed: made } = await read(line);
  expect(relations).toContain(relation);
  expect(made).toEqual(assumed);
  expect(findings).toEqual([]);
};

describe('超额完成 with the task after the rate', () => {
  it.each([
    '全年实际完成120万元，超额完成20%，年度任务为100万元。',
    '超额完成任务20%（任务100万元），实际完成120万元。',
    '本年度完成招商引资120万元，超额完成20%，年度目标任务100万元。',
    '全年完成120万元，超额完成年度任务20%（年度任务100万元）。',
    '实际完成120万元，超计划20%，计划100万元。',
    '2023年实际完成120万元，超额完成20%，2023年任务为100万元。',
  ])('%s', async (line) => {
    const { relations, findings } = await read(line);
    expect(relations).toContain('excess 100万元→120万元 20%');
    expect(findings).toEqual([]);
  });

  it('a wrong rate with both operands in its sentence is an error', async () => {
    const { findings } = await read('全年实际完成120万元，超额完成任务25%（任务100万元）。');
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error growth']);
  });

  it('the task from the next sentence is inferred: a warning that says so', async () => {
    const { findings, assumed } = await read('全年实际完成120万元，超额完成25%。年度任务为100万元。');
    expect(assumed).toEqual(['other-sentence']);
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning growth']);
    expect(findings[0].message).toContain('年度任务');
  });

  it.each([
    '全年实际完成120万元，超额完成20%，年初任务为100万元，调整后任务为110万元。',
    '全年实际完成120万元，超额完成20%，市级下达任务100万元，县级下达任务90万元。',
    '完成固定资产投资120万元，超额完成20%，任务100万元；完成招商引资50万元，任务40万元。',
    '全年实际完成120万元，超额完成任务20%（2022年任务100万元）。',
    '全年实际完成120万元，超额完成20%，上年任务为100万元。',
    '全年实际完成120万元，超额完成20%，2022年任务为100万元。',
  ])('two candidate tasks, or another year’s: no relation — %s', noRelation('excess'));
});

describe('完成年初预算的X% with the budget in the next sentence (or the one before)', () => {
  it.each([
    ['全年支出决算为8.47万元，完成年初预算的60.50%。年初预算为14.00万元。', 'rate 8.47万元 / 14.00万元 = 60.50%'],
    ['本年度决算数8.47万元，完成年初预算数的60.50%。年初预算数为14.00万元。', 'rate 8.47万元 / 14.00万元 = 60.50%'],
    ['2023年实际支出8.47万元，完成全年预算的60.50%。全年预算安排14.00万元。', 'rate 8.47万元 / 14.00万元 = 60.50%'],
    ['年初预算为14.00万元。全年支出决算为8.47万元，完成年初预算的60.50%。', 'rate 8.47万元 / 14.00万元 = 60.50%'],
  ])('%s', readsAs(['other-sentence']));

  it('a wrong rate only warns, naming the budget it took from the next sentence', async () => {
    const { findings } = await read('全年支出决算为8.47万元，完成年初预算的70.50%。年初预算为14.00万元。');
    expect(findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning rate']);
    expect(findings[0].message).toContain('年初预算 14.00万元');
  });

  it.each([
    '全年支出决算为8.47万元，完成年初预算的60.50%。公务接待费年初预算为14.00万元。',
    '全年支出决算为8.47万元，完成年初预算的60.50%。2023年年初预算为14.00万元，2022年年初预算为12.00万元。',
    '年初预算为14.00万元。全年支出决算为8.47万元，完成年初预算的60.50%。2022年年初预算为12.00万元。',
    '全年支出决算为8.47万元，完成年初预算的60.50%。上年年初预算为12.00万元。',
  ])('a budget of another item or year, or two budgets: no relation — %s', noRelation('rate'));
});

describe('完成年初预算的X% with the budget after it in its own sentence: stated, so a wrong rate is an error', () => {
  it.each([
    ['“三公”经费财政拨款支出决算为45.60万元，完成年初预算的76.00%，年初预算为60.00万元。', 'rate 45.60万元 / 60.00万元 = 76.00%'],
    ['公务接待费支出5.40万元，完成预算的67.50%，预算数为8.00万元。', 'rate 5.40万元 / 8.00万元 = 67.50%'],
    ['本年度决算数8.47万元，完成全年预算的60.50%，全年预算安排14.00万元。', 'rate 8.47万元 / 14.00万元 = 60.50%'],
  ])('%s', readsAs([]));

  it('a wrong rate is an error at the rate', async () => {
    const { findings } = await read('公务接待费支出5.40万元，完成预算的60.00%，预算数为8.00万元。');
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.actual}`)).toEqual(['error rate 60.00%']);
  });

  it.each([
    '公务接待费支出5.40万元，完成预算的67.50%，公务用车运行维护费预算为8.00万元。',
    '公务接待费支出5.40万元，完成预算的67.50%，预算数为8.00万元，调整后预算数为9.00万元，2022年预算数为7.00万元。',
    '公务接待费支出5.40万元，完成预算的67.50%，上年预算数为8.00万元。',
  ])('a budget of another item or year after it: no relation — %s', noRelation('rate'));
});

describe('超额完成 with a 计划完成 target: 计划完成 is the plan, not what was done', () => {
  it.each([
    ['全年计划完成造林任务5000亩，实际完成5600亩，超额完成12%。', 'excess 5000亩→5600亩 12%'],
    ['全年计划完成投资5000万元，实际完成5600万元，超额完成12%。', 'excess 5000万元→5600万元 12%'],
    ['年度计划完成培训800人次，全年实际完成培训1000人次，超额完成任务25%。', 'excess 800人次→1000人次 25%'],
  ])('%s', async (line, relation) => {
    const { relations, findings } = await read(line);
    expect(relations).toContain(relation);
    expect(findings).toEqual([]);
  });

  it('a wrong excess is an error', async () => {
    const { findings } = await read('全年计划完成造林任务5000亩，实际完成5600亩，超额完成15%。');
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.actual}`)).toEqual(['error growth 15%']);
  });

  it.each([
    '全年预计完成5000亩，实际完成5600亩，超额完成15%。',
    '全年应完成5000亩，预计完成5600亩，超额完成15%。',
  ])('a forecast is neither target nor actual: no relation — %s', noRelation('excess'));
});
