// Amount tables (“三公”经费, 经费控制情况): items by 预算/决算 or by year, in either orientation → sums and changes.
import type { Quantity, Relation } from '../schema.js';
import { cellNumber, clean, coveredFromLeft, type Grid, isBlank, locationOf, runWidth, squash, textAt, toQuantity } from './grid.js';
import { amountColumns, decompositions } from '../forms/index.js';
import { sangongTable } from '../forms/profiles/sangong.js';
import { stripOfWhich, totalKind } from './labels.js';
import { arabicItemNumber } from '../prose/numbering.js';
import { comparedYears, leadingYear } from '../../lexicon/index.js';

/** 1、工资福利支出 → 工资福利支出: the row's item number, as the outline grammar reads it, is no part of its label. */
function withoutItemNumber(label: string): string {
  const n = arabicItemNumber(label, ['ar-dot', 'ar-dun']);
  return n ? label.slice(n.textStart).replace(/^\s+/, '') : label;
}

type MeasureKind = 'value' | 'change' | 'rate';

/** A column (or row) of amounts: 2015年, 预算数, 决算数, 增减额, 增减率. */
interface Measure {
  kind: MeasureKind;
  label: string;
  /** the grid column (items as rows) or row (items as columns) */
  at: number;
  year?: number;
  /** 0 for a base (预算, 上年), 1 for an outcome (决算, 本年); undefined when the label says neither */
  stage?: number;
}

/** An item: a row (or a column) with its label, and the label above it when a merged heading groups it. */
interface Line {
  label: string;
  parent?: string;
  /** nested under the line before: a 其中 row, or a row indented deeper */
  sub: boolean;
  at: number;
  values: Map<number, Quantity>;
}

const COLS = amountColumns;
const ROWS = sangongTable.rows!;

/** What a header label says about the amounts under it, or undefined when it is no measure. */
export function measureOf(label: string): Omit<Measure, 'at'> | undefined {
  const s = squash(label).replace(/[（(][^（()）]*[)）]$/, '');
  if (!s || s.length > 20) return undefined;
  if (COLS.changeRate.test(s)) return { kind: 'rate', label: s };
  if (COLS.change.test(s)) return { kind: 'change', label: s };
  const { year, rest } = leadingYear(s);
  if (!rest && year !== undefined) return { kind: 'value', label: s, year };
  const stage = COLS.base.test(rest) ? 0 : COLS.current.test(rest) ? 1 : undefined;
  if (stage === undefined) return undefined;
  return year === undefined ? { kind: 'value', label: s, stage } : { kind: 'value', label: s, year, stage };
}

function hasNumber(grid: Grid, row: number, from = 0): boolean {
  for (let c = from; c < grid.width; c++) if (cellNumber(textAt(grid, row, c))) return true;
  return false;
}

/** The amount of a cell, or undefined for a blank or words. */
function amountAt(grid: Grid, row: number, col: number, label: string, rate: boolean): Quantity | undefined {
  const n = cellNumber(textAt(grid, row, col));
  if (!n) return undefined;
  return toQuantity(n, grid, row, col, label, rate ? '%' : undefined);
}

/** Items as rows under a header row of measures (预算数 | 决算数 | 增减额 | 增减率). */
function rowsLayout(grid: Grid): Array<{ measures: Measure[]; lines: Line[] }> {
  const out: Array<{ measures: Measure[]; lines: Line[] }> = [];
  const n = grid.table.rows.length;
  for (let r = 0; r < n; r++) {
    if (hasNumber(grid, r)) continue;
    const measures: Measure[] = [];
    for (let c = 1; c < grid.width; c++) {
      if (coveredFromLeft(grid, r, c)) continue;
      const m = measureOf(textAt(grid, r, c));
      if (m) measures.push({ ...m, at: c });
    }
    if (measures.filter((m) => m.kind === 'value').length < 2) continue;
    const first = Math.min(...measures.map((m) => m.at));
    const lines: Line[] = [];
    let indent = 0;
    let r2 = r + 1;
    for (; r2 < n; r2++) {
      const values = new Map<number, Quantity>();
      let words = 0;
      const rawLabel = labelLeftOf(grid, r2, first);
      const label = clean(rawLabel);
      for (const m of measures) {
        const t = textAt(grid, r2, m.at);
        const q = amountAt(grid, r2, m.at, `${label}·${m.label}`, m.kind === 'rate');
        if (q) values.set(m.at, q);
        else if (t && !isBlank(t)) words++;
      }
      if (words >= 2) break; // the next part of the form begins (a header of its own)
      if (!label) continue;
      const lead = /^[\s\u3000]*/.exec(rawLabel)![0].length;
      const { ofWhich } = stripOfWhich(label);
      const prev = lines[lines.length - 1];
      const sub = ofWhich || (prev !== undefined && lead > indent) || (prev?.sub === true && lead === indent && lead > 0);
      if (!sub) indent = lead;
      lines.push({ label: withoutItemNumber(stripOfWhich(label).label), sub, at: r2, values });
    }
    markDecompositionParts(lines);
    out.push({ measures, lines });
    r = r2 - 1;
  }
  return out;
}

/** Rows right after a named whole that are its parts (公务用车购置及运行费, then 购置费, 运行费) are its breakdown. */
function markDecompositionParts(lines: Line[]): void {
  for (const [i, total] of lines.entries()) {
    const d = decompositions.find((x) => x.total.test(squash(total.label)));
    if (!d) continue;
    for (const l of lines.slice(i + 1)) {
      const own = squash(l.label);
      if (d.total.test(own) || !d.parts.some((re) => re.test(own))) break;
      l.sub = true;
    }
  }
}

/** The label of a row: its last filled cell left of the amounts, as written (leading spaces kept: they say depth). */
function labelLeftOf(grid: Grid, row: number, before: number): string {
  let label = '';
  for (let c = 0; c < before; c++) {
    const raw = grid.table.rows[row]?.[c]?.text ?? '';
    if (clean(raw) && !coveredFromLeft(grid, row, c)) label = raw.replace(/[\r\n]+/g, '');
  }
  return label;
}

/** Items as columns, measures as rows (年度 | 合计 | 因公出国 … above 2015年 | 2016年 | 增减%). */
function columnsLayout(grid: Grid): { measures: Measure[]; lines: Line[] } | undefined {
  const n = grid.table.rows.length;
  const measures: Measure[] = [];
  let firstRow = -1;
  for (let r = 0; r < n; r++) {
    const m = measureOf(textAt(grid, r, 0));
    if (!m || !hasNumber(grid, r, 1)) continue;
    if (firstRow < 0) firstRow = r;
    measures.push({ ...m, at: r });
  }
  if (firstRow < 1 || measures.filter((m) => m.kind === 'value').length < 2) return undefined;
  const headerRows: number[] = [];
  for (let r = 0; r < firstRow; r++) if (!hasNumber(grid, r)) headerRows.push(r);
  const lines: Line[] = [];
  for (let c = 1; c < grid.width; c++) {
    // The narrowest heading names the item; a wider one above it groups it (公车购置及运行维护费 over 合计 | 购置 | 运行).
    const heads = headerRows.map((r) => ({ text: textAt(grid, r, c), width: runWidth(grid, r, c) })).filter((h) => h.text);
    if (!heads.length) continue;
    const own = heads.reduce((a, b) => (b.width < a.width ? b : a));
    const parent = heads.find((h) => h.width > own.width)?.text;
    const values = new Map<number, Quantity>();
    for (const m of measures) {
      const q = amountAt(grid, m.at, c, `${parent && totalKind(own.text) ? parent : own.text}·${m.label}`, m.kind === 'rate');
      if (q) values.set(m.at, q);
    }
    const line: Line = { label: own.text, sub: parent !== undefined && !totalKind(own.text), at: c, values };
    if (parent) line.parent = parent;
    lines.push(line);
  }
  return { measures, lines };
}

/** The base and the outcome among the value measures: 预算 then 决算, or the earlier year then the later. */
function basePair(measures: Measure[], rateLabel?: string): [Measure, Measure] | undefined {
  const values = measures.filter((m) => m.kind === 'value');
  const years = rateLabel ? comparedYears(rateLabel) : undefined;
  if (years) {
    const cur = values.find((v) => v.year === years.current);
    const base = values.find((v) => v.year === years.base);
    return cur && base && cur !== base ? [base, cur] : undefined;
  }
  if (values.length !== 2) return undefined;
  const [a, b] = values;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return a.year < b.year ? [a, b] : [b, a];
  if (a.stage !== undefined && b.stage !== undefined && a.stage !== b.stage) return a.stage < b.stage ? [a, b] : [b, a];
  return undefined;
}

const negate = (q: Quantity): Quantity => ({ ...q, value: -q.value, raw: `−${q.raw}` });

function sums(measures: Measure[], total: Line, parts: Line[], name: string): Relation[] {
  const out: Relation[] = [];
  for (const m of measures) {
    if (m.kind === 'rate') continue;
    const t = total.values.get(m.at);
    const stated = parts.map((p) => p.values.get(m.at)).filter((q): q is Quantity => !!q);
    if (!t || !stated.length) continue;
    out.push({ kind: 'sum', total: t, parts: stated, exhaustive: stated.length === parts.length, location: t.location,
      evidence: `${name}·${m.label}：${[total, ...parts].map((l) => `${l.label} ${l.values.get(m.at)?.raw ?? ''}`.trim()).join('；')}` });
  }
  return out;
}

const isTotal = (label: string) => ROWS.total!.test(squash(label)) || totalKind(label) === 'total';
const isSangongItem = (label: string) => ROWS.items!.some((re) => re.test(squash(label)));

/** Sums the labels imply, changes the measures imply. */
function relationsOf(layout: { measures: Measure[]; lines: Line[] }): Relation[] {
  const { measures, lines } = layout;
  const out: Relation[] = [];
  const used = new Set<string>();
  const add = (rels: Relation[]) => {
    for (const r of rels) {
      if (r.kind !== 'sum') { out.push(r); continue; }
      const key = JSON.stringify([r.total.location, r.parts.map((p) => p.location)]);
      if (!used.has(key)) { used.add(key); out.push(r); }
    }
  };
  // A heading over several columns, one of them its 合计: the 合计 is the sum of the others.
  const parents = new Map<string, Line[]>();
  for (const l of lines) if (l.parent) parents.set(l.parent, [...(parents.get(l.parent) ?? []), l]);
  for (const [parent, group] of parents) {
    const total = group.find((l) => totalKind(l.label));
    const parts = group.filter((l) => l !== total);
    if (total && parts.length >= 2) add(sums(measures, total, parts, parent));
  }
  // The table's own 合计 (first or last): the sum of its top-level items, when each is a “三公” item.
  const top = lines.filter((l) => !l.sub);
  const grand = top.find((l) => !l.parent && isTotal(l.label));
  const items = top.filter((l) => l !== grand);
  const itemLabel = (l: Line) => (l.parent && totalKind(l.label) ? l.parent : l.label);
  if (grand && items.length >= 2 && items.every((l) => isSangongItem(itemLabel(l)))) add(sums(measures, grand, items, '合计'));
  // Named decompositions of the genre: 公务用车购置及运行费 = 购置 + 运行, 支出总额 = 基本支出 + 项目支出.
  for (const d of decompositions) {
    for (const [i, total] of lines.entries()) {
      const own = squash(total.label);
      if (!(d.total.test(own) || (total.parent && totalKind(own) && d.total.test(squash(total.parent))))) continue;
      const scope = total.parent ? lines.filter((l) => l.parent === total.parent) : lines;
      const parts = d.parts.map((re) => {
        const match = (l: Line) => l !== total && re.test(squash(l.label)) && !d.total.test(squash(l.label));
        const after = scope.slice(scope.indexOf(total) + 1).find(match);
        return after ?? scope.slice(0, Math.max(0, scope.indexOf(total))).reverse().find(match);
      });
      if (parts.some((p) => !p) || new Set(parts).size !== parts.length) continue;
      add(sums(measures, total, parts as Line[], d.name));
      void i;
    }
  }
  // Changes: 增减额 = 决算 − 预算, 增减率 = 增减 ÷ 预算 (or by year).
  for (const m of measures.filter((x) => x.kind !== 'value')) {
    const pair = basePair(measures, m.label);
    if (!pair) continue;
    const [base, cur] = pair;
    for (const l of lines) {
      const b = l.values.get(base.at);
      const c = l.values.get(cur.at);
      const stated = l.values.get(m.at);
      if (!b || !c || !stated) continue;
      const name = l.parent && totalKind(l.label) ? l.parent : l.label;
      if (m.kind === 'rate') {
        out.push({ kind: 'growth', direction: 'change', previous: b, current: c, rate: { ...stated, unit: '%', label: `${name}·${m.label}` },
          location: stated.location, evidence: `${name}：${base.label} ${b.raw}，${cur.label} ${c.raw}，${m.label} ${stated.raw}` });
      } else {
        out.push({ kind: 'sum', total: stated, parts: [c, negate(b)], exhaustive: true, location: stated.location,
          evidence: `${name}·${m.label} = ${cur.label} − ${base.label}：${c.raw} − ${b.raw}，表中 ${stated.raw}` });
      }
    }
  }
  return out;
}

/** Every amount table's relations; a table read as another kind (a budget block, indicators) is not passed here. */
export function amountRelations(grid: Grid): Relation[] {
  const layouts = rowsLayout(grid);
  const columns = columnsLayout(grid);
  if (columns) layouts.push(columns);
  return layouts.flatMap(relationsOf);
}


