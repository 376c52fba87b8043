// 合计 = 各部分之和 (money, counts and points). A list introduced by 其中/含 may be incomplete: falling short is a warning.
import { defineCheck, assess, w } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import type { Quantity } from '../model/schema.js';
import { atFinestPrecision, commonFactors, intervalOf, isUsable, point, scale, sum, formatNumber } from '../precision.js';

export default defineCheck({
  id: 'sum',
  severity: 'error',
  description: { zh: '合计数与各分项之和不符', en: 'a total does not equal the sum of its parts' },
  formula: '合计 = Σ 分项（“其中”所列可少于合计，不可多于合计）',
  reads: { relations: ['sum'] },
  messages: {
    ...comparisonMessages({ zh: '{total}', en: '{total}' }),
    incomplete: {
      zh: '{total}为 {actual}，所列各项之和为 {expected}（{formula}），少 {difference}；所列项目可能不全，请核对',
      en: '{total} is {actual} but the listed parts add up to {expected} ({formula}), {difference} short; the list may be incomplete',
    },
    exceeds: {
      zh: '所列各项之和 {expected}（{formula}）超过{total} {actual}，多 {difference}',
      en: 'the listed parts add up to {expected} ({formula}), {difference} more than {total} {actual}',
    },
  },
  *run({ relations }, ctx) {
    for (const r of relations) {
      const { total } = r;
      if (!isUsable(total) || r.parts.length === 0 || !r.parts.every(isUsable)) continue;
      const units = commonFactors([total, ...r.parts]);
      if (!units) continue;
      const [tf, ...pf] = units.factors;
      // Counts and points awarded without decimals are whole: 10 分 is 10, not [9.5, 10.5).
      const counted = units.dimension === 'count' || units.dimension === 'score';
      const interval = (q: Quantity, f: number) => (counted && q.decimals === 0 ? scale(point(q.value), f) : intervalOf(q, f));
      const parts = atFinestPrecision(r.parts, [total]);
      const computed = sum(parts.map((p, i) => interval(p, pf[i])));
      const estimate = r.parts.reduce((a, p, i) => a + p.value * pf[i], 0);
      const sameUnit = pf.every((f) => f === tf); // 个 and 人 are both plain counts: digits suffice
      const formula = r.parts.map((p) => (sameUnit ? w(p) : p.raw)).join(' + ');
      const { outcome, issue } = assess(ctx, {
        stated: total, factor: tf, exact: counted && total.decimals === 0, computed, estimate, formula,
        evidence: r.evidence, location: total.location ?? r.location, data: { total: total.label ?? { zh: '合计', en: 'the total' } },
      });
      if (outcome === 'ok' || !issue) continue;
      if (r.exhaustive || outcome === 'truncated') {
        yield issue;
        continue;
      }
      const decimals = Math.max(total.decimals, ...r.parts.map((p) => p.decimals));
      const difference = formatNumber(Math.abs(total.value * tf - estimate) / tf, decimals) + (total.unit ?? '');
      const short = estimate < total.value * tf;
      yield {
        ...issue,
        messageId: short ? 'incomplete' : 'exceeds',
        severity: short ? 'warning' : 'error',
        expected: formatNumber(estimate / tf, decimals) + (total.unit ?? ''),
        data: { ...issue.data, difference },
      };
    }
  },
});
