// Where in a document, in words: 第2页 第3段, 第2个表格第5行第6列, Sheet1!B4 — for formatters and for messages that name a place.
import type { Location } from '../findings.js';
import type { Lang } from './define.js';
import { ui } from './ui.js';

/** Where in the document: sheet!cell, page, paragraph, table row/column; '-' when only the file is known. */
export function formatLocation(l: Location, lang: Lang = 'zh'): string {
  const parts: string[] = [];
  if (l.origin) parts.push(ui('origin', lang, { origin: l.origin }));
  if (l.sheet) parts.push(`${l.sheet}${l.cell ? '!' + l.cell : ''}`);
  else if (l.cell) parts.push(l.cell);
  if (l.page !== undefined) parts.push(ui('page', lang, { page: l.page }));
  if (l.paragraph !== undefined) parts.push(ui('paragraph', lang, { paragraph: l.paragraph }));
  if (l.row !== undefined && !l.cell) {
    const col = l.col !== undefined ? ui('column', lang, { col: l.col + 1 }) : '';
    const row = l.row + 1;
    parts.push((l.table !== undefined ? ui('numbered-table-row', lang, { table: l.table, row }) : ui('table-row', lang, { row })) + col);
  }
  return parts.join(' ') || '-';
}

/** A value that is a place in a file (it names the file and at least one position in it). */
export function isLocation(v: unknown): v is Location {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const l = v as Partial<Location>;
  return typeof l.file === 'string' && [l.paragraph, l.block, l.page, l.row, l.cell, l.sheet].some((x) => x !== undefined);
}
