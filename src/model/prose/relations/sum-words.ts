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

/** 由…构成/组成: the amounts named between 由 and the verb make up the amount before 由. */
const MADE_OF = /由([^。；;]*?)(?:构成|组成)/g;
/** Between the total and 由: punctuation or a short word (收入总计500万元，由… / 500万元主要由…). */
const BEFORE_MADE_OF = /^[\s，,]*(?:主要|全部|分别)?$/;

/** X万元，由A万元、B万元和C万元构成 / X万元，由A万元，加B等C万元组成 → X = A + B + C (exhaustive: 构成 says so). */
export function findMadeOf(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const m of p.text.matchAll(MADE_OF)) {
    const at = m.index!;
    const end = at + m[0].length;
    const total = qs.filter((q) => q.end <= at).pop();
    if (!total || !usable(p, total) || total.unit === '%' || total.bracketDepth !== 0 || !BEFORE_MADE_OF.test(p.text.slice(total.end, at))) continue;
    const inside = qs.filter((q) => q.start > at && q.end <= end && q.sentence === total.sentence);
    const parts = inside.filter((q) => q.unit !== '%' && q.bracketDepth === 0);
    // Every amount inside must be a usable part of the same kind, else the sentence says something else.
    if (parts.length < 2 || parts.some((q) => !usable(p, q) || family(q.unit) !== family(total.unit))) continue;
    ctx.push({
      kind: 'sum',
      total: ctx.q(total),
      parts: parts.map((q) => ctx.q(q)),
      exhaustive: true,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(total).text.trim(),
    });
  }
}
