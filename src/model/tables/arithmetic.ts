// The arithmetic any table states, found from its structure alone: totals over the rows (and columns) they close,
// 增减额 = 本年 − 上年, 增减率 = 增减额 ÷ 上年, 执行率 = 执行 ÷ 预算, 占比 = 行 ÷ 合计. A blank cell is unknown, never 0,
// except an item left blank beside siblings that hold numbers (an empty line, or an empty column part of a total, is
// nothing spent).
import type { Assumption, Quantity, Relation } from '../schema.js';
import { cellNumber, type Grid, isBlank, textAt, toQuantity } from './grid.js';
import { findBands, isMeasure, plainColumns, type Band, type Column, type HeaderNode } from './bands.js';
import { buildTree, describeRows, namedBreakdown, nodesOf, type RowNode } from './rows.js';
import { breakdownMember, closesBreakdown, COUNT_UNITS, labelTotalKind, mentionsPercent, namesAverage, namesRatio, shareOfTotal, type HeaderMeaning } from '../../lexicon/index.js';

/** What a cell holds: a number, nothing written (blank, —, /, 无), or words. */
type Cell = { kind: 'number'; q: Quantity } | { kind: 'blank' } | { kind: 'words' };

/** A total and the rows (or columns) it closes, and how the table states that. */
interface Group<T> {
  total: T;
  parts: T[];
  /** the parts are the whole of the total (a table's own 合计, a breakdown all of whose members are there) */
  exhaustive: boolean;
  /** what the reading had to assume (rows found by position or indentation only) */
  assumed?: Assumption[];
}

const SUMMABLE = new Set<HeaderMeaning['kind']>(['value', 'change']);
const RATE_LIKE = new Set<HeaderMeaning['kind']>(['changeRate', 'rate', 'share']);

/** Every relation the table's numbers state, band by band; rows in `skip` belong to a form block read elsewhere. */
export function tableArithmetic(grid: Grid, skip: ReadonlySet<number> = new Set(), leading: string[] = []): Relation[] {
  const out: Relation[] = [];
  for (const band of findBands(grid, skip, leading)) {
    const rows = describeRows(grid, band);
    const numeric = rows.filter((r) => band.columns.some((c) => cellNumber(textAt(grid, r.row, c.col))));
    const transposed = numeric.length >= 2 && numeric.every((r) => r.measure) && plainColumns(band);
    out.push(...(transposed ? byColumns(grid, band, rows) : byRows(grid, band, rows)));
  }
  return dedupe(out);
}

/** One relation per (kind, stated cell, operand cells): the same total read twice is reported once. */
function dedupe(rels: Relation[]): Relation[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const key = JSON.stringify(r, (k, v: unknown) => (k === 'evidence' || k === 'label' || k === 'assumed' || k === 'exhaustive' ? undefined : v));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ───────────────────────────── cells ─────────────────────────────

function rateUnit(grid: Grid, band: Band, column: Column): '%' | '比值' {
  if (column.measure.unit === '%' || column.path.some((n) => mentionsPercent(n.text))) return '%';
  // a rate column of bare numbers none above 2 writes fractions (1 = 100 %)
  let bare = 0;
  for (const r of band.body) {
    const t = textAt(grid, r, column.col);
    const n = cellNumber(t);
    if (!n || n.unit || mentionsPercent(t)) continue;
    if (Math.abs(n.value) > 2) return '%';
    bare++;
  }
  return bare ? '比值' : '%';
}

function cellOf(grid: Grid, band: Band, row: RowNode, column: Column, kind: HeaderMeaning['kind']): Cell {
  const text = textAt(grid, row.row, column.col);
  const n = cellNumber(text);
  if (n) {
    const unit = RATE_LIKE.has(kind) ? (n.unit ?? rateUnit(grid, band, column))
      : row.countUnit ?? column.measure.unit ?? band.unit;
    return { kind: 'number', q: toQuantity(n, grid, row.row, column.col, [row.name || row.label, column.name].filter(Boolean).join('·'), unit) };
  }
  return isBlank(text) ? { kind: 'blank' } : { kind: 'words' };
}

/** A row with no number in any value column: an empty line (an item with nothing in it) or a heading. */
function emptyRow(grid: Grid, band: Band, row: RowNode): boolean {
  return band.columns.every((c) => !cellNumber(textAt(grid, row.row, c.col)));
}

// ───────────────────────────── rows ─────────────────────────────

function byRows(grid: Grid, band: Band, rows: RowNode[]): Relation[] {
  const root = buildTree(rows);
  const groups = rowGroups(root, rows);
  const out: Relation[] = [];
  for (const column of band.columns) {
    const kind = column.measure.kind;
    // a ratio no rule reads (节约率) is still no amount
    if (!SUMMABLE.has(kind) || namesRatio(column.name)) continue;
    // averages (院均总收入, a 人均经费 column) add up along a row, never down a column
    if (band.averaged || namesAverage(column.name)) continue;
    for (const g of groups) {
      // the changes of a list that may be incomplete say nothing of the whole's change
      if (kind === 'change' && !g.exhaustive) continue;
      const rel = rowSum(grid, band, column, g);
      if (rel) out.push(rel);
    }
  }
  const items = rows.filter((r) => !r.heading);
  for (const row of items) out.push(...columnSums(grid, band, row));
  for (const row of items) out.push(...measureRelations(grid, band, row, (col) => cellOf(grid, band, row, col, col.measure.kind), groups));
  return out;
}

/** The totals of the row tree: a parent over its children, a table's own 合计 over its top rows, 小计 over the rows it closes. */
function rowGroups(root: RowNode, rows: RowNode[]): Array<Group<RowNode>> {
  const out: Array<Group<RowNode>> = [];
  const flat = nodesOf(root).every((n) => n.edge === 'root' && !n.numbering);
  for (const parent of [root, ...nodesOf(root)]) {
    const kids = parent.children.filter((c) => !c.heading || c.children.length);
    if (parent !== root && kids.length && !parent.heading) {
      const names = kids.map((k) => k.name);
      const breakdown = closesBreakdown(names);
      const byOfWhich = kids.some((k) => k.edge === 'ofWhich');
      const inferred = kids.some((k) => k.edge === 'position') || (parent.openEnd && !breakdown);
      const exhaustive = !!breakdown || kids.every((k) => k.edge === 'code')
        || (!byOfWhich && !!parent.total && !inferred);
      const g: Group<RowNode> = { total: parent, parts: kids, exhaustive: exhaustive && !inferred };
      if (inferred) g.assumed = [{ kind: 'rows-by-position', last: kids[kids.length - 1].label }];
      out.push(g);
    }
    // totals among the children that close their siblings: 合计 first or last, 小计 after the rows it totals
    const children = parent.children;
    for (const [i, t] of children.entries()) {
      if (!t.total || t.children.length) continue;
      const named = namedBreakdown(t);
      if (named) {
        const parts = Object.keys(named.members).map((m) => rows.slice(rows.indexOf(t) + 1).find((r) => breakdownMember(named, r.name) === m && !r.total));
        const found = parts.filter((p): p is RowNode => !!p);
        const all = Object.keys(named.members).every((m, k) => parts[k] || named.optional?.includes(m));
        if (all && found.length >= 2) { out.push({ total: t, parts: found, exhaustive: true }); continue; }
      }
      const closes = (x: RowNode) => !x.total && !x.heading && !x.countUnit;
      let parts: RowNode[];
      if (t.total === 'subtotal' && i > 0) {
        parts = [];
        for (let k = i - 1; k >= 0 && closes(children[k]); k--) parts.unshift(children[k]);
      } else if (i === 0 || t.total === 'subtotal') {
        parts = [];
        for (let k = i + 1; k < children.length && closes(children[k]); k++) parts.push(children[k]);
      } else if (i === children.length - 1) {
        parts = [];
        let k = i - 1;
        for (; k >= 0 && closes(children[k]); k--) parts.unshift(children[k]);
        // 总计 under 本年收入合计 and the rows after it (年初结转和结余): the earlier total stands for the rows it closes
        if (k > 0 && parts.length && children[k].total === 'total' && !children[k].children.length && !children[k].countUnit) parts.unshift(children[k]);
      } else if (i > 0 && !children[i - 1].total) {
        // a 合计 inside the list (本年收入合计 before 年初结转和结余 and 总计) closes the rows above it
        parts = [];
        for (let k = i - 1; k >= 0 && closes(children[k]); k--) parts.unshift(children[k]);
      } else continue;
      if (parts.length < 2) continue;
      const numbered = parts.every((p) => p.numbering && p.numbering.family === parts[0].numbering!.family)
        || parts.every((p) => p.code && p.code.length === parts[0].code!.length);
      const breakdown = closesBreakdown(parts.map((p) => p.name));
      const stated = numbered || !!breakdown || flat || t.total === 'subtotal' || parent !== root;
      const g: Group<RowNode> = { total: t, parts, exhaustive: true };
      if (!stated) g.assumed = [{ kind: 'rows-by-position', last: parts[parts.length - 1].label }];
      out.push(g);
    }
  }
  return out;
}

/** The operands of a part in one column: its number, 0 for an empty line beside filled siblings, its children's for a blank aggregate. */
function operandsOf(grid: Grid, band: Band, column: Column, part: RowNode, siblings: RowNode[], kind: HeaderMeaning['kind']):
  { operands: Quantity[]; complete: boolean } {
  const cell = cellOf(grid, band, part, column, kind);
  if (cell.kind === 'number') return { operands: [cell.q], complete: true };
  if (cell.kind === 'words') return { operands: [], complete: false };
  if (part.children.length) {
    // a blank aggregate: its parts stand in for it, as complete as its own breakdown
    const kids = part.children.filter((c) => !c.heading);
    const breakdown = closesBreakdown(kids.map((k) => k.name));
    const complete = !!breakdown || (!kids.some((k) => k.edge === 'ofWhich') && kids.every((k) => k.edge === 'numbering' || k.edge === 'code'));
    const inner = kids.map((k) => operandsOf(grid, band, column, k, kids, kind));
    const operands = inner.flatMap((x) => x.operands);
    return { operands, complete: complete && inner.every((x) => x.complete) && operands.length > 0 };
  }
  const filledSibling = siblings.some((s) => s !== part && cellNumber(textAt(grid, s.row, column.col)));
  if (emptyRow(grid, band, part) && !part.heading && filledSibling) {
    const zero: Quantity = { raw: '0', value: 0, decimals: 0, location: cellLocation(grid, part.row, column.col), label: `${part.name}·${column.name}（空白）` };
    const unit = part.countUnit ?? column.measure.unit ?? band.unit;
    if (unit && !RATE_LIKE.has(kind)) zero.unit = unit;
    return { operands: [zero], complete: true };
  }
  return { operands: [], complete: false };
}

function cellLocation(grid: Grid, row: number, col: number) {
  return toQuantity({ raw: '0', value: 0, decimals: 0 }, grid, row, col, '').location;
}

function rowSum(grid: Grid, band: Band, column: Column, g: Group<RowNode>): Relation | undefined {
  const kind = column.measure.kind;
  const total = cellOf(grid, band, g.total, column, kind);
  if (total.kind !== 'number') return undefined;
  if (g.total.countUnit) return undefined;
  const parts: Quantity[] = [];
  let complete = true;
  for (const p of g.parts) {
    if (p.countUnit) continue; // counts under an amount are no part of it
    // a row of per cents (药占比（%）) under an amount is no part of it either
    if (mentionsPercent(p.label) && !mentionsPercent(g.total.label)) continue;
    const { operands, complete: c } = operandsOf(grid, band, column, p, g.parts, kind);
    parts.push(...operands);
    if (!c) complete = false;
  }
  if (!parts.length) return undefined;
  const exhaustive = g.exhaustive && complete;
  if (!exhaustive && parts.length < 2) return undefined; // one part of an open list is no breakdown
  const rel: Relation = {
    kind: 'sum', total: total.q, parts, exhaustive, location: total.q.location,
    evidence: `${column.name}：${g.total.label} ${total.q.raw}；${g.parts.map((p) => `${p.label} ${textAt(grid, p.row, column.col) || '（空白）'}`).join('；')}`,
  };
  if (g.assumed) rel.assumed = g.assumed;
  return rel;
}

// ───────────────────────────── columns ─────────────────────────────

/** Value columns in groups that may total one another: the same measure, or a column that names none (a source). */
function measureGroups(columns: Column[]): Column[][] {
  const key = (m: HeaderMeaning) => `${m.kind}|${m.stage ?? ''}|${m.year ?? ''}|${m.relative ?? ''}`;
  // a column counting things (人数) is no part of an amount beside it
  const amounts = columns.filter((c) => c.measure.kind === 'value' && !(c.measure.unit && COUNT_UNITS.has(c.measure.unit)) && !namesRatio(c.name));
  const named = amounts.filter((c) => isMeasure(c.measure));
  const plain = amounts.filter((c) => !isMeasure(c.measure));
  const byKey = new Map<string, Column[]>();
  for (const c of named) byKey.set(key(c.measure), [...(byKey.get(key(c.measure)) ?? []), c]);
  const groups = [...byKey.values()].map((g) => [...g, ...plain].sort((a, b) => a.col - b.col));
  if (!groups.length && plain.length) groups.push(plain);
  return groups;
}

/** Totals among columns: a 合计 column over its siblings under one header, or over the columns of the 其中： beside it. */
function columnGroups(columns: Column[]): Array<Group<Column>> {
  const out: Array<Group<Column>> = [];
  for (const group of measureGroups(columns)) {
    // a container is an item header over several columns, or the band itself
    const containers = new Map<string, Column[]>();
    containers.set('', group);
    for (const c of group) {
      c.items.forEach((n, depth) => {
        if (depth === c.items.length - 1 && !n.ofWhich) return;
        const id = c.items.slice(0, depth + 1).map((x) => x.id).join('/');
        containers.set(id, [...(containers.get(id) ?? []), c]);
      });
    }
    for (const [id, cols] of containers) {
      const depth = id ? id.split('/').length : 0;
      // the children of the container: each column's next item below it (a leaf column, or a subgroup)
      const children = new Map<string, { node?: HeaderNode; cols: Column[] }>();
      for (const c of cols) {
        const node = c.items[depth];
        const cid = node ? node.id : `col${c.col}`;
        const entry = children.get(cid) ?? { node, cols: [] };
        entry.cols.push(c);
        children.set(cid, entry);
      }
      const entries = [...children.values()];
      const valueOf = (e: { node?: HeaderNode; cols: Column[] }): Column | undefined =>
        e.cols.length === 1 ? e.cols[0] : e.cols.find((c) => c.items[depth + 1] && isTotalNode(c.items[depth + 1]) && c.items.length === depth + 2);
      const totalIndex = entries.findIndex((e) => e.cols.length === 1 && isTotalColumn(e.cols[0], depth));
      if (totalIndex < 0) continue;
      const total = entries[totalIndex].cols[0];
      const next = entries[totalIndex + 1];
      // 合计 | 其中：{A | B | C}: the columns of the 其中 are its parts, and may leave some out
      if (next?.node?.ofWhich) {
        const parts = next.cols.filter((c) => c.items.length === depth + 2);
        if (parts.length >= 2) {
          const names = parts.map((p) => p.items[depth + 1].text);
          out.push({ total, parts, exhaustive: !!closesBreakdown(names) });
        }
        continue;
      }
      const parts = entries.filter((_, i) => i !== totalIndex).map(valueOf);
      if (parts.length < 2 || parts.some((p) => !p)) continue;
      out.push({ total, parts: parts as Column[], exhaustive: true });
    }
  }
  return out;
}

function isTotalNode(n: HeaderNode): boolean {
  return !!n.meaning?.total || labelTotalKind(n.text) !== undefined;
}
function isTotalColumn(c: Column, depth: number): boolean {
  const own = c.items[depth];
  return (own ? isTotalNode(own) : false) || (c.items.length <= depth + 1 && !!c.measure.total);
}

function columnSums(grid: Grid, band: Band, row: RowNode): Relation[] {
  if (row.countUnit) return [];
  const out: Relation[] = [];
  for (const g of columnGroups(band.columns)) {
    const total = cellOf(grid, band, row, g.total, 'value');
    if (total.kind !== 'number') continue;
    const cells = g.parts.map((p) => cellOf(grid, band, row, p, 'value'));
    const parts = cells.flatMap((c) => (c.kind === 'number' ? [c.q] : []));
    if (!parts.length) continue;
    // a part left blank beside parts that hold numbers is nothing (小计 14.00 over 购置 blank and 运行 14.00), as an
    // empty line is among rows; a part in words is unknown
    const exhaustive = g.exhaustive && cells.every((c) => c.kind !== 'words');
    if (!exhaustive && parts.length < 2) continue;
    out.push({
      kind: 'sum', total: total.q, parts, exhaustive, location: total.q.location,
      evidence: `${row.label}：${g.total.name} ${total.q.raw}；${g.parts.map((p, i) => `${p.name} ${cells[i].kind === 'number' ? (cells[i] as { q: Quantity }).q.raw : '（空白）'}`).join('；')}`,
    });
  }
  return out;
}

// ───────────────────────────── measures ─────────────────────────────

const itemKey = (c: Column) => c.items.filter((n) => !isTotalNode(n) || c.items.length > 1).map((n) => n.id).join('/');

/** Base and current of a change among the value columns of one item: by the years it compares, by period, or by stage. */
function basePair(values: Column[], change: Column): [Column, Column] | undefined {
  const years = change.measure.years ?? change.path.map((n) => n.compares?.years).find(Boolean);
  if (years) {
    const b = values.find((v) => v.measure.year === years.base);
    const c = values.find((v) => v.measure.year === years.current);
    return b && c ? [b, c] : undefined;
  }
  const against = change.path.map((n) => n.compares?.against).find(Boolean);
  if (change.measure.adjustment) {
    // 调整数 = the adjusted budget − the one before it (年初), each the only one of its kind among the item's columns
    const budgets = values.filter((v) => v.measure.stage === 'budget' && v.measure.relative !== 'previous');
    const b = budgets.filter((v) => !v.measure.adjusted);
    const a = budgets.filter((v) => v.measure.adjusted);
    return b.length === 1 && a.length === 1 ? [b[0], a[0]] : undefined;
  }
  const candidates = values.filter((v) => v.measure.year !== undefined || v.measure.relative !== undefined || v.measure.stage !== undefined);
  if (against === 'budget') {
    const b = candidates.filter((v) => v.measure.stage === 'budget');
    const a = candidates.filter((v) => v.measure.stage === 'actual');
    return b.length === 1 && a.length === 1 ? [b[0], a[0]] : undefined;
  }
  if (candidates.length !== 2) return undefined;
  const [x, y] = candidates;
  const order = (m: HeaderMeaning) => [m.year ?? 0, m.relative === 'previous' ? 0 : m.relative === 'current' ? 1 : -1, m.stage === 'budget' ? 0 : m.stage === 'actual' ? 1 : -1];
  const [ox, oy] = [order(x.measure), order(y.measure)];
  for (let i = 0; i < 3; i++) {
    if (ox[i] === oy[i] || ox[i] < 0 || oy[i] < 0) continue;
    return ox[i] < oy[i] ? [x, y] : [y, x];
  }
  if (x.measure.year !== undefined && y.measure.year !== undefined && x.measure.year !== y.measure.year) return x.measure.year < y.measure.year ? [x, y] : [y, x];
  return undefined;
}

const negate = (q: Quantity): Quantity => ({ ...q, value: -q.value, raw: `−${q.raw}` });

/**
 * 增减额, 增减率, 执行率 and 占比 of one row (or one column of a table laid out the other way), each against the
 * value cells of the same item.
 */
function measureRelations(grid: Grid, band: Band, row: RowNode, cell: (c: Column) => Cell, groups: Array<Group<RowNode>>): Relation[] {
  const out: Relation[] = [];
  const byItem = new Map<string, Column[]>();
  for (const c of band.columns) byItem.set(itemKey(c), [...(byItem.get(itemKey(c)) ?? []), c]);
  for (const cols of byItem.values()) {
    const values = cols.filter((c) => c.measure.kind === 'value');
    for (const m of cols) {
      const kind = m.measure.kind;
      const stated = cell(m);
      if (stated.kind !== 'number') continue;
      if (kind === 'change' || kind === 'changeRate') {
        const pair = basePair(values, m);
        if (!pair) continue;
        const [b, c] = pair.map(cell);
        if (b.kind !== 'number' || c.kind !== 'number') continue;
        const name = row.name || row.label;
        if (kind === 'change') {
          out.push({ kind: 'sum', total: stated.q, parts: [c.q, negate(b.q)], exhaustive: true, location: stated.q.location,
            evidence: `${name}·${m.name} = ${pair[1].name} − ${pair[0].name}：${c.q.raw} − ${b.q.raw}，表中 ${stated.q.raw}` });
        } else {
          out.push({ kind: 'growth', direction: 'change', previous: b.q, current: c.q, rate: { ...stated.q, label: `${name}·${m.name}` },
            location: stated.q.location, evidence: `${name}：${pair[0].name} ${b.q.raw}，${pair[1].name} ${c.q.raw}，${m.name} ${stated.q.raw}` });
        }
      } else if (kind === 'rate') {
        const rel = rateOf(values, m, cols, cell, stated.q, row);
        if (rel) out.push(rel);
      } else if (kind === 'share') {
        const rel = shareOf(values, m, cell, stated.q, row, groups, band, grid);
        if (rel) out.push(rel);
      }
    }
  }
  return out;
}

/** 执行率 = the realised value ÷ the planned one, by the letters its header names (B/A) or by stage. */
function rateOf(values: Column[], rate: Column, cols: Column[], cell: (c: Column) => Cell, stated: Quantity, row: RowNode): Relation | undefined {
  const formula = rate.measure.formula;
  let numerator: Column | undefined;
  let denominators: Column[] = [];
  if (formula) {
    numerator = values.find((v) => v.measure.letter === formula.numerator);
    denominators = values.filter((v) => v.measure.letter === formula.denominator);
  } else {
    // the value columns since the previous rate column: a table may hold two pairs (规模, 投资) each with its rate
    const before = cols.filter((c) => c.col < rate.col);
    const lastRate = before.filter((c) => c.measure.kind === 'rate').map((c) => c.col).pop() ?? -1;
    const scope = values.filter((v) => v.col > lastRate && v.col < rate.col);
    const pool = scope.length ? scope : values;
    const actual = pool.filter((v) => v.measure.stage === 'actual');
    numerator = actual[actual.length - 1];
    denominators = pool.filter((v) => v.measure.stage === 'budget').sort((a, b) => Number(!!b.measure.adjusted) - Number(!!a.measure.adjusted));
    // a rate naming its budget (完成年初预算%) divides by that budget alone: the adjusted one, or the one not adjusted
    const named = rate.measure.budgetOf;
    if (named) denominators = denominators.filter((d) => !!d.measure.adjusted === (named === 'adjusted'));
    if (named && denominators.length !== 1) return undefined;
  }
  if (!numerator || !denominators.length) return undefined;
  const num = cell(numerator);
  const dens = denominators.map(cell).flatMap((d) => (d.kind === 'number' ? [d.q] : []));
  if (num.kind !== 'number' || !dens.length) return undefined;
  const name = row.name || row.label;
  return { kind: 'rate', name: rate.name, rate: { ...stated, label: `${name}·${rate.name}` }, numerator: num.q, denominators: dens,
    location: stated.location, evidence: `${name}：${numerator.name} ${num.q.raw}，${denominators.map((d) => d.name).join('/')} ${dens.map((d) => d.raw).join('/')}，${rate.name} ${stated.raw}` };
}

/** 占比 = the row's value ÷ the value of the total that closes it. */
function shareOf(values: Column[], share: Column, cell: (c: Column) => Cell, stated: Quantity, row: RowNode,
  groups: Array<Group<RowNode>>, band: Band, grid: Grid): Relation | undefined {
  const left = values.filter((v) => v.col < share.col);
  const part = left[left.length - 1] ?? (values.length === 1 ? values[0] : undefined);
  if (!part) return undefined;
  const g = groups.find((x) => x.parts.includes(row) && x.exhaustive && !x.assumed);
  if (!g) return undefined;
  // the total's own share other than 100 says the column shares out another whole (占部门总支出比重 of a 小计 of projects)
  if (!shareOfTotal(share.name, g.total.name)) return undefined;
  const own = cellOf(grid, band, g.total, share, 'share');
  if (own.kind === 'number' && Math.abs(own.q.value - (own.q.unit === '比值' ? 1 : 100)) > 1) return undefined;
  const p = cell(part);
  const whole = cellOf(grid, band, g.total, part, 'value');
  if (p.kind !== 'number' || whole.kind !== 'number') return undefined;
  const name = row.name || row.label;
  return { kind: 'share', whole: whole.q, parts: [{ part: p.q, share: { ...stated, label: `${name}·${share.name}` } }], complete: false,
    location: stated.location, evidence: `${name}：${part.name} ${p.q.raw} ÷ ${g.total.label} ${whole.q.raw}，${share.name} ${stated.raw}` };
}

// ───────────────────────────── items as columns ─────────────────────────────

/**
 * A table whose rows are measures (2015年 | 2016年 | 增减%) and whose columns are items (合计 | 因公出国 | 公务接待 …):
 * the columns' totals per value row, and each column's change between the rows.
 */
function byColumns(grid: Grid, band: Band, rows: RowNode[]): Relation[] {
  const out: Relation[] = [];
  const groups = columnGroups(band.columns.map((c) => ({ ...c, measure: { kind: 'value' } as HeaderMeaning })));
  for (const row of rows) {
    if (!row.measure || row.measure.kind !== 'value' && row.measure.kind !== 'change') continue;
    for (const g of groups) {
      const total = cellOf(grid, band, row, g.total, 'value');
      if (total.kind !== 'number') continue;
      const cells = g.parts.map((p) => cellOf(grid, band, row, p, 'value'));
      const parts = cells.flatMap((c) => (c.kind === 'number' ? [c.q] : []));
      const exhaustive = g.exhaustive && parts.length === cells.length;
      if (!parts.length || (!exhaustive && parts.length < 2)) continue;
      out.push({ kind: 'sum', total: total.q, parts, exhaustive, location: total.q.location,
        evidence: `${row.label}：${g.total.name} ${total.q.raw}；${g.parts.map((p, i) => `${p.name} ${cells[i].kind === 'number' ? (cells[i] as { q: Quantity }).q.raw : '（空白）'}`).join('；')}` });
    }
  }
  // each column, the rows as its measures: pseudo-columns built from the rows' meanings
  for (const column of band.columns) {
    const measureRows = rows.filter((r) => r.measure);
    const pseudo: Column[] = measureRows.map((r) => ({ col: r.row, path: [{ id: `r${r.row}`, text: r.name, ofWhich: false, meaning: r.measure }], measure: r.measure!, items: [], name: r.name }));
    const at = new Map(pseudo.map((p, i) => [p, measureRows[i]]));
    const item: RowNode = { row: -1, label: column.name, name: column.name, ofWhich: false, heading: false, children: [], edge: 'root' };
    const cell = (p: Column): Cell => {
      const r = at.get(p)!;
      const kind = p.measure.kind;
      const text = textAt(grid, r.row, column.col);
      const n = cellNumber(text);
      if (!n) return isBlank(text) ? { kind: 'blank' } : { kind: 'words' };
      const unit = RATE_LIKE.has(kind) ? (n.unit ?? '%') : band.unit;
      return { kind: 'number', q: toQuantity(n, grid, r.row, column.col, `${column.name}·${r.name}`, unit) };
    };
    out.push(...measureRelations(grid, { ...band, columns: pseudo }, item, cell, []));
  }
  return out;
}
