// 占比 = 部分 ÷ 整体; the shares of one whole add up to 100% when the parts cover it.
import { defineCheck, assess, w } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Quantity } from '../model/schema.js';
import {
  atFinestPrecision, commonFactors, div, intervalOf, isUsable, rateFactor, rounded, truncated, sum, scale, overlaps, point, verdict, formatNumber,
} from '../precision.js';

export default defineCheck({
  id: 'share',
  severity: 'error',
  description: { zh: '占比与部分、整体不符，或各部分占比之和不为 100%', en: 'a share does not match its part and whole, or shares do not add up to 100%' },
  formula: '占比 = 部分 ÷ 整体 × 100%；各部分占比之和 = 100%',
  reads: { relations: ['share'] },
  messages: {
    ...comparisonMessages({ zh: '{part}占比', en: 'the share of {part}' }),
    total: { zh: '各部分占比之和为 {actual}（{formula}），应为 {expected}', en: 'the shares add up to {actual} ({formula}), not {expected}' },
    totalTruncated: {
      zh: '各部分占比之和为 {actual}（{formula}），按四舍五入应为 {expected}；各占比似为截尾取值',
      en: 'the shares add up to {actual} ({formula}); they reach {expected} only if truncated',
    },
  },
  *run({ relations }, ctx) {
    for (const r of relations) {
      // a share that does not match its part and whole is the one cause; the shares' sum then fails because of it
      let shareFailed = false;
      if (isUsable(r.whole)) {
        const siblings = r.parts.flatMap((x) => (x.part ? [x.part] : []));
        const operands = (part: Quantity, whole: Quantity, pf: number, wf: number) => {
          const [a, b] = atFinestPrecision([part, whole], siblings);
          return [intervalOf(a, pf), intervalOf(b, wf)] as const;
        };
        for (const p of r.parts) {
          if (!isUsable(p.part) || !isUsable(p.share)) continue;
          if (p.part.value === 0 && r.whole.value === 0) continue;
          const rf = rateFactor(p.share);
          const units = commonFactors([p.part, r.whole]);
          if (rf === undefined || !units) continue;
          const [pf, wf] = units.factors;
          const { issue } = assess(ctx, {
            stated: p.share, factor: rf,
            computed: div(...operands(p.part, r.whole, pf, wf)),
            estimate: (p.part.value * pf) / (r.whole.value * wf),
            formula: `${w(p.part)} ÷ ${w(r.whole)}`, evidence: r.evidence, location: p.share.location ?? r.location,
            data: { part: p.part.label ?? '', whole: r.whole.label ?? '' },
            assumed: r.assumed,
          });
          if (issue) { shareFailed = true; yield issue; }
        }
      }
      if (!r.complete || shareFailed) continue;
      const shares = r.parts.map((p) => p.share);
      if (shares.length < 2 || !shares.every(isUsable)) continue;
      const factors = shares.map(rateFactor);
      if (factors.some((f) => f === undefined)) continue;
      const hundred = point(1);
      const asRounded = sum(shares.map((s, i) => scale(rounded(s.value, s.decimals), factors[i]!)));
      const asTruncated = sum(shares.map((s, i) => scale(truncated(s.value, s.decimals), factors[i]!)));
      const c = overlaps(asRounded, hundred) ? 'consistent' : overlaps(asTruncated, hundred) ? 'truncated' : 'inconsistent';
      const outcome = verdict(c, ctx.rounding);
      if (outcome === 'ok') continue;
      const decimals = Math.max(...shares.map((s) => s.decimals));
      const total = shares.reduce((a, s, i) => a + s.value * factors[i]!, 0) * 100;
      // Of a whole the text does not state, shares that each give one and the same whole (基本支出13645.88万元、占比
      // 21.49%，项目支出…75.40%，… of 全年预算数63501.78) may be of another whole than the parts' sum: a warning that says so.
      const otherWhole = !r.whole && sharesOfOneWhole(r.parts.map((x) => x.part), shares, factors as number[]);
      yield {
        messageId: outcome === 'truncated' ? 'totalTruncated' : 'total',
        severity: outcome === 'truncated' || otherWhole ? 'warning' : undefined,
        location: shares[0].location ?? r.location, evidence: r.evidence,
        expected: '100%', actual: formatNumber(total, decimals) + '%',
        data: { formula: shares.map((s) => s.raw).join(' + ') },
        assumed: otherWhole ? [...(r.assumed ?? []), { kind: 'unnamed-whole' as const }] : r.assumed,
      };
    }
  },
});

/** Whether every part ÷ its share gives one whole (their intervals meet): the shares agree on some whole. */
function sharesOfOneWhole(parts: Array<Quantity | undefined>, shares: Quantity[], factors: number[]): boolean {
  const amounts = parts.filter((q): q is Quantity => isUsable(q));
  if (amounts.length !== parts.length) return false;
  const units = commonFactors(amounts);
  if (!units) return false;
  const wholes = amounts.map((q, i) => div(intervalOf(q, units.factors[i]), scale(intervalOf(shares[i]!, 1), factors[i]!)));
  const lo = Math.max(...wholes.map((x) => x.lo));
  const hi = Math.min(...wholes.map((x) => x.hi));
  return lo <= hi || overlaps(point(lo), point(hi)); // (a double's last place aside)
}
