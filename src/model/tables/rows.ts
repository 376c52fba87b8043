// The rows of a table body as a tree: which rows are the parts of which, by what the table states (numbering ranks,
// 其中, 科目编码, its own 合计 and 小计, the genre's breakdowns) or, failing that, by indentation and position (inferred).
import { cellAt, type Grid, textAt } from './grid.js';
import { isSpanning, isMeasure, type Band } from './bands.js';
import { readNumbering, type NumberingFamily } from '../prose/numbering.js';
import {
  breakdownMember, classificationCode, countUnitOfLabel, headerMeaning, labelTotalKind, stripOfWhich, TABLE_BREAKDOWNS, totalKind,
  type HeaderMeaning,
} from '../../lexicon/index.js';

/** How a row came under its parent: stated by the table (numbering, 其中, code, a total's position) or inferred. */
export type Edge = 'root' | 'numbering' | 'ofWhich' | 'code' | 'position';

export interface RowNode {
  row: number;
  /** the label as written, cleaned */
  label: string;
  /** the label without its numbering and 其中 lead: 公务用车运行维护费 */
  name: string;
  numbering?: { family: NumberingFamily; value: number };
  ofWhich: boolean;
  total?: 'total' | 'subtotal';
  /** a row counting things (团组数（个）): never a part of an amount */
  countUnit?: string;
  /** a row whose label runs across the value columns: a section heading, holding no values */
  heading: boolean;
  /** a row naming a measure (2015年, 预算数, 增减%): the table has its items as columns */
  measure?: HeaderMeaning;
  code?: string;
  parent?: RowNode;
  children: RowNode[];
  edge: Edge;
  /** the parts under this row end where nothing in the table says they end (the end of the block) */
  openEnd?: boolean;
}


/** The label of a row: the last label cell filled. */
function labelOf(grid: Grid, band: Band, row: number): { label: string; col: number } {
  let label = '';
  let col = -1;
  for (const c of band.labelColumns) {
    const t = textAt(grid, row, c);
    if (t) { label = t; col = c; }
  }
  return { label: label.replace(/\s+/g, ''), col };
}

/**
 * The code a row's code columns write. Under 类 | 款 | 项 a table may write only the new part (201, then 01 under 款, then
 * 01 under 项): the parts left blank before the last one written are those of the rows above. A part that is a whole code
 * itself (20101 under 款) stands alone. A merged cell is read once.
 */
function codeOf(grid: Grid, band: Band, row: number, name: string, carried: string[]): string | undefined {
  const parts = band.codeColumns.map((c) => (cellAt(grid, row, c)?.covered ? '' : textAt(grid, row, c)));
  let last = -1;
  parts.forEach((p, k) => { if (p) last = k; });
  let inColumns: string | undefined;
  if (last >= 0) {
    inColumns = classificationCode(parts[last], true);
    if (inColumns) carried.splice(0, carried.length, ...(last === 0 ? [parts[0]] : []));
    else {
      const full = parts.slice(0, last + 1).map((p, k) => p || carried[k] || '');
      inColumns = full.every((p) => p) ? classificationCode(full.join(''), true) : undefined;
      if (inColumns) carried.splice(0, carried.length, ...full);
    }
  }
  return inColumns ?? classificationCode(name);
}

/** Every body row described, in order. */
export function describeRows(grid: Grid, band: Band): RowNode[] {
  const carried: string[] = [];
  return band.body.map((row) => {
    const { label, col } = labelOf(grid, band, row);
    const { label: bare, ofWhich } = stripOfWhich(label);
    const n = readNumbering(bare);
    const name = (n ? bare.slice(n.textStart) : bare).replace(/^[\s:：、.．]+/, '');
    const node: RowNode = { row, label, name, ofWhich, heading: false, children: [], edge: 'root' };
    if (n) node.numbering = { family: n.family, value: n.value };
    const t = totalKind(name) ?? labelTotalKind(name);
    if (t) node.total = t;
    const unit = countUnitOfLabel(label);
    if (unit) node.countUnit = unit;
    // a label merged over the value columns, or a row holding one text across: a heading inside the table
    const first = band.columns[0]?.col;
    node.heading = isSpanning(grid, row) || (col >= 0 && first !== undefined && cellAt(grid, row, first)?.covered === true
      && textAt(grid, row, first) === textAt(grid, row, col));
    const m = headerMeaning(name);
    if (isMeasure(m) && m.kind !== 'label' && m.kind !== 'text') node.measure = m;
    const code = codeOf(grid, band, row, name, carried);
    if (code) node.code = code;
    return node;
  });
}

/** A row naming another member of a breakdown its parent is a member of (公务接待费 after 公务用车's 其中 rows). */
function siblingMember(a: string, parent: string): boolean {
  return TABLE_BREAKDOWNS.some((g) => {
    if (g.whole?.test(parent)) return false; // the parent is this breakdown's whole, not one of its members
    const ma = breakdownMember(g, a);
    const mb = breakdownMember(g, parent);
    return ma !== undefined && mb !== undefined && ma !== mb;
  });
}

/**
 * Builds the tree. Numbered rows nest by their numbering families (a family already open is a sibling; a new family
 * that starts at 1 goes under the row before it); a 其中 row and the unnumbered rows after it are parts of the row
 * before the 其中, until a numbered row, a total, a heading, another member of the parent's breakdown, a row that
 * opens a numbered list of its own, or the end of the block (an end nothing states: `openEnd`); other unnumbered rows
 * sit beside the nearest unnumbered row above them. Rows with classification codes nest by code (201 ⊃ 20101 ⊃
 * 2010101). Indentation is not read: Word and PDF tables do not carry it as workbooks do, and a table must give the
 * same records in every format.
 */
export function buildTree(rows: RowNode[]): RowNode {
  const root: RowNode = { row: -1, label: '', name: '', ofWhich: false, heading: false, children: [], edge: 'root' };
  const attach = (node: RowNode, parent: RowNode, edge: Edge) => {
    node.parent = parent;
    node.edge = edge;
    parent.children.push(node);
  };
  const coded = rows.filter((r) => r.code).length >= 2;
  let last: RowNode | undefined;
  // an open 其中 list: its parent and its members
  let list: { parent: RowNode; members: RowNode[] } | undefined;
  // a list whose end nothing states: its parts after the first are unnumbered rows, and the table (or a new whole) ends it
  const closeList = (stated: boolean) => {
    if (list && !stated && list.members.slice(1).some((m) => !m.numbering)) list.parent.openEnd = true;
    list = undefined;
  };
  const ancestors = (n: RowNode | undefined) => { const out: RowNode[] = []; for (let a = n; a && a !== root; a = a.parent) out.push(a); return out; };

  rows.forEach((node, index) => {
    const next = rows[index + 1];
    if (coded && node.code) {
      closeList(true);
      const parent = [...ancestors(last)].find((a) => a.code && node.code!.startsWith(a.code) && a.code.length < node.code!.length)
        ?? [...rows.slice(0, rows.indexOf(node))].reverse().find((a) => a.code && node.code!.startsWith(a.code) && a.code.length < node.code!.length);
      attach(node, parent ?? root, parent ? 'code' : 'root');
      last = node;
      return;
    }
    if (node.numbering) {
      const same = ancestors(last).find((a) => a.numbering?.family === node.numbering!.family);
      if (same) {
        const stated = !list || list.parent === same.parent;
        if (list && list.parent !== same.parent) closeList(true);
        else if (!stated) closeList(false);
        attach(node, same.parent ?? root, same.edge === 'ofWhich' ? 'ofWhich' : 'numbering');
        if (list && list.parent === same.parent) list.members.push(node);
      } else if (node.ofWhich && last) {
        closeList(true);
        attach(node, last, 'ofWhich');
        list = { parent: last, members: [node] };
      } else if (node.numbering.value === 1 && last) {
        closeList(true);
        attach(node, last, 'numbering');
      } else {
        closeList(true);
        attach(node, root, last ? 'position' : 'root');
      }
      last = node;
      return;
    }
    if (node.ofWhich && last) {
      closeList(true);
      attach(node, last, 'ofWhich');
      list = { parent: last, members: [node] };
      last = node;
      return;
    }
    if (list) {
      const parent = list.parent;
      // a row that opens a numbered list of its own (三公经费 over 1、2、3、) is a new whole, not one more part
      const opensList = !!next?.numbering && next.numbering.value === 1 && !next.ofWhich;
      // a list of one breakdown's members (其中：一般公共预算…, 政府性基金…) ends at a row naming none of them (事业收入)
      const members = list.members;
      const outside = TABLE_BREAKDOWNS.some((g) => members.every((m) => breakdownMember(g, m.name)) && !breakdownMember(g, node.name));
      const stop = node.total || node.heading || siblingMember(node.name, parent.name) || opensList || outside;
      if (!stop) {
        attach(node, parent, 'ofWhich');
        list.members.push(node);
        last = node;
        return;
      }
      // a total or a heading ends the section, not the 其中 list: a row between may be a part or a sibling of its parent
      closeList(outside || (!opensList && !node.total && !node.heading));
    }
    // An unnumbered row sits beside the nearest unnumbered row above it that is no 其中 part.
    const beside = ancestors(last).find((a) => !a.numbering && a.edge !== 'ofWhich');
    const parent = beside?.parent ?? root;
    attach(node, parent, parent === root ? 'root' : 'position');
    last = node;
  });
  closeList(false);
  return root;
}

/** Every node of the tree below the root, depth first. */
export function nodesOf(root: RowNode): RowNode[] {
  const out: RowNode[] = [];
  const walk = (n: RowNode) => { for (const c of n.children) { out.push(c); walk(c); } };
  walk(root);
  return out;
}

/** The breakdown a total row names by its own words (支出总额 → 基本支出 + 项目支出), if any. */
export function namedBreakdown(node: RowNode) {
  return TABLE_BREAKDOWNS.find((b) => b.whole?.test(node.name));
}
