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

export const defaultConfig: Config = Config.parse({});
