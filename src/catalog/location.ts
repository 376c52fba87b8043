// Where a finding is, in words (第3页 第9段, 第2个表格第5行第6列, Sheet1!C6): every output and message says it alike.
import { reportedLocation, type Location } from '../findings.js';
import type { Lang } from './define.js';
import { ui } from './ui.js';

/**
 * A finding's location in words; '-' when only the file is known. Rows and columns are the finding's, 1-based as
 * displayed. A table embedded as a workbook is named by its number among the document's tables, as the document's
 * other tables are, with its sheet and cell; the package path it came from is left to the JSON.
 */
export function locationWords(l: Location, lang: Lang): string {
  const parts: string[] = [];
  const embedded = l.origin !== undefined && l.table !== undefined;
  if (l.origin && !embedded) parts.push(ui('origin', lang, { origin: l.origin }));
  if (embedded) parts.push(ui('numbered-table', lang, { table: l.table }));
  if (l.sheet) parts.push(`${l.sheet}${l.cell ? '!' + l.cell : ''}`);
  else if (l.cell) parts.push(l.cell);
  if (l.page !== undefined) parts.push(ui('page', lang, { page: l.page }));
  if (l.paragraph !== undefined) parts.push(ui('paragraph', lang, { paragraph: l.paragraph }));
  if (l.row !== undefined && !l.cell) {
    const col = l.col !== undefined ? ui('column', lang, { col: l.col }) : '';
    parts.push((l.table !== undefined ? ui('numbered-table-row', lang, { table: l.table, row: l.row }) : ui('table-row', lang, { row: l.row })) + col);
  }
  return parts.join(' ') || '-';
}

/** A place in the document model (a record's location: rows and columns 0-based) in words, as a finding's would read. */
export function modelLocationWords(l: Location, lang: Lang = 'zh'): string {
  return locationWords(reportedLocation(l), lang);
}

/** A value that is a place in a file (it names the file and at least one position in it). */
export function isLocation(v: unknown): v is Location {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as Partial<Location>;
  return typeof l.file === 'string' && [l.paragraph, l.block, l.page, l.row, l.cell, l.sheet].some((x) => x !== undefined);
}
