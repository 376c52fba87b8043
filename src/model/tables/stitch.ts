// Tables a PDF splits across pages: each continuation piece is appended to the piece it continues, columns realigned.
import type { Block, Cell, SourceDocument, TableBlock } from '../../document.js';
import { cellNumber, clean, coveredFromLeft, type Grid, makeGrid, type RowOrigin, squash, textAt } from './grid.js';
import { findRegions } from './header.js';
import { findBands } from './bands.js';

interface Chain {
  first: TableBlock;
  firstBlock: number;
  rows: Cell[][];
  origins: RowOrigin[];
  lastBlock: number;
  lastPage?: number;
  pieces: number;
  /** columns of the joined table (those of its first piece) */
  width: number;
  /** the columns a narrower piece keeps, worked out once from the rows before the first break */
  kept?: number[] | null;
}

function chainGrid(chain: Chain, file: string): Grid {
  const table: TableBlock = { ...chain.first, rows: chain.rows };
  return chain.pieces > 1 ? makeGrid(table, file, chain.firstBlock, chain.origins) : makeGrid(chain.first, file, chain.firstBlock);
}

/**
 * Which column of the table so far each column of a continuation piece continues. The same width maps one to one;
 * otherwise the piece may have lost the columns that only ever repeat a merged neighbour (a 三级指标 merged over two
 * columns, a score merged into 备注), so it maps onto the remaining columns when their count matches. Null: no match.
 */
function columnMap(chain: Chain, file: string, width: number): number[] | null {
  if (chain.kept === undefined) chain.kept = keptColumns(chainGrid(chain, file));
  const kept = chain.kept;
  if (!kept) return null;
  if (width === chain.width) return Array.from({ length: width }, (_, i) => i);
  return kept.length === width ? kept : null;
}

/**
 * Columns of the table's last part that hold text of their own somewhere; null when it has no header to continue.
 * A header with no rows under it yet (the page broke right after it) keeps every column: only a piece as wide continues it.
 */
function keptColumns(grid: Grid): number[] | null {
  // a form's header by its roles, else any table's header band (项目 | 上年决算数 | 本年决算数 | 增减 …)
  const region = findRegions(grid).at(-1);
  const band = region ? undefined : findBands(grid).at(-1);
  const rows = region?.rows ?? band?.body;
  if (!rows) return null;
  if (!rows.length) return Array.from({ length: grid.width }, (_, i) => i);
  const kept: number[] = [];
  for (let c = 0; c < grid.width; c++) {
    const filled = rows.filter((r) => textAt(grid, r, c) !== '');
    const onlyRepeats = filled.length > 0 && filled.every((r) => coveredFromLeft(grid, r, c));
    if (!onlyRepeats) kept.push(c);
  }
  return kept;
}

/** A page's first row that only finishes the cells of the previous page's last row (a label or sentence wrapped over the break). */
function isSpill(row: Cell[]): boolean {
  const own = row.filter((c, i) => c.text.trim() !== '' && !(c.covered && i > 0 && row[i - 1].text === c.text));
  return own.length > 0 && own.length * 2 <= row.length && !own.some((c) => cellNumber(c.text));
}

/** The rows of a vertical run in `rows` that ends at row `last` in column `col`, from its anchor: [first, last]; undefined for a cell merged from the left. */
function runEndingAt(rows: Cell[][], last: number, col: number): [number, number] | undefined {
  const text = rows[last]?.[col]?.text;
  if (text === undefined) return undefined;
  let first = last;
  while (first > 0 && rows[first][col]?.covered && rows[first - 1][col]?.text === text) first--;
  const anchor = rows[first][col];
  if (anchor.covered || (anchor.rowSpan ?? 1) < last - first + 1) return undefined;
  return [first, last];
}

/**
 * A merged cell the page break cut in two: one part holds the text, the other is blank (LibreOffice writes the text
 * in the middle of the whole cell, Word at its top). Both parts become one merged cell again, as the workbook has it,
 * when the part holding the text is a merge of two rows or more, or its text was echoed between the pieces: a lone
 * label beside a blank run is not taken for its other half. The piece's part then continues the table's (covered), so its rows are not counted twice.
 */
function joinCutCells(chain: Chain, piece: Cell[][], map: number[], echoes: string[]): void {
  const last = chain.rows.length - 1;
  if (last < 0 || !piece.length) return;
  map.forEach((col, i) => {
    const top = piece[0][i];
    if (!top || top.covered) return;
    const below = (top.rowSpan ?? 1);
    const above = runEndingAt(chain.rows, last, col);
    if (!above) return;
    const upper = chain.rows[above[0]][col].text.trim();
    const lower = top.text.trim();
    if ((upper === '') === (lower === '')) return;
    const textRows = upper ? above[1] - above[0] + 1 : below;
    // the printer's echo of the text below the page before says the cell was cut, however few rows each part has
    const echoed = !upper && echoes.some((e) => squash(lower).includes(e));
    if (textRows < 2 && !echoed) return;
    const text = upper ? chain.rows[above[0]][col].text : top.text;
    for (let r = above[0]; r <= above[1]; r++) chain.rows[r][col] = { ...chain.rows[r][col], text };
    for (let r = 0; r < below && r < piece.length; r++) piece[r][i] = { ...piece[r][i], text, covered: true };
    // the anchor now spans both parts, so a cell cut again by the next page break is found whole
    chain.rows[above[0]][col].rowSpan = above[1] - above[0] + 1 + Math.min(below, piece.length);
  });
}

function append(chain: Chain, width: number, piece: TableBlock, block: number, map: number[], skip = 0, echoes: string[] = []): void {
  const rows = piece.rows.map((row) => [...row]);
  if (skip < rows.length && !isSpill(rows[skip])) joinCutCells(chain, rows.slice(skip), map, echoes);
  rows.forEach((row, r) => {
    if (r < skip) return;
    if (r === skip && chain.rows.length && isSpill(row)) {
      const last = chain.rows[chain.rows.length - 1];
      row.forEach((cell, i) => {
        const text = cell.text.trim();
        if (!text || cell.covered) return;
        const pc = map[i];
        const before = last[pc]?.text ?? '';
        for (let c = pc; c < last.length && (c === pc || (last[c].covered && last[c].text === before)); c++) {
          last[c] = { ...last[c], text: before + text };
        }
      });
      return;
    }
    const out: Cell[] = [];
    const cols: number[] = [];
    const synthRow = chain.rows.length;
    for (let c = 0; c < width; c++) {
      const i = map.indexOf(c);
      if (i >= 0 && row[i]) {
        out.push({ ...row[i], row: synthRow, col: c });
        cols.push(i);
      } else {
        // A column this piece lost: it repeats its left neighbour, as a merged cell would.
        const left = out[c - 1];
        out.push({ text: left?.text ?? '', row: synthRow, col: c, covered: true });
        cols.push(cols[c - 1] ?? 0);
      }
    }
    chain.rows.push(out);
    const origin: RowOrigin = { block, row: r, cols };
    if (piece.page !== undefined) origin.page = piece.page;
    chain.origins.push(origin);
  });
  chain.lastBlock = block;
  chain.lastPage = piece.page;
  chain.pieces++;
}

function startChain(table: TableBlock, block: number): Chain {
  const origins = table.rows.map((row, r) => {
    const o: RowOrigin = { block, row: r, cols: row.map((_, c) => c) };
    if (table.page !== undefined) o.page = table.page;
    return o;
  });
  return { first: table, firstBlock: block, rows: table.rows.map((row) => [...row]), origins, lastBlock: block, lastPage: table.page, pieces: 1,
    width: table.rows.reduce((w, r) => Math.max(w, r.length), 0) };
}

/** A row as it reads: its texts left to right, a merged cell once, so a piece that lost a merged column reads the same. */
function rowKey(row: Cell[]): string {
  const texts: string[] = [];
  for (const cell of row) {
    const t = squash(clean(cell.text));
    if (texts.length === 0 || texts[texts.length - 1] !== t) texts.push(t);
  }
  return texts.filter(Boolean).length >= 2 ? texts.join('|') : '';
}

/**
 * How many rows at the top of a piece repeat the table's header (a header row set to repeat on every page, or the
 * title rows above it): rows that read exactly like a header row of the table so far, or like one of the rows above
 * its first header.
 */
function repeatedHeaderRows(chain: Chain, file: string, piece: TableBlock): number {
  const regions = findRegions(chainGrid(chain, file));
  if (!regions.length) return 0;
  const keys = new Set<string>();
  for (let r = 0; r < regions[0].headerRows[0]; r++) keys.add(rowKey(chain.rows[r]));
  for (const region of regions) for (const r of region.headerRows) keys.add(rowKey(chain.rows[r]));
  keys.delete('');
  let n = 0;
  while (n < piece.rows.length && keys.has(rowKey(piece.rows[n]))) n++;
  return n;
}

/**
 * The paragraphs between a table's last piece and the next table block, when each only echoes a cell of that block's
 * first row (squashed texts): a merged cell the page break cut is printed below the table on the page before too
 * (产出指标; 年度绩效目标 / 2（40分）). Undefined when anything else stands between them: a title, a note, a table.
 */
function echoesBetween(blocks: Block[], last: number, next: number, piece: TableBlock): string[] | undefined {
  const cells = (piece.rows[0] ?? []).map((c) => squash(clean(c.text))).filter(Boolean);
  const out: string[] = [];
  for (let i = last + 1; i < next; i++) {
    const b = blocks[i];
    if (b.type !== 'paragraph') return undefined;
    const t = squash(b.text);
    if (t.length < 2 || !cells.some((c) => c.includes(t))) return undefined;
    out.push(t);
  }
  return out;
}

/**
 * The document's tables as grids, with page-split pieces joined: a table block that directly follows another
 * on a later page (past paragraphs that only echo its first row) and whose columns line up continues it, unless it
 * opens with a header of its own. A header that
 * only repeats the table's (printed again atop the page) is dropped, and the rows under it continue the table.
 */
export function tableGrids(doc: SourceDocument): Grid[] {
  const grids: Grid[] = [];
  let chain: Chain | undefined;
  doc.blocks.forEach((block, index) => {
    if (block.type !== 'table' || block.hidden || !block.rows.length) return;
    const between = chain ? echoesBetween(doc.blocks, chain.lastBlock, index, block) : undefined;
    if (chain && between && block.page !== undefined && chain.lastPage !== undefined && block.page > chain.lastPage) {
      const skip = repeatedHeaderRows(chain, doc.path, block);
      const rest = skip ? { ...block, rows: block.rows.slice(skip) } : block;
      if (!rest.rows.length) {
        // a page that holds only the repeated header: nothing to add, and the table may go on after it
        chain.lastBlock = index;
        chain.lastPage = block.page;
        return;
      }
      if (!opensWithHeader(rest, doc.path, index)) {
        const width = rest.rows.reduce((w, r) => Math.max(w, r.length), 0);
        const map = columnMap(chain, doc.path, width);
        if (map) { append(chain, chain.width, block, index, map, skip, between); return; }
      }
    }
    if (chain) grids.push(chainGrid(chain, doc.path));
    chain = startChain(block, index);
  });
  if (chain) grids.push(chainGrid(chain, doc.path));
  return grids;
}

function opensWithHeader(table: TableBlock, file: string, block: number): boolean {
  const first = findRegions(makeGrid(table, file, block))[0];
  return first !== undefined && first.headerRows[0] <= 1;
}
