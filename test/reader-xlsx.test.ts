// xlsx reader on the corpus workbook and on a small workbook built here, one behaviour per case.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { readXlsx } from '../src/readers/xlsx.js';
import { formatNumber, parseNumberText } from '../src/readers/xlsx-format.js';
import type { Cell, TableBlock } from '../src/document.js';
import type { ReaderOutput } from '../src/readers/index.js';
import { said } from './helpers/said.js';

function cellAt(block: TableBlock, address: string): Cell {
  for (const row of block.rows) for (const c of row) if (c.address === address) return c;
  throw new Error(`no cell ${address} in sheet ${block.sheet}`);
}

function sheet(out: ReaderOutput, name: string): TableBlock {
  const b = out.blocks.find((x) => x.type === 'table' && x.sheet === name);
  if (!b || b.type !== 'table') throw new Error(`no sheet ${name}`);
  return b;
}

describe('fixtures/004-baocheng-2024.xlsx', () => {
  let out: ReaderOutput;
  beforeAll(async () => { out = await readXlsx(readFileSync('fixtures/004-baocheng-2024.xlsx')); });

  it('gives one visible table block per sheet, in workbook order', () => {
    expect(out.blocks.map((b) => b.type === 'table' && b.sheet)).toEqual(['Sheet1', '整体2-2自评打分表']);
    expect(out.blocks.every((b) => b.type === 'table' && !b.hidden)).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('covers the used range A1:L68 with A1 addresses matching grid positions', () => {
    const s = sheet(out, 'Sheet1');
    expect(s.rows).toHaveLength(68);
    expect(s.rows.every((r) => r.length === 12)).toBe(true);
    expect(s.rows[0]![0]!.address).toBe('A1');
    expect(s.rows[67]![11]!.address).toBe('L68');
    expect(s.rows[19]![10]).toMatchObject({ address: 'K20', row: 19, col: 10 });
    // Interior blanks stay as empty cells.
    expect(cellAt(s, 'A20')).toEqual({ text: '', row: 19, col: 0, address: 'A20' });
  });

  it('reads the indicator row 便民服务中心入驻人数 with its weight 1.25 in K20', () => {
    const s = sheet(out, 'Sheet1');
    const row = s.rows.find((r) => r.some((c) => c.text === '便民服务中心入驻人数' && !c.covered))!;
    expect(row.map((c) => c.text)).toEqual([
      '', '产出指标', '数量指标', '数量指标', '便民服务中心入驻人数', '便民服务中心入驻人数', '便民服务中心入驻人数',
      '≥', '5', '人', '1.25', '5',
    ]);
    expect(row.filter((c) => c.value === 1.25).map((c) => c.address)).toEqual(['K20']);
    expect(cellAt(s, 'E20')).toMatchObject({ text: '便民服务中心入驻人数', colSpan: 3 });
    expect(cellAt(s, 'E20').covered).toBeUndefined();
    expect(cellAt(s, 'F20')).toMatchObject({ text: '便民服务中心入驻人数', covered: true });
    expect(cellAt(s, 'I20')).toMatchObject({ text: '5', value: 5 });
    expect(cellAt(s, 'I67')).toMatchObject({ text: '1059.39', value: 1059.39 });
  });

  it('expands merged header cells: the master spans, every covered position repeats its text', () => {
    const s = sheet(out, 'Sheet1');
    expect(cellAt(s, 'A1')).toMatchObject({ text: '部门整体支出绩效目标完成情况自评表', colSpan: 12 });
    expect(cellAt(s, 'A1').rowSpan).toBeUndefined();
    for (const c of s.rows[0]!.slice(1)) expect(c).toMatchObject({ text: '部门整体支出绩效目标完成情况自评表', covered: true });
    expect(cellAt(s, 'C6')).toMatchObject({ text: '1599.38', value: 1599.38, colSpan: 4 });
    expect(cellAt(s, 'D6')).toMatchObject({ text: '1599.38', value: 1599.38, covered: true });
    // A vertical merge B43:B44.
    expect(cellAt(s, 'B43')).toMatchObject({ text: '产出指标', rowSpan: 2 });
    expect(cellAt(s, 'B44')).toMatchObject({ text: '产出指标', covered: true });

    const score = sheet(out, '整体2-2自评打分表');
    expect(cellAt(score, 'B6')).toMatchObject({ text: '履职效能（15分）', rowSpan: 3 });
    expect(cellAt(score, 'B8')).toMatchObject({ text: '履职效能（15分）', covered: true });
    expect(cellAt(score, 'F5')).toMatchObject({ text: '93.8', value: 93.8, colSpan: 2 });
    expect(cellAt(score, 'G5')).toMatchObject({ covered: true, value: 93.8 });
  });

  it('gives a value to every cell that shows a number, and none to text such as % or 附件2-2', () => {
    for (const b of out.blocks) {
      if (b.type !== 'table') continue;
      for (const c of b.rows.flat()) {
        if (/^-?\d+(\.\d+)?$/.test(c.text)) expect(c.value, `${b.sheet}!${c.address}`).toBe(Number(c.text));
        else expect(c.value, `${b.sheet}!${c.address} ${c.text}`).toBeUndefined();
      }
    }
    expect(cellAt(sheet(out, 'Sheet1'), 'J44')).toMatchObject({ text: '%' });
    expect(cellAt(sheet(out, '整体2-2自评打分表'), 'A1').value).toBeUndefined();
  });

  it('reads the same grid from the workbook embedded in the docx', async () => {
    const members = unzipSync(readFileSync('fixtures/004-baocheng-2024-embedded.docx'));
    const embedded = Object.keys(members).filter((n) => n.startsWith('word/embeddings/') && n.endsWith('.xlsx')).sort();
    expect(embedded).toHaveLength(2);
    const first = await readXlsx(members[embedded[0]!]!);
    expect(sheet(first, 'Sheet1').rows).toEqual(sheet(out, 'Sheet1').rows);
  });
});

describe('a workbook built in the test', () => {
  let out: ReaderOutput;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.mergeCells('A1:C2');
    ws.getCell('A1').value = '项目支出绩效自评表';
    ws.getCell('A3').value = '人员经费';
    ws.getCell('B3').value = '1,059.39';
    ws.getCell('C3').value = '１０５９．３９';
    ws.getCell('A4').value = 0.1;
    ws.getCell('B4').value = 0.2;
    ws.getCell('C4').value = { formula: 'A4+B4', result: 0.1 + 0.2 };
    ws.getCell('A5').value = 0.8828;
    ws.getCell('A5').numFmt = '0.00%';
    ws.getCell('B5').value = 1059.3900000000001;
    ws.getCell('B5').numFmt = '0.00';
    ws.getCell('C5').value = 1234567.891;
    ws.getCell('C5').numFmt = '#,##0.00';
    ws.getCell('A6').value = { formula: 'SUM(A4:B4)' };
    ws.getCell('B6').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('C6').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('A7').value = { richText: [{ text: '合计' }, { font: { bold: true }, text: '（万元）' }] };
    ws.getCell('B7').value = { text: '财政局', hyperlink: 'https://example.org' };
    ws.getCell('C7').value = 73.29;
    ws.getCell('C7').numFmt = '0.00"万元"';
    // A styled but empty cell far away must not grow the grid.
    ws.getCell('F20').numFmt = '0.00';
    ws.getCell('F20').border = { top: { style: 'thin' } };
    const hidden = wb.addWorksheet('隐藏表', { state: 'hidden' });
    hidden.getCell('A1').value = 1;
    const veryHidden = wb.addWorksheet('深度隐藏', { state: 'veryHidden' });
    veryHidden.getCell('A1').value = 2;
    wb.addWorksheet('空表');
    out = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
  });

  it('trims the grid to the used range and keeps empty sheets', () => {
    const s = sheet(out, '表1');
    expect(s.rows).toHaveLength(7);
    expect(s.rows.every((r) => r.length === 3)).toBe(true);
    expect(sheet(out, '空表').rows).toEqual([]);
  });

  it('expands a two-row merged range', () => {
    const s = sheet(out, '表1');
    expect(cellAt(s, 'A1')).toMatchObject({ text: '项目支出绩效自评表', rowSpan: 2, colSpan: 3 });
    for (const a of ['B1', 'C1', 'A2', 'B2', 'C2']) {
      expect(cellAt(s, a)).toMatchObject({ text: '项目支出绩效自评表', covered: true });
      expect(cellAt(s, a).rowSpan).toBeUndefined();
    }
  });

  it('keeps numbers stored as text and parses their value, full-width digits too', () => {
    const s = sheet(out, '表1');
    expect(cellAt(s, 'B3')).toMatchObject({ text: '1,059.39', value: 1059.39 });
    expect(cellAt(s, 'C3')).toMatchObject({ text: '１０５９．３９', value: 1059.39 });
    expect(cellAt(s, 'A3').value).toBeUndefined();
  });

  it('takes a formula’s cached result without float noise', () => {
    expect(cellAt(sheet(out, '表1'), 'C4')).toMatchObject({ text: '0.3', value: 0.1 + 0.2 });
  });

  it('reads a formula without cached result as blank and reports it once per sheet', () => {
    const s = sheet(out, '表1');
    expect(cellAt(s, 'A6').text).toBe('');
    expect(cellAt(s, 'A6').value).toBeUndefined();
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({
      rule: 'formula-no-result', location: { sheet: '表1', cell: 'A6' }, data: { cells: ['A6'] },
    });
    expect(said(out.findings[0]!).message).toContain('A6');
  });

  it('applies percent, fixed-decimal, thousands and unit formats to the text, keeping the stored value', () => {
    const s = sheet(out, '表1');
    expect(cellAt(s, 'A5')).toMatchObject({ text: '88.28%', value: 0.8828 });
    expect(cellAt(s, 'B5')).toMatchObject({ text: '1059.39', value: 1059.3900000000001 });
    expect(cellAt(s, 'C5')).toMatchObject({ text: '1,234,567.89', value: 1234567.891 });
    expect(cellAt(s, 'C7')).toMatchObject({ text: '73.29万元', value: 73.29 });
  });

  it('shows errors, dates, rich text and hyperlinks as text without a value', () => {
    const s = sheet(out, '表1');
    expect(cellAt(s, 'B6')).toEqual({ text: '#DIV/0!', row: 5, col: 1, address: 'B6' });
    expect(cellAt(s, 'C6')).toEqual({ text: '2024-12-31', row: 5, col: 2, address: 'C6' });
    expect(cellAt(s, 'A7').text).toBe('合计（万元）');
    expect(cellAt(s, 'B7').text).toBe('财政局');
  });

  it('marks hidden and very hidden sheets', () => {
    expect(sheet(out, '表1').hidden).toBeUndefined();
    expect(sheet(out, '隐藏表')).toMatchObject({ hidden: true, rows: [[{ text: '1', value: 1, address: 'A1' }]] });
    expect(sheet(out, '深度隐藏').hidden).toBe(true);
  });
});

describe('sheet names exceljs would refuse', () => {
  it('reads sheets named over 31 characters, "History" or with entities, under their real names', async () => {
    const members = unzipSync(readFileSync('fixtures/004-baocheng-2024.xlsx'));
    const long = '2024年度部门整体支出绩效目标完成情况自评表（某某镇人民政府）附表一';
    members['xl/workbook.xml'] = strToU8(strFromU8(members['xl/workbook.xml']!)
      .replace('name="Sheet1"', `name="${long}"`).replace('name="整体2-2自评打分表"', 'name="History &amp; 打分"'));
    const out = await readXlsx(zipSync(members));
    expect(long.length).toBeGreaterThan(31);
    expect(out.blocks.map((b) => b.type === 'table' && b.sheet)).toEqual([long, 'History & 打分']);
    expect(out.findings).toEqual([]);
    expect(cellAt(sheet(out, long), 'K20')).toMatchObject({ text: '1.25', value: 1.25 });

    members['xl/workbook.xml'] = strToU8(strFromU8(members['xl/workbook.xml']!).replace('name="History &amp; 打分"', 'name="History"'));
    expect((await readXlsx(zipSync(members))).blocks.map((b) => b.type === 'table' && b.sheet)).toEqual([long, 'History']);
  });
});

describe('corrupt workbooks', () => {
  it('warns about a worksheet stored under a non-standard part name instead of dropping it silently', async () => {
    const members = unzipSync(readFileSync('fixtures/004-baocheng-2024.xlsx'));
    const renamed: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(members)) {
      if (name === 'xl/worksheets/sheet2.xml') renamed['xl/worksheets/scores.xml'] = data;
      else if (name === 'xl/_rels/workbook.xml.rels') renamed[name] = strToU8(strFromU8(data).replace('worksheets/sheet2.xml', 'worksheets/scores.xml'));
      else renamed[name] = data;
    }
    const out = await readXlsx(zipSync(renamed));
    expect(out.blocks.map((b) => b.type === 'table' && b.sheet)).toEqual(['Sheet1']);
    expect(out.findings).toMatchObject([{ rule: 'read-warning', messageId: 'sheet-unread', location: { sheet: '整体2-2自评打分表' } }]);
    expect(said(out.findings[0]!)).toMatchObject({ severity: 'warning', message: expect.stringContaining('“整体2-2自评打分表”') });
  });

  it('rejects a truncated workbook instead of hanging', async () => {
    const buf = readFileSync('fixtures/004-baocheng-2024.xlsx');
    await expect(readXlsx(buf.subarray(0, buf.length >> 1))).rejects.toThrow();
  });
});

describe('number formats', () => {
  it.each([
    [0.1 + 0.2, undefined, '0.3'],
    [1059.39, 'General', '1059.39'],
    [1059.385, '0.00', '1059.39'],
    [1.005, '0.00', '1.01'],
    [-1.005, '0.00', '-1.01'],
    [1059.39, '#,##0.00', '1,059.39'],
    [1234567, '#,##0', '1,234,567'],
    [0.8828, '0.00%', '88.28%'],
    [0.5, '0%', '50%'],
    [0.459961, '0.0%', '46.0%'],
    [5, '0.00_ ', '5.00'],
    [-1234.5, '#,##0.00_);[Red](#,##0.00)', '(1,234.50)'],
    [1234.5, '"¥"#,##0.00', '¥1,234.50'],
    [1234.5, '[$¥-804]#,##0.00', '¥1,234.50'],
    [3.14159, '0.0#', '3.14'],
    [3.1, '0.0#', '3.1'],
    [12345.678, '0.00E+00', '12345.678'],
    [45657, 'yyyy-mm-dd', '45657'],
    [0, '0.00;-0.00;"-"', '-'],
  ])('%s with %s shows %s', (n, code, text) => {
    expect(formatNumber(n, code)).toBe(text);
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['1,059.39', 1059.39],
    ['1059.39', 1059.39],
    [' 1 059.39 ', 1059.39],
    ['１０５９．３９', 1059.39],
    ['１，０５９．３９', 1059.39],
    ['-5', -5],
    ['－5', -5],
    ['(1,234)', -1234],
    ['88.28%', 0.8828],
    ['88.28％', 0.8828],
    ['.5', 0.5],
    ['1059.39万元', undefined],
    ['附件2-2', undefined],
    ['2-2', undefined],
    ['%', undefined],
    ['', undefined],
    ['1,05,9', undefined],
    ['≥5', undefined],
  ])('%j → %s', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });
});
