// 同一数字前后一致：the same figure stated twice in one document (one allocation cited by its 文号, one labelled amount
// of one period, stage and scope) must agree: the two values as written meet within their precision (half-open).
import { defineCheck } from './define.js';
import { commonFactors, intervalOf, isUsable } from '../precision.js';

export default defineCheck({
  id: 'restated',
  severity: 'error',
  description: { zh: '同一数字在文中前后两处不一致', en: 'the same figure is stated twice in the document with two values' },
  formula: '同一文号下达的资金、同一期间同一口径的同名金额：前后各处相等',
  reads: { relations: ['restated'] },
  messages: {
    mismatch: {
      zh: '“{key}”在{where}为 {expected}，此处为 {actual}，前后不一致',
      en: '"{key}" is {expected} at {where} and {actual} here: one figure stated twice with two values',
    },
  },
  *run({ relations }) {
    for (const r of relations) {
      if (!isUsable(r.first) || !isUsable(r.second)) continue;
      const units = commonFactors([r.first, r.second]);
      if (!units) continue;
      const [a, b] = units.factors;
      // a number written to its precision stands for [x − ½ulp, x + ½ulp): 8万元 and 9万元 do not meet
      const [x, y] = [intervalOf(r.first, a), intervalOf(r.second, b)];
      if (x.lo < y.hi && y.lo < x.hi) continue;
      yield {
        messageId: 'mismatch', location: r.second.location ?? r.location, evidence: r.evidence,
        expected: r.first.raw, actual: r.second.raw, data: { key: r.key, where: r.first.location }, assumed: r.assumed,
      };
    }
  },
});
