// Finds header rows by their words (and synonyms), maps columns to roles, and cuts a table into regions.
import { cellNumber, clean, type Grid, memoByText, runWidth, textAt } from './grid.js';
import { profiles, type BlockKind, type Role, type RoleTest } from '../forms/index.js';
import { hasDigit, withoutAsides } from '../../lexicon/index.js';

export type { Role } from '../forms/index.js';

/**
 * The order roles are tried in on a header, the more specific first: 偏差原因分析 before anything ending in 值,
 * 绩效指标性质 (a nature) before 指标名称, 实际完成指标值 (an actual) before 指标值 (a target), 得分 before 分值.
 * The words themselves are the profiles' (src/model/forms/profiles): a role's words are those of every profile that names it.
 */
const ROLE_ORDER: Role[] = [
  'deviation', 'explanation', 'remark', 'level1', 'level2', 'nature', 'comparator', 'name', 'unit',
  'rate', 'initial', 'annual', 'executed', 'actual', 'target', 'score', 'weight',
];

const ROLE_WORDS: Array<[Role, RegExp]> = ROLE_ORDER.flatMap((role) => {
  const sources = [...new Set(profiles.flatMap((p) => (p.columns?.[role] ? [p.columns[role]!.source] : [])))];
  return sources.length ? [[role, new RegExp(sources.map((x) => `(?:${x})`).join('|'))] as [Role, RegExp]] : [];
});

/** Strips what headers carry besides their words: spaces, line breaks, （万元） notes, a trailing colon. */
export function headerWords(text: string): string {
  return withoutAsides(text.replace(/\s+/g, '')).replace(/[:：]$/, '');
}

export const roleOf: (text: string) => Role | undefined = memoByText((text) => {
  const words = headerWords(text);
  if (!words || words.length > 16) return undefined;
  for (const [role, re] of ROLE_WORDS) if (re.test(words)) return role;
  return undefined;
});

/** 一级指标 / 二级指标 / 三级指标 written where a label belongs: a header row repeated (on a new page). */
export function isLabelHeader(text: string): boolean {
  const role = roleOf(text);
  return role === 'level1' || role === 'level2' || role === 'name';
}

function rowRoles(grid: Grid, row: number): Set<Role> {
  const roles = new Set<Role>();
  for (let c = 0; c < grid.width; c++) {
    const r = roleOf(textAt(grid, row, c));
    if (r) roles.add(r);
  }
  return roles;
}

function hasNumber(grid: Grid, row: number): boolean {
  for (let c = 0; c < grid.width; c++) if (cellNumber(textAt(grid, row, c))) return true;
  return false;
}

/** A header row names at least two roles and holds no numbers. */
function isHeaderRow(grid: Grid, row: number): boolean {
  return rowRoles(grid, row).size >= 2 && !hasNumber(grid, row);
}


/** The row above or below a header that adds sub-headings (a header over two rows). */
function isHeaderPart(grid: Grid, row: number): boolean {
  return row >= 0 && row < grid.table.rows.length && rowRoles(grid, row).size >= 1 && !hasNumber(grid, row);
}

export interface Region {
  /** header rows, first to last */
  headerRows: number[];
  /** data rows: from below the header up to the next header */
  rows: number[];
  /** columns of each role, left to right */
  columns: Map<Role, number[]>;
  /** the header text each column was named by */
  headerText: Map<number, string>;
}

/**
 * Maps each column to the role of its narrowest header cell (a sub-heading under a merged heading wins over
 * the merged one; on a tie, the lower row). Columns whose header names no role keep none.
 */
function assignColumns(grid: Grid, headerRows: number[]): Pick<Region, 'columns' | 'headerText'> {
  const columns = new Map<Role, number[]>();
  const headerText = new Map<number, string>();
  for (let c = 0; c < grid.width; c++) {
    let best: { role: Role; width: number; row: number; text: string } | undefined;
    for (const r of headerRows) {
      const text = textAt(grid, r, c);
      const role = roleOf(text);
      if (!role) continue;
      const width = runWidth(grid, r, c);
      if (!best || width < best.width || (width === best.width && r > best.row)) best = { role, width, row: r, text };
    }
    if (!best) continue;
    const list = columns.get(best.role) ?? [];
    list.push(c);
    columns.set(best.role, list);
    headerText.set(c, headerWords(clean(best.text)));
  }
  return { columns, headerText };
}

/** Every header in the table with the rows it governs. */
export function findRegions(grid: Grid): Region[] {
  const n = grid.table.rows.length;
  const headers: number[][] = [];
  for (let r = 0; r < n; r++) {
    if (!isHeaderRow(grid, r)) continue;
    const rows = [r];
    const last = headers[headers.length - 1];
    const prevTaken = last !== undefined && last[last.length - 1] >= r - 1;
    if (!prevTaken && isHeaderPart(grid, r - 1)) rows.unshift(r - 1);
    while (r + 1 < n && (isHeaderRow(grid, r + 1) || isHeaderPart(grid, r + 1))) rows.push(++r);
    headers.push(rows);
  }
  return headers.map((headerRows, i) => {
    const from = headerRows[headerRows.length - 1] + 1;
    const to = i + 1 < headers.length ? headers[i + 1][0] : n;
    const rows: number[] = [];
    for (let r = from; r < to; r++) rows.push(r);
    return { headerRows, rows, ...assignColumns(grid, headerRows) };
  });
}

/**
 * The text of a role in one row: its columns joined (≥ | 90% → ≥90%), skipping positions that repeat a merged
 * cell. Two numbers are never run together into one: they are joined with a separator no number contains.
 */
export function roleText(grid: Grid, region: Region, row: number, role: Role): string {
  const cols = region.columns.get(role);
  if (!cols) return '';
  const parts: string[] = [];
  let prev: string | undefined;
  for (const c of cols) {
    const t = textAt(grid, row, c);
    if (t && t !== prev) parts.push(t);
    prev = t;
  }
  return parts.filter(hasDigit).length > 1 ? parts.join('；') : parts.join('');
}

/** The first column of a role whose cell in this row is filled (or the first column of the role). */
export function roleColumn(grid: Grid, region: Region, row: number, role: Role): number | undefined {
  const cols = region.columns.get(role);
  if (!cols) return undefined;
  return cols.find((c) => textAt(grid, row, c) !== '') ?? cols[0];
}

export function has(region: Region, role: Role): boolean {
  return region.columns.has(role);
}

function passes(region: Region, test: RoleTest): boolean {
  return (test.all ?? []).every((r) => has(region, r))
    && (test.none ?? []).every((r) => !has(region, r))
    && (test.some ?? []).every((any) => any.some((r) => has(region, r)))
    && (!test.atLeast || test.atLeast.of.filter((r) => has(region, r)).length >= test.atLeast.count);
}

/** The blocks a table part can be, in the profiles' order (a project form's budget block before any indicator table). */
const BLOCKS = profiles.flatMap((p) => p.blocks.flatMap((b) => (b.recognise ? [{ kind: b.kind, test: b.recognise }] : [])));

/** Which form block a table part is, by the roles of its columns; undefined for a part no profile recognises. */
export function blockKindOf(region: Region): BlockKind | undefined {
  return BLOCKS.find((b) => passes(region, b.test))?.kind;
}
