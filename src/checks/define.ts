// The shape of a check (metadata, message templates, the records it reads, a generator of issues) and the one
// expected-vs-actual helper.
import type { z } from 'zod';
import type { Location, Severity } from '../findings.js';
import type { Assumption, BudgetRow, Indicator, Quantity, Relation, RelationOf, Report, ScoreItem } from '../model/schema.js';
import type { Config } from '../config.js';
import type { KeyedFile } from '../model/units.js';
import type { RuleMeta } from '../catalog/define.js';
import {
  type Interval, type Rounding, consistency, verdict, formatNumber, digitsAsWritten, isExact,
} from '../precision.js';
import { unitOf } from '../lexicon/index.js';

export type { Text } from '../catalog/define.js';

/** What users see of a check: its id, default severity, description, formula and message templates. */
export type CheckMeta = RuleMeta;

export type RelationKind = Relation['kind'];

/**
 * The record kinds a check reads, declared the way an ESLint rule names its node types: the runner hands the check
 * these and nothing else.
 */
export interface Reads<K extends RelationKind = RelationKind> {
  /** relation kinds, e.g. ['rate'] */
  relations?: readonly K[];
  indicators?: true;
  scoreItems?: true;
  budget?: true;
}

/** What a record check receives: the relations of its kinds in document order, and the table records it declared. */
export interface Records<K extends RelationKind = RelationKind> {
  path: string;
  relations: Array<RelationOf<K>>;
  /** empty unless the check reads indicators */
  indicators: Indicator[];
  /** empty unless the check reads score items */
  scoreItems: ScoreItem[];
  /** empty unless the check reads budget rows */
  budget: BudgetRow[];
}

export interface CheckContext<O = Record<string, never>> {
  rounding: Rounding;
  /** the check's options, parsed by its schema (defaults filled) from the configuration */
  options: O;
}

/** What a check yields; the pipeline settles its severity and a formatter renders its message. */
export interface Issue<M extends string = string> {
  messageId: M;
  location: Location;
  evidence?: string;
  expected?: string;
  actual?: string;
  data?: Record<string, unknown>;
  /** overrides the check's severity for this issue (a truncation is a warning in an error check) */
  severity?: Severity;
  /** what extraction assumed to read the relation judged: the finding is then a warning at most, saying so */
  assumed?: Assumption[];
}

interface CheckBase<M extends string, O> extends RuleMeta<M> {
  /** the check's options as a schema with defaults: `rules: { <id>: { severity, ...options } }` in the configuration */
  options?: z.ZodType<O>;
  /** options the configuration gives at its top level (gradeBands, weightTotal), under the rule's own names */
  configOptions?: (config: Config) => Record<string, unknown>;
}

/** A check over records of the kinds it declares: one relation, row or table at a time. */
export interface RecordCheck<M extends string = string, K extends RelationKind = RelationKind, O = unknown> extends CheckBase<M, O> {
  stage: 'records';
  reads: Reads<K>;
  run(records: Records<K>, ctx: CheckContext<O>): Iterable<Issue<M>>;
}

/** A check over a whole document: what no single record shows (nothing checked, a figure stated twice, a form's blocks). */
export interface DocumentCheck<M extends string = string, O = unknown> extends CheckBase<M, O> {
  stage: 'document';
  run(report: Report, ctx: CheckContext<O>): Iterable<Issue<M>>;
}

/**
 * One file as a batch check sees it: its key figures (src/model/key-figures.ts), not its whole records. They are what
 * a worker hands back and the run keeps per file, so a batch of thousands holds no report in memory.
 */
export type BatchFile = KeyedFile;

/** A check over a batch of files (one file against the others); its issues name the file they are about. */
export interface BatchCheck<M extends string = string, O = unknown> extends CheckBase<M, O> {
  stage: 'batch';
  run(files: BatchFile[], ctx: CheckContext<O>): Iterable<Issue<M>>;
}

// The registry holds checks of every record kind and option type; each check's own types are fixed where it is
// defined, and the runner hands it only what it declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Check = RecordCheck<string, any, any> | DocumentCheck<string, any>;

/** A check over records; its message ids (from `messages`) type what it may yield. */
export function defineCheck<M extends string, K extends RelationKind = RelationKind, O = Record<string, never>>(
  check: Omit<RecordCheck<M, K, O>, 'stage'>,
): RecordCheck<M, K, O> {
  return { ...check, stage: 'records' };
}

/** A check over a whole document. */
export function defineDocumentCheck<M extends string, O = Record<string, never>>(check: Omit<DocumentCheck<M, O>, 'stage'>): DocumentCheck<M, O> {
  return { ...check, stage: 'document' };
}

/** A check over a batch of files. */
export function defineBatchCheck<M extends string, O = Record<string, never>>(check: Omit<BatchCheck<M, O>, 'stage'>): BatchCheck<M, O> {
  return { ...check, stage: 'batch' };
}

/** One stated number judged against the interval its operands allow. */
export interface Comparison<M extends string = 'mismatch', T extends string = 'truncated'> {
  /** the number as written that is being judged */
  stated: Quantity;
  /** multiply the stated value by this to reach the base unit the computed interval is in */
  factor?: number;
  /** true when the stated number is exact (a count), so no rounding interval applies */
  exact?: boolean;
  /** what the operands allow, in base units */
  computed: Interval;
  /** the value from the operands as written, in base units; shown as the expected number */
  estimate: number;
  /** the operands as written, e.g. "8724.90 ÷ 9883.28" */
  formula: string;
  location?: Location;
  evidence: string;
  data?: Record<string, unknown>;
  /** message ids for the two outcomes; default mismatch / truncated */
  ids?: { mismatch: M; truncated: T };
  /** what extraction assumed to read the relation (the relation's own `assumed`) */
  assumed?: Assumption[];
}

export interface Assessment<M extends string = 'mismatch' | 'truncated'> {
  outcome: 'ok' | 'truncated' | 'mismatch';
  /** the finding to report when the outcome is not ok */
  issue?: Issue<M>;
}

const DEFAULT_IDS = { mismatch: 'mismatch', truncated: 'truncated' } as const;

/** The unit suffix a stated number was written with ("%", "万元"), reused to write the expected value. */
export function unitSuffix(q: Quantity): string {
  return q.unit ?? '';
}

/** The expected value written like the stated one: same decimals, same unit. */
export function expectedText(stated: Quantity, estimateInStatedUnit: number): string {
  return formatNumber(estimateInStatedUnit, stated.decimals) + unitSuffix(stated);
}

/**
 * { impliedUnit } when a stated number was written without the unit it has (a cell under a 增减% or 金额（万元）
 * header), or without part of it (资金19204.096万 for 万元): shown after it, so 实为 says -47.95% as 应为 says -49.32%.
 */
export function impliedUnit(stated: Quantity): { impliedUnit?: string } {
  const unit = stated.unit;
  if (!unit) return {};
  const written = stated.raw.normalize('NFKC').trim();
  const full = unit.normalize('NFKC');
  if (written.endsWith(full)) return {};
  // 19204.096万 read as 万元 (a noun of money before it): only 元 is implied
  for (let k = full.length - 1; k > 0; k--) if (written.endsWith(full.slice(0, k))) return { impliedUnit: full.slice(k) };
  return { impliedUnit: unit };
}

/** Judge a stated number; every expected-vs-actual finding goes through here so they all read alike. */
export function assess<M extends string = 'mismatch', T extends string = 'truncated'>(
  ctx: Pick<CheckContext<unknown>, 'rounding'>, c: Comparison<M, T>,
): Assessment<M | T | 'mismatch' | 'truncated'> {
  const ids = c.ids ?? DEFAULT_IDS;
  const factor = c.factor ?? unitOf(c.stated.unit).factor;
  const exact = c.exact ?? isExact(c.stated);
  const outcome = verdict(consistency(c.computed, c.stated.value, c.stated.decimals, factor, exact), ctx.rounding);
  if (outcome === 'ok') return { outcome };
  const inStatedUnit = c.estimate / factor;
  const issue: Issue<M | T | 'mismatch' | 'truncated'> = {
    messageId: outcome === 'truncated' ? ids.truncated : ids.mismatch,
    location: c.location ?? c.stated.location,
    evidence: c.evidence,
    expected: expectedText(c.stated, inStatedUnit),
    actual: c.stated.raw,
    data: {
      ...c.data,
      ...impliedUnit(c.stated),
      formula: c.formula,
      stated: digitsAsWritten(c.stated),
      computed: formatNumber(inStatedUnit, c.stated.decimals + 2) + unitSuffix(c.stated),
      lower: formatNumber(c.computed.lo / factor, c.stated.decimals + 3),
      upper: formatNumber(c.computed.hi / factor, c.stated.decimals + 3),
    },
  };
  if (outcome === 'truncated') issue.severity = 'warning';
  if (c.assumed?.length) issue.assumed = c.assumed;
  return { outcome, issue };
}

/** A quantity's digits as written, for formulas: "8724.90". */
export const w = digitsAsWritten;

/** The label a quantity carries, or a fallback; used in messages. */
export function labelOf(q: Quantity | undefined, fallback: string): string {
  return q?.label?.trim() || fallback;
}

/** Location of the first quantity that has one, else the relation's. */
export function locate(relationLocation: Location, ...qs: Array<Quantity | undefined>): Location {
  return qs.find((q) => q?.location)?.location ?? relationLocation;
}

/** Table rows have no sentence; the evidence is the row's name and its numbers as written. */
export function rowEvidence(name: string, ...qs: Array<Quantity | undefined>): string {
  return [name, ...qs.filter((q): q is Quantity => q !== undefined).map((q) => q.raw)].join(' | ');
}
