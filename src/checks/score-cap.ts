// 得分 ≤ 满分 (分值/权重): no item, indicator or report scores above its maximum, nor below zero.
import { defineCheck, rowEvidence, type Issue, type Text } from './define.js';
import type { Location } from '../findings.js';
import type { Quantity } from '../model/schema.js';
import { isUsable } from '../precision.js';

type Id = 'exceeds' | 'negative';

function* judge(name: string | Text, score: Quantity | undefined, max: Quantity | undefined, location: Location, evidence: string, allowNegative = false): Generator<Issue<Id>> {
  if (!isUsable(score)) return;
  if (score.value < 0 && !allowNegative) {
    yield { messageId: 'negative', location: score.location ?? location, evidence, expected: '≥ 0', actual: score.raw, data: { name } };
    return;
  }
  if (!isUsable(max) || max.value <= 0) return;
  if (Math.abs(score.value) > max.value) {
    yield {
      messageId: 'exceeds', location: score.location ?? location, evidence,
      expected: `≤ ${max.raw}`, actual: score.raw, data: { name, max: max.raw },
    };
  }
}

export default defineCheck({
  id: 'score-cap',
  severity: 'error',
  description: { zh: '得分超过满分（分值、权重），或为负数', en: 'a score exceeds its maximum (points, weight) or is negative' },
  formula: '0 ≤ 得分 ≤ 满分',
  reads: { relations: ['score', 'total-score'], scoreItems: true, indicators: true },
  messages: {
    exceeds: { zh: '“{name}”得分 {actual} 超过满分 {max}', en: '"{name}" scores {actual}, above its maximum {max}' },
    negative: { zh: '“{name}”得分 {actual} 为负数', en: '"{name}" has a negative score {actual}' },
  },
  *run({ relations, scoreItems, indicators }) {
    for (const r of relations) {
      if (r.kind === 'score') yield* judge(r.name, r.score, r.max, r.location, r.evidence);
      else yield* judge({ zh: '自评总分', en: 'the total score' }, r.score, r.max, r.location, r.evidence);
    }
    for (const item of scoreItems) {
      // A deduction may be written as a negative number; its size is still capped by the deduction's maximum.
      yield* judge(item.name, item.score, item.max, item.location, rowEvidence(item.name, item.max, item.score), item.deduction === true);
    }
    for (const ind of indicators) {
      yield* judge(ind.name, ind.score, ind.weight, ind.location, rowEvidence(ind.name, ind.weight, ind.score));
    }
  },
});
