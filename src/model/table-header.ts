// Finds header rows by their words (and synonyms), maps columns to roles, and cuts a table into regions.
import { cellNumber, clean, type Grid, memoByText, runWidth, textAt } from './table-grid.js';

export type Role =
  | 'level1' | 'level2' | 'name' | 'nature' | 'comparator' | 'unit' | 'target' | 'actual' | 'weight' | 'score'
  | 'deviation' | 'explanation' | 'remark' | 'initial' | 'annual' | 'executed' | 'rate';

/**
 * Header words per role, tried in order on the header text with spaces and bracketed notes removed:
 * the more specific first (实际完成指标值 is an actual, not a target; 绩效指标性质 is a nature, not a name).
 */
const ROLE_WORDS: Array<[Role, RegExp]> = [
  ['deviation', /偏差|原因分析|改进措施/],
  ['explanation', /指标解释|指标说明|评分标准|评分细则|评分规则|评分办法|计分方法|评价要点|评价标准/],
  ['remark', /^备注$/],
  ['level1', /^一级指标$/],
  ['level2', /^二级指标$/],
  ['nature', /指标性质|指标方向|指标属性|^性质$|^指标类型$/],
  ['comparator', /^(指标)?(符号|比较符|运算符)$/],
  ['name', /^三级指标$|^(绩效)?指标名称$|^指标内容$|^具体指标$/],
  ['unit', /^(绩效)?(计量|度量)?单位$/],
  ['rate', /执行率$/],
  ['initial', /^年初预算(数|金额)?$/],
  ['annual', /^(全年|调整后?|年度)预算(数|金额)?$|^预算数$/],
  ['executed', /^(全年|实际|预算)?执行(数|金额)$|^全年执行$|^实际支出(数)?$/],
  ['actual', /^实际完成|完成值$|实际值$|^完成情况$/],
  ['target', /指标值$|目标值$|^预期值$|^(年度|预期)目标$/],
  ['score', /得分$/],
  ['weight', /分值$|权重$|^满分$|^标准分$/],
];

/** Strips what headers carry besides their words: spaces, line breaks, （万元） notes, a trailing colon. */
export function headerWords(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^（()）]*[)）]/g, '').replace(/[:：]$/, '');
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
  return parts.filter((p) => /[0-9０-９]/.test(p)).length > 1 ? parts.join('；') : parts.join('');
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
