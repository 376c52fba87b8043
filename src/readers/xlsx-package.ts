// The workbook's own sheet list, read from the package, to catch what exceljs would drop or refuse.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface ListedSheet {
  /** The name as the workbook stores it (entities decoded). */
  name: string;
  /** Chart, dialog and macro sheets hold no cells. */
  cellless: boolean;
}

const SHEET_TAG = /<(?:\w+:)?sheet\b[^>]*>/g;

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (whole, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    const n = named[e.toLowerCase()];
    if (n) return n;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Lists the sheets of xl/workbook.xml in order; empty when the package cannot be read (exceljs will say why). */
export function listSheets(buf: Uint8Array): ListedSheet[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(buf, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'xl/_rels/workbook.xml.rels' });
  } catch {
    return [];
  }
  const book = parts['xl/workbook.xml'];
  if (!book) return [];
  const rels = parts['xl/_rels/workbook.xml.rels'] ? strFromU8(parts['xl/_rels/workbook.xml.rels']) : '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const sheets: ListedSheet[] = [];
  for (const m of strFromU8(book).matchAll(SHEET_TAG)) {
    const name = attr(m[0], 'name');
    if (name === undefined) continue;
    const rid = attr(m[0], 'r:id') ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1] ?? '';
    sheets.push({ name: decodeXml(name), cellless: /chartsheet|dialogsheet|macrosheet/i.test(targets.get(rid) ?? '') });
  }
  return sheets;
}

/**
 * exceljs refuses a whole workbook over one sheet name Excel itself would not accept (over 31 characters,
 * * ? : / \ [ ], a quote at either end, "History"), though other tools write such names.
 */
export function exceljsRejectsName(name: string, index: number, all: ListedSheet[]): boolean {
  if (name === '' || name === 'History' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name)) return true;
  return all.findIndex((s) => s.name.toLowerCase() === name.toLowerCase()) !== index;
}

/** Placeholder name for the sheet at `index`, safe for exceljs and unlike any real name. */
export function placeholderName(index: number): string {
  return `jixiao-sheet-${index + 1}`;
}

/** Rewrites xl/workbook.xml so every sheet carries its placeholder name; the caller maps names back. */
export function withPlaceholderNames(buf: Uint8Array): Uint8Array {
  const parts = unzipSync(buf);
  const book = parts['xl/workbook.xml'];
  if (!book) return buf;
  let index = 0;
  const renamed = strFromU8(book).replace(SHEET_TAG, (tag) =>
    attr(tag, 'name') === undefined ? tag : tag.replace(/\sname="[^"]*"/, ` name="${placeholderName(index++)}"`));
  parts['xl/workbook.xml'] = strToU8(renamed);
  return zipSync(parts, { level: 0 });
}
