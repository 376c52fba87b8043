// Sentences written inside table cells (a merged 说明 cell, a workbook holding the whole report as merged rows): read
// as paragraphs by the prose finders, each located by its cell. Rules, notes and names stay out.
import type { SourceDocument } from '../../document.js';
import type { Location } from '../../findings.js';
import { clean, coveredFromLeft, type Grid, locationOf, runWidth, textAt } from './grid.js';
import { tableGrids } from './stitch.js';
import { findRegions, type Role } from './header.js';
import { findBands, isSentence } from './bands.js';
import { readNumbering } from '../prose/numbering.js';
import { isNarrativeLabel, isTemplateNote, statesFormula, type MeasureKind } from '../../lexicon/index.js';

/** A cell read as a paragraph: its text and where it stands. */
export interface CellParagraph {
  /** the table's first block: cell paragraphs stand where their table stands among the paragraphs */
  block: number;
  text: string;
  location: Location;
}

/** Form columns whose cells are names, figures or the form's own rules, never claims to check. */
const NOT_PROSE_ROLES: ReadonlySet<Role> = new Set<Role>([
  'level1', 'level2', 'name', 'nature', 'comparator', 'unit', 'target', 'actual', 'weight', 'score', 'explanation',
  'initial', 'annual', 'executed', 'rate',
]);
const NOT_PROSE_KINDS: ReadonlySet<MeasureKind> = new Set<MeasureKind>([
  'label', 'rowNumber', 'code', 'weight', 'score', 'grade', 'value', 'change', 'changeRate', 'share', 'rate',
]);

/** The nearest label on the cell's left in its row: what the cell is about (三、“三公”经费增减变化原因等说明). */
function labelLeftOf(grid: Grid, row: number, col: number): string {
  const own = textAt(grid, row, col);
  for (let c = col - 1; c >= 0; c--) {
    const t = textAt(grid, row, c);
    if (t && t !== own) return t;
  }
  return '';
}

/**
 * The cells of every table that read as sentences, in document order. A cell qualifies when it is no header, its
 * column holds no names, figures or scoring rules, it reads as a sentence (or is a numbered heading merged across the
 * table, which orders the sentences under it), and it is no template note or formula; and when its column holds
 * sentences, the label beside it is a narrative one (说明, 原因, 完成情况 …), or it runs across most of the table.
 * A text already read (an embedded workbook beside its Word table) is read once.
 */
export function sentenceCells(doc: SourceDocument): CellParagraph[] {
  const out: CellParagraph[] = [];
  const seen = new Set(doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [clean(b.text)] : [])));
  for (const grid of tableGrids(doc)) {
    const regions = findRegions(grid);
    const excluded = new Map<string, true>();
    const textColumns = new Set<number>();
    const header = new Set<number>();
    for (const region of regions) {
      region.headerRows.forEach((r) => header.add(r));
      for (const [role, cols] of region.columns) {
        if (!NOT_PROSE_ROLES.has(role)) continue;
        for (const r of region.rows) for (const c of cols) excluded.set(`${r}:${c}`, true);
      }
    }
    for (const band of findBands(grid)) {
      band.header.forEach((r) => header.add(r));
      for (const column of band.columns) {
        if (column.measure.kind === 'text') textColumns.add(column.col);
        if (!NOT_PROSE_KINDS.has(column.measure.kind)) continue;
        for (const r of band.body) excluded.set(`${r}:${column.col}`, true);
      }
    }
    const rows = grid.table.rows.length;
    for (let r = 0; r < rows; r++) {
      if (header.has(r)) continue;
      for (let c = 0; c < grid.width; c++) {
        if (coveredFromLeft(grid, r, c) || excluded.has(`${r}:${c}`)) continue;
        const cell = grid.table.rows[r]?.[c];
        if (!cell || (cell.covered && r > 0 && textAt(grid, r - 1, c) === textAt(grid, r, c))) continue;
        const text = textAt(grid, r, c);
        if (!text || seen.has(text)) continue;
        const wide = runWidth(grid, r, c) * 3 >= grid.width * 2 && grid.width > 1;
        const heading = wide && readNumbering(text) !== null && text.length <= 60 && !isSentence(text);
        if (!heading && !isSentence(text)) continue;
        if (isTemplateNote(text) || statesFormula(text)) continue;
        if (!heading && !wide && !textColumns.has(c) && !isNarrativeLabel(labelLeftOf(grid, r, c))) continue;
        seen.add(text);
        out.push({ block: grid.block, text, location: locationOf(grid, r, c) });
      }
    }
  }
  return out;
}
