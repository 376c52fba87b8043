// 率 = 分子 ÷ 分母 (执行率 到位率 完成率 …). The stated rate must lie in the interval its operands allow.
import { defineCheck, assess, w, type Assessment, type Text } from './define.js';
import { comparisonMessages } from '../catalog/comparison.js';
import { atFinestPrecision, commonFactors, div, intervalOf, isUsable, mid, rateFactor } from '../precision.js';

export default defineCheck({
  id: 'rate',
  severity: 'error',
  description: { zh: '执行率等比率与其分子、分母不符', en: 'a rate does not match its numerator and denominator' },
  formula: '率 = 分子 ÷ 分母 × 100%（分母取文中给出的任一候选：调整后预算、全年预算、到位资金、年初预算）',
  reads: { relations: ['rate'] },
  messages: {
    ...comparisonMessages({ zh: '{name}', en: '{name}' }),
    denominator: {
      zh: '{name} {actual} 以{denominatorLabel}为分母计算（{formula}），其他候选分母不符',
      en: '{name} {actual} is computed on {denominatorLabel} ({formula}); the other candidate denominators do not match',
    },
  },
  *run({ relations }, ctx) {
    for (const r of relations) {
      const { rate, numerator } = r;
      if (!isUsable(rate) || !isUsable(numerator)) continue;
      const rf = rateFactor(rate);
      if (rf === undefined) continue;
      const tried: Array<{ label: string | Text; formula: string; assessment: Assessment; distance: number }> = [];
      for (const den of r.denominators ?? []) {
        if (!isUsable(den)) continue;
        if (numerator.value === 0 && den.value === 0) continue; // 0/0: nothing was budgeted or spent
        const scale = commonFactors([numerator, den]);
        if (!scale) continue;
        const [nf, df] = scale.factors;
        const [num, d] = atFinestPrecision([numerator, den]);
        const computed = div(intervalOf(num, nf), intervalOf(d, df));
        const estimate = (numerator.value * nf) / (den.value * df);
        const label = den.label?.trim() || { zh: '分母', en: 'the denominator' };
        const formula = `${w(numerator)} ÷ ${w(den)}`;
        const assessment = assess(ctx, {
          stated: rate, factor: rf, computed, estimate: Number.isFinite(estimate) ? estimate : mid(computed), formula,
          evidence: r.evidence, location: rate.location ?? r.location,
          data: { name: r.name, numeratorLabel: numerator.label, denominatorLabel: label },
        });
        tried.push({ label, formula, assessment, distance: Math.abs(estimate - rate.value * rf) });
      }
      if (tried.length === 0) continue;
      const ok = tried.find((t) => t.assessment.outcome === 'ok');
      if (ok) {
        // Several candidate denominators and not the first one matched: say which, so the reader can follow.
        if (tried.length > 1 && ok !== tried[0]) {
          yield {
            messageId: 'denominator', severity: 'info', location: rate.location ?? r.location, evidence: r.evidence,
            actual: rate.raw,
            data: { name: r.name, denominatorLabel: ok.label, formula: ok.formula, candidates: tried.map((t) => t.label) },
          };
        }
        continue;
      }
      const best = tried.find((t) => t.assessment.outcome === 'truncated')
        ?? tried.reduce((a, b) => (b.distance < a.distance ? b : a));
      const issue = best.assessment.issue!;
      yield { ...issue, data: { ...issue.data, candidates: tried.map((t) => t.label) } };
    }
  },
});
