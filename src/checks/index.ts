// The check registry: one explicit, sorted list; runChecks runs them and settles their findings' severity.
import type { Finding, Severity } from '../findings.js';
import type { Report } from '../model/schema.js';
import { defaultConfig, type Config } from '../config.js';
import { configured, milder, settle } from '../severity.js';
import { render, type Lang, type RuleMeta, type Text } from '../catalog/define.js';
import { READER_RULES } from '../catalog/readers/index.js';
import { WHERE } from '../catalog/comparison.js';
import type { BatchCheck, Check } from './define.js';
import crossFile from './cross-file.js';
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

export type { BatchCheck, CheckMeta, Check, Issue } from './define.js';

/** Every check, sorted by id. */
export const registry: Check[] = [
  crossRef, execScore, formUnread, grade, growth, indicatorScore, listCount, nothingChecked, rate, readWarning, scoreCap,
  scoreTotal, share, sum, weightTotal,
];

/** Checks over the whole batch (src/checks/batch-stage.ts runs them once every file is checked), sorted by id. */
export const batchChecks: BatchCheck[] = [crossFile];

/**
 * Every rule users can configure and `jixiao rules` lists, sorted by id: the checks (of one file and of the batch),
 * and the rules of what readers, the batch and the pipeline report (src/catalog/readers/), with their metadata and
 * messages.
 */
export const checks: RuleMeta[] = [
  ...registry,
  ...batchChecks,
  ...Object.values(READER_RULES).filter((r) => !registry.some((c) => c.id === r.id)),
].sort((a, b) => a.id.localeCompare(b.id)).map(({ id, severity, description, formula, messageSeverity, messages }) => ({
  id, severity, description, ...(formula ? { formula } : {}), ...(messageSeverity ? { messageSeverity } : {}), messages }));

/** The severities a rule's findings take by default, most severe first: its own, and those of messages that differ. */
export function defaultSeverities(rule: Pick<RuleMeta, 'severity' | 'messageSeverity'>): Severity[] {
  const all = new Set<Severity>([rule.severity, ...Object.values(rule.messageSeverity ?? {}) as Severity[]]);
  return (['error', 'warning', 'info'] as const).filter((s) => all.has(s));
}

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
  const text = renderMessage(f.rule, f.messageId, values, lang);
  return f.data?.ocr === true ? renderMessage(READER_RULES.ocr.id, 'uncertain', { message: text }, lang) : text;
}

/**
 * A finding that rests on text read by OCR: numbers read from an image may be misread, so it says so (data.ocr, which
 * the message renders) and is a warning at most. The one place where OCR lowers a finding.
 */
export function restingOnOcr(f: Finding): Finding {
  return { ...f, severity: milder(f.severity, 'warning'), data: { ...f.data, ocr: true } };
}

export function runChecks(report: Report, config: Config = defaultConfig, rules: Check[] = registry): Finding[] {
  const cfg: Config = { ...defaultConfig, ...config };
  const ctx = { config: cfg, rounding: cfg.rounding };
  const findings: Finding[] = [];
  for (const check of rules) {
    if (configured(cfg.rules[check.id]) === 'off') continue;
    try {
      for (const issue of check.run(report, ctx)) {
        const f = settle({ rule: check.id, ...issue }, check.severity, cfg);
        if (f) findings.push(f);
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
