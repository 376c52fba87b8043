// What a file's check covered: the claims found (prose relations by kind, table rows), and the numbers in none of them.
import { z } from 'zod';
import type { Quantity, Report } from './model/schema.js';
import { NOT_AN_AMOUNT } from './lexicon/index.js';

/** Relation kinds that state no arithmetic of their own (grade bands define what a grade check applies). */
const NOT_A_CLAIM = new Set(['grade-bands']);

export const Coverage = z.object({
  relations: z.record(z.string(), z.number().int()).describe('claims read from the text and from table totals, by relation kind'),
  tables: z.object({
    budgetRows: z.number().int().describe('budget-table rows stating a rate or a score to check'),
    scoreItems: z.number().int().describe('score rows stating both a maximum and a score'),
    indicators: z.number().int().describe('indicator rows stating both a weight and a score'),
    weights: z.number().int().describe('indicator tables whose weights are totalled (1 per table with two or more weights)'),
  }),
  checked: z.number().int().describe('all claims above: what 核对了 N 处 counts'),
  inferred: z.number().int().describe('claims read with an assumption (an operand picked by position, a list\'s end …): a mismatch on them only warns'),
  numbers: z.number().int().describe('amounts in the text (with a unit that is not a date), numbers in the recognised tables, and every number a claim was checked on'),
  unused: z.number().int().describe('those numbers that took part in no claim'),
  crossFile: z.union([
    z.object({ unit: z.string(), year: z.number().int(), role: z.string() }),
    z.object({ unplaced: z.enum(['no-unit', 'no-year', 'not-read']) }),
  ]).optional().describe('the unit, year and role the checks across files place the file with, or why they cannot (absent with --no-cross-file)'),
}).describe('what was checked in one file');
export type Coverage = z.infer<typeof Coverage>;

function isQuantity(v: unknown): v is Quantity {
  const q = v as Partial<Quantity> | null;
  return typeof q === 'object' && q !== null && typeof q.raw === 'string' && typeof q.value === 'number'
    && typeof q.decimals === 'number' && typeof q.location === 'object';
}

/** Every quantity inside a record, however deep: new relation kinds are counted without being listed here. */
function quantitiesIn(value: unknown, out: Quantity[] = []): Quantity[] {
  if (isQuantity(value)) { out.push(value); return out; }
  if (Array.isArray(value)) for (const v of value) quantitiesIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== 'location') quantitiesIn(v, out);
  }
  return out;
}

/** One number's identity: where it stands and how it is written (two copies of one number in a paragraph are one). */
function keyOf(q: Quantity): string {
  const l = q.location;
  return [l.sheet, l.cell, l.page, l.block, l.row, l.col, q.raw.replace(/\s+/g, '')].map((x) => x ?? '').join('|');
}

const usable = (q: Quantity | undefined): q is Quantity => q !== undefined && Number.isFinite(q.value);

export function countCoverage(report: Report): Coverage {
  const relations: Record<string, number> = {};
  const used = new Set<string>();
  let checked = 0;
  let inferred = 0;
  for (const r of report.relations) {
    if (NOT_A_CLAIM.has(r.kind)) continue;
    relations[r.kind] = (relations[r.kind] ?? 0) + 1;
    checked++;
    if (r.assumed?.length) inferred++;
    for (const q of quantitiesIn(r)) used.add(keyOf(q));
  }
  const claim = (qs: Array<Quantity | undefined>) => { checked++; for (const q of qs) if (q) used.add(keyOf(q)); };

  const tables = { budgetRows: 0, scoreItems: 0, indicators: 0, weights: 0 };
  for (const row of report.budget) {
    const rateStated = usable(row.rate) && usable(row.executed) && (usable(row.annual) || usable(row.initial));
    const scoreStated = usable(row.weight) && usable(row.score) && usable(row.rate);
    if (rateStated || scoreStated) { tables.budgetRows++; claim([row.initial, row.annual, row.executed, row.rate, row.weight, row.score]); }
  }
  for (const item of report.scoreItems) {
    if (usable(item.max) && usable(item.score)) { tables.scoreItems++; claim([item.max, item.score]); }
  }
  for (const ind of report.indicators) {
    if (usable(ind.weight) && usable(ind.score)) { tables.indicators++; claim([ind.weight, ind.score, ind.target, ind.actual]); }
  }
  // Weights are totalled per table; a table is told by its block (stitched tables keep their first block's rows apart,
  // which can only count a claim more, never invent numbers).
  const weighted = new Map<string, Quantity[]>();
  for (const ind of report.indicators) {
    if (!usable(ind.weight)) continue;
    const table = `${ind.location.sheet ?? ''}|${ind.location.block ?? ''}`;
    weighted.set(table, [...(weighted.get(table) ?? []), ind.weight]);
  }
  for (const weights of weighted.values()) if (weights.length >= 2) { tables.weights++; claim(weights); }

  const numbers = new Set<string>();
  for (const q of report.facts) if (q.unit && !NOT_AN_AMOUNT.has(q.unit) && Number.isFinite(q.value)) numbers.add(keyOf(q));
  for (const q of quantitiesIn([report.indicators, report.scoreItems, report.budget])) numbers.add(keyOf(q));
  // and every number a claim was checked on (a column of an amount table summed by its total row is no fact, yet
  // checked: 6 with numbers: 0 would say nothing was there to check)
  for (const k of used) numbers.add(k);
  let unused = 0;
  for (const k of numbers) if (!used.has(k)) unused++;
  return { relations, tables, checked, inferred, numbers: numbers.size, unused };
}
