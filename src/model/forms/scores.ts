// Scoring sheets (打分表): one ScoreItem per row, category maxima from labels, total score rows.
import type { Quantity, Relation, ScoreItem } from '../schema.js';
import { cellNumber, type Grid, isSpanningRow, locationOf, textAt, toQuantity } from '../tables/grid.js';
import { has, type Region, type Role, roleColumn, isLabelHeader, roleText } from '../tables/header.js';
import { headerOf, labelRoles, totalOf, totalRelations, type TotalRow } from './indicators.js';
import { isDeduction, labelMax } from '../tables/labels.js';

/**
 * A number in a role's columns: the joined text, or else the column that holds one. Sheets with a 分值 column
 * after each level (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值) give the item's own in the first after its name.
 */
function numberIn(grid: Grid, region: Region, row: number, role: Role, label: string): Quantity | undefined {
  const joined = cellNumber(roleText(grid, region, row, role));
  const col = roleColumn(grid, region, row, role);
  if (joined && col !== undefined) return toQuantity(joined, grid, row, col, label);
  const found = (region.columns.get(role) ?? [])
    .map((c) => ({ c, n: cellNumber(textAt(grid, row, c)) }))
    .filter((x) => x.n);
  const nameCol = region.columns.get('name')?.[0];
  const pick = found.length === 1 ? found[0] : nameCol === undefined ? undefined : found.find((x) => x.c > nameCol);
  return pick ? toQuantity(pick.n!, grid, row, pick.c, label) : undefined;
}

interface Labelled {
  item: ScoreItem;
  level1?: { text: string; row: number; col: number };
  level2?: { text: string; row: number; col: number };
}

export interface ScorePart {
  scoreItems: ScoreItem[];
  relations: Relation[];
}

export function extractScores(grid: Grid, region: Region): ScorePart {
  const labelled: Labelled[] = [];
  const totals: TotalRow[] = [];
  const maxHeader = headerOf(region, 'weight', '分值');
  const scoreHeader = headerOf(region, 'score', '得分');
  let level1: Labelled['level1'];
  let level2: Labelled['level2'];
  let subtotalFrom = 0;

  for (const row of region.rows) {
    if (isSpanningRow(grid, row)) continue;
    const total = totalOf(grid, region, row);
    if (total) {
      const t: TotalRow = { ...total, row, from: total.kind === 'subtotal' ? subtotalFrom : 0 };
      const max = numberIn(grid, region, row, 'weight', `${total.label}·${maxHeader}`);
      const score = numberIn(grid, region, row, 'score', `${total.label}·${scoreHeader}`);
      if (max) t.weight = max;
      if (score) t.score = score;
      if (total.kind === 'subtotal') { t.to = labelled.length; subtotalFrom = labelled.length; }
      totals.push(t);
      continue;
    }
    const l1 = roleText(grid, region, row, 'level1');
    if (l1) {
      if (l1 !== level1?.text) { level2 = undefined; level1 = { text: l1, row, col: roleColumn(grid, region, row, 'level1')! }; }
    }
    const l2 = roleText(grid, region, row, 'level2');
    if (l2 && l2 !== level2?.text) level2 = { text: l2, row, col: roleColumn(grid, region, row, 'level2')! };
    const name = has(region, 'name') ? roleText(grid, region, row, 'name') : (l2 || l1);
    if (!name || isLabelHeader(name)) continue;

    const max = numberIn(grid, region, row, 'weight', `${name}·${maxHeader}`);
    const score = numberIn(grid, region, row, 'score', `${name}·${scoreHeader}`);
    const deduction = [level1?.text, level2?.text, name].some((t) => t && isDeduction(t));
    if (!max && !score && !deduction) continue;

    const nameRole: Role = has(region, 'name') ? 'name' : l2 ? 'level2' : 'level1';
    const item: ScoreItem = { name, location: locationOf(grid, row, roleColumn(grid, region, row, nameRole) ?? 0) };
    const l1Text = level1 && level1.text !== name ? level1 : undefined;
    const l2Text = level2 && level2.text !== name && level2.text !== level1?.text ? level2 : undefined;
    if (l1Text) item.level1 = l1Text.text;
    if (l2Text) item.level2 = l2Text.text;
    if (max) item.max = max;
    if (score) item.score = score;
    if (deduction) item.deduction = true;
    const categoryMax = [l1Text, l2Text].flatMap((l) => (l ? [labelQuantity(grid, l)] : [])).filter((q): q is Quantity => !!q);
    if (categoryMax.length) item.categoryMax = categoryMax;
    labelled.push({ item, level1: l1Text, level2: l2Text });
  }

  const scoreItems = labelled.map((l) => l.item);
  return { scoreItems, relations: [...sectionRelations(grid, labelled), ...scoreTotals(totals, scoreItems)] };
}

function labelQuantity(grid: Grid, label: { text: string; row: number; col: number }): Quantity | undefined {
  const m = labelMax(label.text);
  if (!m) return undefined;
  return { raw: m.raw, value: m.value, decimals: m.decimals, unit: '分', label: m.name, location: locationOf(grid, label.row, label.col) };
}

/**
 * 预算管理（25分） = the maxima of its items; 总体绩效（65分） = its categories' stated maxima when every
 * category states one, else the maxima of all its items. Skipped when an operand is missing.
 */
function sectionRelations(grid: Grid, labelled: Labelled[]): Relation[] {
  const out: Relation[] = [];
  const groups = (key: 'level1' | 'level2', items: Labelled[]) => {
    const map = new Map<string, Labelled[]>();
    for (const l of items) {
      const label = l[key];
      if (!label) continue;
      const k = `${label.text}@${label.row}`;
      const list = map.get(k) ?? [];
      list.push(l);
      map.set(k, list);
    }
    return [...map.values()];
  };
  const relation = (label: { text: string; row: number; col: number }, parts: Array<Quantity | undefined>): void => {
    const max = labelQuantity(grid, label);
    if (!max || !parts.length || parts.some((p) => !p)) return;
    out.push({ kind: 'section-max', name: max.label ?? label.text, max, parts: parts as Quantity[],
      location: max.location, evidence: label.text });
  };
  for (const g1 of groups('level1', labelled)) {
    const subgroups = groups('level2', g1);
    const everySubStates = subgroups.length > 0 && g1.every((l) => l.level2)
      && subgroups.every((g) => labelMax(g[0].level2!.text));
    relation(g1[0].level1!, everySubStates
      ? subgroups.map((g) => labelQuantity(grid, g[0].level2!))
      : g1.map((l) => l.item.max));
  }
  for (const g2 of groups('level2', labelled)) relation(g2[0].level2!, g2.map((l) => l.item.max));
  return out;
}

/** A stated total score: the report-level score (TotalScoreRelation) and the sum of the item scores. */
function scoreTotals(totals: TotalRow[], items: ScoreItem[]): Relation[] {
  const deductions = items.filter((i) => i.deduction && i.score)
    .map((i) => ({ ...i.score!, value: -Math.abs(i.score!.value), label: `${i.name}（扣分）` }));
  const out: Relation[] = [];
  for (const t of totals) {
    if (t.kind !== 'total' || !t.score) continue;
    // A row has no sentence: its evidence is the label and the number as written, like other table rows'.
    const rel: Relation = { kind: 'total-score', score: t.score, sheet: true, location: t.score.location, evidence: `${t.label} ${t.score.raw}` };
    if (t.weight) rel.max = t.weight;
    out.push(rel);
  }
  const records = items.map((i) => ({ weight: i.max, score: i.score, deduction: i.deduction }));
  out.push(...totalRelations(totals, records, (t) => t.label, undefined, deductions));
  return out;
}
