// The check registry: one explicit, sorted list; runChecks runs them and settles their findings' severity.
import type { Finding } from '../findings.js';
import type { Report } from '../model/schema.js';
import { defaultConfig, type Config } from '../config.js';
import { configured, milder, settle } from '../severity.js';
import { render, type Lang, type RuleMeta, type Text } from '../catalog/define.js';
import { READER_RULES } from '../catalog/readers/index.js';
import { WHERE } from '../catalog/comparison.js';
import evidence, { assumptionRefs } from '../catalog/evidence.js';
import { formatLocation, isLocation } from '../catalog/location.js';
import type { Assumption } from '../model/schema.js';
import type { Check } from './define.js';
import crossRef from './cross-ref.js';
import execScore from './exec-score.js';
import formUnread from './form-unread.js';
import grade from './grade.js';
import growth from './growth.js';
import indicatorScore from './indicator-score.js';
import listCount from './list-count.js';
import nothingChecked from './nothing-checked.js';
import rate from './rate.js';
import readWarning from './read-warning.js';
import scoreCap from './score-cap.js';
import scoreTotal from './score-total.js';
import share from './share.js';
import sum from './sum.js';
import weightTotal from './weight-total.js';

export type { CheckMeta, Check, Issue } from './define.js';

/** Every check, sorted by id. */
export const registry: Check[] = [
  crossRef, execScore, formUnread, grade, growth, indicatorScore, listCount, nothingChecked, rate, readWarning, scoreCap,
  scoreTotal, share, sum, weightTotal,
];

/**
 * Every rule users can configure and `jixiao rules` lists, sorted by id: the checks, and the rules of what readers,
 * the batch and the pipeline report (src/catalog/readers/), with their metadata and messages.
 */
export const checks: RuleMeta[] = [
  ...registry,
  ...Object.values(READER_RULES).filter((r) => !registry.some((c) => c.id === r.id)),
  evidence,
].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, severity, description, formula, messages }) => (
  formula ? { id, severity, description, formula, messages } : { id, severity, description, messages }));

const byId = new Map(checks.map((c) => [c.id, c]));

/** A rule's messages by id: where the renderer looks templates up. */
export function templatesOf(rule: string): Readonly<Record<string, Text>> | undefined {
  return byId.get(rule)?.messages;
}

/** The default severity of a rule, or undefined for a rule jixiao does not have. */
export function defaultSeverity(rule: string) {
  return byId.get(rule)?.severity;
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
  if (f.expected !== undefined) values.expected = f.expected;
  if (f.actual !== undefined) values.actual = f.actual;
  let text = renderMessage(f.rule, f.messageId, placesInWords(values), lang);
  const assumed = f.data?.assumed;
  if (Array.isArray(assumed) && assumed.length) {
    text = renderMessage(evidence.id, 'assumed', { message: text, assumptions: placesInWords(assumed) }, lang);
  }
  return f.data?.ocr === true ? renderMessage(READER_RULES.ocr.id, 'uncertain', { message: text }, lang) : text;
}

/** Values with every place in a file (a Location, however deep) written as words in both languages: 第3段, 表格第4行. */
function placesInWords<T>(value: T): T {
  if (isLocation(value)) return { zh: formatLocation(value, 'zh'), en: formatLocation(value, 'en') } as T;
  if (Array.isArray(value)) return value.map(placesInWords) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, placesInWords(v)])) as T;
  }
  return value;
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

export function runChecks(report: Report, config: Config = defaultConfig, rules: Check[] = registry): Finding[] {
  const cfg: Config = { ...defaultConfig, ...config };
  const ctx = { config: cfg, rounding: cfg.rounding };
  const findings: Finding[] = [];
  for (const check of rules) {
    if (configured(cfg.rules[check.id]) === 'off') continue;
    try {
      for (const { assumed, ...issue } of check.run(report, ctx)) {
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
  return findings;
}
