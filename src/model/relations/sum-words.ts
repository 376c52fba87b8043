// Totals built in words: 年初预算X、调整预算Y，调整后Z → Z = X + Y.
import type { ProseContext } from './context.js';
import { family, usable } from './context.js';

const ADJUSTED_TOTAL = /^调整后/;
const INITIAL = /年初/;
const ADJUSTMENT = /调整|追加|调增/;

export function findAdjustedSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const total of qs) {
    if (family(total.unit) !== 'money' || !ADJUSTED_TOTAL.test(total.label) || !usable(p, total)) continue;
    const before = qs.filter((q) => q.sentence === total.sentence && q.start < total.start && family(q.unit) === 'money' && usable(p, q));
    const initial = before.filter((q) => INITIAL.test(q.label));
    const adjustments = before.filter((q) => ADJUSTMENT.test(q.label) && !INITIAL.test(q.label));
    if (initial.length !== 1 || adjustments.length < 1 || before.length !== initial.length + adjustments.length) continue;
    ctx.push({
      kind: 'sum',
      total: ctx.q(total),
      parts: [...initial, ...adjustments].map((q) => ctx.q(q)),
      exhaustive: true,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(total).text.trim(),
    });
  }
}
