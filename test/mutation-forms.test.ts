// Mutation tests for forms: one number changed in a budget block (执行率, 得分, 年度资金总额), a 总分, an indicator score or a
// “三公” table, in the .xlsx, the .docx and the PDF of the same form, must make the right rule fire at the right cell.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { modelLocation, type Location, type RenderedFinding as Finding } from '../src/findings.js';
import { allSaid } from './helpers/said.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

let dir: string;
let serial = 0;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-mutation-forms-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });
const out = (name: string): string => join(dir, `${++serial}-${name.replace(/.*\//, '')}`);

/** The n-th (0-based) cell text `from` in word/document.xml, written as a whole run text, replaced by `to`. */
function mutateDocx(name: string, from: string, to: string, nth = 0): string {
  const zip = unzipSync(readFileSync(`test/data/${name}`));
  const xml = strFromU8(zip['word/document.xml']);
  const needle = `>${from}<`;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = xml.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${from} occurs fewer than ${nth + 1} times in ${name}`);
  }
  zip['word/document.xml'] = strToU8(xml.slice(0, at) + `>${to}<` + xml.slice(at + needle.length));
  const path = out(name);
  writeFileSync(path, zipSync(zip));
  return path;
}

/** The cell's text replaced, as a text cell: the fixture writes every number as text so its digits stay as written. */
async function mutateXlsx(name: string, sheet: string, cell: string, from: string, to: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(`test/data/${name}`);
  const c = wb.getWorksheet(sheet)!.getCell(cell);
  expect(c.text).toBe(from); // the test changes the number it means to change
  c.value = to;
  const path = out(name);
  await wb.xlsx.writeFile(path);
  return path;
}

function mutatePdfFile(name: string, from: string, to: string, nth = 0): string {
  const path = out(name);
  writeFileSync(path, mutatePdf(readFileSync(`test/data/${name}`), from, to, nth));
  return path;
}

const findingsOf = async (path: string): Promise<Finding[]> => allSaid((await checkFile(path, defaultConfig)).findings);
const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.location, f.message]), null, 1);

/** An error of `rule` at `where` that carries the changed number (as the actual, in the message or in the evidence). */
function expectHit(found: Finding[], rule: string, where: Partial<Location>, changed: string): void {
  const hit = found.find((f) => f.rule === rule && f.severity === 'error'
    // the cases give rows and columns as the document model counts them (0-based); a finding says them 1-based
    && Object.entries(where).every(([k, v]) => (modelLocation(f.location) as Record<string, unknown>)[k] === v)
    && [f.actual, f.message, f.evidence].some((t) => t?.includes(changed)));
  expect(hit, `${rule} at ${JSON.stringify(where)} quoting ${changed} among ${show(found)}`).toBeDefined();
}

const FORM = 'forms/national-form';
const SHEET = '项目支出绩效自评表';
const SANGONG = 'forms/sangong';
const SANGONG_SHEET = '三公经费';

describe('the fixture forms are clean as built', () => {
  it.each(['xlsx', 'docx', 'pdf'])('national form and 三公 table (.%s): no error, every block read', async (ext) => {
    for (const name of [FORM, SANGONG]) {
      const result = await checkFile(`test/data/${name}.${ext}`, defaultConfig);
      expect(show(allSaid(result.findings).filter((f) => f.severity !== 'info'))).toBe('[]');
    }
    const form = await checkFile(`test/data/${FORM}.${ext}`, defaultConfig);
    expect(form.report!.budget).toHaveLength(4);
    expect(form.report!.indicators).toHaveLength(4);
  });
});

/**
 * Each case: the number as written, what it becomes, the rule that must fire and where — the sheet cell in the
 * workbook, the table row/column in the Word table and the PDF (their tables start at 项目名称: two rows fewer).
 */
interface Case {
  what: string;
  from: string;
  to: string;
  rule: string;
  /** the workbook cell changed, when not the one the finding sits at (a part of a sum whose total is judged) */
  source?: string;
  /** the number the finding quotes, when not the changed one (the total a changed part no longer adds up to) */
  quoted?: string;
  cell: string;
  row: number;
  col: number;
  /** n-th occurrence of the cell text in the docx, and of the context in the PDF's text */
  docxNth?: number;
  pdf: { from: string; to: string; nth?: number };
}

const FORM_CASES: Case[] = [
  { what: '执行率 90% → 95% against 108 ÷ 120', from: '90%', to: '95%', rule: 'exec-score', cell: 'G5', row: 2, col: 6, pdf: { from: '90%', to: '95%' } },
  { what: '预算执行得分 9 → 4 against 10 × 90%', from: '9', to: '4', rule: 'exec-score', cell: 'H5', row: 2, col: 7, pdf: { from: '90%9', to: '90%4' } },
  { what: '上年结转资金·年初预算数 20 → 30: 年度资金总额 100 ≠ 80 + 30 + 0', from: '20', to: '30', rule: 'sum', source: 'C7', quoted: '100', cell: 'C5', row: 2, col: 2, pdf: { from: '上年结转资金2020', to: '上年结转资金3020' } },
  { what: '总分·得分 97 → 79 against 9 + 40 + 20 + 18 + 10', from: '97', to: '79', rule: 'sum', cell: 'H14', row: 11, col: 7, pdf: { from: '10097', to: '10079' } },
  { what: '维护里程 met its target, scored 40 → 30 with no deviation reason', from: '40', to: '30', rule: 'indicator-score', cell: 'H10', row: 7, col: 7, docxNth: 1, pdf: { from: '4040', to: '4030' } },
];

describe('national 项目支出绩效自评表: budget block, 总分 and indicator scores', () => {
  it.each(FORM_CASES)('xlsx: $what → $rule', async (c) => {
    const path = await mutateXlsx(`${FORM}.xlsx`, SHEET, c.source ?? c.cell, c.from, c.to);
    expectHit(await findingsOf(path), c.rule, { sheet: SHEET, cell: c.cell }, c.quoted ?? c.to);
  });
  it.each(FORM_CASES)('docx: $what → $rule', async (c) => {
    const path = mutateDocx(`${FORM}.docx`, c.from, c.to, c.docxNth ?? 0);
    expectHit(await findingsOf(path), c.rule, { row: c.row, col: c.col }, c.quoted ?? c.to);
  });
  it.each(FORM_CASES)('pdf: $what → $rule', async (c) => {
    const path = mutatePdfFile(`${FORM}.pdf`, c.pdf.from, c.pdf.to, c.pdf.nth ?? 0);
    expectHit(await findingsOf(path), c.rule, { page: 1, row: c.row, col: c.col }, c.quoted ?? c.to);
  });
});

const SANGONG_CASES: Case[] = [
  { what: '公务接待费 增减率 −16.67% → −18.67% against (25 − 30) ÷ 30', from: '-16.67%', to: '-18.67%', rule: 'growth', cell: 'E9', row: 6, col: 4, pdf: { from: '-16.67%', to: '-18.67%' } },
  { what: '公务用车运行费 决算 15.00 → 18.00: 公务用车购置及运行费 45.00 ≠ 30.00 + 18.00', from: '15.00', to: '18.00', rule: 'sum', source: 'C8', quoted: '45.00', cell: 'C6', row: 3, col: 2, pdf: { from: '15.00', to: '18.00' } },
  // In the PDF's text −20.00 and −20.00% of the 合计 row come first.
  { what: '因公出国（境）费 预算 20.00 → 30.00: 合计 100.00 (written first) ≠ 30 + 50 + 30', from: '20.00', to: '30.00', rule: 'sum', source: 'B5', quoted: '100.00', cell: 'B4', row: 1, col: 1, pdf: { from: '20.00', to: '30.00', nth: 2 } },
];

describe('“三公”经费 table, 合计 first: sums, 公务用车 = 购置 + 运行, 增减率', () => {
  // The Word table and the PDF hold the table alone (title and unit line are paragraphs): rows count from its header.
  it.each(SANGONG_CASES)('xlsx: $what → $rule', async (c) => {
    const path = await mutateXlsx(`${SANGONG}.xlsx`, SANGONG_SHEET, c.source ?? c.cell, c.from, c.to);
    expectHit(await findingsOf(path), c.rule, { sheet: SANGONG_SHEET, cell: c.cell }, c.quoted ?? c.to);
  });
  it.each(SANGONG_CASES)('docx: $what → $rule', async (c) => {
    const path = mutateDocx(`${SANGONG}.docx`, c.from, c.to);
    expectHit(await findingsOf(path), c.rule, { row: c.row, col: c.col }, c.quoted ?? c.to);
  });
  it.each(SANGONG_CASES)('pdf: $what → $rule', async (c) => {
    const path = mutatePdfFile(`${SANGONG}.pdf`, c.pdf.from, c.pdf.to, c.pdf.nth ?? 0);
    expectHit(await findingsOf(path), c.rule, { page: 1, row: c.row, col: c.col }, c.quoted ?? c.to);
  });
});

describe('corpus forms (test/data/reports)', () => {
  it('a-jishan xlsx: 全年执行数 207.4538 → 107.4538 → exec-score at the stated 100%', async () => {
    const path = await mutateXlsx('reports/a-jishan-jbgw-2021.xlsx', '项目支出绩效自评表', 'E6', '207.4538', '107.4538');
    expectHit(await findingsOf(path), 'exec-score', { cell: 'G6' }, '100%');
  });
  it('a-jishan pdf: the same change in the PDF → exec-score at the rate cell', async () => {
    const path = mutatePdfFile('reports/a-jishan-jbgw-2021.pdf', '207.4538', '107.4538', 1);
    expectHit(await findingsOf(path), 'exec-score', { page: 1, row: 3, col: 6 }, '100%');
  });
  it('c-qujiang docx and pdf: 公务接待费 增减% −3.14 → −3.41 (items as columns, years as rows) → growth', async () => {
    for (const path of [mutateDocx('reports/c-qujiang-sgjf-2016.docx', '-3.14', '-3.41'), mutatePdfFile('reports/c-qujiang-sgjf-2016.pdf', '-3.14', '-3.41')]) {
      const found = await findingsOf(path);
      expectHit(found, 'growth', { row: 4, col: 3 }, '-3.41');
    }
  });
  it('a-changjiang xlsx: 总分 100 → 90 against 20 + 20 + 10 + 10 + 40', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('test/data/reports/a-changjiang-yyby-2020.xlsx');
    wb.getWorksheet('项目自评表')!.getCell('G13').value = 90;
    const path = out('changjiang.xlsx');
    await wb.xlsx.writeFile(path);
    expectHit(await findingsOf(path), 'sum', { cell: 'G13' }, '90');
  });
});
