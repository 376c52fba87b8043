// A grade column beside a score column (评价得分 | 评价结果, 得分 | 绩效等级): each graded row states grade = band(score).
import type { Relation } from '../schema.js';
import { cellNumber, type Grid, locationOf, textAt, toQuantity } from './grid.js';
import { findBands } from './bands.js';
import { buildTree, describeRows } from './rows.js';
import { GRADE_SYNONYMS } from '../../lexicon/index.js';

/**
 * The grades a table states for its scores. Which rows are graded: with a 分值 column, the rows out of 100 (the
 * 合计 of a table by 一级指标; a 一级指标 scoring 48.5 of 55 graded 优 is not judged by bands made for 100 points); without one, the
 * total row when the table has one (its other rows are parts of that score), else every row (a list of projects each
 * scored out of 100).
 */
export function gradeRelations(grid: Grid): Relation[] {
  const out: Relation[] = [];
  for (const band of findBands(grid)) {
    const score = band.columns.find((c) => c.measure.kind === 'score');
    const grade = band.columns.find((c) => c.measure.kind === 'grade');
    if (!score || !grade) continue;
    const weight = band.columns.find((c) => c.measure.kind === 'weight');
    const rows = describeRows(grid, band);
    buildTree(rows);
    const totals = rows.filter((r) => r.total === 'total');
    for (const row of rows) {
      const g = textAt(grid, row.row, grade.col).replace(/[\s“”"]/g, '');
      if (!(g in GRADE_SYNONYMS)) continue;
      const n = cellNumber(textAt(grid, row.row, score.col));
      if (!n) continue;
      if (weight) {
        const w = cellNumber(textAt(grid, row.row, weight.col));
        if (!w || w.value !== 100) continue;
      } else if (totals.length && !totals.includes(row)) continue;
      const name = row.name || row.label;
      const q = toQuantity(n, grid, row.row, score.col, [name, score.name].filter(Boolean).join('·'), '分');
      out.push({ kind: 'grade', grade: g, score: q, location: locationOf(grid, row.row, grade.col),
        evidence: `${name}：${score.name} ${n.raw}，${grade.name} ${g}` });
    }
  }
  return out;
}
