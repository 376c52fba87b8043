// Where a finding's severity is decided: the rule's default, the finding's own (milder) one, and the configuration.
import type { Finding, Severity } from './findings.js';
import type { Config, RuleSetting } from './config.js';
import { messageSeverity, readerSeverity, type Diagnostic } from './catalog/readers/index.js';
import type { RuleMeta } from './catalog/define.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The milder of two severities. */
export function milder(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

export function configured(setting: RuleSetting | undefined): Severity | 'off' | undefined {
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

/** A finding before its severity is settled: what a reader, the batch or a check reports. */
export type RawFinding = Omit<Finding, 'severity'> & { severity?: Severity };

/** The finding with its severity settled by the configuration, or undefined when its rule is off. */
export function settle(raw: RawFinding, ruleDefault: Severity, config: Pick<Config, 'rules'>): Finding | undefined {
  const setting = configured(config.rules?.[raw.rule]);
  if (setting === 'off') return undefined;
  return { ...raw, severity: resolveSeverity(ruleDefault, raw.severity, setting) };
}

/** A reader diagnostic's own severity before the configuration: its own, or its message's default in the catalog. */
export function diagnosticSeverity(d: Diagnostic): Severity {
  return d.severity ?? messageSeverity(d.rule, d.messageId) ?? readerSeverity(d.rule);
}

/** Reader diagnostics with their severity settled by the configuration (a rule set off drops them). */
export function settleDiagnostics(diagnostics: Diagnostic[], config: Pick<Config, 'rules'>): Finding[] {
  return diagnostics.flatMap((d) => settle({ ...d, severity: diagnosticSeverity(d) }, readerSeverity(d.rule), config) ?? []);
}

/** The severities a rule's findings take by default, most severe first: its own, and its messages' that differ. */
export function defaultSeverities(rule: Pick<RuleMeta, 'severity' | 'messageSeverity'>): Severity[] {
  const all = new Set<Severity>([rule.severity, ...Object.values(rule.messageSeverity ?? {}) as Severity[]]);
  return (['error', 'warning', 'info'] as const).filter((s) => all.has(s));
}
