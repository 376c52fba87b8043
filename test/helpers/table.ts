// Hand-built tables for extraction tests: rows of cell texts, with the merge marks readers leave.
import type { Cell, TableBlock } from '../../src/document.js';

/** Rows of cell texts; '<' repeats the cell to the left and '^' the cell above, as readers do for merged cells. */
export function table(rows: string[][], extra: Partial<TableBlock> = {}): TableBlock {
  const grid: Cell[][] = [];
  rows.forEach((row, r) => {
    const cells: Cell[] = [];
    row.forEach((text, c) => {
      if (text === '<') cells.push({ text: cells[c - 1].text, row: r, col: c, covered: true });
      else if (text === '^') cells.push({ text: grid[r - 1][c].text, row: r, col: c, covered: true });
      else cells.push({ text, row: r, col: c });
    });
    grid.push(cells);
  });
  return { type: 'table', rows: grid, ...extra };
}
