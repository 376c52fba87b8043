// Any table read alike: header bands (one to four rows of column words over a body of numbers), the path of header
// cells above each column and what it says (src/lexicon/table-words.ts), and the rows each band governs.
import { cellAt, cellNumber, clean, coveredFromAbove, type Grid, isBlank, textAt } from './grid.js';
import { changeGroupOf, countUnitOfHeader, headerMeaning, measureUnderChange, isOfWhichHeader, moneyUnitOf, namesAverage, type HeaderMeaning } from '../../lexicon/index.js';

/** One header cell as it stands over its columns (a merged cell once). */
export interface HeaderNode {
  id: string;
  text: string;
  meaning?: HeaderMeaning;
  /** 其中： over a run of columns: they are the parts of the total column before them */
  ofWhich: boolean;
  /** a group over a change and its rate (比上年增、减情况, 2017比2016增减): what they compare */
  compares?: ReturnType<typeof changeGroupOf>;
}

/** A column as the header band describes it: the header cells above it, top to bottom, and what they make of it. */
export interface Column {
  col: number;
  path: HeaderNode[];
  /** what the column holds, the leaf's words completed by its groups' (a year, a comparison) */
  measure: HeaderMeaning;
  /** the header cells that name items, not measures (公务用车购置及运行费 › 小计): the column's place in a tree of items */
  items: HeaderNode[];
  /** the header words to call the column by in a finding */
  name: string;
}

export interface Band {
  /** header rows, top to bottom */
  header: number[];
  /** body rows, top to bottom, up to the next band or the first row of sentences */
  body: number[];
  /** the first column holding numbers: columns before it label the rows */
  firstValue: number;
  /** the value columns (from firstValue on) */
  columns: Column[];
  /** columns left of the values that name the rows (not a 行号 or 科目编码 column) */
  labelColumns: number[];
  /** a 科目编码 column, or the three 类 | 款 | 项 columns */
  codeColumns: number[];
  /** the money unit the band's title, unit line or header notes name */
  unit?: string;
  /** the band's title says its numbers are averages (院均, 人均): its 合计 row sums nothing */
  averaged?: boolean;
}

const MAX_HEADER_ROWS = 4;

function coveredFromLeft(grid: Grid, row: number, col: number): boolean {
  return col > 0 && cellAt(grid, row, col)?.covered === true && textAt(grid, row, col) === textAt(grid, row, col - 1);
}

/** The distinct non-empty cells of a row, a merged cell once. */
function distinctCells(grid: Grid, row: number): Array<{ col: number; text: string }> {
  const out: Array<{ col: number; text: string }> = [];
  for (let c = 0; c < grid.width; c++) {
    const t = textAt(grid, row, c);
    if (t && !coveredFromLeft(grid, row, c)) out.push({ col: c, text: t });
  }
  return out;
}

/** Columns of a row holding a single number (a merged cell once; a cell reaching down from a header row not counted). */
export function numberColumns(grid: Grid, row: number, from = 0): number[] {
  const out: number[] = [];
  for (let c = from; c < grid.width; c++) {
    if (coveredFromLeft(grid, row, c)) continue;
    const cell = cellAt(grid, row, c);
    if (cell?.covered && row > 0 && textAt(grid, row - 1, c) === textAt(grid, row, c)) continue;
    if (cellNumber(textAt(grid, row, c))) out.push(c);
  }
  return out;
}

/** A row that holds one text over two or more positions: a title, a section heading or a note merged across. */
export function isSpanning(grid: Grid, row: number): boolean {
  const cells = distinctCells(grid, row);
  if (cells.length !== 1) return false;
  let positions = 0;
  for (let c = 0; c < grid.width; c++) if (textAt(grid, row, c) === cells[0].text) positions++;
  return positions >= 2 || grid.width === 1;
}

const HAN = /[\u4e00-\u9fff]/g;
/** Text that reads as a sentence: twelve or more Han characters and a clause mark. */
export function isSentence(text: string): boolean {
  return (text.match(HAN)?.length ?? 0) >= 12 && /[，。；,;！？]/.test(text);
}

/** A header row: two or more word cells, no number of its own. */
function isHeaderRow(grid: Grid, row: number): boolean {
  // a cell that continues into the row below it (a vertical merge reaching into the body) is not this row's content
  const cells = distinctCells(grid, row).filter((x) => !coveredFromAbove(grid, row + 1, x.col) || !cellNumber(x.text));
  if (cells.length < 2) return false;
  return cells.every((x) => !cellNumber(x.text) && !isSentence(x.text));
}

/** Columns whose cells hold words by right (说明, 等级, 备注): words there start nothing new. */
const WORD_KINDS = new Set(['text', 'grade', 'label']);

/**
 * The body ends at a row of sentences outside a 说明 column (a note, a 说明 row) or a row of words where numbers stood
 * (another header).
 */
function endsBody(grid: Grid, row: number, firstValue: number, columns: Column[]): boolean {
  const wordy = new Set(columns.filter((c) => WORD_KINDS.has(c.measure.kind)).map((c) => c.col));
  const cells = distinctCells(grid, row);
  if (cells.some((x) => isSentence(x.text) && !wordy.has(x.col))) return true;
  const words = cells.filter((x) => x.col >= firstValue && !wordy.has(x.col) && !cellNumber(x.text) && !isBlank(x.text) && !coveredFromLeft(grid, row, x.col));
  // a label merged across the value columns (a section heading) is one cell; two word cells are a header
  return words.length >= 2 && !isSpanning(grid, row);
}

/**
 * Every header band of the table with the rows it governs. A band is up to four header rows right above a row of
 * numbers; its body runs to the next band, a row of sentences, or a row of words under the value columns.
 * Rows in `skip` (a form block's rows, read by its profile) are neither header nor body.
 */
export function findBands(grid: Grid, skip: ReadonlySet<number> = new Set(), leading: string[] = []): Band[] {
  const n = grid.table.rows.length;
  const starts: Array<{ header: number[] }> = [];
  for (let r = 0; r < n; r++) {
    if (skip.has(r) || !isHeaderRow(grid, r)) continue;
    let end = r;
    while (end + 1 < n && !skip.has(end + 1) && isHeaderRow(grid, end + 1)) end++;
    // a section heading merged across may stand between the header and the first row of numbers
    let first = end + 1;
    while (first < n && first <= end + 2 && !skip.has(first) && isSpanning(grid, first) && !isSentence(textAt(grid, first, 0))) first++;
    if (first >= n || skip.has(first) || !numberColumns(grid, first).length) { r = end; continue; }
    const from = Math.max(r, end - MAX_HEADER_ROWS + 1);
    const header: number[] = [];
    for (let h = from; h <= end; h++) header.push(h);
    starts.push({ header });
    r = end;
  }
  const bands: Band[] = [];
  starts.forEach((s, i) => {
    const last = s.header[s.header.length - 1];
    const limit = i + 1 < starts.length ? starts[i + 1].header[0] : n;
    const body: number[] = [];
    for (let r = last + 1; r < limit; r++) body.push(r);
    const band = describe(grid, s.header, body, skip);
    if (!band) return;
    const titleRows: number[] = [];
    for (let r = s.header[0] - 1; r >= 0 && r >= s.header[0] - 3 && !skip.has(r); r--) titleRows.push(r);
    const unit = [...s.header, ...titleRows].map((r) => distinctCells(grid, r).map((x) => moneyUnitOf(x.text)).find(Boolean)).find(Boolean)
      ?? (i === 0 ? leading.map(moneyUnitOf).find(Boolean) : undefined);
    if (unit) band.unit = unit;
    if (titleRows.some((r) => distinctCells(grid, r).some((x) => namesAverage(x.text))) || (i === 0 && namesAverage(leading[leading.length - 1] ?? ''))) {
      band.averaged = true;
    }
    bands.push(band);
  });
  return bands;
}

/** Columns, value columns and the body's end, for one header band. */
function describe(grid: Grid, header: number[], rows: number[], skip: ReadonlySet<number>): Band | undefined {
  const nodes = headerNodes(grid, header);
  const columns: Column[] = [];
  for (let c = 0; c < grid.width; c++) {
    const path = nodes[c];
    if (!path.length) continue;
    // a header cell merged across two positions over one merged value cell is one column
    const prev = nodes[c - 1];
    if (prev && prev.length === path.length && prev.every((n, i) => n === path[i])) continue;
    columns.push(columnOf(c, path));
  }
  // The first column holding numbers under a header that is no row number, code or label: the values start there.
  const operand = (c: number) => {
    const k = columns.find((x) => x.col === c)?.measure.kind;
    return k !== 'rowNumber' && k !== 'code' && k !== 'label';
  };
  let firstValue = grid.width;
  for (const r of rows.slice(0, 50)) {
    if (skip.has(r)) continue;
    for (const c of numberColumns(grid, r)) if (operand(c)) { firstValue = Math.min(firstValue, c); break; }
  }
  if (firstValue >= grid.width) return undefined;
  // A row above the column words whose cell runs from the row labels into the values (部门名称 | 某某镇人民政府) is a
  // line of the form, not a header over the columns: the band starts below it.
  const crosses = (r: number) => firstValue > 0 && textAt(grid, r, firstValue - 1) !== '' && textAt(grid, r, firstValue - 1) === textAt(grid, r, firstValue)
    && cellAt(grid, r, firstValue)?.covered === true;
  if (header.length > 1 && crosses(header[0])) {
    let k = 0;
    while (k < header.length - 1 && crosses(header[k])) k++;
    return describe(grid, header.slice(k), rows, skip);
  }
  const body: number[] = [];
  for (const r of rows) {
    if (skip.has(r)) break;
    if (endsBody(grid, r, firstValue, columns)) break;
    body.push(r);
  }
  if (!body.length) return undefined;
  // a header cell over every value column (the table's own title row inside the header) names none of them apart
  const values = columns.filter((c) => c.col >= firstValue);
  const shared = values[0]?.items[0];
  const sharing = values.filter((v) => shared && v.items[0] === shared && v.items.length > 1).length;
  for (const c of values) {
    const own = sharing >= 2 && sharing > values.length / 2 && c.items[0] === shared ? c.items.slice(1) : c.items;
    const leaf = c.path[c.path.length - 1];
    c.name = [...own.filter((n) => n !== leaf), leaf].map((n) => n.text).join('·');
  }
  const kindOf = (c: number) => columns.find((x) => x.col === c)?.measure.kind;
  const labelColumns: number[] = [];
  const codeColumns: number[] = [];
  for (let c = 0; c < firstValue; c++) {
    const k = kindOf(c);
    if (k === 'code') codeColumns.push(c);
    else if (k !== 'rowNumber') labelColumns.push(c);
  }
  return { header, body, firstValue, columns: columns.filter((c) => c.col >= firstValue), labelColumns, codeColumns };
}

/**
 * A blank header cell under no merge that a heading to its left spans (公车购置及运行维护费 over 合计 | 车辆购置 |
 * 车辆运行, written in its first column only, as a PDF or a web page's table gives it): the row below heads every
 * column from the heading's to this one, and the cells between are blank too. Returns the heading's column.
 */
function spannedFrom(grid: Grid, header: number[], row: number, col: number): number | undefined {
  const below = header[header.indexOf(row) + 1];
  if (below === undefined || textAt(grid, row, col) || !textAt(grid, below, col) || cellAt(grid, row, col)?.covered) return undefined;
  let left = col - 1;
  while (left >= 0 && !textAt(grid, row, left) && textAt(grid, below, left)) left--;
  return left >= 0 && textAt(grid, row, left) && textAt(grid, below, left) && !cellNumber(textAt(grid, row, left)) ? left : undefined;
}

/** For each column, the header cells above it, top to bottom, a cell merged down or across counted once. */
function headerNodes(grid: Grid, header: number[]): HeaderNode[][] {
  const out: HeaderNode[][] = [];
  const made = new Map<string, HeaderNode>();
  for (let c = 0; c < grid.width; c++) {
    const path: HeaderNode[] = [];
    for (const r of header) {
      const spanned = spannedFrom(grid, header, r, c);
      const text = textAt(grid, r, spanned ?? c);
      if (!text || cellNumber(text)) continue;
      // the merged cell's origin: leftmost and topmost position holding the same text
      let left = spanned ?? c;
      while (left > 0 && coveredFromLeft(grid, r, left)) left--;
      let top = r;
      while (top > header[0] && cellAt(grid, top, left)?.covered && textAt(grid, top - 1, left) === text) top--;
      const id = `${top}:${left}`;
      if (path.length && path[path.length - 1].id === id) continue;
      let node = made.get(id);
      if (!node) {
        node = { id, text: clean(text), ofWhich: isOfWhichHeader(text) };
        const meaning = node.ofWhich ? undefined : headerMeaning(text);
        if (meaning) node.meaning = meaning;
        const compares = changeGroupOf(text);
        if (compares) node.compares = compares;
        made.set(id, node);
      }
      path.push(node);
    }
    out.push(path);
  }
  return out;
}

/** Whether a header's meaning is a measure (not an item, a total alone, or a group word). */
function isMeasure(m: HeaderMeaning | undefined): m is HeaderMeaning {
  if (!m) return false;
  if (m.kind !== 'value') return true;
  return m.year !== undefined || m.relative !== undefined || m.stage !== undefined;
}

/** A column's measure and items from the header cells above it. */
function columnOf(col: number, path: HeaderNode[]): Column {
  const leaf = [...path].reverse().find((n) => isMeasure(n.meaning));
  const measure: HeaderMeaning = leaf ? { ...leaf.meaning! } : { kind: 'value' };
  for (const n of path) {
    if (n === leaf) continue;
    // a group above the leaf adds what the leaf does not say: the years a change compares, a period, a unit
    if (n.compares?.years && !measure.years) measure.years = n.compares.years;
    const m = n.meaning;
    if (!m || m.kind !== 'value') continue;
    if (measure.year === undefined && m.year !== undefined) measure.year = m.year;
    if (measure.relative === undefined && m.relative !== undefined && measure.kind === 'value') measure.relative = m.relative;
    if (measure.unit === undefined && m.unit !== undefined) measure.unit = m.unit;
  }
  const last = path[path.length - 1];
  if (!leaf && last.meaning?.total) measure.total = last.meaning.total;
  // 金额 | % under 决算数比预算数增减: the group says what they compare, the leaf whether it is the change or its rate
  const grouped = last !== leaf && path.some((n) => n !== last && (n.compares || n.meaning?.kind === 'change'));
  const under = grouped ? measureUnderChange(last.text) : undefined;
  if (under) measure.kind = under;
  // a column counting things (人数, 车辆数（辆）) says its unit by its words
  const count = measure.unit === undefined && measure.kind === 'value' ? countUnitOfHeader(last.text) : undefined;
  if (count) measure.unit = count;
  // items: the header cells that are no measure and no group of a comparison (合计, 因公出国（境）费, 其中：, 小计)
  const items = path.filter((n) => n !== leaf && !isMeasure(n.meaning) && !n.compares && !(under && n === last));
  if (leaf?.meaning?.total && !items.includes(leaf)) items.push(leaf);
  if (leaf?.meaning?.item && leaf.meaning.total === undefined && !items.includes(leaf)) items.push(leaf);
  const name = leaf ? leaf.text : last.text;
  return { col, path, measure, items, name };
}

/** A column's header words as the table writes them: 公务用车购置及运行费·小计·预算数. */
export function columnName(column: Column): string {
  return column.path.map((n) => n.text).join('·');
}

/** True when no value column of the band says what stage, period or kind it is: the rows may say it instead. */
export function plainColumns(band: Band): boolean {
  return band.columns.every((c) => c.measure.kind === 'value' && !isMeasure(c.measure));
}

export { isMeasure };
