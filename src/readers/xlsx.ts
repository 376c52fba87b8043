// xlsx reader: every worksheet becomes one table block, merged ranges expanded, each cell with its shown text.
import ExcelJS from 'exceljs';
import type { Cell, TableBlock } from '../document.js';
import { ReadFailure, ref, type ReaderFinding, type ReaderOutput } from './contract.js';
import { formatNumber, parseNumberText } from './xlsx-format.js';
import { exceljsRejectsName, listSheets, openXlsx, placeholderName, repackStored, withPlaceholderNames } from './xlsx-package.js';
import type { InflateBudget } from './zip.js';

/** A workbook that takes longer than this to open is treated as a failure rather than left to hang the batch. */
const LOAD_TIMEOUT_MS = 60_000;
/** Grid cells per sheet kept; beyond it rows are dropped with a warning (a stray cell at XFD1048576 must not eat memory). */
export const MAX_GRID_CELLS = 1_000_000;
/** Parts of a worksheet that carry no text; skipping them makes loading faster and avoids their parsing quirks. */
const IGNORED_NODES = [
  'dataValidations', 'conditionalFormatting', 'extLst', 'pageSetup', 'headerFooter', 'printOptions',
  'rowBreaks', 'picture', 'drawing', 'tableParts', 'sheetProtection', 'autoFilter', 'pageMargins',
];

/** What one cell shows: its text, the number behind it when there is one, and whether a formula lacks its result. */
export interface CellContent {
  text: string;
  value?: number;
  formulaWithoutResult?: string;
}

function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  // exceljs builds dates in UTC; a time of day of exactly midnight is a plain date.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function richTextOf(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/** Interprets an exceljs cell value (or a formula's cached result) as shown text and numeric value. */
export function cellContent(v: ExcelJS.CellValue | undefined, numFmt: string | undefined): CellContent {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: formatNumber(v, numFmt), value: v };
  if (typeof v === 'string') {
    const value = parseNumberText(v);
    return value === undefined ? { text: v } : { text: v, value };
  }
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: isoDate(v) };
  if ('error' in v) return { text: String(v.error) };
  if ('richText' in v) return cellContent(richTextOf(v), numFmt);
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      const formula = 'formula' in v && v.formula ? v.formula : (v as ExcelJS.CellSharedFormulaValue).sharedFormula;
      return { text: '', formulaWithoutResult: formula ?? '' };
    }
    return cellContent(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in v) {
    const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
    if (t && typeof t === 'object' && 'richText' in t) return cellContent(richTextOf(t as { richText: { text: string }[] }), numFmt);
    return cellContent(typeof t === 'string' ? t : '', numFmt);
  }
  return { text: String(v) };
}

async function loadWorkbook(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const buffer = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadFailure('timeout', 'xlsx-load', { seconds: LOAD_TIMEOUT_MS / 1000 })), LOAD_TIMEOUT_MS);
  });
  try {
    // exceljs's typings want its own Buffer alias; a Node Buffer is what it reads.
    await Promise.race([wb.xlsx.load(buffer as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES }), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return wb;
}

interface SheetResult {
  block: TableBlock;
  findings: ReaderFinding[];
}

function readSheet(ws: ExcelJS.Worksheet, name: string): SheetResult {
  const findings: ReaderFinding[] = [];
  const contents = new Map<ExcelJS.Cell, CellContent>();
  const contentOf = (cell: ExcelJS.Cell): CellContent => {
    let c = contents.get(cell);
    if (!c) {
      c = cellContent(cell.value, cell.numFmt);
      contents.set(cell, c);
    }
    return c;
  };

  // First pass: bounds of what is visible (text, or a formula that would show something) and the merge extents.
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  const extent = new Map<ExcelJS.Cell, { bottom: number; right: number }>();
  const noResult: { address: string; formula: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const master = cell.master;
      if (master !== cell) {
        const e = extent.get(master) ?? { bottom: Number(master.row), right: Number(master.col) };
        e.bottom = Math.max(e.bottom, r);
        e.right = Math.max(e.right, c);
        extent.set(master, e);
      }
      const content = contentOf(master);
      if (master === cell && content.formulaWithoutResult !== undefined) noResult.push({ address: cell.address, formula: content.formulaWithoutResult });
      if (content.text !== '' || content.formulaWithoutResult !== undefined) {
        top = Math.min(top, r); bottom = Math.max(bottom, r);
        left = Math.min(left, c); right = Math.max(right, c);
      }
    });
  });

  const block: TableBlock = { type: 'table', sheet: name, rows: [] };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') block.hidden = true;
  if (bottom === 0) return { block, findings };

  const width = right - left + 1;
  const maxRows = Math.max(1, Math.floor(MAX_GRID_CELLS / width));
  if (bottom - top + 1 > maxRows) {
    findings.push({
      rule: 'sheet-truncated', messageId: 'sheet-truncated', location: { sheet: name },
      data: { sheet: name, rows: bottom - top + 1, cols: width, maxRows },
    });
    bottom = top + maxRows - 1;
  }

  for (let r = top; r <= bottom; r++) {
    const rowCells: Cell[] = [];
    const row = ws.findRow(r);
    for (let c = left; c <= right; c++) {
      const cell = row?.findCell(c);
      const out: Cell = { text: '', row: r - top, col: c - left, address: cellAddress(r, c) };
      if (cell) {
        const master = cell.master;
        const content = contentOf(master);
        out.text = content.text;
        if (content.value !== undefined) out.value = content.value;
        if (master !== cell) {
          out.covered = true;
        } else {
          const e = extent.get(cell);
          if (e) {
            if (e.bottom > r) out.rowSpan = e.bottom - r + 1;
            if (e.right > c) out.colSpan = e.right - c + 1;
          }
        }
      }
      rowCells.push(out);
    }
    block.rows.push(rowCells);
  }

  if (noResult.length) {
    findings.push({
      rule: 'formula-no-result', messageId: 'formula-no-result', location: { sheet: name, cell: noResult[0]!.address },
      data: {
        sheet: name,
        shown: noResult.slice(0, 5).map((x) => `${x.address}（=${x.formula}）`),
        more: noResult.length > 5 ? ref('more', { count: noResult.length }) : '',
        count: noResult.length,
        cells: noResult.map((x) => x.address),
      },
    });
  }
  return { block, findings };
}

/** A1 address of a 1-based row and column. */
export function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * Reads a workbook. Each cell's `text` is what Excel shows (number formats with fixed decimals, thousands
 * separators, percent and literal units applied; dates as ISO text; errors as #DIV/0!), and `value` is the number
 * as stored (a 88.28% cell has value 0.8828), also for numbers typed as text. Covered cells of a merged range
 * repeat the master's text and value with `covered: true`; sum only cells that are not covered.
 * The grid is the bounding box of non-empty cells; interior blanks are cells with text ''.
 */
export async function readXlsx(buf: Uint8Array, budget?: InflateBudget): Promise<ReaderOutput> {
  const parts = openXlsx(buf, budget);
  const listed = listSheets(parts);
  // Names exceljs would refuse are swapped for placeholders while loading and restored on the blocks.
  const renamed = listed.some((s, i) => exceljsRejectsName(s.name, i, listed));
  const realName = new Map(renamed ? listed.map((s, i) => [placeholderName(i), s.name]) : []);
  const wb = await loadWorkbook(repackStored(renamed ? withPlaceholderNames(parts) : parts));
  const blocks: TableBlock[] = [];
  const findings: ReaderFinding[] = [];
  for (const ws of wb.worksheets) {
    if (!ws) continue;
    const sheet = readSheet(ws, realName.get(ws.name) ?? ws.name);
    blocks.push(sheet.block);
    findings.push(...sheet.findings);
  }
  // exceljs finds worksheets only under xl/worksheets/sheetN.xml; say so rather than drop one silently.
  const loaded = new Set(blocks.map((b) => b.sheet));
  const unread = listed.filter((s) => !s.cellless && !loaded.has(s.name)).map((s) => s.name);
  if (unread.length) {
    findings.push({
      rule: 'read-warning', messageId: 'sheet-unread', location: { sheet: unread[0]! },
      data: { sheets: unread.map((n) => `“${n}”`) },
    });
  }
  return { blocks, findings };
}
