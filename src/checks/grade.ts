// 评价等级 = 得分所在的等级区间: the report's own bands, else configured bands, else the national bands.
import { defineCheck } from './define.js';
import type { GradeBand, Quantity } from '../model/schema.js';
import { isUsable } from '../precision.js';
import { GRADE_SYNONYMS } from '../model/vocabulary.js';

/** National bands: 90 (含) – 100 优, 80 – 90 良, 60 – 80 中, below 60 差. */
export const NATIONAL_BANDS: GradeBand[] = [
  { grade: '优', min: 90, minInclusive: true, maxInclusive: true },
  { grade: '良', min: 80, minInclusive: true, max: 90, maxInclusive: false },
  { grade: '中', min: 60, minInclusive: true, max: 80, maxInclusive: false },
  { grade: '差', max: 60, minInclusive: true, maxInclusive: false },
];

const SYNONYMS = GRADE_SYNONYMS;

/** 优秀 = 优, 良好 = 良, 合格/中等 = 中, 不合格 = 差; other words stay as written (a report may define its own). */
export function normalizeGrade(grade: string): string {
  const g = grade.replace(/[\s“”"'‘’「」【】（）()]/g, '').replace(/[级等]$/, '');
  return SYNONYMS[g] ?? SYNONYMS[g.replace(/等$/, '')] ?? g;
}

export function bandOf(score: number, bands: GradeBand[]): GradeBand | undefined {
  return bands.find((b) => {
    const aboveMin = b.min === undefined || (b.minInclusive === false ? score > b.min : score >= b.min);
    const belowMax = b.max === undefined || (b.maxInclusive ? score <= b.max : score < b.max);
    return aboveMin && belowMax;
  });
}

export default defineCheck({
  id: 'grade',
  severity: 'error',
  description: { zh: '评价等级与得分不符', en: 'the stated grade does not match the score' },
  formula: '等级 = 得分所在区间（报告自定区间 > 配置区间 > 全国通用：≥90 优，80–90 良，60–80 中，<60 差）',
  messages: {
    mismatch: {
      zh: '得分 {score} 按{bandsSource}应为“{expected}”，文中为“{actual}”',
      en: 'a score of {score} is "{expected}" under {bandsSource}; the text says "{actual}"',
    },
  },
  *run(report, ctx) {
    const own = report.relations.find((r): r is Extract<typeof r, { kind: 'grade-bands' }> => r.kind === 'grade-bands' && r.bands.length > 0);
    const [bands, bandsSource] = own ? [own.bands, { zh: '报告所列等级标准', en: 'the bands the report states' }]
      : ctx.config.gradeBands?.length ? [ctx.config.gradeBands, { zh: '配置的等级标准', en: 'the configured bands' }]
      : [NATIONAL_BANDS, { zh: '通用等级标准（90分及以上为优，80–90分为良，60–80分为中，60分以下为差）', en: 'the national bands ("优" from 90, "良" 80–90, "中" 60–80, "差" below 60)' }];
    // A grade without its own score refers to the report's overall score, when the report states exactly one.
    const overall = [...new Map(report.relations
      .filter((r): r is Extract<typeof r, { kind: 'total-score' }> => r.kind === 'total-score' && isUsable(r.score))
      .map((r) => [r.score.value, r.score] as const)).values()];
    for (const r of report.relations) {
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
