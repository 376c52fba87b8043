// The workbook package opened without trusting it (bounded inflation, XML guarded, re-packed for exceljs), and its own
// sheet list, to catch what exceljs would drop or refuse.
import { strFromU8, strToU8, zipSync } from 'fflate';
import { guardXml, isXmlPart } from './xml-guard.js';
import { InflateBudget, declaredBombReason, inflateEntries, listZip, zipBomb } from './zip.js';

/**
 * Inflates every member under the budget and checks every XML part, so that exceljs (which inflates with JSZip, to
 * strings, whatever the headers say) only ever sees what was checked: the members as inflated here, stored.
 */
export function openXlsx(buf: Uint8Array, budget = new InflateBudget()): Record<string, Uint8Array> {
  const entries = listZip(buf);
  const bomb = declaredBombReason(entries);
  if (bomb) throw zipBomb(bomb);
  const parts = inflateEntries(buf, entries, () => true, budget);
  for (const [name, data] of Object.entries(parts)) if (isXmlPart(name)) guardXml(name, data);
  return parts;
}

/** The parts as one zip with nothing compressed: exceljs's JSZip then has nothing to inflate. */
export function repackStored(parts: Record<string, Uint8Array>): Uint8Array {
  return zipSync(parts, { level: 0 });
}

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

/** Lists the sheets of xl/workbook.xml in order; empty when there is none (exceljs will say why). */
export function listSheets(parts: Record<string, Uint8Array>): ListedSheet[] {
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

/** The parts with xl/workbook.xml rewritten so every sheet carries its placeholder name; the caller maps names back. */
export function withPlaceholderNames(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const book = parts['xl/workbook.xml'];
  if (!book) return parts;
  let index = 0;
  const renamed = strFromU8(book).replace(SHEET_TAG, (tag) =>
    attr(tag, 'name') === undefined ? tag : tag.replace(/\sname="[^"]*"/, ` name="${placeholderName(index++)}"`));
  return { ...parts, 'xl/workbook.xml': strToU8(renamed) };
}
