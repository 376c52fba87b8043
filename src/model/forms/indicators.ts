// Indicator tables: one Indicator per row (targets, units, comparators, weights, actuals), totals as SumRelations.
import type { Indicator, Quantity, Relation } from '../schema.js';
import { cellAt, cellNumber, type Grid, isBlank, isSpanningRow, locationOf, textAt, toQuantity } from '../tables/grid.js';
import { has, type Region, type Role, roleColumn, isLabelHeader, roleText } from '../tables/header.js';
import { labelMax, totalKind, type TotalKind } from '../tables/labels.js';
import { hasDigit, isPercent } from '../../lexicon/index.js';

type Comparator = NonNullable<Indicator['comparator']>;

/** What 指标性质 (or a comparator column) says about the direction of a target. */
export function comparatorOf(text: string): Comparator | undefined {
  const s = text.replace(/\s+/g, '');
  if (!s) return undefined;
  if (/^(≥|>=|＞＝|≧|大于等于|不低于|不少于)$/.test(s) || /正向/.test(s)) return '>=';
  if (/^(≤|<=|＜＝|≦|小于等于|不高于|不超过)$/.test(s) || /反向/.test(s)) return '<=';
  if (/^(=|＝|﹦|═|等于)$/.test(s)) return '=';
  if (/^(>|＞|﹥|大于)$/.test(s)) return '>';
  if (/^(<|＜|﹤|小于)$/.test(s)) return '<';
  if (/定性/.test(s)) return 'qualitative';
  return undefined;
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
  /** goal blocks and level-1 labels that state a maximum, with the rows under them: 年度绩效目标（80分） */
  sections: SectionLabel[];
}

/** A label stating a maximum (产出指标（60分）) and the indicators under it (records.slice(from, to)). */
export interface SectionLabel {
  text: string;
  max: Quantity;
  level: 'group' | 'level1';
  from: number;
  to: number;
  /** for a group: its level-1 labels in order, each with its maximum when it states one */
  children: Array<Quantity | undefined>;
}

/** Where a merged label cell starts: the first row upward holding the same text in that column. */
function labelStart(grid: Grid, row: number, col: number): number {
  const t = textAt(grid, row, col);
  let r = row;
  while (r > 0 && textAt(grid, r - 1, col) === t) r--;
  return r;
}

function labelQuantity(grid: Grid, text: string, row: number, col: number): Quantity | undefined {
  const m = labelMax(text);
  if (!m) return undefined;
  const start = labelStart(grid, row, col);
  return { raw: m.raw, value: m.value, decimals: m.decimals, unit: '分', label: m.name, location: locationOf(grid, start, col) };
}

/**
 * Columns left of the level labels that name no role: where a form writes its goal blocks down the side
 * (年度绩效目标（80分） | 一级指标 | …). Their text, merged down, says which block a row belongs to.
 */
function groupColumns(region: Region): number[] {
  const labelCols = labelRoles(region).flatMap((r) => region.columns.get(r) ?? []);
  if (!labelCols.length) return [];
  const first = Math.min(...labelCols);
  const roleCols = new Set([...region.columns.values()].flat());
  const out: number[] = [];
  for (let c = 0; c < first; c++) if (!roleCols.has(c)) out.push(c);
  return out;
}

export function extractIndicators(grid: Grid, region: Region): IndicatorPart {
  const indicators: Indicator[] = [];
  const totals: TotalRow[] = [];
  const groupCols = groupColumns(region);
  let level1: string | undefined;
  let level2: string | undefined;
  let subtotalFrom = 0;
  const levelRows = new Map<number, { text: string; row: number; col: number }>();
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
      if (total.kind === 'total') t.to = indicators.length;
      totals.push(t);
      if (total.kind === 'subtotal') subtotalFrom = indicators.length;
      // What follows a form's 总分 is notes and signatures (偏差原因分析, 签批意见), not indicators.
      if (total.kind === 'total') break;
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
    // One cell merged across the target and actual columns is a note row (签名：年月日), not an indicator.
    const tc = roleColumn(grid, region, row, 'target');
    const ac = roleColumn(grid, region, row, 'actual');
    if (tc !== undefined && ac !== undefined && ac > tc && targetText === actualText && cellAt(grid, row, ac)?.covered === true
      && !cellNumber(targetText)) continue;

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
    if (isPercent(unit)) unit = '%';
    if (unit) ind.unit = unit;

    const comparator = comparatorOf(roleText(grid, region, row, 'comparator')) ?? targetNumber?.comparator ?? comparatorOf(nature);
    if (targetText) ind.targetText = targetText;
    if (targetNumber) {
      const col = roleColumn(grid, region, row, 'target') ?? nameCol;
      ind.target = toQuantity(targetNumber, grid, row, col, `${name}·${names.target}`, unit || undefined);
      if (comparator) ind.comparator = comparator;
    } else if (targetText && !isBlank(targetText) && !hasDigit(targetText)) {
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
    const deviation = roleText(grid, region, row, 'deviation');
    if (deviation && !isBlank(deviation)) ind.deviation = deviation;
    for (const c of groupCols) {
      const g = textAt(grid, row, c);
      if (!g || roleOfLabel(g)) continue;
      ind.group = g;
      const max = labelQuantity(grid, g, row, c);
      if (max) ind.groupMax = max;
      break;
    }
    if (ind.level1) levelRows.set(indicators.length, { text: ind.level1, row, col: roleColumn(grid, region, row, 'level1') ?? 0 });
    indicators.push(ind);
  }
  return { indicators, totals, sections: sectionLabels(grid, indicators, levelRows) };
}

const roleOfLabel = (text: string) => isLabelHeader(text) || !!totalKind(text);

/**
 * Labels that state a maximum, with the indicators they cover: a goal block (年度绩效目标（80分）) over its
 * level-1 labels, a level-1 label (产出指标（60分）) over its rows. Consecutive rows with one label form one section.
 */
function sectionLabels(grid: Grid, indicators: Indicator[], levelRows: Map<number, { text: string; row: number; col: number }>): SectionLabel[] {
  const out: SectionLabel[] = [];
  const runs = <T>(key: (i: Indicator, index: number) => T | undefined) => {
    const list: Array<{ key: T; from: number; to: number }> = [];
    indicators.forEach((ind, i) => {
      const k = key(ind, i);
      const last = list[list.length - 1];
      if (k !== undefined && last && last.key === k && last.to === i) last.to = i + 1;
      else if (k !== undefined) list.push({ key: k, from: i, to: i + 1 });
    });
    return list;
  };
  const level1Runs = runs((ind) => ind.level1);
  const level1Max = (from: number) => {
    const at = levelRows.get(from);
    return at ? labelQuantity(grid, at.text, at.row, at.col) : undefined;
  };
  for (const run of runs((ind) => (ind.groupMax ? `${ind.group}@${ind.groupMax.location.row}` : undefined))) {
    const max = indicators[run.from].groupMax!;
    const children = level1Runs.filter((l) => l.from >= run.from && l.to <= run.to).map((l) => level1Max(l.from));
    out.push({ text: indicators[run.from].group!, max, level: 'group', from: run.from, to: run.to, children });
  }
  for (const run of level1Runs) {
    const max = level1Max(run.from);
    if (max) out.push({ text: run.key, max, level: 'level1', from: run.from, to: run.to, children: [] });
  }
  return out;
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
      // Weights and scores are points: the sum judges whole points as whole, not as roundings of ±0.5.
      const pts = (q: Quantity): Quantity => (q.unit ? q : { ...q, unit: '分' });
      // The evidence names the row and carries the total as written, so a finding on it shows the number.
      out.push({ kind: 'sum', total: pts(total), parts: all.map(pts), exhaustive: true, location: total.location, evidence: `${evidence(t)} ${total.raw}` });
    }
  }
  return out;
}
