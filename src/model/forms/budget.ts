// Budget blocks of project forms (年初预算数 … 执行率 得分) → BudgetRows, and a total row with its parts → SumRelations.
import type { BudgetRow, Quantity, Relation } from '../schema.js';
import { cellNumber, clean, coveredFromAbove, coveredFromLeft, type Grid, isBlank, isSpanningRow, locationOf, textAt, toQuantity } from '../tables/grid.js';
import { has, type Region, type Role, roleColumn, roleText } from '../tables/header.js';
import { headerOf } from './indicators.js';
import { isCatchAll, labelMax, stripOfWhich } from '../tables/labels.js';
import { closesBreakdown, headerMeaning, isTotalLabel, mentionsPercent, moneyUnitNoted } from '../../lexicon/index.js';

const AMOUNT_ROLES = ['initial', 'annual', 'executed'] as const;
const FIELDS: Array<[keyof BudgetRow & Role, string]> = [
  ['initial', '年初预算数'], ['annual', '全年预算数'], ['executed', '全年执行数'],
  ['weight', '分值'], ['rate', '执行率'], ['score', '得分'],
];

export interface BudgetPart {
  budget: BudgetRow[];
  relations: Relation[];
}

/**
 * How a 执行率 column writes its rates: 'fraction' when its header names no per cent and every bare number in it is
 * at most 2 (执行率（B/A） | 1 or 0.1446: a ratio, 1 = 100 %); otherwise bare numbers are per cent.
 * Decided on the whole column, so one cell never flips its own reading.
 */
export function rateColumnReading(grid: Grid, region: Region): 'fraction' | 'percent' {
  const cols = region.columns.get('rate') ?? [];
  const headerSaysPercent = cols.some((c) => region.headerRows.some((h) => mentionsPercent(textAt(grid, h, c))));
  if (headerSaysPercent) return 'percent';
  let bare = 0;
  for (const row of region.rows) {
    for (const c of cols) {
      const t = textAt(grid, row, c);
      const n = cellNumber(t);
      if (!n || mentionsPercent(t) || n.unit) continue;
      if (Math.abs(n.value) > 2) return 'percent';
      bare++;
    }
  }
  return bare ? 'fraction' : 'percent';
}

/**
 * The region without columns that hold the row labels under an amount-sounding heading (年度预算数(万元) over
 * 总额 / 其中：财政资金 …): a column whose cells hold words and never a number labels the rows.
 */
function withoutLabelColumns(grid: Grid, region: Region): Region {
  const columns = new Map<Role, number[]>();
  for (const [role, cols] of region.columns) {
    const kept = cols.filter((c) => {
      let words = 0;
      for (const r of region.rows) {
        const t = textAt(grid, r, c);
        if (cellNumber(t)) return true;
        if (t && !isBlank(t)) words++;
      }
      return words === 0;
    });
    if (kept.length) columns.set(role, kept);
  }
  return { ...region, columns };
}

export function extractBudget(grid: Grid, whole: Region): BudgetPart {
  const region = withoutLabelColumns(grid, whole);
  const rateReading = rateColumnReading(grid, region);
  const roleCols = [...region.columns.values()].flat();
  // every role column held words only: no value column is left to read (and no label can stand left of one)
  if (roleCols.length === 0) return { budget: [], relations: [] };
  const firstValueCol = Math.min(...roleCols);
  const budget: BudgetRow[] = [];
  let totalIndex = -1;

  for (const row of region.rows) {
    if (isSpanningRow(grid, row)) { if (budget.length) break; continue; }
    // A row whose value cells hold words starts another part of the form (年度总体目标 …).
    const values = AMOUNT_ROLES.map((r) => roleText(grid, region, row, r));
    if (values.some((v) => v && !isBlank(v) && !cellNumber(v))) { if (budget.length) break; continue; }

    // The label: the last label cell that is not the header's merged cell reaching down.
    let label = '';
    for (let c = 0; c < firstValueCol; c++) {
      const t = textAt(grid, row, c);
      if (!t || coveredFromLeft(grid, row, c)) continue;
      if (region.headerRows.some((h) => textAt(grid, h, c) === t)) continue;
      label = t;
    }
    if (!label) continue;
    const { label: bare, ofWhich } = stripOfWhich(label);
    const entry: BudgetRow = { label: clean(bare), location: locationOf(grid, row, labelColumn(grid, row, firstValueCol, label)) };
    if (totalIndex < 0 && isTotalLabel(bare)) totalIndex = budget.length;
    else if (ofWhich || totalIndex >= 0) entry.sub = true; // rows under a total are its breakdown
    for (const [field, fallback] of FIELDS) {
      const text = roleText(grid, region, row, field);
      const n = cellNumber(text);
      const col = roleColumn(grid, region, row, field);
      // 分值 and 得分 merged down the block's rows are the total row's, read once
      if (!n || col === undefined || coveredFromAbove(grid, row, col)) continue;
      // A bare rate keeps its own digits and precision; its unit says how to read them (1 in a B/A column = 100 %).
      const rateUnit = rateReading === 'fraction' && !n.unit ? '比值' : '%';
      const q = toQuantity(n, grid, row, col, `${entry.label}·${headerOf(region, field, fallback)}`, field === 'rate' ? rateUnit : undefined);
      (entry as Record<string, unknown>)[field] = q;
    }
    budget.push(entry);
  }
  // A block with no 全年预算数 column (年初预算数(A) | 全年执行数(B)) executes against the budget it has.
  if (!budget.some((b) => b.annual)) for (const b of budget) if (b.initial) { b.annual = b.initial; delete b.initial; }
  // Amounts carry the money unit the block's heading states (项目资金（万元）), so they convert and compare.
  const unit = moneyUnit(grid, whole, firstValueCol);
  if (unit) {
    for (const row of budget) for (const f of AMOUNT_ROLES) if (row[f] && !row[f]!.unit) row[f] = { ...row[f]!, unit };
  }
  // The block's points written in its label (预算执行情况（万元）（20分）) are the total row's 分值 when no column gives one.
  const total = budget[totalIndex >= 0 ? totalIndex : 0];
  if (total && !total.weight) {
    const stated = labelPoints(grid, region, firstValueCol);
    if (stated) total.weight = { ...stated, label: `${total.label}·分值` };
  }
  return { budget, relations: budgetSums(budget, totalIndex) };
}

/**
 * Whether a part the budget block's words recognise (预算数 … 执行率) is a form's block, read as one: it scores the
 * execution (分值, 得分), or it writes the amounts spent under the form's words with the total over its sources first.
 * A table numbering its rows (序号, 行次), writing no amount the form's words name as spent (决算数), or closing its
 * rows with a total below them is a table of items: its structure states its arithmetic (tables/arithmetic.ts).
 */
export function isFormBudget(grid: Grid, region: Region, part: BudgetPart): boolean {
  if (has(region, 'weight') || has(region, 'score')) return true;
  if (!part.budget.some((b) => b.executed)) return false;
  const firstValueCol = Math.min(...[...region.columns.values()].flat());
  for (const h of region.headerRows) {
    for (let c = 0; c < firstValueCol; c++) if (headerMeaning(textAt(grid, h, c))?.kind === 'rowNumber') return false;
  }
  return part.budget.findIndex((b) => isTotalLabel(b.label)) <= 0;
}

/** The money unit written in the block's header or label cells: （万元）, (元). */
function moneyUnit(grid: Grid, region: Region, before: number): string | undefined {
  const cells: string[] = [];
  for (const r of region.headerRows) for (let c = 0; c < grid.width; c++) cells.push(textAt(grid, r, c));
  for (const r of region.rows.slice(0, 1)) for (let c = 0; c < before; c++) cells.push(textAt(grid, r, c));
  for (const t of cells) {
    const unit = moneyUnitNoted(t);
    if (unit) return unit;
  }
  return undefined;
}

/** A maximum written in the block's label cells (header rows, left of the values): （20分）. */
function labelPoints(grid: Grid, region: Region, before: number): Quantity | undefined {
  for (const r of region.headerRows) {
    for (let c = 0; c < before; c++) {
      const m = labelMax(textAt(grid, r, c));
      if (m) return { raw: m.raw, value: m.value, decimals: m.decimals, unit: '分', location: locationOf(grid, r, c) };
    }
  }
  return undefined;
}

function labelColumn(grid: Grid, row: number, before: number, label: string): number {
  for (let c = 0; c < before; c++) if (textAt(grid, row, c) === label) return c;
  return 0;
}

/**
 * 年度资金总额 = 财政拨款 + 上年结转 + 其他资金, per amount column. A source row left blank in every amount column beside
 * a source that holds a number is empty: 0 (上年结转 —, 其他资金 —). Exhaustive when the parts are one breakdown of the
 * genre's fund sources, every member there (当年财政拨款 / 上年结转 / 其他资金), or end in a catch-all (其他资金) with
 * every part stated; otherwise the list may leave sources out.
 */
function budgetSums(rows: BudgetRow[], totalIndex: number): Relation[] {
  if (totalIndex < 0) return [];
  const total = rows[totalIndex];
  const parts = rows.slice(totalIndex + 1).filter((r) => r.sub);
  if (!parts.length) return [];
  const empty = (r: BudgetRow) => AMOUNT_ROLES.every((f) => !r[f]);
  const breakdown = closesBreakdown(parts.map((p) => p.label));
  const out: Relation[] = [];
  for (const field of AMOUNT_ROLES) {
    const t = total[field];
    const filled = parts.some((p) => p[field]);
    const operands = parts.map((p): Quantity | undefined => p[field]
      ?? (filled && empty(p) ? { raw: '0', value: 0, decimals: 0, unit: t?.unit, label: `${p.label}（空白）`, location: p.location } : undefined));
    const stated = operands.filter((q): q is Quantity => !!q);
    if (!t || !stated.length) continue;
    const complete = stated.length === parts.length;
    const exhaustive = complete && (!!breakdown || parts.some((p) => isCatchAll(p.label)));
    out.push({ kind: 'sum', total: t, parts: stated.map((q) => (q.unit === undefined ? withoutUnit(q) : q)), exhaustive, location: t.location,
      evidence: [total, ...parts].map((r) => `${r.label} ${r[field]?.raw ?? ''}`.trim()).join('；') });
  }
  return out;
}

const withoutUnit = (q: Quantity): Quantity => { const { unit: _unit, ...rest } = q; return rest; };
