// Run configuration: per-rule severity, grade bands, weight total, rounding mode; from jixiao.config.json or --config.
import { z } from 'zod';
import { GradeBand } from './model/schema.js';
import type { MessageRef } from './catalog/define.js';

export const RuleSetting = z.union([
  z.enum(['error', 'warning', 'info', 'off']),
  // { severity, ...options }: a rule's own options (grade: bands, weight-total: totals) are checked by its schema
  z.looseObject({ severity: z.enum(['error', 'warning', 'info', 'off']).optional() }),
]).describe('"off", or a severity that replaces the rule\'s default (findings the rule marks milder stay milder); or { severity?, ...the rule\'s options }');
export type RuleSetting = z.infer<typeof RuleSetting>;

export const Config = z.object({
  rules: z.record(z.string(), RuleSetting).default({}),
  gradeBands: z.array(GradeBand).optional().describe('default grade bands when a report states none; national bands otherwise'),
  weightTotal: z.union([z.number(), z.array(z.number())]).default([90, 100]).describe('accepted totals of indicator weights'),
  rounding: z.enum(['round', 'truncate-as-warning', 'truncate-ok']).default('truncate-as-warning')
    .describe('a stated number consistent only when read as truncated: round = error, truncate-as-warning = warning, truncate-ok = fine'),
  lang: z.enum(['zh', 'en']).default('zh'),
});
export type Config = z.infer<typeof Config>;

export { defaultConfig } from './config-default.js';

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;

/** Edit distance, for suggesting the rule a misspelt name meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known rule closest to a misspelt one, when it is close enough to be what was meant. */
export function closestRule(name: string, known: string[]): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const id of known) {
    const d = distance(name.toLowerCase(), id.toLowerCase());
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.id.length / 2)) ? best.id : undefined;
}

/** One thing wrong with a configuration's `rules`, as data: the CLI words it from the catalog (src/catalog/cli.ts). */
export type RuleSettingProblem =
  | { id: 'unknown-rule'; data: { name: string } }
  | { id: 'unknown-rule-near'; data: { name: string; near: string } }
  | { id: 'bad-severity'; data: { name: string; value: string; allowed: string[] } };

/** One thing wrong with a configuration, as data: worded by the CLI from the catalog (src/catalog/cli.ts). */
export type ConfigProblem =
  | RuleSettingProblem
  /** a key jixiao does not have, where it stands ({where}: a phrase of the catalog), with the nearest valid one */
  | { id: 'unknown-key'; data: { key: string; where: MessageRef; near: MessageRef | ''; known: string[] } }
  /** a rule that reports unread files set below warning */
  | { id: 'unread-rule-off'; data: { name: string; severity: string } };

/**
 * What is wrong with a configuration's `rules`, in terms a user can act on: a rule name jixiao does not have (with the
 * closest one), a severity it does not know (with the allowed ones). Empty when the rules are fine; the rest of the
 * file is left to the schema.
 */
export function ruleSettingProblems(raw: unknown, known: string[]): RuleSettingProblem[] {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  const problems: RuleSettingProblem[] = [];
  for (const [name, setting] of Object.entries(rules)) {
    if (!known.includes(name)) {
      const near = closestRule(name, known);
      problems.push(near ? { id: 'unknown-rule-near', data: { name, near } } : { id: 'unknown-rule', data: { name } });
      continue;
    }
    const object = typeof setting === 'object' && setting !== null && !Array.isArray(setting);
    const severity = object ? (setting as { severity?: unknown }).severity : setting;
    // options only (or a misspelt "severty", which configProblems names): the rule keeps its default severity
    if (object && severity === undefined) continue;
    if (!SEVERITIES.includes(severity as typeof SEVERITIES[number])) {
      problems.push({ id: 'bad-severity', data: { name, value: JSON.stringify(severity) ?? String(severity), allowed: [...SEVERITIES] } });
    }
  }
  return problems;
}

/**
 * Rules that say a file was not read or not checked. Such a file must never pass as clean: they may be lowered to
 * warning (still counted, and by --max-warnings), never to info or off.
 */
export const UNREAD_RULES = ['read-error', 'no-text', 'timeout', 'internal-error', 'form-unread', 'nothing-checked'] as const;

/** The keys a configuration may hold, where it may hold them: a typo is named, not ignored. */
const KEYS = {
  top: Object.keys(Config.shape),
  gradeBand: Object.keys(GradeBand.shape),
};

function unknownKeys(value: unknown, known: string[], where: MessageRef): ConfigProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((k) => !known.includes(k)).map((key) => {
    const near = closestRule(key, known);
    return { id: 'unknown-key', data: { key, where, near: near ? { messageId: 'key-near', data: { near } } : '', known } };
  });
}

/** Unknown keys in a list of grade bands (the top level's gradeBands, the grade rule's bands). */
function bandProblems(bands: unknown, where: (n: number) => MessageRef): ConfigProblem[] {
  return Array.isArray(bands) ? bands.flatMap((b, i) => unknownKeys(b, KEYS.gradeBand, where(i + 1))) : [];
}

/**
 * Everything wrong with a configuration that the schema would pass over or word poorly: keys jixiao does not have (with
 * the nearest valid one), rule names and severities (ruleSettingProblems), and a rule that reports unread files set
 * below warning. `settingKeys`: what a rule's own entry may hold (severity and the rule's options). Empty when none;
 * the values' types are left to the schemas.
 */
export function configProblems(raw: unknown, known: string[], settingKeys: (rule: string) => string[]): ConfigProblem[] {
  const problems: ConfigProblem[] = unknownKeys(raw, KEYS.top, { messageId: 'in-config' });
  problems.push(...bandProblems((raw as { gradeBands?: unknown } | null)?.gradeBands, (n) => ({ messageId: 'in-grade-band', data: { n } })));
  problems.push(...ruleSettingProblems(raw, known));
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [name, setting] of Object.entries(rules)) {
      if (!known.includes(name)) continue;
      problems.push(...unknownKeys(setting, settingKeys(name), { messageId: 'in-rule-setting', data: { name } }));
      problems.push(...bandProblems((setting as { bands?: unknown } | null)?.bands, (n) => ({ messageId: 'in-rule-band', data: { name, n } })));
      const severity = typeof setting === 'object' && setting !== null ? (setting as { severity?: unknown }).severity : setting;
      if ((UNREAD_RULES as readonly string[]).includes(name) && (severity === 'off' || severity === 'info')) {
        problems.push({ id: 'unread-rule-off', data: { name, severity } });
      }
    }
  }
  return problems;
}
