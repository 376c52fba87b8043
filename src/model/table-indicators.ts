// Indicator tables: one Indicator per row (targets, units, comparators, weights, actuals), totals as SumRelations.
import type { Indicator, Quantity, Relation } from './schema.js';
import { cellNumber, type Grid, isBlank, isSpanningRow, locationOf, textAt, toQuantity } from './table-grid.js';
import { has, type Region, type Role, roleColumn, isLabelHeader, roleText } from './table-header.js';
import { totalKind, type TotalKind } from './table-labels.js';

type Comparator = NonNullable<Indicator['comparator']>;

/** What 指标性质 (or a comparator column) says about the direction of a target. */
export function comparatorOf(text: string): Comparator | undefined {
  const s = text.replace(/\s+/g, '');
  if (!s) return undefined;
  if (/^(≥|>=|＞＝|≧|大于等于|不低于|不少于)$/.test(s) || /正向/.test(s)) return '>=';
  if (/^(≤|<=|＜＝|≦|小于等于|不高于|不超过)$/.test(s) || /反向/.test(s)) return '<=';
  if (/^(=|＝|等于)$/.test(s)) return '=';
  if (/^(>|＞|大于)$/.test(s)) return '>';
  if (/^(<|＜|小于)$/.test(s)) return '<';
  if (/定性/.test(s)) return 'qualitative';
  return undefined;
}

export function isIndicatorRegion(region: Region): boolean {
  return (has(region, 'target') || has(region, 'actual'))
    && (has(region, 'name') || has(region, 'level1') || has(region, 'level2'));
}

/** A total row seen in a table part, with the numbers it states. */
export interface TotalRow {
  kind: TotalKind;
  label: string;
  row: number;
  /** the records it totals: records.slice(from, to); to undefined = to the end */
  from: number;
  to?: number;
  weight?: Quantity;
  score?: Quantity;
}

/** Label columns of a region, outermost first: the level columns, then the name. */
export function labelRoles(region: Region): Role[] {
  return (['level1', 'level2', 'name'] as Role[]).filter((r) => has(region, r));
}

/** The total a row states when its label cells (or its first filled cell) say 合计/总计/总分/小计. */
export function totalOf(grid: Grid, region: Region, row: number): { kind: TotalKind; label: string } | undefined {
  const labels = labelRoles(region).map((r) => roleText(grid, region, row, r)).filter(Boolean);
  let first = '';
  for (let c = 0; c < grid.width && !first; c++) first = textAt(grid, row, c);
  for (const label of [...labels, first]) {
    const kind = totalKind(label);
    if (kind) return { kind, label };
  }
  return undefined;
}

function numberIn(grid: Grid, region: Region, row: number, role: Role, label: string, unit?: string): Quantity | undefined {
  const text = roleText(grid, region, row, role);
  const n = cellNumber(text);
  const col = roleColumn(grid, region, row, role);
  if (!n || col === undefined) return undefined;
  return toQuantity(n, grid, row, col, label, unit);
}

export function headerOf(region: Region, role: Role, fallback: string): string {
  const col = region.columns.get(role)?.[0];
  return (col !== undefined && region.headerText.get(col)) || fallback;
}

export interface IndicatorPart {
  indicators: Indicator[];
  totals: TotalRow[];
}

export function extractIndicators(grid: Grid, region: Region): IndicatorPart {
  const indicators: Indicator[] = [];
  const totals: TotalRow[] = [];
  let level1: string | undefined;
  let level2: string | undefined;
  let subtotalFrom = 0;
  const names = { target: headerOf(region, 'target', '指标值'), actual: headerOf(region, 'actual', '实际完成值'),
    weight: headerOf(region, 'weight', '分值'), score: headerOf(region, 'score', '得分') };

  for (const row of region.rows) {
    if (isSpanningRow(grid, row)) continue;
    const total = totalOf(grid, region, row);
    if (total) {
      const t: TotalRow = { ...total, row, from: total.kind === 'subtotal' ? subtotalFrom : 0 };
      if (total.kind === 'subtotal') t.to = indicators.length;
      const weight = numberIn(grid, region, row, 'weight', `${total.label}·${names.weight}`);
      const score = numberIn(grid, region, row, 'score', `${total.label}·${names.score}`);
      if (weight) t.weight = weight;
      if (score) t.score = score;
      totals.push(t);
      if (total.kind === 'subtotal') subtotalFrom = indicators.length;
      continue;
    }
    // Fill down labels written once for a group of rows (merged cells arrive with their text already repeated).
    const l1 = roleText(grid, region, row, 'level1');
    if (l1) { if (l1 !== level1) level2 = undefined; level1 = l1; }
    const l2 = roleText(grid, region, row, 'level2');
    if (l2) level2 = l2;
    const name = has(region, 'name') ? roleText(grid, region, row, 'name') : l2 || l1;
    if (!name || isLabelHeader(name)) continue; // no name, or a header repeated on a new page

    const targetText = roleText(grid, region, row, 'target');
    const actualText = roleText(grid, region, row, 'actual');
    const weightText = roleText(grid, region, row, 'weight');
    const scoreText = roleText(grid, region, row, 'score');
    if (![targetText, actualText, weightText, scoreText].some((t) => t && !isBlank(t))) continue;

    const nameCol = roleColumn(grid, region, row, has(region, 'name') ? 'name' : l2 ? 'level2' : 'level1') ?? 0;
    const ind: Indicator = { name, location: locationOf(grid, row, nameCol) };
    if (level1 && level1 !== name) ind.level1 = level1;
    if (level2 && level2 !== name) ind.level2 = level2;
    const nature = roleText(grid, region, row, 'nature');
    if (nature) ind.nature = nature;

    // A unit column merged into the target cell (a qualitative target written across both) states no unit.
    let unit = roleText(grid, region, row, 'unit');
    if (unit && (unit === targetText || unit === actualText || isBlank(unit))) unit = '';

    const targetNumber = cellNumber(targetText);
    const actualNumber = cellNumber(actualText);
    if (!unit) unit = targetNumber?.unit ?? actualNumber?.unit ?? '';
    if (unit === '％') unit = '%';
    if (unit) ind.unit = unit;

    const comparator = comparatorOf(roleText(grid, region, row, 'comparator')) ?? targetNumber?.comparator ?? comparatorOf(nature);
    if (targetText) ind.targetText = targetText;
    if (targetNumber) {
      const col = roleColumn(grid, region, row, 'target') ?? nameCol;
      ind.target = toQuantity(targetNumber, grid, row, col, `${name}·${names.target}`, unit || undefined);
      if (comparator) ind.comparator = comparator;
    } else if (targetText && !isBlank(targetText) && !/[0-9０-９]/.test(targetText)) {
      ind.comparator = 'qualitative';
    } else if (comparator) {
      ind.comparator = comparator;
    }
    if (actualText) ind.actualText = actualText;
    if (actualNumber) {
      const col = roleColumn(grid, region, row, 'actual') ?? nameCol;
      ind.actual = toQuantity(actualNumber, grid, row, col, `${name}·${names.actual}`, unit || undefined);
    }
    const weight = numberIn(grid, region, row, 'weight', `${name}·${names.weight}`);
    if (weight) ind.weight = weight;
    const score = numberIn(grid, region, row, 'score', `${name}·${names.score}`);
    if (score) ind.score = score;
    indicators.push(ind);
  }
  return { indicators, totals };
}

/**
 * total = Σ parts for each stated total row. Emitted only when every row it totals states the number
 * (a missing operand would make a true total look wrong). `extra` holds numbers the table counts beside
 * these rows, e.g. a project form's budget-execution 分值, which its 总分 includes.
 */
export function totalRelations(
  totals: TotalRow[],
  records: Array<{ weight?: Quantity; score?: Quantity; deduction?: boolean }>,
  evidence: (t: TotalRow) => string,
  extra: { weight: Quantity[]; score: Quantity[] } = { weight: [], score: [] },
  negative: Quantity[] = [],
): Relation[] {
  const out: Relation[] = [];
  for (const t of totals) {
    const rows = records.slice(t.from, t.to).filter((r) => !r.deduction);
    if (!rows.length) continue;
    for (const key of ['weight', 'score'] as const) {
      const total = t[key];
      if (!total) continue;
      const parts = rows.map((r) => r[key]);
      if (parts.some((p) => !p)) continue;
      const all = parts as Quantity[];
      if (t.kind === 'total') all.push(...extra[key], ...(key === 'score' ? negative : []));
      // The evidence names the row and carries the total as written, so a finding on it shows the number.
      out.push({ kind: 'sum', total, parts: all, exhaustive: true, location: total.location, evidence: `${evidence(t)} ${total.raw}` });
    }
  }
  return out;
}
