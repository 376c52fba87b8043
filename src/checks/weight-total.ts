// Σ 指标权重 = 90（另有预算执行率 10 分）或 100；可配置接受的合计.
import { z } from 'zod';
import { defineCheck, w } from './define.js';
import type { Indicator } from '../model/schema.js';
import { isUsable, formatNumber } from '../precision.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Indicators of one table belong together; a report may hold several projects' tables. A PDF table that runs over
 * pages arrives as consecutive blocks on consecutive pages: those are one table.
 */
export function tablesOf(indicators: Indicator[]): Indicator[][] {
  const tables: Indicator[][] = [];
  let prev: Indicator | undefined;
  for (const ind of indicators) {
    const a = prev?.location;
    const b = ind.location;
    const sameSource = a !== undefined && a.file === b.file && a.origin === b.origin && a.sheet === b.sheet;
    const continues = sameSource && (a.block === b.block
      || (a.block !== undefined && b.block === a.block + 1 && a.page !== undefined && b.page === a.page + 1));
    if (continues) tables[tables.length - 1].push(ind);
    else tables.push([ind]);
    prev = ind;
  }
  return tables;
}

/** The accepted totals of indicator weights (config: rules.weight-total.totals, or weightTotal at the top). */
const Options = z.object({
  totals: z.union([z.number(), z.array(z.number())]).default([90, 100]).transform((t) => (Array.isArray(t) ? t : [t]))
    .describe('accepted totals of indicator weights'),
});

export default defineCheck({
  id: 'weight-total',
  severity: 'error',
  description: { zh: '指标权重（分值）合计不为 90 或 100', en: 'indicator weights do not total 90 or 100' },
  formula: 'Σ 指标权重 ∈ {90（+ 预算执行 10）, 100}（配置 rules.weight-total.totals 或 weightTotal）',
  reads: { indicators: true, budget: true },
  options: Options,
  configOptions: (config) => ({ totals: config.weightTotal }),
  messages: {
    mismatch: { zh: '指标权重合计为 {actual}（{formula}），应为 {expected}', en: 'indicator weights total {actual} ({formula}), not {expected}' },
  },
  *run(report, ctx) {
    const accepted = ctx.options.totals;
    if (accepted.length === 0) return;
    const budgetWeight = report.budget.filter((b) => !b.sub && isUsable(b.weight)).reduce((a, b) => a + b.weight!.value, 0);
    for (const table of tablesOf(report.indicators)) {
      const inds = table.filter((i) => isUsable(i.weight));
      if (inds.length < 2) continue;
      const total = inds.reduce((a, i) => a + i.weight!.value, 0);
      if (accepted.some((t) => close(total, t) || (budgetWeight > 0 && close(total + budgetWeight, t)))) continue;
      const decimals = Math.max(...inds.map((i) => i.weight!.decimals));
      yield {
        messageId: 'mismatch', location: inds[0].location,
        evidence: inds.map((i) => `${i.name} ${i.weight!.raw}`).join('；'),
        expected: accepted.join(' / '), actual: formatNumber(total, decimals),
        // any accepted total would do: shown as 90 或 100
        data: { formula: inds.map((i) => w(i.weight!)).join(' + '), indicators: inds.length, budgetWeight, expectedAnyOf: accepted },
      };
    }
  },
});
