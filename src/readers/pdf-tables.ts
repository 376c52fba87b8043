// Ruled tables in a PDF page: ruling lines from the operator list → cell grid (with merged cells) → cell text.
import type { Cell } from '../document.js';
import { cellText, itemsToLines, plainNumber, type PdfTextItem } from './pdf-text.js';

/** Axis-aligned ruling segment in top-down page coordinates: y for horizontal lines, x for vertical ones. */
export interface Segment {
  horizontal: boolean;
  pos: number;
  from: number;
  to: number;
}

/** The pdf.js operator codes this module reads (pdfjs-dist `OPS`). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: ArrayLike<number>): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** pdf.js path buffer codes (DrawOPS). */
const MOVE_TO = 0, LINE_TO = 1, CURVE_TO = 2, CLOSE_PATH = 3;

/** Thickness under which a filled rectangle is a drawn rule (Word and WPS draw cell borders as thin fills). */
const THIN = 3;
/** Shorter segments are glyph fragments or ticks, not table rules. */
const MIN_LENGTH = 4;

/** Collects the ruling segments a page draws, in viewport (top-down) coordinates. */
export function rulingSegments(ops: OperatorList, viewport: ArrayLike<number>, OPS: PdfOps): Segment[] {
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const segments: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const view = Array.from(viewport) as Matrix;

  const addEdge = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= MIN_LENGTH) {
      segments.push({ horizontal: true, pos: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
    } else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= MIN_LENGTH) {
      segments.push({ horizontal: false, pos: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  };

  const addSubpath = (points: Array<[number, number]>, closed: boolean, stroked: boolean) => {
    if (points.length < 2) return;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const w = x1 - x0, h = y1 - y0;
    if (points.length >= 4 && (w < THIN || h < THIN)) {
      // a thin box, filled or stroked, reads as one rule along its long side
      if (w >= h) addEdge(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
      else addEdge((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
      return;
    }
    if (!stroked) return; // large filled areas are shading, not rules
    for (let i = 1; i < points.length; i++) addEdge(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
    if (closed) addEdge(points[points.length - 1][0], points[points.length - 1][1], points[0][0], points[0][1]);
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as number[] | undefined;
      if (matrix && matrix.length === 6) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const paint = args?.[0] as number;
      const stroked = strokes.has(paint);
      if (!stroked && !fills.has(paint)) continue;
      const buffer = (args?.[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      if (!buffer) continue;
      const m = multiply(view, ctm);
      let points: Array<[number, number]> = [];
      let curved = false;
      const flush = (closed: boolean) => {
        if (!curved) addSubpath(points, closed, stroked);
        points = [];
        curved = false;
      };
      for (let k = 0; k < buffer.length;) {
        const op = buffer[k++];
        if (op === MOVE_TO) { flush(false); points.push(apply(m, buffer[k], buffer[k + 1])); k += 2; }
        else if (op === LINE_TO) { points.push(apply(m, buffer[k], buffer[k + 1])); k += 2; }
        else if (op === CURVE_TO) { curved = true; k += 6; }
        else if (op === CLOSE_PATH) { const start = points[0]; flush(true); if (start) points.push(start); }
        else break;
      }
      flush(false);
    }
  }
  return segments;
}

/** Tolerance (pt) for lines that should meet or coincide. */
const TOL = 2;

/** Merges collinear, touching segments so each ruling line is one segment (with real gaps kept). */
function mergeCollinear(segments: Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.pos - b.pos);
  const rows: Segment[][] = [];
  for (const s of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(s.pos - row[0].pos) <= TOL) row.push(s);
    else rows.push([s]);
  }
  const merged: Segment[] = [];
  for (const row of rows) {
    const pos = row.reduce((sum, s) => sum + s.pos, 0) / row.length;
    row.sort((a, b) => a.from - b.from);
    let cur: Segment | undefined;
    for (const s of row) {
      if (cur && s.from <= cur.to + TOL) cur.to = Math.max(cur.to, s.to);
      else { cur = { horizontal: s.horizontal, pos, from: s.from, to: s.to }; merged.push(cur); }
    }
  }
  return merged;
}

const crosses = (h: Segment, v: Segment) =>
  v.pos >= h.from - TOL && v.pos <= h.to + TOL && h.pos >= v.from - TOL && h.pos <= v.to + TOL;

/** Sorted distinct values, values within TOL collapsed to their mean. */
function pivots(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** A region of the grid: one visible cell, possibly spanning several grid rows/columns. */
interface Region {
  /** first grid position (row-major) the region covers: where its cell is written */
  anchorRow: number; anchorCol: number;
  r0: number; c0: number; r1: number; c1: number;
  items: PdfTextItem[];
}

export interface TableGrid {
  top: number; bottom: number; left: number; right: number;
  rows: number[];
  cols: number;
  colPivots: number[];
  /** region index for each grid position, row-major */
  owner: number[];
  regions: Region[];
}

/** Finds ruled tables: connected ruling lines forming at least two cells. */
export function findTables(segments: Segment[]): TableGrid[] {
  const lines = mergeCollinear(segments.filter((s) => s.horizontal)).concat(mergeCollinear(segments.filter((s) => !s.horizontal)));
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i], b = lines[j];
      if (a.horizontal === b.horizontal) continue;
      if (crosses(a.horizontal ? a : b, a.horizontal ? b : a)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  lines.forEach((l, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(l); else groups.set(root, [l]);
  });
  const tables: TableGrid[] = [];
  const loose = [...groups.values()].filter((g) => g.length === 1 && !g[0].horizontal).map((g) => g[0]);
  for (const group of groups.values()) {
    const hs = group.filter((l) => l.horizontal);
    const vs = group.filter((l) => !l.horizontal);
    if (hs.length < 2 || vs.length < 2) continue;
    vs.push(...cutColumnRules(hs, vs, loose));
    const grid = buildGrid(hs, vs);
    if (grid && grid.regions.length >= 2) tables.push(grid);
  }
  return tables.sort((a, b) => a.top - b.top);
}

/**
 * Rules of columns beside a table that a page break cut through a merged cell: a merged label running over the whole
 * page (产出指标 down the side of a long indicator list) has no rule across it at the page's top or bottom, so its
 * vertical rules touch nothing. A loose vertical rule running exactly from the table's top to its bottom, outside it,
 * is such a column's edge; without it the column's text would fall outside the table.
 */
function cutColumnRules(hs: Segment[], vs: Segment[], loose: Segment[]): Segment[] {
  const top = Math.min(...hs.map((h) => h.pos));
  const bottom = Math.max(...hs.map((h) => h.pos));
  const left = Math.min(...vs.map((v) => v.pos));
  const right = Math.max(...vs.map((v) => v.pos));
  return loose.filter((v) => (v.pos < left - TOL || v.pos > right + TOL) && Math.abs(v.from - top) <= TOL && Math.abs(v.to - bottom) <= TOL);
}

function buildGrid(hs: Segment[], vs: Segment[]): TableGrid | undefined {
  const rows = pivots(hs.map((h) => h.pos));
  const cols = pivots(vs.map((v) => v.pos));
  const nR = rows.length - 1, nC = cols.length - 1;
  if (nR < 1 || nC < 1) return undefined;
  const hasV = (x: number, yMid: number) => vs.some((v) => Math.abs(v.pos - x) <= TOL && v.from - TOL <= yMid && v.to + TOL >= yMid);
  const hasH = (y: number, xMid: number) => hs.some((h) => Math.abs(h.pos - y) <= TOL && h.from - TOL <= xMid && h.to + TOL >= xMid);

  // union grid positions not separated by a rule
  const parent = Array.from({ length: nR * nC }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < nR; r++) {
    const yMid = (rows[r] + rows[r + 1]) / 2;
    for (let c = 0; c < nC; c++) {
      const xMid = (cols[c] + cols[c + 1]) / 2;
      if (c + 1 < nC && !hasV(cols[c + 1], yMid)) parent[find(r * nC + c)] = find(r * nC + c + 1);
      if (r + 1 < nR && !hasH(rows[r + 1], xMid)) parent[find(r * nC + c)] = find((r + 1) * nC + c);
    }
  }
  const regionOf = new Map<number, number>();
  const regions: Region[] = [];
  const owner: number[] = new Array(nR * nC);
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      const root = find(r * nC + c);
      let idx = regionOf.get(root);
      if (idx === undefined) {
        idx = regions.length;
        regionOf.set(root, idx);
        regions.push({ anchorRow: r, anchorCol: c, r0: r, c0: c, r1: r, c1: c, items: [] });
      }
      const reg = regions[idx];
      reg.r1 = Math.max(reg.r1, r); reg.c0 = Math.min(reg.c0, c); reg.c1 = Math.max(reg.c1, c);
      owner[r * nC + c] = idx;
    }
  }
  return { top: rows[0], bottom: rows[nR], left: cols[0], right: cols[nC], rows, cols: nC, colPivots: cols, owner, regions };
}

/** Index i with pivots[i] <= v < pivots[i+1], or -1 outside. */
function band(pivotsSorted: number[], v: number): number {
  if (v < pivotsSorted[0] || v > pivotsSorted[pivotsSorted.length - 1]) return -1;
  let lo = 0, hi = pivotsSorted.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pivotsSorted[mid] <= v) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Puts an item into the table cell under its centre; false when it lies outside the table. */
export function placeItem(table: TableGrid, item: PdfTextItem): boolean {
  const cx = item.x + item.width / 2;
  const cy = item.y - item.size * 0.35;
  const r = band(table.rows, cy);
  const c = band(table.colPivots, cx);
  if (r < 0 || c < 0) return false;
  table.regions[table.owner[r * table.cols + c]].items.push(item);
  return true;
}

/** Lines left-aligned with `from`, each one line-spacing past the last, going up (-1) or down (+1), while `keep` holds. */
function stacked(items: PdfTextItem[], from: PdfTextItem, dir: 1 | -1, keep: (o: PdfTextItem) => boolean): PdfTextItem[] {
  const out: PdfTextItem[] = [];
  let cur = from;
  for (;;) {
    const next = items.find((o) => o !== cur && Math.abs(o.x - cur.x) <= 1.5 && dir * (o.y - cur.y) > 0.9 * cur.size && dir * (o.y - cur.y) < 2 * cur.size);
    if (!next || !keep(next) || out.includes(next)) return out;
    out.push(next);
    cur = next;
  }
}

/** The middle of a block of lines, from the top of its first glyphs to its last baseline. */
const middle = (lines: PdfTextItem[]) => (Math.min(...lines.map((l) => l.y - l.size)) + Math.max(...lines.map((l) => l.y))) / 2;

/**
 * A line of text that a row too short for it pushed across its bottom rule: its glyphs straddle the rule into the row
 * below, left-aligned with a line of the cell above one line-spacing higher. It continues that cell's text
 * (满意 / 度, 当年财政拨 / 款), so it moves back there instead of joining the next row's label.
 * A cell's own text centred in a row too short for it straddles both its rules (其他需要说明 / 事项 in a one-line row):
 * its first line stays when the lines it opens sit centred in its row, closer than the cell above's would with it.
 */
export function rejoinOverflow(table: TableGrid): number {
  let moved = 0;
  for (const reg of table.regions) {
    if (reg.r0 === 0) continue;
    const rule = table.rows[reg.r0];
    for (const item of [...reg.items]) {
      const top = item.y - item.size;
      if (!(top < rule - 0.5 && item.y > rule)) continue;
      const c = band(table.colPivots, item.x + 1);
      if (c < 0) continue;
      const above = table.regions[table.owner[(reg.r0 - 1) * table.cols + c]];
      const previous = above.items.find((o) => Math.abs(o.x - item.x) <= 1.5 && item.y - o.y > 0.9 * item.size && item.y - o.y < 2 * item.size);
      if (!previous) continue;
      const column = table.regions.flatMap((r) => r.items).filter((o) => Math.abs(o.x - item.x) <= 1.5);
      const aboveTop = table.rows[above.r0];
      const belowBottom = table.rows[reg.r1 + 1];
      const below = stacked(column, item, 1, (o) => o.y - o.size < belowBottom);
      if (below.length) {
        const upper = [previous, ...stacked(column, previous, -1, (o) => o.y > aboveTop), item];
        const offAbove = Math.abs(middle(upper) - (aboveTop + rule) / 2);
        const offBelow = Math.abs(middle([item, ...below]) - (rule + belowBottom) / 2);
        if (offBelow < offAbove) continue;
      }
      reg.items.splice(reg.items.indexOf(item), 1);
      above.items.push(item);
      moved++;
    }
  }
  return moved;
}

/**
 * Text a cell's neighbour clipped: a label wider than its column, printed up to the rule and past it (Calc writes the
 * clipped glyphs too, where the next cell's number stands: 社会保障和就业第1 | 款124.00). A run of words that starts at a
 * cell's left rule and continues a run of the cell to its left on the same baseline without a gap is the left cell's:
 * a cell's own text keeps clear of the neighbour's by the padding on both sides of the rule.
 */
export function rejoinClipped(table: TableGrid): number {
  let moved = 0;
  for (const reg of table.regions) {
    if (reg.c0 === 0) continue;
    const rule = table.colPivots[reg.c0];
    for (const item of [...reg.items]) {
      // a number is the cell's own, however close it stands; clipped glyphs start about the rule (the one a label
      // was cut in may straddle it, placed by its centre past it)
      if (plainNumber(item.str.trim()) !== undefined || item.x - rule > 0.25 * item.size || item.x < rule - 0.5 * item.size) continue;
      const r = band(table.rows, item.y - item.size * 0.35);
      if (r < 0) continue;
      const left = table.regions[table.owner[r * table.cols + reg.c0 - 1]];
      // continuing, without a gap, a run of the left cell on the same baseline
      const continues = left.items.some((o) => o.str.trim() !== '' && Math.abs(o.y - item.y) < 0.3 * item.size && Math.abs(o.x + o.width - item.x) < 0.05 * item.size);
      if (!continues) continue;
      reg.items.splice(reg.items.indexOf(item), 1);
      left.items.push(item);
      moved++;
    }
  }
  return moved;
}

/** The grid as document rows: every grid position has a cell; positions under a merged cell repeat its text. */
export function gridRows(table: TableGrid, page: number): Cell[][] {
  rejoinOverflow(table);
  rejoinClipped(table);
  const texts = table.regions.map((reg) => cellText(itemsToLines(reg.items, page)));
  const out: Cell[][] = [];
  const nR = table.rows.length - 1;
  for (let r = 0; r < nR; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < table.cols; c++) {
      const idx = table.owner[r * table.cols + c];
      const reg = table.regions[idx];
      const cell: Cell = { text: texts[idx], row: r, col: c };
      const value = plainNumber(texts[idx]);
      if (value !== undefined) cell.value = value;
      if (r === reg.anchorRow && c === reg.anchorCol) {
        if (reg.r1 > reg.r0) cell.rowSpan = reg.r1 - reg.r0 + 1;
        if (reg.c1 > reg.c0) cell.colSpan = reg.c1 - reg.c0 + 1;
      } else cell.covered = true;
      row.push(cell);
    }
    out.push(row);
  }
  return out;
}
