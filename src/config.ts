// Run configuration: per-rule severity, grade bands, weight total, rounding mode; from jixiao.config.json or --config.
import { z } from 'zod';
import { GradeBand } from './model/schema.js';

export const RuleSetting = z.union([z.enum(['error', 'warning', 'info', 'off']), z.object({ severity: z.enum(['error', 'warning', 'info', 'off']) })])
  .describe('"off", or a severity that replaces the rule\'s default (findings the rule marks milder stay milder)');
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
    const d = distance(name.toLowerCase(), id);
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.id.length / 2)) ? best.id : undefined;
}

/**
 * What is wrong with a configuration's `rules`, in words a user can act on: a rule name jixiao does not have (with the
 * closest one), a severity it does not know (with the allowed ones). Empty when the rules are fine; the rest of the
 * file is left to the schema.
 */
export function ruleSettingProblems(raw: unknown, known: string[]): string[] {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(rules)) {
    if (!known.includes(name)) {
      const near = closestRule(name, known);
      problems.push(`没有名为“${name}”的规则${near ? `，是否想写“${near}”？` : ''}（全部规则名见 jixiao rules）`);
      continue;
    }
    const severity = typeof setting === 'object' && setting !== null ? (setting as { severity?: unknown }).severity : setting;
    if (!SEVERITIES.includes(severity as typeof SEVERITIES[number])) {
      problems.push(`规则“${name}”的级别 ${JSON.stringify(severity)} 无效，可用的级别：${SEVERITIES.join('、')}`);
    }
  }
  return problems;
}
