// The shape of a check (metadata, message templates, a generator of issues) and the one expected-vs-actual helper.
import type { Location, Severity } from '../findings.js';
import type { Quantity, Report } from '../model/schema.js';
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

export interface CheckContext {
  config: Config;
  rounding: Rounding;
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
}

export interface Check<M extends string = string> extends RuleMeta<M> {
  run(report: Report, ctx: CheckContext): Iterable<Issue<M>>;
}

export function defineCheck<M extends string>(check: Check<M>): Check<M> {
  return check;
}

/**
 * A check over the whole batch, run once every file is checked: it reads each file's key figures (not its records) and
 * yields issues placed on files by their location's `file`.
 */
export interface BatchCheck<M extends string = string> extends RuleMeta<M> {
  scope: 'batch';
  run(files: KeyedFile[], ctx: CheckContext): Iterable<Issue<M>>;
}

export function defineBatchCheck<M extends string>(check: Omit<BatchCheck<M>, 'scope'>): BatchCheck<M> {
  return { ...check, scope: 'batch' };
}

/** One stated number judged against the interval its operands allow. */
export interface Comparison {
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
  mismatchId?: string;
  truncatedId?: string;
}

export interface Assessment {
  outcome: 'ok' | 'truncated' | 'mismatch';
  /** the finding to report when the outcome is not ok */
  issue?: Issue;
}

/** The unit suffix a stated number was written with ("%", "万元"), reused to write the expected value. */
export function unitSuffix(q: Quantity): string {
  return q.unit ?? '';
}

/** The expected value written like the stated one: same decimals, same unit. */
export function expectedText(stated: Quantity, estimateInStatedUnit: number): string {
  return formatNumber(estimateInStatedUnit, stated.decimals) + unitSuffix(stated);
}

/** Judge a stated number; every expected-vs-actual finding goes through here so they all read alike. */
export function assess(ctx: CheckContext, c: Comparison): Assessment {
  const factor = c.factor ?? unitOf(c.stated.unit).factor;
  const exact = c.exact ?? isExact(c.stated);
  const outcome = verdict(consistency(c.computed, c.stated.value, c.stated.decimals, factor, exact), ctx.rounding);
  if (outcome === 'ok') return { outcome };
  const inStatedUnit = c.estimate / factor;
  const issue: Issue = {
    messageId: outcome === 'truncated' ? c.truncatedId ?? 'truncated' : c.mismatchId ?? 'mismatch',
    location: c.location ?? c.stated.location,
    evidence: c.evidence,
    expected: expectedText(c.stated, inStatedUnit),
    actual: c.stated.raw,
    data: {
      ...c.data,
      formula: c.formula,
      stated: digitsAsWritten(c.stated),
      computed: formatNumber(inStatedUnit, c.stated.decimals + 2) + unitSuffix(c.stated),
      lower: formatNumber(c.computed.lo / factor, c.stated.decimals + 3),
      upper: formatNumber(c.computed.hi / factor, c.stated.decimals + 3),
    },
  };
  if (outcome === 'truncated') issue.severity = 'warning';
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
