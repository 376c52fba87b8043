// A report's headline figures, decided once where the records are made: the main budget and spending pair, the overall
// score and grade. The workbook's 汇总 sheet shows them; nothing downstream chooses among the relations again.
import type { Quantity, Report, ReportSummary, RelationOf } from './schema.js';
import { inMoneyUnit, isPercent } from '../lexicon/index.js';

/** A money amount in 元 for comparing sizes, or undefined when its unit is no money unit (never guessed). */
const inYuan = (q: Quantity) => inMoneyUnit(q.value, q.unit, '元');

interface Pair { budget: Quantity; spending: Quantity; from: 'text' | 'table'; label: string; size: number }

/**
 * The main budget and spending: the execution-rate relation over the largest budget, with the denominator that best
 * matches its stated rate (the one the writer divided by); otherwise the largest budget-table row stating both a
 * full-year budget (or, on a form without one, the 年初预算数) and spending. Undefined when neither is in a money unit.
 */
function mainPair(report: Pick<Report, 'relations' | 'budget'>): Pair | undefined {
  let best: Pair | undefined;
  for (const rel of report.relations) {
    if (rel.kind !== 'rate' || !rel.name.includes('执行')) continue;
    const candidate = matchedDenominator(rel);
    if (candidate && (!best || candidate.size > best.size)) best = candidate;
  }
  if (best) return best;
  for (const row of report.budget) {
    if (row.sub) continue;
    const budget = row.annual ?? row.initial;
    const size = budget && inYuan(budget);
    if (!budget || size === undefined || !row.executed || inYuan(row.executed) === undefined) continue;
    if (!best || size > best.size) best = { budget, spending: row.executed, from: 'table', label: row.label, size };
  }
  return best;
}

function matchedDenominator(rel: RelationOf<'rate'>): Pair | undefined {
  const spending = inYuan(rel.numerator);
  if (spending === undefined) return undefined;
  let best: { q: Quantity; size: number; miss: number } | undefined;
  for (const d of rel.denominators) {
    const size = inYuan(d);
    if (size === undefined || size === 0) continue;
    const stated = isPercent(rel.rate.unit) ? rel.rate.value / 100 : rel.rate.value;
    const miss = Math.abs(spending / size - stated);
    if (!best || miss < best.miss) best = { q: d, size, miss };
  }
  if (!best) return undefined;
  const label = `${best.q.label ?? best.q.raw} / ${rel.numerator.label ?? rel.numerator.raw}`;
  return { budget: best.q, spending: rel.numerator, from: 'text', label, size: best.size };
}

/** The headline figures of a report's records. */
export function summarizeReport(report: Pick<Report, 'relations' | 'budget'>): ReportSummary {
  const summary: ReportSummary = {};
  const pair = mainPair(report);
  if (pair) summary.figures = { budget: pair.budget, spending: pair.spending, from: pair.from, label: pair.label };
  const score = report.relations.find((r): r is RelationOf<'total-score'> => r.kind === 'total-score');
  if (score) summary.score = score.score;
  const grade = report.relations.find((r): r is RelationOf<'grade'> => r.kind === 'grade');
  if (grade) summary.grade = grade.grade;
  return summary;
}
