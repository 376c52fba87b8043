// The auditor's workbook: sheets, one row per file and per finding, a live rate formula, document text kept as text.
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { xlsx, budgetFigures, toWan } from '../src/report/xlsx.js';
import { summarize } from '../src/report/common.js';
import type { FileResult } from '../src/pipeline.js';
import { sampleResults, emptyReport, q } from './report-fixtures.js';
import { summarizeReport } from '../src/model/summary.js';

async function roundTrip(results: FileResult[], lang: 'zh' | 'en' = 'zh'): Promise<ExcelJS.Workbook> {
  const bytes = await xlsx.end(results, { lang, color: false }, summarize(results));
  expect(bytes).toBeInstanceOf(Uint8Array);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return wb;
}

function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

describe('xlsx workbook', () => {
  it('has the four sheets with frozen, filtered header rows', async () => {
    const wb = await roundTrip(sampleResults());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '指标', '评分']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    expect(values(wb.getWorksheet('汇总')!, 1).slice(0, 12)).toEqual(
      ['文件', '单位', '年度', '类型', '预算数(万元)', '支出数(万元)', '执行率', '自评得分', '等级', '错误数', '警告数', '读取状态']);
    expect(values(wb.getWorksheet('问题清单')!, 1)).toEqual(['文件', '规则', '级别', '说明', '位置', '原文', '应为', '实为', '应为（数值）', '实为（数值）']);
  });

  it('writes one summary row per file, budget from the main rate relation with its matched denominator', async () => {
    const ws = (await roundTrip(sampleResults())).getWorksheet('汇总')!;
    expect(ws.rowCount).toBe(1 + 3 + 1); // the header, the files, the totals row
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe('reports/甲单位.docx');
    expect(row.getCell(2).value).toBe('某某县财政局');
    expect(row.getCell(3).value).toBe(2023);
    expect(row.getCell(5).value).toBe(9883.28); // 调整预算数 matches 88.28 %, 年初预算数 does not
    expect(row.getCell(6).value).toBe(8724.9);
    expect(row.getCell(5).numFmt).toBe('#,##0.00');
    expect(row.getCell(8).value).toBe(93.8);
    expect(row.getCell(9).value).toBe('优秀');
    expect(row.getCell(10).value).toBe(1);
    expect(row.getCell(11).value).toBe(1);
    expect(row.getCell(12).value).toBe('正常');
    expect(String(row.getCell(13).value)).toContain('调整预算数');
    expect(ws.getRow(4).getCell(12).value).toBe('读取失败');
  });

  it('makes 执行率 a live formula over the budget and spending cells, with a cached result', async () => {
    const ws = (await roundTrip(sampleResults())).getWorksheet('汇总')!;
    const cell = ws.getCell('G2');
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula).toMatch(/F2\/E2/);
    expect(cell.formula).toMatch(/E2/);
    expect(cell.result as number).toBeCloseTo(8724.9 / 9883.28, 10);
    expect(cell.numFmt).toBe('0.00%');
    // Unknown figures stay blank, and the formula still refers to its own row.
    expect(ws.getCell('E3').value).toBeNull();
    expect(ws.getCell('F3').value).toBeNull();
    expect(ws.getCell('G3').formula).toMatch(/F3\/E3/);
  });

  it('writes one issue row per finding, errors red and warnings yellow', async () => {
    const results = sampleResults();
    const ws = (await roundTrip(results)).getWorksheet('问题清单')!;
    const total = results.reduce((n, r) => n + r.findings.length, 0);
    expect(ws.rowCount).toBe(1 + total);
    expect(values(ws, 2)).toEqual(['reports/甲单位.docx', 'rate', '错误', '预算执行率应为 88.28%（8724.90 ÷ 9883.28），文中为 88.38%', '第3页 第12段', '预算执行率88.38%', '88.28%', '88.38%', 88.28, 88.38]);
    const fill = (r: number) => (ws.getRow(r).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill(2)).toBe('FFFFC7CE');
    expect(fill(3)).toBe('FFFFEB9C');
    expect(ws.getRow(4).getCell(3).value).toBe('提示');
    expect(fill(4)).toBeUndefined();
  });

  it('lists every indicator and every score item with numbers as numbers', async () => {
    const wb = await roundTrip(sampleResults());
    const ind = wb.getWorksheet('指标')!;
    expect(ind.rowCount).toBe(1 + 3);
    expect(values(ind, 2)).toEqual(['reports/甲单位.docx', '产出指标', '数量指标', '培训人次', '正向', 500, '人次', 10, 520, 10, '自评表!C7']);
    expect(ind.getRow(3).getCell(6).value).toBe('较好');
    const sc = wb.getWorksheet('评分')!;
    expect(sc.rowCount).toBe(1 + 4);
    expect(sc.getRow(3).getCell(7).value).toBe('是');
  });

  it('keeps document text that looks like a formula as a string cell', async () => {
    const wb = await roundTrip(sampleResults());
    // (XML reading normalises a carriage return to a line feed, so '\r=1' comes back as '\n=1'.)
    const injected = ['=SUM(A1)', '+1', '@x', '-2+3', '\t=1+1', '@SUM(1)', '\n=1', 'reports/=SUM(A1).xlsx', '-1应为 +1（=1+1），表中为 @x'];
    const seen = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row, r) => {
        if (r === 1) return;
        row.eachCell((cell, c) => {
          // the formulas jixiao writes itself: the rate column, and the totals row's sums
          if (ws.name === '汇总' && (c === 7 || r === ws.rowCount)) return;
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') seen.add(cell.value);
        });
      });
    }
    for (const s of injected) expect(seen, s).toContain(s);
    expect(wb.getWorksheet('汇总')!.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });

  it('stores no formula in the file except the rate column and the totals row of 汇总', async () => {
    const bytes = await xlsx.end(sampleResults(), { lang: 'zh', color: false }, summarize(sampleResults())) as Uint8Array;
    const sheets = Object.entries(unzipSync(bytes)).filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(4);
    const formulaCells = sheets.flatMap(([name, data]) =>
      [...strFromU8(data).matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)]
        .filter((m) => m[2]?.includes('<f>')).map((m) => `${name}:${m[1]}`));
    expect(formulaCells).toEqual(['xl/worksheets/sheet1.xml:G2', 'xl/worksheets/sheet1.xml:G3', 'xl/worksheets/sheet1.xml:G4',
      ...['E5', 'F5', 'G5', 'J5', 'K5', 'N5', 'O5'].map((c) => `xl/worksheets/sheet1.xml:${c}`)]);
  });

  it('writes messages in English with --lang en', async () => {
    // the sheets are named in English too (Findings is 问题清单)
    const ws = (await roundTrip(sampleResults(), 'en')).getWorksheet('Findings')!;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(3).value).toBe('error');
    expect(last.getCell(4).value).toBe('Corrupt file: the zip structure is broken (no end of central directory); it may have been truncated.');
  });

  it('writes a valid workbook for no files at all', async () => {
    const wb = await roundTrip([]);
    expect(wb.getWorksheet('汇总')!.rowCount).toBe(1);
  });
});

describe('budget figures for the summary', () => {
  it('converts money units to 万元 and refuses unknown units', () => {
    expect(toWan(q('1元', 10000, '元'))).toBe(1);
    expect(toWan(q('1亿元', 1, '亿元'))).toBe(10000);
    expect(toWan(q('5', 5))).toBeUndefined();
    expect(toWan(q('5%', 5, '%'))).toBeUndefined();
  });

  it('the model takes the execution rate over the largest budget, else a budget row in a money unit, else nothing', () => {
    const [a, b] = sampleResults();
    expect(budgetFigures(a.report)).toMatchObject({ budget: 9883.28, spending: 8724.9, from: 'text' });
    expect(summarizeReport(a.report!).figures?.budget.label).toBe('调整预算数'); // 88.28 % is over 调整预算数, not 年初预算数
    expect(budgetFigures(b.report)).toBeUndefined(); // the budget row states no unit: never guessed
    const r = emptyReport('x');
    r.budget.push({ label: '年度资金总额', annual: q('120.5', 120.5, '万元'), executed: q('100', 100, '万元'), location: { file: 'x' } });
    r.budget.push({ label: '其中：财政拨款', sub: true, annual: q('500', 500, '万元'), executed: q('1', 1, '万元'), location: { file: 'x' } });
    r.summary = summarizeReport(r);
    expect(budgetFigures(r)).toMatchObject({ budget: 120.5, spending: 100, from: 'table' });
    expect(budgetFigures(undefined)).toBeUndefined();
  });

  it('reads 50万 as no money: the workbook never guesses the unit', () => {
    const r = emptyReport('x');
    r.budget.push({ label: '合计', annual: q('50万', 50, '万'), executed: q('40万', 40, '万'), location: { file: 'x' } });
    expect(summarizeReport(r).figures).toBeUndefined();
  });
});
