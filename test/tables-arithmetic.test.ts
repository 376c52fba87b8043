// Tables no form profile reads (test/data/tables, scripts/make-table-fixtures.mjs): each is clean as built in .xlsx, .docx
// and the PDF Calc printed of it, and one changed cell of each kind — a 合计 row, a 合计 column over its fund sources, 增减额,
// 增减率, 占比, 完成率, a 科目编码 level — makes the right rule fire at that cell in all three.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { expectHit, findingsOf, mutateDocx, mutatePdfFile, mutateXlsx, scratch, show } from './helpers/mutate-files.js';

const files = scratch();
beforeAll(() => files.make('jixiao-tables-'));
afterAll(() => files.remove());

const SHEET = '表1';
const TABLES = ['table-codes', 'table-compare', 'table-funds'];

describe('the fixture tables are clean as built, and read', () => {
  it.each(['xlsx', 'docx', 'pdf'])('.%s: no error or warning, relations of every kind', async (ext) => {
    const kinds = new Set<string>();
    for (const name of TABLES) {
      const result = await checkFile(`test/data/tables/${name}.${ext}`, defaultConfig);
      expect(show(result.findings.filter((f) => f.severity !== 'info')), `${name}.${ext}`).toBe('[]');
      for (const r of result.report!.relations) kinds.add(r.kind);
    }
    expect([...kinds].sort()).toEqual(['growth', 'rate', 'share', 'sum']);
  });
});

/**
 * Each case: the table, the number as written and what it becomes, the rule that must fire at the changed cell — the
 * workbook cell, and the table row and column in the Word table and the PDF (their tables start at the header row:
 * two rows above it in the workbook hold the title and the unit line).
 */
interface Case {
  what: string;
  table: string;
  from: string;
  to: string;
  rule: string;
  cell: string;
  row: number;
  col: number;
  /** n-th occurrence of the text in the docx and in the PDF's text */
  nth?: number;
}

const CASES: Case[] = [
  { what: '合计 row: 决算数 950.00 → 960.00 against 570.00 + 380.00', table: 'table-codes', from: '950.00', to: '960.00', rule: 'sum', cell: 'D4', row: 1, col: 3 },
  { what: '科目编码: 款 20101 决算数 240.00 → 250.00 against 145.00 + 95.00 (and 类 201 against it)', table: 'table-codes', from: '240.00', to: '250.00', rule: 'sum', cell: 'D6', row: 3, col: 3 },
  { what: '完成率 94.29% → 95.29% against 330.00 ÷ 350.00', table: 'table-codes', from: '94.29%', to: '95.29%', rule: 'rate', cell: 'E9', row: 6, col: 4 },
  { what: '增减额 10.00 → 11.00 against 90.00 − 80.00 (and the column of changes against it)', table: 'table-compare', from: '10.00', to: '11.00', rule: 'sum', cell: 'D7', row: 4, col: 3 },
  { what: '增减率 12.50% → 15.50% against 50.00 ÷ 400.00', table: 'table-compare', from: '12.50%', to: '15.50%', rule: 'growth', cell: 'E6', row: 3, col: 4 },
  { what: '占比 3.57% → 4.57% against 20.00 ÷ 560.00', table: 'table-compare', from: '3.57%', to: '4.57%', rule: 'share', cell: 'F8', row: 5, col: 5 },
  { what: '合计 column: 公务接待费 4.00 → 4.40 against its sources 3.00 + 1.00 + 0.00 (and the 支出合计 row against it)', table: 'table-funds', from: '4.00', to: '4.40', rule: 'sum', cell: 'B6', row: 3, col: 1 },
];

describe('one changed cell of each kind of table, caught at that cell', () => {
  it.each(CASES)('xlsx: $what → $rule', async (c) => {
    const path = await mutateXlsx(files, `tables/${c.table}.xlsx`, SHEET, c.cell, c.from, c.to);
    expectHit(await findingsOf(path), c.rule, { sheet: SHEET, cell: c.cell }, c.to);
  });
  it.each(CASES)('docx: $what → $rule', async (c) => {
    const path = mutateDocx(files, `tables/${c.table}.docx`, c.from, c.to, c.nth ?? 0);
    expectHit(await findingsOf(path), c.rule, { row: c.row, col: c.col }, c.to);
  });
  it.each(CASES)('pdf: $what → $rule', async (c) => {
    const path = mutatePdfFile(files, `tables/${c.table}.pdf`, c.from, c.to, c.nth ?? 0);
    expectHit(await findingsOf(path), c.rule, { page: 1, row: c.row, col: c.col }, c.to);
  });

  it('a cell that breaks its row total and its column total is reported once, at itself', async () => {
    const path = await mutateXlsx(files, 'tables/table-funds.xlsx', SHEET, 'C6', '3.00', '3.50');
    const sums = (await findingsOf(path)).filter((f) => f.rule === 'sum');
    expect(sums.map((f) => [f.location.cell, f.expected, f.actual])).toEqual([['C6', '3.00万元', '3.50']]);
  });
});
