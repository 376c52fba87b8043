// A table block seen as a grid: cleaned cell text, merged runs, numbers in cells and precise locations.
import type { Cell, TableBlock } from '../../document.js';
import type { Location } from '../../findings.js';
import type { Quantity } from '../schema.js';
import { scanQuantities, type Comparator } from '../../../grammars/quantity-tokens.js';
import { parseBracketedNegative, parseNumber } from '../../lexicon/index.js';

/** One table block with what every extractor needs to point back at a cell. */
export interface Grid {
  table: TableBlock;
  file: string;
  /** 0-based index of the block in the document */
  block: number;
  /** number of columns (the widest row) */
  width: number;
  /** for a table stitched from pieces split across pages: where each row came from */
  origins?: RowOrigin[];
  /** cleaned cell texts, filled row by row on first use (every extractor reads each cell many times) */
  texts: Array<string[] | undefined>;
}

/** A stitched row's source: its block, page and row there, and for each column the source column. */
export interface RowOrigin {
  block: number;
  page?: number;
  row: number;
  cols: number[];
}

export function makeGrid(table: TableBlock, file: string, block: number, origins?: RowOrigin[]): Grid {
  const width = table.rows.reduce((w, r) => Math.max(w, r.length), 0);
  const grid: Grid = { table, file, block, width, texts: [] };
  if (origins) grid.origins = origins;
  return grid;
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.table.rows[row]?.[col];
}

/** Cell text with line breaks and the spaces Word, WPS and PDF put between Chinese characters removed. */
export function clean(text: string | undefined): string {
  if (!text) return '';
  // most cells hold no whitespace at all, and then every step below leaves the text as it is
  if (!/\s/.test(text)) return text;
  return text
    .replace(/[\r\n\t\u00a0\u3000]+/g, ' ')
    .replace(/\s*([\u3000-\u9fff\uff00-\uffef])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function textAt(grid: Grid, row: number, col: number): string {
  let texts = grid.texts[row];
  if (!texts) {
    texts = (grid.table.rows[row] ?? []).map((c) => clean(c.text));
    grid.texts[row] = texts;
  }
  return texts[col] ?? '';
}

/** Caches a pure function of a cell's text: tables repeat the same few texts down whole columns. */
export function memoByText<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    if (cache.size >= limit) cache.clear();
    const value = fn(text);
    cache.set(text, value);
    return value;
  };
}

/** Text with every space removed: for comparing labels. */
export function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, '');
}

/** A position under a merged cell (a missing position counts as one: a row shorter than the table's). */
function isCovered(cell: Cell | undefined): boolean {
  return cell ? cell.covered === true : true;
}

/**
 * How many columns the merged run holding (row, col) spans: neighbours with the same text, where the
 * later ones are covered (readers repeat a merged cell's text over the positions it covers).
 */
export function runWidth(grid: Grid, row: number, col: number): number {
  const text = textAt(grid, row, col);
  if (!text) return 1;
  let left = col;
  while (left > 0 && textAt(grid, row, left - 1) === text && isCovered(cellAt(grid, row, left))) left--;
  let right = col;
  while (right + 1 < grid.width && textAt(grid, row, right + 1) === text && isCovered(cellAt(grid, row, right + 1))) right++;
  return right - left + 1;
}

/** True when this position repeats the text of the cell to its left because both belong to one merged cell. */
export function coveredFromLeft(grid: Grid, row: number, col: number): boolean {
  if (col === 0) return false;
  const cell = cellAt(grid, row, col);
  const text = textAt(grid, row, col);
  return text !== '' && text === textAt(grid, row, col - 1) && isCovered(cell);
}

/** True when this position repeats the text of the cell above it because both belong to one merged cell. */
export function coveredFromAbove(grid: Grid, row: number, col: number): boolean {
  if (row === 0) return false;
  const cell = cellAt(grid, row, col);
  const text = textAt(grid, row, col);
  return text !== '' && text === textAt(grid, row - 1, col) && cell?.covered === true;
}

/** True when a row holds one text only: a title or a note merged across the table, or a lone label. */
export function isSpanningRow(grid: Grid, row: number): boolean {
  const texts = new Set<string>();
  for (let c = 0; c < grid.width; c++) {
    const t = textAt(grid, row, c);
    if (t) texts.add(t);
  }
  return texts.size === 1;
}

export function locationOf(grid: Grid, row: number, col: number): Location {
  const o = grid.origins?.[row];
  const loc: Location = o
    ? { file: grid.file, block: o.block, row: o.row, col: o.cols[col] ?? col }
    : { file: grid.file, block: grid.block, row, col };
  const t = grid.table;
  if (t.sheet !== undefined) loc.sheet = t.sheet;
  const address = cellAt(grid, row, col)?.address;
  if (address) loc.cell = address;
  const page = o ? o.page : t.page;
  if (page !== undefined) loc.page = page;
  if (t.origin !== undefined) loc.origin = t.origin;
  return loc;
}

/** A number read from a cell: the number alone, or with a unit and a comparator around it. */
export interface CellNumber {
  raw: string;
  value: number;
  decimals: number;
  unit?: string;
  comparator?: Comparator;
}

const SUFFIX_COMPARATOR: Array<[RegExp, Comparator]> = [
  [/^(?:及|或)?以上$/, '>='],
  [/^(?:及|或)?以下$/, '<='],
  [/^以内$/, '<='],
];

/**
 * The single number a cell holds (1,059.39 · ９０％ · ≥50个 · 100%以上), or null when the cell holds words,
 * several numbers, a rough figure (约100人) or nothing. A whole-cell rule: a number inside a sentence is not a cell value.
 */
export const cellNumber: (text: string) => CellNumber | null = memoByText(readCellNumber);

/**
 * Comparators as people type them in a value cell, rewritten to the ones the quantity grammar knows: small-form
 * and box-drawing signs (﹥ ﹤ ﹦ ═) and the words of a bound (不少于12种 = ≥12种).
 */
const COMPARATOR_SPELLINGS: Array<[RegExp, string]> = [
  // a sign typed twice over (≥＝90%, ≧=90%): the inclusive bound it already says
  [/^[≥≧]\s*[=＝﹦]/, '≥'], [/^[≤≦]\s*[=＝﹦]/, '≤'],
  [/^﹥/, '＞'], [/^﹤/, '＜'], [/^[﹦═]/, '＝'],
  [/^(?:大于等于|不少于|不低于|不小于)/, '≥'], [/^(?:小于等于|不多于|不高于|不超过|不大于)/, '≤'],
];

/** The cell text with a leading comparator spelled the way the grammar reads it. */
export function normalizeComparator(text: string): string {
  for (const [re, sign] of COMPARATOR_SPELLINGS) if (re.test(text)) return text.replace(re, sign);
  return text;
}

function readCellNumber(text: string): CellNumber | null {
  const raw = clean(text);
  if (!raw) return null;
  const plain = parseNumber(raw) ?? parseBracketedNegative(raw);
  if (plain) return { raw, value: plain.value, decimals: plain.decimals };
  const found = scanQuantities(normalizeComparator(raw)).filter((q) => !q.year);
  if (found.length !== 1) return null;
  const q = found[0];
  if (q.approximate || q.ordinal) return null;
  const spelled = normalizeComparator(raw);
  const before = spelled.slice(0, q.start).trim();
  const after = spelled.slice(q.end).trim();
  if (before) return null;
  let comparator = q.comparator;
  if (after) {
    const suffix = SUFFIX_COMPARATOR.find(([re]) => re.test(after));
    if (!suffix || comparator) return null;
    comparator = suffix[1];
  }
  const out: CellNumber = { raw, value: q.value, decimals: q.decimals };
  if (q.unit) out.unit = q.unit;
  if (comparator) out.comparator = comparator;
  return out;
}

/** A cell's number as a Quantity with its location, or undefined when the cell holds no single number. */
export function quantityAt(grid: Grid, row: number, col: number, label: string, unit?: string): Quantity | undefined {
  const cell = cellAt(grid, row, col);
  if (!cell) return undefined;
  let n = cellNumber(cell.text);
  if (!n && !clean(cell.text) && cell.value !== undefined) {
    // A number with no shown text (an unformatted xlsx value): its precision is what the value carries.
    const s = String(cell.value);
    n = { raw: s, value: cell.value, decimals: s.includes('.') ? s.split('.')[1].length : 0 };
  }
  if (!n) return undefined;
  return toQuantity(n, grid, row, col, label, unit);
}

export function toQuantity(n: CellNumber, grid: Grid, row: number, col: number, label: string, unit?: string): Quantity {
  const q: Quantity = { raw: n.raw, value: n.value, decimals: n.decimals, location: locationOf(grid, row, col) };
  const u = n.unit ?? unit;
  if (u) q.unit = u;
  if (label) q.label = label;
  if (n.comparator) q.comparator = n.comparator;
  return q;
}

/** Cells that mean "nothing here" in filled-in forms. */
export function isBlank(text: string): boolean {
  return /^[-－—–―/／\\、\s]*$/.test(text) || /^(无|空|不适用|N\/?A)$/i.test(text);
}
