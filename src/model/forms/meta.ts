// Who and which year a form is about, from its own cells: 单位名称：X, 实施单位 | X, （2021年度）.
import type { SourceDocument, TableBlock } from '../../document.js';
import { clean } from '../tables/grid.js';
import { isMoneyUnit, yearIn } from '../../lexicon/index.js';

export interface FormMeta {
  unit?: string;
  year?: number;
}

/** A cell that carries the unit after a colon: 单位名称：某市某局, 部门：…, 填报单位：…. */
const UNIT_INLINE = /^(?:填报|预算|项目实施)?(?:单位名称|部门名称|部门（单位）名称|填报单位|实施单位|单位|部门)\s*[:：]\s*(\S.{1,40}?)\s*$/;
/** A label cell whose neighbour holds the unit: 实施单位 | 某县某镇卫生院. */
const UNIT_LABEL = /^(?:项目)?实施单位[:：]?$|^单位名称[:：]?$|^部门(?:（单位）)?名称[:：]?$|^填报单位[:：]?$/;
/** Where a form keeps its title, unit and year: the rows above its first block. */
const HEAD_ROWS = 6;

function headCells(table: TableBlock): string[][] {
  return table.rows.slice(0, HEAD_ROWS).map((row) => row.filter((c) => !c.covered).map((c) => clean(c.text)));
}

/**
 * 单位名称：X inside a line that also holds other fields (单位名称：农业工作科 填报日期：). The name is taken whole and
 * never when a colon follows it: in 填报单位： 单位：万元 the field is blank and 单位 is the next field's label.
 */
const UNIT_IN_LINE = /(?:单位名称|填报单位|部门名称|^部门)\s*[:：]\s*([^\s:：|]{2,40})(?![^\s:：|])(?!\s*[:：])/;

export function formMeta(doc: SourceDocument): FormMeta {
  const meta: FormMeta = {};
  // The unit written after a colon wins over a 实施单位 cell: a PDF keeps the line above the ruled table as text.
  // 单位：万元 states the money unit, not who reports.
  for (const b of doc.blocks.slice(0, 12)) {
    const lines = b.type === 'paragraph' ? [b.text] : b.rows.slice(0, HEAD_ROWS).flatMap((row) => row.filter((c) => !c.covered).map((c) => c.text));
    for (const line of lines) {
      const m = UNIT_IN_LINE.exec(line.replace(/\s+/g, ' ').trim());
      if (m && !/日期|年|月/.test(m[1]) && !isMoneyUnit(m[1])) { meta.unit = m[1]; break; }
    }
    if (meta.unit) break;
  }
  const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table' && !b.hidden).slice(0, 3);
  for (const table of tables) {
    for (const cells of headCells(table)) {
      for (const [i, t] of cells.entries()) {
        if (!t) continue;
        if (!meta.unit) {
          const inline = UNIT_INLINE.exec(t);
          // a name holds no colon: 填报单位： 单位：万元 is a blank field and the money unit
          if (inline && !/填报日期|年|月|[:：]/.test(inline[1]) && !isMoneyUnit(inline[1])) meta.unit = inline[1].replace(/\s+/g, '');
          else if (UNIT_LABEL.test(t) && cells[i + 1] && !/[:：]$/.test(cells[i + 1])) meta.unit = cells[i + 1].replace(/\s+/g, '');
        }
        if (meta.year === undefined && cells.length <= 2) {
          // a 填报日期 is no year the form is about
          const y = yearIn(t);
          if (y !== undefined && !/日期|[:：]/.test(t)) meta.year = y;
        }
      }
    }
    if (meta.unit && meta.year !== undefined) break;
  }
  return meta;
}
