// A file's key figures for the checks across files: who and which year it is about, what kind of document it is, the
// figures a unit's other files state too, and the fingerprint of what it shows. Small, so that it, not the whole
// records, is what crosses from a worker to the main thread; read from the records, never decided again.
import { modelLocation, type Finding, type Location } from '../findings.js';
import type { BudgetRow, Quantity, Report, RelationOf } from './schema.js';
import {
  budgetBasis, fundingSource, isMoneyUnit, namesFundingSource, namesSpending, normalizeName, numbersIn, unitOf, type BudgetBasis, type FundingSource,
} from '../lexicon/index.js';

/** What a document's figures are about: the unit as a whole (部门整体) or one project. */
export type Level = 'unit' | 'project';

/** The figures two files of one unit both state. */
export type FigureItem = 'budget' | 'spending' | 'rate' | 'score' | 'grade' | 'project-count';

/** A number as written, without its place (the figure carries that). */
export type Written = Pick<Quantity, 'raw' | 'value' | 'decimals' | 'unit' | 'label'>;

export interface KeyFigure {
  item: FigureItem;
  /** the number (every item but grade) */
  quantity?: Written;
  /** the grade as written (item grade) */
  grade?: string;
  /** which budget an amount is: the initial or the year's adjusted one; absent when its label does not say */
  basis?: BudgetBasis;
  /** the funding source an amount or rate is of (财政拨款 …); absent for the whole budget */
  source?: FundingSource;
  location: Location;
  evidence?: string;
  /**
   * The document states this figure for its item with nothing to choose: a form's total row, the one overall score a
   * report states. False where reading it needed a choice (the largest of several execution rates): a difference can
   * then only warn.
   */
  stated: boolean;
  /** a finding of the file itself stands on this figure: its own parts disagree with it (less support than the other's) */
  contradicted?: boolean;
}

/** Why a file cannot be placed with a unit: it names no unit, no year, or was not read. */
export type Unplaced = 'no-unit' | 'no-year' | 'not-read';

export interface KeyFigures {
  /** the unit's name normalised for grouping (src/lexicon/names.ts); absent when the file does not name one */
  unit?: string;
  /** the unit as the file writes it */
  unitAsWritten?: string;
  year?: number;
  /** the document's kind as written in its records (部门整体支出绩效自评表 …), for messages */
  kind?: string;
  /** report (prose with sections) or form (the form profile's id), and the level its figures are about */
  role: string;
  level?: Level;
  figures: KeyFigure[];
  /** what the document shows, as a hash (src/model/fingerprint.ts): a twin has the same; absent when it shows too little */
  fingerprint?: string;
}

/** The placement a file's coverage reports: its unit, year and role, or why it has none. */
export type Placement = { unit: string; year: number; role: string } | { unplaced: Unplaced };

/** Form profiles by the level their figures are about; other forms (三公, 基础数据表) are compared with nothing. */
const FORM_LEVEL: Readonly<Record<string, Level>> = { 'project-form': 'project', 'dept-overall': 'unit', 'score-sheet': 'unit' };

/** A prose report's kind that is about one project (the title says 项目, not 整体): src/model/prose reads it. */
const PROJECT_REPORT = /项目/;
const WHOLE_UNIT = /整体/;

/** Report or form, and the level: a document with numbered sections is a report even when it holds its form. */
function roleOf(report: Report): { role: string; level?: Level } {
  const form = report.meta.form;
  const prose = report.sections.length > 0 || (!form && report.facts.length > 0);
  if (!prose) return form ? { role: form, level: FORM_LEVEL[form] } : { role: 'other' };
  if (form) return { role: 'report', level: FORM_LEVEL[form] ?? 'unit' };
  const kind = report.meta.kind ?? '';
  return { role: 'report', level: PROJECT_REPORT.test(kind) && !WHOLE_UNIT.test(kind) ? 'project' : 'unit' };
}

const written = (q: Quantity): Written => {
  const w: Written = { raw: q.raw, value: q.value, decimals: q.decimals };
  if (q.unit !== undefined) w.unit = q.unit;
  if (q.label !== undefined) w.label = q.label;
  return w;
};

/** Two locations of one number: the same place in the same file (a table's ordinal, added for display, aside). */
function samePlace(a: Location, b: Location): boolean {
  return a.file === b.file && a.block === b.block && a.row === b.row && a.col === b.col && a.sheet === b.sheet
    && a.cell === b.cell && a.paragraph === b.paragraph && a.origin === b.origin;
}

/** A file's own finding that stands on the figure: at its place, about its number when it names one. */
function contradicts(findings: Finding[], q: Quantity): boolean {
  const value = (s: string) => numbersIn(s)[0];
  // findings are located as reported (rows and columns 1-based), records in the document model's indices
  return findings.some((f) => f.severity !== 'info' && samePlace(modelLocation(f.location), q.location)
    && (f.actual === undefined || value(f.actual) === value(q.raw)));
}

/** The execution-rate relation the model took the headline budget and spending from (src/model/summary.ts). */
function mainRate(report: Report): RelationOf<'rate'> | undefined {
  const f = report.summary.figures;
  if (!f || f.from !== 'text') return undefined;
  return report.relations.find((r): r is RelationOf<'rate'> => r.kind === 'rate'
    && samePlace(r.numerator.location, f.spending.location) && r.numerator.raw === f.spending.raw
    && r.denominators.some((d) => samePlace(d.location, f.budget.location) && d.raw === f.budget.raw));
}

/** The execution rates a report states (执行率 relations), by value as written. */
function executionRates(report: Report): Set<string> {
  return new Set(report.relations.filter((r): r is RelationOf<'rate'> => r.kind === 'rate' && r.name.includes('执行')).map((r) => `${r.rate.value}|${r.rate.unit ?? ''}`));
}

/** A report's counts of projects it evaluated (本次绩效评价项目27个, 开展自评的项目3个): the forms a folder should hold. */
const EVALUATED_PROJECTS = /项目/;
const EVALUATION = /自评|评价/;

function reportFigures(report: Report, own: (q: Quantity) => KeyFigure['contradicted']): KeyFigure[] {
  const figures: KeyFigure[] = [];
  const add = (item: FigureItem, q: Quantity, stated: boolean, evidence: string | undefined, extra: Partial<KeyFigure> = {}) => {
    const figure: KeyFigure = { item, quantity: written(q), location: q.location, stated, ...extra };
    if (evidence !== undefined) figure.evidence = evidence;
    if (own(q)) figure.contradicted = true;
    figures.push(figure);
  };
  // the overall score the text states (not a scoring sheet's total row inside the report: its own file's matter)
  const scores = report.relations.filter((r): r is RelationOf<'total-score'> => r.kind === 'total-score' && !r.sheet);
  const distinctScores = new Set(scores.map((r) => r.score.value));
  for (const r of scores) add('score', r.score, distinctScores.size === 1, r.evidence);
  const grades = report.relations.filter((r): r is RelationOf<'grade'> => r.kind === 'grade');
  for (const r of grades) {
    const figure: KeyFigure = { item: 'grade', grade: r.grade, location: r.location, evidence: r.evidence, stated: grades.length === 1 };
    figures.push(figure);
  }
  const f = report.summary.figures;
  const rate = mainRate(report);
  // an amount naming several sources, or one a form does not break out, is compared with nothing
  const sourced = (label: string | undefined): { ok: boolean; extra: Partial<KeyFigure> } => {
    const source = fundingSource(label);
    return { ok: source !== undefined || !namesFundingSource(label), extra: source ? { source } : {} };
  };
  if (f && rate) {
    // the headline pair was chosen among the text's rates (the largest budget): stated only when nothing was to choose
    const one = executionRates(report).size === 1;
    const of = sourced(f.budget.label);
    const basis = budgetBasis(f.budget.label);
    if (of.ok) add('rate', rate.rate, one, rate.evidence, of.extra);
    if (of.ok && isMoneyUnit(f.budget.unit)) add('budget', f.budget, one && basis !== undefined, rate.evidence, { ...of.extra, ...(basis ? { basis } : {}) });
    const spent = sourced(f.spending.label);
    if (spent.ok && isMoneyUnit(f.spending.unit) && namesSpending(f.spending.label)) add('spending', f.spending, one, rate.evidence, spent.extra);
  } else if (f && f.from === 'table') {
    figures.push(...budgetRowFigures(report, own));
  }
  const counts = report.facts.filter((q) => unitOf(q.unit).dimension === 'count' && q.decimals === 0
    && EVALUATED_PROJECTS.test(q.label ?? '') && EVALUATION.test(q.label ?? ''));
  if (new Set(counts.map((q) => q.value)).size === 1) add('project-count', counts[0], false, undefined);
  return figures;
}

/**
 * A form's budget block: its total row (the first that is no 其中 row and states an amount), the whole budget; and the
 * rows under it that name one funding source (当年财政拨款, 上年结转资金, 其他资金), each that source's.
 */
function budgetRowFigures(report: Report, own: (q: Quantity) => KeyFigure['contradicted']): KeyFigure[] {
  const total = report.budget.findIndex((b) => !b.sub && (b.annual ?? b.initial ?? b.executed) !== undefined);
  if (total < 0) return [];
  const rows: Array<{ row: BudgetRow; source?: FundingSource }> = [{ row: report.budget[total] }];
  for (const row of report.budget.slice(total + 1)) {
    if (!row.sub) break;
    const source = fundingSource(row.label);
    if (source) rows.push({ row, source });
  }
  const figures: KeyFigure[] = [];
  for (const { row, source } of rows) {
    const add = (item: FigureItem, q: Quantity | undefined, basis?: BudgetBasis) => {
      if (!q || !Number.isFinite(q.value)) return;
      const figure: KeyFigure = { item, quantity: written(q), location: q.location, stated: true, evidence: row.label };
      if (basis) figure.basis = basis;
      if (source) figure.source = source;
      if (own(q)) figure.contradicted = true;
      figures.push(figure);
    };
    add('budget', row.initial, 'initial');
    add('budget', row.annual, 'annual');
    add('spending', row.executed);
    add('rate', row.rate);
  }
  return figures;
}

function formFigures(report: Report, own: (q: Quantity) => KeyFigure['contradicted']): KeyFigure[] {
  const figures = budgetRowFigures(report, own);
  const totals = report.relations.filter((r): r is RelationOf<'total-score'> => r.kind === 'total-score' && Boolean(r.sheet));
  for (const r of totals) {
    const figure: KeyFigure = { item: 'score', quantity: written(r.score), location: r.score.location, evidence: r.evidence, stated: totals.length === 1 };
    if (own(r.score)) figure.contradicted = true;
    figures.push(figure);
  }
  return figures;
}

/** The file's key figures, from its records and its own findings (which tell a figure its parts disagree with). */
export function keyFiguresOf(records: Report, findings: Finding[]): KeyFigures {
  // records read back from a shard of an older version may lack a part: as if it held nothing
  const report: Report = {
    ...records, sections: records.sections ?? [], facts: records.facts ?? [], relations: records.relations ?? [],
    indicators: records.indicators ?? [], scoreItems: records.scoreItems ?? [], budget: records.budget ?? [], summary: records.summary ?? {},
  };
  const { role, level } = roleOf(report);
  const own = (q: Quantity) => contradicts(findings, q) || undefined;
  const figures = level === undefined ? [] : role === 'report' ? reportFigures(report, own) : formFigures(report, own);
  const keys: KeyFigures = { role, figures };
  if (level) keys.level = level;
  const unit = report.meta.unit ? normalizeName(report.meta.unit) : '';
  if (unit) { keys.unit = unit; keys.unitAsWritten = report.meta.unit; }
  if (report.meta.year !== undefined) keys.year = report.meta.year;
  if (report.meta.kind) keys.kind = report.meta.kind;
  if (report.meta.fingerprint) keys.fingerprint = report.meta.fingerprint;
  return keys;
}

/** Where the file stands for the checks across files: its unit, year and role, or why it cannot be placed. */
export function placementOf(keys: KeyFigures | undefined): Placement {
  if (!keys) return { unplaced: 'not-read' };
  if (keys.unit === undefined) return { unplaced: 'no-unit' };
  if (keys.year === undefined) return { unplaced: 'no-year' };
  return { unit: keys.unit, year: keys.year, role: keys.role };
}
