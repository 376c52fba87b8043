// The check registry: one explicit, sorted list; runChecks applies configured severities and message language.
import type { Finding, Location, Severity } from '../findings.js';
import type { Report } from '../model/schema.js';
import type { Config, RuleSetting } from '../config.js';
import { defaultConfig } from '../config-default.js';
import { formatMessage, isText, type Check, type CheckMeta, type Issue, type Text } from './define.js';
import crossRef from './cross-ref.js';
import embeddedObject from './embedded-object.js';
import execScore from './exec-score.js';
import formUnread from './form-unread.js';
import formulaNoResult from './formula-no-result.js';
import grade from './grade.js';
import growth from './growth.js';
import indicatorScore from './indicator-score.js';
import internalError from './internal-error.js';
import legacyFormat from './legacy-format.js';
import listCount from './list-count.js';
import noText from './no-text.js';
import nothingChecked from './nothing-checked.js';
import ocr from './ocr.js';
import rate from './rate.js';
import readError from './read-error.js';
import readWarning from './read-warning.js';
import scoreCap from './score-cap.js';
import scoreTotal from './score-total.js';
import share from './share.js';
import sheetTruncated from './sheet-truncated.js';
import sum from './sum.js';
import timeout from './timeout.js';
import weightTotal from './weight-total.js';

export type { CheckMeta, Check, Issue } from './define.js';

/** Every rule, sorted by id. The reader rules (read-error …) have no run of their own; they hold the readers' messages and are configured like the rest. */
export const registry: Check[] = [
  crossRef, embeddedObject, execScore, formUnread, formulaNoResult, grade, growth, indicatorScore, internalError, legacyFormat, listCount, noText, nothingChecked,
  ocr, rate, readError, readWarning, scoreCap, scoreTotal, share, sheetTruncated, sum, timeout, weightTotal,
];

/** Metadata and messages (what `jixiao rules` prints). */
export const checks: Array<CheckMeta & { messages: Record<string, Text> }> = registry.map(({ id, severity, description, formula, messages }) => (
  formula ? { id, severity, description, formula, messages } : { id, severity, description, messages }));

const byId = new Map(registry.map((c) => [c.id, c]));

/** A message of the catalog, or undefined when the rule has no such message. */
function templateOf(rule: string, messageId: string | undefined): Text | undefined {
  if (messageId === undefined) return undefined;
  const own = (byId.get(rule)?.messages as Record<string, Text> | undefined)?.[messageId];
  // a check that threw is reported under its own id with the shared internal-error message
  return own ?? (internalError.messages as Record<string, Text>)[messageId];
}

/** A value nested in a message: another message, of the same rule unless named, with its own values. */
export interface MessageRef { messageId: string; data?: Record<string, unknown>; rule?: string }
const isRef = (v: unknown): v is MessageRef => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as MessageRef).messageId === 'string';

/**
 * THE renderer: a rule's template for messageId in the language, each {placeholder} filled from the values. A value
 * that is a MessageRef is rendered from the same rule's messages; a list is joined the way the language lists.
 */
export function renderMessage(rule: string, messageId: string | undefined, values: Record<string, unknown>, lang: 'zh' | 'en'): string {
  const template = templateOf(rule, messageId)?.[lang];
  if (template === undefined) return messageId ?? rule;
  const text = (v: unknown): string => {
    if (isRef(v)) return renderMessage(v.rule ?? rule, v.messageId, v.data ?? {}, lang);
    if (Array.isArray(v)) return v.map(text).join(lang === 'zh' ? '、' : ', ');
    if (isText(v)) return v[lang];
    return String(v);
  };
  return formatMessage(template, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, text(v)])));
}

/** True when the rule's catalog holds a message for messageId (tests assert every emitted finding has one). */
export function hasTemplate(rule: string, messageId: string | undefined): boolean {
  return templateOf(rule, messageId) !== undefined;
}

/** A message's values: the finding's data, and its expected and actual numbers where it has them. */
function valuesOf(data: Record<string, unknown> | undefined, expected: string | undefined, actual: string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = { ...data };
  if (expected !== undefined) values.expected = expected;
  if (actual !== undefined) values.actual = actual;
  return values;
}

/** A finding's message in the language, from its rule's template and its own values; with the OCR note when it rests on OCR'd text. */
export function messageText(f: Pick<Finding, 'rule' | 'messageId' | 'data' | 'expected' | 'actual'>, lang: 'zh' | 'en'): string {
  const text = renderMessage(f.rule, f.messageId, valuesOf(f.data, f.expected, f.actual), lang);
  return f.data?.ocr === true ? renderMessage(ocr.id, 'uncertain', { message: text }, lang) : text;
}

/**
 * A finding that rests on text read by OCR: numbers read from an image may be misread, so it says so and is a
 * warning at most. The one place where OCR lowers a finding.
 */
export function restingOnOcr(f: Finding, lang: 'zh' | 'en' = 'zh'): Finding {
  const marked: Finding = { ...f, data: { ...f.data, ocr: true } };
  if (RANK[marked.severity] > RANK.warning) marked.severity = 'warning';
  marked.message = messageText(marked, lang);
  return marked;
}

/** What a reader or the batch reports: a rule, a message id and its values; rendered into a Finding here. */
export interface RawFinding {
  rule: string;
  messageId: string;
  location: Location;
  data?: Record<string, unknown>;
  evidence?: string;
  severity?: Severity;
}

/** A reader's or the batch's finding, rendered with the rule's default severity unless it says otherwise. */
export function findingOf(raw: RawFinding, lang: 'zh' | 'en' = 'zh'): Finding {
  const finding: Finding = {
    rule: raw.rule,
    severity: raw.severity ?? byId.get(raw.rule)?.severity ?? 'error',
    message: renderMessage(raw.rule, raw.messageId, raw.data ?? {}, lang),
    messageId: raw.messageId,
    location: raw.location,
  };
  if (raw.evidence !== undefined) finding.evidence = raw.evidence;
  if (raw.data !== undefined) finding.data = raw.data;
  return finding;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function configured(setting: RuleSetting | undefined): Severity | 'off' | undefined {
  if (setting === undefined) return undefined;
  return typeof setting === 'string' ? setting : setting.severity;
}

/**
 * The severity a finding ends with. A configured severity replaces the rule's default; a finding that the rule
 * itself marked lower than its default (a truncation warning in an error rule) stays that much milder.
 */
export function resolveSeverity(ruleDefault: Severity, own: Severity | undefined, setting: Severity | undefined): Severity {
  if (!setting) return own ?? ruleDefault;
  if (!own || own === ruleDefault) return setting;
  return RANK[own] < RANK[setting] ? own : setting;
}

function toFinding(check: Check, issue: Issue, setting: Severity | undefined, lang: 'zh' | 'en'): Finding {
  const finding: Finding = {
    rule: check.id,
    severity: resolveSeverity(check.severity, issue.severity, setting),
    message: renderMessage(check.id, issue.messageId, valuesOf(issue.data, issue.expected, issue.actual), lang),
    messageId: issue.messageId,
    location: issue.location,
  };
  if (issue.evidence !== undefined) finding.evidence = issue.evidence;
  if (issue.expected !== undefined) finding.expected = issue.expected;
  if (issue.actual !== undefined) finding.actual = issue.actual;
  if (issue.data !== undefined) finding.data = issue.data;
  return finding;
}

export function runChecks(report: Report, config: Config = defaultConfig, rules: Check[] = registry): Finding[] {
  const cfg: Config = { ...defaultConfig, ...config };
  const ctx = { config: cfg, rounding: cfg.rounding };
  const findings: Finding[] = [];
  for (const check of rules) {
    const setting = configured(cfg.rules[check.id]);
    if (setting === 'off') continue;
    try {
      for (const issue of check.run(report, ctx)) findings.push(toFinding(check, issue, setting, cfg.lang));
    } catch (err) {
      // A check that trips over odd data must not take the file's other findings with it.
      const data = { check: check.id, cause: err instanceof Error ? err.message : String(err) };
      findings.push({
        rule: check.id, severity: 'warning', messageId: 'internal-error', location: { file: report.path }, data,
        message: renderMessage(check.id, 'internal-error', data, cfg.lang),
      });
    }
  }
  return findings;
}

/** Apply rules settings (off, severity) and the language to findings made elsewhere, e.g. the readers' read-error and no-text. */
export function applyRuleSettings(findings: Finding[], config: Config = defaultConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = configured(config.rules?.[f.rule]);
    if (setting === 'off') continue;
    const meta = byId.get(f.rule);
    let g = setting ? { ...f, severity: resolveSeverity(meta?.severity ?? f.severity, f.severity, setting) } : f;
    if (config.lang === 'en' && hasTemplate(f.rule, f.messageId)) g = { ...g, message: messageText(f, 'en') };
    out.push(g);
  }
  return out;
}
