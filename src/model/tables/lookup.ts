// The document's table cells by item and measure, for a sentence that names an operand the table states: 公务用车购置及
// 运行维护费支出决算为6.30万元，完成预算的63.00% takes the car item's 预算数 from the 三公 table (one cell, or nothing).
import type { SourceDocument } from '../../document.js';
import type { Quantity } from '../schema.js';
import { cellNumber, type Grid, textAt, toQuantity } from './grid.js';
import { tableGrids } from './stitch.js';
import { findBands, type Band, type Column } from './bands.js';
import { describeRows } from './rows.js';
import { INITIAL_BUDGET, itemCategories, labelTotalKind, type Stage } from '../../lexicon/index.js';

/** The paragraphs right before a table (a 单位：万元 line, a title): what its amounts are in. */
export function leadingText(doc: SourceDocument, block: number): string[] {
  const out: string[] = [];
  for (let i = block - 1; i >= 0 && out.length < 2; i--) {
    const b = doc.blocks[i];
    if (b.type !== 'paragraph') break;
    if (b.text.trim()) out.push(b.text);
  }
  return out;
}

/** One table cell as a value of an item in a stage and period. */
export interface TableCell {
  /** what the cell is the value of: the row's item, or the column's when the row names none */
  item: string;
  categories: string[];
  stage?: Stage;
  year?: number;
  /** the column names the period before (上年决算数) */
  previous?: boolean;
  /** the column names which budget: 年初预算 (initial) or 调整后预算 (adjusted) */
  budgetOf?: 'initial' | 'adjusted';
  quantity: Quantity;
}

/** Which figure of an item's stage a text or a header names besides the stage: the period before, the initial or adjusted budget. */
export interface FigureOf { previous?: boolean; budgetOf?: 'initial' | 'adjusted' }

/** The item words of a column: its last item header that is no total (公务用车购置及运行费 over 小计), or its own. */
function columnItem(column: Column, band: Band): string | undefined {
  const shared = band.columns.every((c) => c.items[0] === column.items[0]) && band.columns.length > 1 ? column.items[0] : undefined;
  const named = column.items.filter((n) => n !== shared && labelTotalKind(n.text) === undefined && !n.ofWhich);
  if (named.length) return named[named.length - 1].text;
  // a total column names its group: 合计 under 一般公共预算财政拨款“三公”经费 is the 三公 table's total
  const total = column.items.find((n) => labelTotalKind(n.text) !== undefined || n.meaning?.total);
  if (total) return column.items.filter((n) => n !== total && !n.ofWhich).pop()?.text ?? column.measure.item;
  return column.measure.item;
}

function cellsOf(grid: Grid, leading: string[]): TableCell[] {
  const out: TableCell[] = [];
  for (const band of findBands(grid, new Set(), leading)) {
    const rows = describeRows(grid, band);
    for (const row of rows) {
      if (row.heading || row.measure) continue;
      for (const column of band.columns) {
        if (column.measure.kind !== 'value') continue;
        const n = cellNumber(textAt(grid, row.row, column.col));
        if (!n) continue;
        const item = row.name && !(row.total && columnItem(column, band)) ? row.name : columnItem(column, band);
        if (!item) continue;
        const q = toQuantity(n, grid, row.row, column.col, [row.name, column.name].filter(Boolean).join('·'), column.measure.unit ?? band.unit);
        const cell: TableCell = { item, categories: itemCategories(item), quantity: q };
        if (column.measure.stage) cell.stage = column.measure.stage;
        if (column.measure.year !== undefined) cell.year = column.measure.year;
        if (column.measure.relative === 'previous') cell.previous = true;
        const budgetOf = column.measure.adjusted ? 'adjusted' : column.path.some((n) => INITIAL_BUDGET.test(n.text)) ? 'initial' : undefined;
        if (budgetOf) cell.budgetOf = budgetOf;
        out.push(cell);
      }
    }
  }
  return out;
}

/** The document's table cells, looked up by what a sentence names. */
export class TableIndex {
  constructor(readonly cells: TableCell[]) {}

  static of(doc: SourceDocument): TableIndex {
    return new TableIndex(tableGrids(doc).flatMap((g) => cellsOf(g, leadingText(doc, g.block))));
  }

  /**
   * The one value the tables state for an item in a stage (two copies of a table giving the same value count once),
   * or undefined when none or several different ones do. Items are the same when the genre's categories say so
   * (公务用车购置及运行维护费 = 公务用车购置及运行费), else when their words are.
   */
  find(item: string, stage: Stage, year?: number, of: FigureOf = {}): Quantity | undefined {
    const cats = itemCategories(item);
    const same = (c: TableCell) => (cats.length ? c.categories.length === cats.length && cats.every((x) => c.categories.includes(x)) : c.item === item);
    // the period before only in a column of the period before; a named budget (年初, 调整后) only in a column naming it
    const figure = (c: TableCell) => !!c.previous === !!of.previous && (!of.budgetOf || c.budgetOf === of.budgetOf);
    const found = this.cells.filter((c) => c.stage === stage && same(c) && figure(c) && (year === undefined || c.year === undefined || c.year === year));
    const values = new Set(found.map((c) => c.quantity.value));
    return values.size === 1 ? found[0].quantity : undefined;
  }
}
