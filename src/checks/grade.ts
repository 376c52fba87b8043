// 评价等级 = 得分所在的等级区间: the report's own bands, else configured bands, else the national bands.
import { z } from 'zod';
import { defineCheck } from './define.js';
import { GradeBand, type Quantity, type RelationOf } from '../model/schema.js';
import { isUsable } from '../precision.js';
import { NATIONAL_BANDS, describeBands, gradeOf, normalizeGrade } from '../lexicon/index.js';

export { NATIONAL_BANDS, normalizeGrade } from '../lexicon/index.js';
/** The band a score falls in (the lexicon's gradeOf, under the name the tests know). */
export const bandOf = gradeOf;

const national = describeBands(NATIONAL_BANDS);

/** The grade bands to judge by when a report states none (config: rules.grade.bands, or gradeBands at the top). */
const Options = z.object({
  bands: z.array(GradeBand).min(1).optional().describe('default grade bands when a report states none; national bands otherwise'),
});

export default defineCheck({
  id: 'grade',
  severity: 'error',
  description: { zh: '评价等级与得分不符', en: 'the stated grade does not match the score' },
  formula: `等级 = 得分所在区间（报告自定区间 > 配置区间 > 全国通用：${national.zh}）`,
  reads: { relations: ['grade', 'grade-bands', 'total-score'] },
  options: Options,
  configOptions: (config) => (config.gradeBands?.length ? { bands: config.gradeBands } : {}),
  messages: {
    mismatch: {
      zh: '得分 {score} 按{bandsSource}应为“{expected}”，{where}为“{actual}”',
      en: 'a score of {score} is "{expected}" under {bandsSource}; {where} says "{actual}"',
    },
  },
  *run({ relations }, ctx) {
    const own = relations.find((r): r is RelationOf<'grade-bands'> => r.kind === 'grade-bands' && r.bands.length > 0);
    const [bands, bandsSource] = own ? [own.bands, { zh: '报告所列等级标准', en: 'the bands the report states' }]
      : ctx.options.bands ? [ctx.options.bands, { zh: '配置的等级标准', en: 'the configured bands' }]
      : [NATIONAL_BANDS, { zh: `通用等级标准（${national.zh}）`, en: `the national bands (${national.en})` }];
    // A grade without its own score refers to the report's overall score, when the report states exactly one.
    const overall = [...new Map(relations
      .filter((r): r is RelationOf<'total-score'> => r.kind === 'total-score' && isUsable(r.score))
      .map((r) => [r.score.value, r.score] as const)).values()];
    for (const r of relations) {
      if (r.kind !== 'grade') continue;
      const score: Quantity | undefined = isUsable(r.score) ? r.score : overall.length === 1 ? overall[0] : undefined;
      if (!score || !r.grade?.trim()) continue;
      const band = bandOf(score.value, bands);
      if (!band) continue;
      const stated = normalizeGrade(r.grade);
      const expected = normalizeGrade(band.grade);
      if (stated === expected) continue;
      // Only judge grades the bands can name: a word neither the bands nor the synonyms know is left alone.
      const known = new Set(bands.map((b) => normalizeGrade(b.grade)));
      if (!known.has(stated)) continue;
      yield {
        messageId: 'mismatch', location: r.location, evidence: r.evidence, expected: band.grade, actual: r.grade,
        data: { score: score.raw, bandsSource, expectedGrade: expected, statedGrade: stated },
      };
    }
  },
});
