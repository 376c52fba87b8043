// 同一数字两处出现应一致：正文与表格中同名、同单位的数（如公用经费、自评总分）.
import { defineDocumentCheck, type Issue } from './define.js';
import type { Quantity, Report } from '../model/schema.js';
import { intervalOf, isUsable, overlaps, type Interval } from '../precision.js';
import { unitOf, withoutUnitNotes } from '../lexicon/index.js';

type Id = 'totalScore' | 'fact';

/** 公用经费（万元）： → 公用经费. Labels must be equal after this to count as the same quantity. */
export function normalizeLabel(label: string): string {
  return withoutUnitNotes(label.normalize('NFKC'))
    .replace(/[\s:：,，.。;；、“”"'‘’《》<>\[\]【】（）()]/g, '');
}

const inTable = (q: Quantity) => q.location.row !== undefined || q.location.cell !== undefined;

/** Values that all mean the same number (their intervals meet pairwise) or undefined when they disagree. */
function agreed(qs: Quantity[], interval: (q: Quantity) => Interval): Quantity | undefined {
  for (let i = 0; i < qs.length; i++) for (let j = i + 1; j < qs.length; j++) if (!overlaps(interval(qs[i]), interval(qs[j]))) return undefined;
  return qs[0];
}

export default defineDocumentCheck({
  id: 'cross-ref',
  severity: 'error',
  description: { zh: '同一数字在正文与表格中不一致', en: 'the same figure differs between the text and a table' },
  formula: '正文中的数 = 表格中同名同单位的数（自评总分 = 打分表合计）',
  messages: {
    totalScore: {
      zh: '正文中自评总分为 {actual}，打分表合计（{otherPlace}）为 {expected}',
      en: 'the text gives a total score of {actual}; the scoring sheet totals {expected} ({otherPlace})',
    },
    fact: { zh: '“{label}”正文中为 {actual}，表格中（{otherPlace}）为 {expected}', en: '"{label}" is {actual} in the text and {expected} in a table ({otherPlace})' },
  },
  *run(report) {
    yield* totalScore(report);
    yield* facts(report);
  },
});

/**
 * The table's number as the other place the finding names, and the text's number as an interval in the table number's
 * unit: when a rule finds the table's number wrong against its own parts and the text's number agrees with those parts,
 * the table is the one that is wrong (one-cause.ts moves the finding there).
 */
function otherPlace(text: Quantity, table: Quantity, factors = { text: unitOf(text.unit).factor, table: unitOf(table.unit).factor }) {
  const range = intervalOf(text, factors.text);
  return { other: { location: table.location, value: table.raw }, textRange: { lo: range.lo / factors.table, hi: range.hi / factors.table } };
}

function* totalScore(report: Report): Generator<Issue<Id>> {
  const totals = report.relations.filter((r): r is Extract<typeof r, { kind: 'total-score' }> => r.kind === 'total-score' && isUsable(r.score));
  // The sheet's total: its total row, which the model reads as a total-score marked `sheet`.
  const sheetTotals = totals.filter((r) => r.sheet).map((r) => r.score);
  if (sheetTotals.length === 0) return;
  const sheet = agreed(sheetTotals, (q) => intervalOf(q, 1));
  if (!sheet) return;
  const prose = totals.filter((r) => !r.sheet);
  // A report may state several scores (its projects'); only when none of them is the sheet's total is one wrong.
  if (prose.length === 0 || prose.some((r) => overlaps(intervalOf(r.score, 1), intervalOf(sheet, 1)))) return;
  for (const r of prose) {
    yield { messageId: 'totalScore', location: r.score.location ?? r.location, evidence: r.evidence, expected: sheet.raw, actual: r.score.raw, data: otherPlace(r.score, sheet, { text: 1, table: 1 }) };
  }
}

function* facts(report: Report): Generator<Issue<Id>> {
  const groups = new Map<string, { prose: Quantity[]; table: Quantity[] }>();
  for (const q of report.facts) {
    if (!isUsable(q) || !q.label) continue;
    const label = normalizeLabel(q.label);
    if (label.length < 2) continue;
    const dim = unitOf(q.unit).dimension;
    if (dim === 'none') continue; // a bare number could be in any unit
    const key = `${label}|${dim}`;
    const g = groups.get(key) ?? { prose: [], table: [] };
    (inTable(q) ? g.table : g.prose).push(q);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.prose.length === 0 || g.table.length === 0) continue;
    const prose = agreed(g.prose, (q) => intervalOf(q));
    const table = agreed(g.table, (q) => intervalOf(q));
    if (!prose || !table || overlaps(intervalOf(prose), intervalOf(table))) continue;
    for (const q of g.prose) {
      yield { messageId: 'fact', location: q.location, evidence: q.raw, expected: table.raw, actual: q.raw, data: { label: q.label, ...otherPlace(q, table) } };
    }
  }
}
