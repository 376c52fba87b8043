// The check registry: one explicit, sorted list; runChecks applies configured severities and message language.
import type { Finding, Severity } from '../findings.js';
import type { Report } from '../model/schema.js';
import { defaultConfig, type Config, type RuleSetting } from '../config.js';
import { formatMessage, type Check, type CheckMeta, type Issue } from './define.js';
import crossRef from './cross-ref.js';
import embeddedObject from './embedded-object.js';
import execScore from './exec-score.js';
import formUnread from './form-unread.js';
import formulaNoResult from './formula-no-result.js';
import grade from './grade.js';
import growth from './growth.js';
import indicatorScore from './indicator-score.js';
import legacyFormat from './legacy-format.js';
import listCount from './list-count.js';
import noText from './no-text.js';
import nothingChecked from './nothing-checked.js';
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

/** Every rule, sorted by id. The reader rules (read-error …) have no run of their own; they are here to be listed and configured. */
export const registry: Check[] = [
  crossRef, embeddedObject, execScore, formUnread, formulaNoResult, grade, growth, indicatorScore, legacyFormat, listCount, noText, nothingChecked,
  rate, readError, readWarning, scoreCap, scoreTotal, share, sheetTruncated, sum, timeout, weightTotal,
];

/** Metadata only (what `jixiao rules` prints). */
export const checks: CheckMeta[] = registry.map(({ id, severity, description, formula }) => (formula ? { id, severity, description, formula } : { id, severity, description }));

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
  const template = check.messages[issue.messageId]?.[lang] ?? issue.messageId;
  const values: Record<string, unknown> = { ...issue.data, expected: issue.expected, actual: issue.actual };
  const finding: Finding = {
    rule: check.id,
    severity: resolveSeverity(check.severity, issue.severity, setting),
    message: formatMessage(template, values, lang),
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
      const msg = err instanceof Error ? err.message : String(err);
      findings.push({
        rule: check.id, severity: 'warning', messageId: 'internal-error', location: { file: report.path },
        message: cfg.lang === 'en'
          ? `check "${check.id}" failed on this file (${msg}); it was not completed. Please report this file to the maintainers.`
          : `检查“${check.id}”处理本文件时出错（${msg}），该项未完成核查。请将文件提交给维护者。`,
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
    const meta = registry.find((c) => c.id === f.rule);
    let g = setting ? { ...f, severity: resolveSeverity(meta?.severity ?? f.severity, f.severity, setting) } : f;
    // Readers keep their English wording in data.en.
    if (config.lang === 'en' && typeof f.data?.en === 'string') g = { ...g, message: f.data.en };
    out.push(g);
  }
  return out;
}
