// One table (a title, a 单位 line and rows) written as a .docx or an .xlsx at test time, by the fixtures' own builders.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Scratch } from './mutate-files.js';
// @ts-expect-error an untyped build script: its table builders are the fixtures' own
import { buildDocx, buildXlsx } from '../../scripts/make-form-fixtures.mjs';

/** '<' continues the cell to the left (merged across), '^' the cell above (merged down). */
export type Rows = string[][];

/** The table in a scratch file `table.<ext>` (a report's docx gives the Word file its styles); returns its path. */
export async function tableFile(files: Scratch, ext: 'docx' | 'xlsx', title: string, rows: Rows): Promise<string> {
  const table = { title, head: '单位：万元', rows };
  const path = files.path(`table.${ext}`);
  const bytes = ext === 'docx'
    ? buildDocx(readFileSync('test/data/reports/a-qu-shangwu-2020.docx'), table) as Uint8Array
    : await (buildXlsx(table, '表1') as Promise<Uint8Array>);
  writeFileSync(path, bytes);
  return path;
}
