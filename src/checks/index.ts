// The check registry: one explicit, sorted list; runChecks runs them and settles their findings' severity.
import type { Finding, Severity } from '../findings.js';
import type { Report } from '../model/schema.js';
import type { Config } from '../config.js';
import { defaultConfig } from '../config-default.js';
import { configured, milder, settle } from '../severity.js';
import { render, type Lang, type RuleMeta, type Text } from '../catalog/define.js';
import { READER_RULES } from '../catalog/readers/index.js';
import { WHERE } from '../catalog/comparison.js';
import evidence, { assumptionRefs } from '../catalog/evidence.js';
import { isLocation, locationWords, modelLocationWords } from '../catalog/location.js';
import type { Assumption } from '../model/schema.js';
import { ui } from '../catalog/ui.js';
import { oneCausePerNumber, type OtherPlace } from './one-cause.js';
import { z } from 'zod';
import type { BatchCheck, BatchFile, Check, Issue, Reads, Records } from './define.js';
import crossFile from './cross-file.js';
import crossRef from './cross-ref.js';
import execScore from './exec-score.js';
import formUnread from './form-unread.js';
import grade from './grade.js';
import growth from './growth.js';
import indicatorScore from './indicator-score.js';
import listCount from './list-count.js';
import nothingChecked from './nothing-checked.js';
import ocr from './ocr.js';
import rate from './rate.js';
import readWarning from './read-warning.js';
import restated from './restated.js';
import scoreCap from './score-cap.js';
import scoreTotal from './score-total.js';
import share from './share.js';
import sum from './sum.js';
import weightTotal from './weight-total.js';

export type { BatchCheck, BatchFile, CheckMeta, Check, Issue, Records, Reads } from './define.js';

/** Every check of one file, sorted by id: record checks (by the kinds they read) and document checks (cross-ref,
 * form-unread, nothing-checked, read-warning's hidden numbers). Checks over several files are the batch stage's. */
export const registry: Check[] = [
  crossRef, execScore, formUnread, grade, growth, indicatorScore, listCount, nothingChecked, ocr, rate, readWarning,
  restated, scoreCap, scoreTotal, share, sum, weightTotal,
];

/** Checks over a batch of files, run once all files are checked (src/checks/batch-stage.ts), sorted by id. */
export const batchRegistry: BatchCheck[] = [crossFile];

/**
 * Every rule users can configure and `jixiao rules` lists, sorted by id: the checks (of one file and of the batch),
 * and the rules of what readers, the batch and the pipeline report (src/catalog/readers/), with their metadata and
 * messages.
 */
export const checks: RuleMeta[] = [
  ...registry,
  ...batchRegistry,
  ...Object.values(READER_RULES).filter((r) => !registry.some((c) => c.id === r.id)),
  evidence,
].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, severity, description, formula, messageSeverity, messages }) => ({
  id, severity, description, ...(formula ? { formula } : {}), ...(messageSeverity ? { messageSeverity } : {}), messages }));

const byId = new Map(checks.map((c) => [c.id, c]));

/** A rule's messages by id: where the renderer looks templates up. */
export function templatesOf(rule: string): Readonly<Record<string, Text>> | undefined {
  return byId.get(rule)?.messages;
}

/** The default severity of a rule's message (its messageSeverity, else the rule's), or undefined for a rule jixiao does not have. */
export function defaultSeverity(rule: string, messageId?: string) {
  const meta = byId.get(rule);
  return (messageId === undefined ? undefined : (meta?.messageSeverity as Partial<Record<string, Severity>> | undefined)?.[messageId]) ?? meta?.severity;
}

/** True when the rule's catalog holds a message for messageId (tests assert every emitted finding has one). */
export function hasTemplate(rule: string, messageId: string | undefined): boolean {
  return messageId !== undefined && templatesOf(rule)?.[messageId] !== undefined;
}

/** One message of the catalog in the language; throws when the catalog has no such message (a bug, never the bare id). */
export function renderMessage(rule: string, messageId: string | undefined, values: Record<string, unknown>, lang: Lang): string {
  return render(templatesOf, rule, messageId, values, lang);
}

/**
 * A finding's message in the language, from its rule's template and its own values (its data, expected and actual);
 * with the OCR note when it rests on OCR'd text. Formatters call this once per finding.
 */
export function messageText(f: Pick<Finding, 'rule' | 'messageId' | 'data' | 'expected' | 'actual' | 'location'>, lang: Lang): string {
  // {where}: the text or the table the stated number stands in, for the comparison messages
  const values: Record<string, unknown> = { where: WHERE[f.location.row !== undefined || f.location.cell !== undefined ? 'table' : 'text'], ...f.data };
  const expected = expectedWords(f, lang);
  if (expected !== undefined) values.expected = expected;
  const actual = actualWords(f);
  if (actual !== undefined) values.actual = actual;
  // {otherPlace}: where the same figure is stated otherwise (a cross-reference), in words; a finding's own places are
  // 1-based as reported, those in the rest of its data (what was assumed) are the records' own
  const other = f.data?.other as OtherPlace | undefined;
  if (other?.location) values.otherPlace = locationWords(other.location, lang);
  let text = renderMessage(f.rule, f.messageId, placesInWords(values), lang);
  // the text's figure that agrees with the parts this one disagrees with (one-cause.ts moved the finding here)
  if (other?.location && other.agrees) text += ui('other-agrees', lang, { place: values.otherPlace, value: other.value });
  const assumed = f.data?.assumed;
  if (Array.isArray(assumed) && assumed.length) {
    text = renderMessage(evidence.id, 'assumed', { message: text, assumptions: placesInWords(assumed) }, lang);
  }
  return f.data?.ocr === true ? renderMessage(READER_RULES.ocr.id, 'uncertain', { message: text }, lang) : text;
}

/** Values with every place in a file (a Location, however deep) written as words in both languages: 第3段, 表格第4行. */
function placesInWords<T>(value: T): T {
  if (isLocation(value)) return { zh: modelLocationWords(value, 'zh'), en: modelLocationWords(value, 'en') } as T;
  if (Array.isArray(value)) return value.map(placesInWords) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, placesInWords(v)])) as T;
  }
  return value;
}

/**
 * A finding's expected value as shown: the one value, or the values any one of which would do (data.expectedAnyOf:
 * 90 或 100). Messages and formatters show it alike.
 */
export function expectedWords(f: Pick<Finding, 'expected' | 'data'>, lang: Lang): string | undefined {
  const anyOf = f.data?.expectedAnyOf;
  if (Array.isArray(anyOf) && anyOf.length > 1) return anyOf.map(String).join(ui('or', lang));
  return f.expected;
}

/**
 * A finding's stated value as shown: as written, with the unit its column or context gave it when the number was
 * written without one (data.impliedUnit: -47.95 under a 增减% header is -47.95%). `actual` itself stays as written,
 * so the review copy finds it in the text.
 */
export function actualWords(f: Pick<Finding, 'actual' | 'data'>): string | undefined {
  const unit = f.data?.impliedUnit;
  return f.actual !== undefined && typeof unit === 'string' ? f.actual + unit : f.actual;
}

/**
 * A finding that rests on text read by OCR: numbers read from an image may be misread, so it says so (data.ocr, which
 * the message renders) and is a warning at most. The one place where OCR lowers a finding.
 */
export function restingOnOcr(f: Finding): Finding {
  return { ...f, severity: milder(f.severity, 'warning'), data: { ...f.data, ocr: true } };
}

/**
 * A finding on a relation extraction had to infer (an operand picked by position, a whole the text does not name, a
 * list's end, an amount from elsewhere): an error needs a relation the text states, so it is a warning at most —
 * after the configuration, whose severity is a ceiling, never a promotion — and it says what was assumed
 * (data.assumed, which the message renders). The one place where evidence lowers a finding.
 */
export function restingOnAssumption(f: Finding, assumed: readonly Assumption[]): Finding {
  return { ...f, severity: milder(f.severity, 'warning'), data: { ...f.data, assumed: assumptionRefs(assumed) } };
}

/**
 * A check's options: what the configuration's top level gives it (gradeBands, weightTotal), then its own entry under
 * rules, parsed by its schema (defaults filled). Throws a ZodError when the configuration's options are wrong.
 */
export function optionsOf(check: Check, config: Config): unknown {
  if (!check.options) return {};
  return check.options.parse({ ...check.configOptions?.(config), ...ownOptions(config, check.id) });
}

/** What a rule's own entry under `rules` may hold: its severity, and the options its schema reads. */
export function settingKeys(rule: string): string[] {
  const schema = registry.find((c) => c.id === rule)?.options as { shape?: Record<string, unknown> } | undefined;
  return ['severity', ...Object.keys(schema?.shape ?? {})];
}

/** The options a rule's own entry under `rules` gives ({ severity, ...options }). */
function ownOptions(config: Config, rule: string): Record<string, unknown> {
  const setting = config.rules?.[rule];
  const { severity: _severity, ...own } = typeof setting === 'object' ? setting : {};
  return own;
}

/** The keys each rule's own entry under `rules` may hold besides severity: its options schema's (grade: bands). */
export function ruleOptionKeys(): Record<string, string[]> {
  return Object.fromEntries(registry.flatMap((c) => (c.options instanceof z.ZodObject ? [[c.id, Object.keys(c.options.shape)]] : [])));
}

/** What is wrong with the configuration's per-rule options, rule by rule (the CLI words each problem). */
export function ruleOptionProblems(config: Config): Array<{ rule: string; error: z.ZodError }> {
  const problems: Array<{ rule: string; error: z.ZodError }> = [];
  for (const check of registry) {
    try { optionsOf(check, config); } catch (err) { if (err instanceof z.ZodError) problems.push({ rule: check.id, error: err }); else throw err; }
  }
  return problems;
}

/** The records a check declared, in document order; everything else empty. */
function recordsFor(report: Report, reads: Reads): Records {
  const kinds = new Set<string>(reads.relations ?? []);
  return {
    path: report.path,
    relations: kinds.size ? report.relations.filter((r) => kinds.has(r.kind)) : [],
    indicators: reads.indicators ? report.indicators : [],
    scoreItems: reads.scoreItems ? report.scoreItems : [],
    budget: reads.budget ? report.budget : [],
  };
}

/**
 * Runs the checks on one report: each record check gets the records of the kinds it declared, each document check the
 * whole report; their issues are settled into findings (severity by the configuration; a rule set off is not run).
 */
export function runChecks(report: Report, config: Config = defaultConfig, rules: Check[] = registry): Finding[] {
  const cfg: Config = { ...defaultConfig, ...config };
  const findings: Finding[] = [];
  for (const check of rules) {
    if (configured(cfg.rules[check.id]) === 'off') continue;
    try {
      const ctx = { rounding: cfg.rounding, options: optionsOf(check, cfg) };
      const issues = check.stage === 'document' ? check.run(report, ctx) : check.run(recordsFor(report, check.reads), ctx);
      for (const { assumed, ...issue } of issues) {
        const f = settle({ rule: check.id, ...issue }, check.severity, cfg);
        if (f) findings.push(assumed?.length ? restingOnAssumption(f, assumed) : f);
      }
    } catch (err) {
      // A check that trips over odd data must not take the file's other findings with it.
      const data = { check: check.id, cause: err instanceof Error ? err.message : String(err) };
      const rule = READER_RULES['internal-error'];
      const f = settle({ rule: rule.id, messageId: 'internal-error', location: { file: report.path }, data }, rule.severity, cfg);
      if (f) findings.push(f);
    }
  }
  // one cause, one finding: a number several rules find wrong, and a figure the text states otherwise, reported once
  return oneCausePerNumber(findings);
}


/**
 * The batch stage: each batch check sees every file's key figures and reports on the files it names (an issue's
 * location.file). Its findings are settled like any other; the caller adds them to those files' results. A batch check
 * that trips over odd figures is reported (internal-error, on the first file), not lost with the others' findings.
 */
export function runBatchChecks(files: BatchFile[], config: Config = defaultConfig, rules: BatchCheck[] = batchRegistry): Finding[] {
  const cfg: Config = { ...defaultConfig, ...config };
  const findings: Finding[] = [];
  for (const check of rules) {
    if (configured(cfg.rules[check.id]) === 'off') continue;
    try {
      const options = check.options ? check.options.parse({ ...check.configOptions?.(cfg), ...ownOptions(cfg, check.id) }) : {};
      for (const issue of check.run(files, { rounding: cfg.rounding, options })) {
        const f = settle({ rule: check.id, ...issue }, check.severity, cfg);
        if (f) findings.push(f);
      }
    } catch (err) {
      const data = { check: check.id, cause: err instanceof Error ? err.message : String(err) };
      const rule = READER_RULES['internal-error'];
      const f = files.length ? settle({ rule: rule.id, messageId: 'internal-error', location: { file: files[0].path }, data }, rule.severity, cfg) : undefined;
      if (f) findings.push(f);
    }
  }
  return findings;
}
