// Tables of the second development set (copies in test/data/reports2): every labelled table error caught by its rule
// at its cell, the labelled warnings found, and the traps left alone — blank cells, blank aggregates, counts under a
// 相关统计数 heading, a 行号 column, an open 其中 list ending in 其他收入, per-row grades of a table by 一级指标.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { rewriteDocx, scratch } from './helpers/mutate-files.js';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Finding } from '../src/findings.js';

const at = (f: Finding) => f.location.cell ?? (f.location.row !== undefined ? `${f.location.row}:${f.location.col}` : `¶${f.location.paragraph}`);
/** Each finding as rule, severity, cell (A1, or row:col of a Word or PDF table, 1-based as displayed, or ¶paragraph) and the number it quotes. */
async function findings(name: string): Promise<string[]> {
  const result = await checkFile(`test/data/reports2/${name}`, defaultConfig);
  return result.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.severity} ${at(f)} ${f.actual}`).sort();
}

const CASES: Array<[string, string, string[]]> = [
  // c: the 合计 column against its fund sources, which were written 0
  ['c-yueyang-wl-2017.xlsx', '4.9 and 3.1 against 0 + 0 + 0 (the 合计 column’s own rows hold: 4.9 = 0 + 1.8 + 3.1)', ['sum error B10 3.1', 'sum error B7 4.9']],
  ['c-yueyang-wl-2017.docx', 'the same in the Word table', ['sum error 2:2 4.9', 'sum error 5:2 3.1']],
  // 支出合计 over 1、2、3、 (出国's row left empty: 0); counts under 二、相关统计数 are no part of it
  ['m-c-yueyang-tcy-2017.xlsx', '250000 against 0 + 160000 + 100000', ['sum error C6 250000']],
  ['c-yueyang-tcy-2017.xlsx', 'clean: the 2016 column is empty, the counts are counts', []],
  // 增、减幅度 under a two-row header
  ['m-c-shidian-sgjf-2016.docx', '公务接待费 −5.82% against (1590.94 − 1679.69) ÷ 1679.69', ['growth error 5:5 -5.82%']],
  ['c-shidian-sgjf-2016.xlsx', 'clean: −113 for −113.00, 14.80 → 0 is −100%', []],
  ['c-shidian-sgjf-2016.pdf', 'clean as printed', []],
  // a sentence in a merged cell read as a paragraph
  ['m-c-shitai-sfj-2018.xlsx', '完成预算的95.91% (A12) against 24.75 ÷ 26', ['rate error A12 95.91%']],
  ['c-shitai-sfj-2018.xlsx', 'clean: 出国 blank in the table, the 其中 rows blank', []],
  ['e-luan-gsl-2021.xlsx', 'clean: blank 出国 and 公务用车 rows', []],
  // the budget block: the two empty source rows are 0, the three sources close 年度资金总额
  ['m2-c-jinzhai-mlxc-2023.xlsx', '329.77 against 329.17 + 0 + 0', ['sum error D5 329.77', 'weight-total error D12 60']],
  ['c-jinzhai-mlxc-2023.xlsx', 'only the labelled weight total: 329.77 = 329.77 + ∅ + ∅ holds', ['weight-total error D12 60']],
  // 本期 | 上年同期 | 增加额 | 增长率, a 行号 column; 其他收入 does not close the hospital's 其中 list
  ['m-e-zhuzhou-fybjy-2020.xlsx', '住院人均医药费用 2.52% against 110.08 ÷ 4889.57; 总收入 short of its open 其中 list (warnings)',
    ['growth error F11 2.52%', 'sum warning C2 61625022.26', 'sum warning D2 66095039.04']],
  ['e-zhuzhou-fybjy-2020.xlsx', 'the two labelled warnings, nothing else', ['sum warning C2 61625022.26', 'sum warning D2 66095039.04']],
  // a section heading merged across between the header and the body; 2017比2016增减 over 增减值 | 增减%
  // the hard 增减值: 117154424.7 read at the row's finest precision gives 58557653.60–.62; .59 is neither that rounded
  // nor that truncated (a truncation to .59 needs a value below .60)
  ['m-e-dachuan-zyy-2017.xlsx', '其他收入 7.04% against 19680.22 ÷ 266054.87, and the hard 增减值 at the row’s finest precision',
    ['growth error E8 7.04%', 'sum error D4 58557653.59']],
  ['e-dachuan-zyy-2017.pdf', 'only the hard 增减值 read at the row’s finest precision', ['sum error 4:4 58557653.59']],
  // 收入合计 over the columns of the merged 其中： header
  ['m-d-yueyang-yylq-tw-2021.docx', '70.183715 short of 0 + 68.863715 + 0 + 0 + 1.5', ['sum error 5:2 70.183715']],
  ['d-yueyang-yylq-tw-2021.docx', 'clean', []],
  // grade columns
  ['m-b-taizhou-sanmen-zjj-2024.docx', '89 graded 优 (national bands: 良)', ['grade error 6:7 优']],
  ['b-taizhou-sanmen-zjj-2024.docx', 'clean: 87 良, 91 优, 94 优, 91 优, 90 优', []],
  ['m2-d-danzhou-fy-2018.docx', '合计 94.04 graded 良 (the report’s own bands: 优); per-row grades not judged', ['grade error 6:4 良', 'sum warning ¶12 2956.36万元']],
  ['d-danzhou-fy-2018.docx', 'only the labelled prose warning', ['sum warning ¶12 2956.36万元']],
  // text against its table
  ['m-a-jiading-sfj-2017.docx', '完成预算的65.50% against 8.47 ÷ the table’s 14.00', ['rate error ¶5 65.50%']],
  ['a-jiading-sfj-2017.docx', 'clean: 60.50% and 3.75% hold over the table’s budgets', []],
];

describe('reports2 tables: labelled errors at their cells, traps silent', () => {
  it.each(CASES)('%s: %s', async (name, _what, expected) => {
    expect(await findings(name)).toEqual([...expected].sort());
  });

  it('c-xuwen: clean; the blank （二） aggregate is its children (5.60 = 0 + 0 + 3.60 + 2.00); 行政经费 is no sibling of “三公”经费', async () => {
    const result = await checkFile('test/data/reports2/c-xuwen-jkj-2017.docx', defaultConfig);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const sums = result.report!.relations.filter((r) => r.kind === 'sum' && r.location.row !== undefined);
    expect(sums.map((r) => r.kind === 'sum' && [r.total.raw, r.parts.map((p) => p.raw), r.exhaustive])).toEqual([['5.60', ['0', '0', '3.60', '2.00'], true]]);
  });
});

describe('text against its table (a-jiading: the 三公 table and the sentences about it)', () => {
  const files = scratch();
  beforeAll(() => files.make('jixiao-tables-reports2-'));
  afterAll(() => files.remove());
  const restated = async (path: string) => (await checkFile(path, defaultConfig)).findings.filter((f) => f.rule === 'restated')
    .map((f) => [f.severity, f.expected, f.actual]);

  it('a change of the 决算 (支出决算减少0.29万元) is not the 决算: the clean report has no restatement', async () => {
    expect(await restated('test/data/reports2/a-jiading-sfj-2017.docx')).toEqual([]);
  });

  it('the 决算 of an item stated in the text and in the table must agree: 8.47 → 8.74 in the text', async () => {
    const path = rewriteDocx(files, 'reports2/a-jiading-sfj-2017.docx', '公务用车购置及运行维护费支出决算为8.47万元', '公务用车购置及运行维护费支出决算为8.74万元');
    expect(await restated(path)).toEqual([['error', '8.47', '8.74万元']]);
  });
});
