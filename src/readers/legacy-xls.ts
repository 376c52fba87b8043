// Excel 97-2003 workbooks (.xls, .et) without LibreOffice: SheetJS CE reads the BIFF records; cells are rendered with
// the xlsx reader's own rules so both paths give the same text and values.
import * as XLSX from '@e965/xlsx';
import type { Cell, TableBlock } from '../document.js';
import type { ReaderFinding, ReaderOutput } from './contract.js';
import { cellAddress, cellContent, MAX_GRID_CELLS, type CellContent } from './xlsx.js';

function contentOf(cell: XLSX.CellObject | undefined): CellContent {
  if (!cell || cell.t === 'z') return { text: '' };
  if (cell.t === 'e') return { text: cell.w ?? '#ERROR' };
  const v = cell.v;
  if (v === undefined || v === null) return { text: '' };
  return cellContent(v as number | string | boolean | Date, typeof cell.z === 'string' ? cell.z : undefined);
}

function readSheet(ws: XLSX.WorkSheet, name: string, hidden: boolean): { block: TableBlock; findings: ReaderFinding[] } {
  const findings: ReaderFinding[] = [];
  const block: TableBlock = { type: 'table', sheet: name, rows: [] };
  if (hidden) block.hidden = true;
  // Bounds of the cells that show something; the sheet's declared range may be far larger.
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    if (contentOf(ws[key] as XLSX.CellObject).text === '') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    top = Math.min(top, r); bottom = Math.max(bottom, r); left = Math.min(left, c); right = Math.max(right, c);
  }
  if (bottom < 0) return { block, findings };
  const width = right - left + 1;
  const maxRows = Math.max(1, Math.floor(MAX_GRID_CELLS / width));
  if (bottom - top + 1 > maxRows) {
    findings.push({ rule: 'sheet-truncated', messageId: 'sheet-truncated', location: { sheet: name }, data: { sheet: name, rows: bottom - top + 1, cols: width, maxRows } });
    bottom = top + maxRows - 1;
  }
  // Each merged range: its master, and the span it covers.
  const masterOf = new Map<string, { r: number; c: number }>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of ws['!merges'] ?? []) {
    spans.set(`${m.s.r},${m.s.c}`, { rows: m.e.r - m.s.r + 1, cols: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= Math.min(m.e.r, bottom); r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, right); c++) if (r !== m.s.r || c !== m.s.c) masterOf.set(`${r},${c}`, m.s);
    }
  }
  for (let r = top; r <= bottom; r++) {
    const row: Cell[] = [];
    for (let c = left; c <= right; c++) {
      const master = masterOf.get(`${r},${c}`);
      const at = master ?? { r, c };
      const content = contentOf(ws[XLSX.utils.encode_cell(at)] as XLSX.CellObject | undefined);
      const cell: Cell = { text: content.text, row: r - top, col: c - left, address: cellAddress(r + 1, c + 1) };
      if (content.value !== undefined) cell.value = content.value;
      if (master) cell.covered = true;
      const span = spans.get(`${r},${c}`);
      if (span && span.rows > 1) cell.rowSpan = span.rows;
      if (span && span.cols > 1) cell.colSpan = span.cols;
      row.push(cell);
    }
    block.rows.push(row);
  }
  return { block, findings };
}

export function readXlsBinary(buf: Uint8Array): ReaderOutput {
  // Values and number formats only: no formulas, styles or HTML, which the checks never read.
  const wb = XLSX.read(buf, { type: 'buffer', cellDates: true, cellNF: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  const blocks: TableBlock[] = [];
  const findings: ReaderFinding[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws) return;
    const hidden = Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
    const sheet = readSheet(ws, name, hidden);
    blocks.push(sheet.block);
    findings.push(...sheet.findings);
  });
  return { blocks, findings };
}
