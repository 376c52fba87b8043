// The auditor's workbook on real reports (issue 21, part B): the 汇总 sheet's unit, amounts and sources as a person
// reads them, numbers an auditor can filter, a totals row, info counts, folders and links; 指标/评分 locations as
// the findings name them. Through the built CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { jixiao, ROOT, STACK } from './helpers/cli.js';

const data = (name: string) => join('test', 'data', 'reports', name);
const FILES = [
  join('fixtures', '004-baocheng-2024-embedded.docx'), // indicators and scores in embedded workbooks
  data('m-a-yongde-mlzx-2022.xlsx'), // 年度资金总额 387664.62 元: 38.766462 万元
  data('a-xueyuanlu-qsbj-2016.xlsx'), // the budget row's label cell ends in a colon
  data('b-jichushuju-weishuming-2018.docx'), // 填报单位： 单位：万元 (a blank unit field, then the money unit)
];

let dir: string;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-workbook-'));
  const out = join(dir, '汇总.xlsx');
  const r = await jixiao(['summary', ...FILES, '-o', out], { cwd: ROOT });
  expect(r.stderr).not.toMatch(STACK);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 汇总 rows by header: one object per file row (the totals row left out). */
function summaryRows(): Record<string, unknown>[] {
  const ws = wb.getWorksheet('汇总')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= FILES.length + 1; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  }
  return rows;
}
const row = (file: string) => summaryRows().find((r) => r['文件'] === file)!;

describe('汇总', () => {
  it('a blank 填报单位 followed by 单位：万元 leaves 单位 blank: the money unit is no unit name', () => {
    expect(row(FILES[3]!)['单位']).toBeNull();
    // a unit stated as a name is still read
    expect(row(FILES[1]!)['单位']).toBe('临沧市永德县明朗中学');
  });

  it('amounts converted to 万元 are stored as the decimals they are, without float noise', () => {
    expect(row(FILES[1]!)['预算数(万元)']).toBe(38.766462);
    expect(row(FILES[1]!)['支出数(万元)']).toBe(38.766462);
  });

  it('the budget source names the label without its cell’s colon', () => {
    expect(row(FILES[2]!)['预算数来源']).toBe('预算表：年度资金总额');
    for (const r of summaryRows()) expect(String(r['预算数来源'] ?? '')).not.toMatch(/[:：]$/);
  });

  it('counts information findings, says each file’s folder and links to the file', () => {
    const embedded = row(FILES[0]!);
    expect(embedded['提示数']).toBeGreaterThan(0);
    expect(embedded['文件夹']).toBe('fixtures');
    expect(embedded['打开文件']).toEqual({ text: '004-baocheng-2024-embedded.docx', hyperlink: pathToFileURL(resolve(ROOT, FILES[0]!)).href });
  });

  it('ends with a totals row of live sums, outside the filter', () => {
    const ws = wb.getWorksheet('汇总')!;
    const last = FILES.length + 2;
    expect(ws.rowCount).toBe(last);
    expect(ws.getCell(`A${last}`).value).toBe('合计');
    expect(ws.getCell(`E${last}`).formula).toBe(`SUM(E2:E${last - 1})`);
    expect(ws.getCell(`J${last}`).formula).toBe(`SUM(J2:J${last - 1})`);
    expect(ws.getCell(`G${last}`).formula).toMatch(new RegExp(`F${last}/E${last}`));
    expect(JSON.stringify(ws.autoFilter)).toContain(`${last - 1}`);
    expect(JSON.stringify(ws.autoFilter)).not.toContain(`${last}"`);
  });
});

describe('问题清单, 指标, 评分', () => {
  it('应为 and 实为 have numeric columns beside them, blank when a value is not one number', () => {
    const ws = wb.getWorksheet('问题清单')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(6)).toEqual(['应为', '实为', '应为（数值）', '实为（数值）']);
    let numbers = 0;
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const [expected, actual, expectedNumber, actualNumber] = (r.values as unknown[]).slice(7, 11);
      for (const [t, v] of [[expected, expectedNumber], [actual, actualNumber]] as const) {
        if (typeof t === 'string' && /^-?\d+(?:\.\d+)?\s*(?:%|万元|元|分|人)?$/.test(t)) {
          expect(v).toBe(Number.parseFloat(t));
          numbers++;
        }
      }
    });
    expect(numbers).toBeGreaterThan(2);
  });

  it('indicators and score items in an embedded workbook are located by table number, not by package path', () => {
    for (const name of ['指标', '评分']) {
      const ws = wb.getWorksheet(name)!;
      const locations: string[] = [];
      ws.eachRow((r, n) => { if (n > 1 && r.getCell(1).value === FILES[0]) locations.push(String(r.getCell(ws.columnCount).value)); });
      expect(locations.length, name).toBeGreaterThan(0);
      for (const l of locations) {
        expect(l).not.toMatch(/word\/embeddings/);
        expect(l).toMatch(/^第\d+个表格 \S+![A-Z]+\d+$/);
      }
    }
  });
});
