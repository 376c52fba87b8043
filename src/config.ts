// Run configuration: per-rule severity, grade bands, weight total, rounding mode; from jixiao.config.json or --config.
import { z } from 'zod';
import { GradeBand } from './model/schema.js';
import { messages, type Lang } from './cli-messages.js';
import { cli } from './catalog/cli.js';

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

export const defaultConfig: Config = Config.parse({});

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
    if (object && severity === undefined) continue; // options only: the rule keeps its default severity
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
  ruleObject: ['severity'],
};

function unknownKeys(value: unknown, known: string[], where: string, lang: Lang): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.keys(value).filter((k) => !known.includes(k))
    .map((k) => messages.unknownKey[lang](k, where, closestRule(k, known), known));
}

/**
 * Everything wrong with a configuration that the schema would pass over or word poorly: keys jixiao does not have (with
 * the nearest valid one; a rule's entry may hold its severity and its options, `optionKeys`), rule names and severities
 * (ruleSettingProblems), and a rule that reports unread files set below warning. Empty when none; the values' types are left to the schema.
 */
export function configProblems(raw: unknown, known: string[], lang: Lang = 'zh', optionKeys: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const problems = unknownKeys(raw, KEYS.top, lang === 'en' ? 'the configuration ' : '配置中', lang);
  const bands = (raw as { gradeBands?: unknown } | null)?.gradeBands;
  if (Array.isArray(bands)) bands.forEach((b, i) => problems.push(...unknownKeys(b, KEYS.gradeBand, lang === 'en' ? `gradeBands[${i}] ` : `gradeBands 第 ${i + 1} 项中`, lang)));
  problems.push(...ruleSettingProblems(raw, known).map((p) => cli(p.id, lang, p.data)));
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [name, setting] of Object.entries(rules)) {
      problems.push(...unknownKeys(setting, [...KEYS.ruleObject, ...(optionKeys[name] ?? [])], lang === 'en' ? `the setting of rule "${name}" ` : `规则“${name}”的设置中`, lang));
      const severity = typeof setting === 'object' && setting !== null ? (setting as { severity?: unknown }).severity : setting;
      if ((UNREAD_RULES as readonly string[]).includes(name) && (severity === 'off' || severity === 'info')) {
        problems.push(messages.unreadRuleOff[lang](name, severity));
      }
    }
  }
  return problems;
}
