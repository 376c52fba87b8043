// Grades: the words a report grades with, their synonyms, and the national bands a score falls into.
import { DECIMAL_NUMBER, decimalValue } from './numbers.js';
import { alternation } from './words.js';

/** A grade band: scores from min to max, each end inclusive or not; an open end when it is absent. */
export interface Band {
  grade: string;
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
}

/** Grade words as written, each with the grade it means (优秀 = 优, 合格 = 中, 不合格 = 差). */
export const GRADE_SYNONYMS: Readonly<Record<string, string>> = {
  优: '优', 优秀: '优', 良: '良', 良好: '良', 中: '中', 中等: '中', 合格: '中', 一般: '中', 及格: '中',
  差: '差', 较差: '差', 不合格: '差', 不及格: '差',
};
/** Grade words longest first, so a regex alternation prefers 优秀 over 优 and 不合格 over 合格. */
export const GRADE_WORDS: readonly string[] = Object.keys(GRADE_SYNONYMS).sort((a, b) => b.length - a.length);
/** The regex source of a grade word, longest first. */
export const GRADE_WORD = alternation(GRADE_WORDS);

/** National bands: 90 (含) – 100 优, 80 – 90 良, 60 – 80 中, below 60 差. */
export const NATIONAL_BANDS: readonly Band[] = [
  { grade: '优', min: 90, minInclusive: true, maxInclusive: true },
  { grade: '良', min: 80, minInclusive: true, max: 90, maxInclusive: false },
  { grade: '中', min: 60, minInclusive: true, max: 80, maxInclusive: false },
  { grade: '差', max: 60, minInclusive: true, maxInclusive: false },
];

/** 优秀 = 优, 良好 = 良, 合格/中等 = 中, 不合格 = 差; other words stay as written (a report may define its own). */
export function normalizeGrade(grade: string): string {
  const g = grade.replace(/[\s“”"'‘’「」【】（）()]/g, '').replace(/[级等]$/, '');
  return GRADE_SYNONYMS[g] ?? GRADE_SYNONYMS[g.replace(/等$/, '')] ?? g;
}

/** The band a score falls in, or undefined when no band holds it. */
export function gradeOf<B extends Band>(score: number, bands: readonly B[]): B | undefined {
  return bands.find((b) => {
    const aboveMin = b.min === undefined || (b.minInclusive === false ? score > b.min : score >= b.min);
    const belowMax = b.max === undefined || (b.maxInclusive ? score <= b.max : score < b.max);
    return aboveMin && belowMax;
  });
}

/**
 * The bands in words, for a message: ≥90 优，80–90 良，60–80 中，<60 差 (zh) or "优" from 90, "良" 80–90 … (en).
 * Written from the bands themselves, so the text cannot drift from the numbers.
 */
export function describeBands(bands: readonly Band[]): { zh: string; en: string } {
  const zh = bands.map((b) => {
    if (b.min !== undefined && b.max !== undefined) return `${b.min}–${b.max}分为${b.grade}`;
    if (b.min !== undefined) return `${b.min}分及以上为${b.grade}`;
    if (b.max !== undefined) return `${b.max}分以下为${b.grade}`;
    return `其余为${b.grade}`;
  });
  const en = bands.map((b) => {
    if (b.min !== undefined && b.max !== undefined) return `"${b.grade}" ${b.min}–${b.max}`;
    if (b.min !== undefined) return `"${b.grade}" from ${b.min}`;
    if (b.max !== undefined) return `"${b.grade}" below ${b.max}`;
    return `"${b.grade}" otherwise`;
  });
  return { zh: zh.join('，'), en: en.join(', ') };
}

const NUM = `(${DECIMAL_NUMBER})`;
const LOWER_SYM = '(≥|>=|＞|>|≧)';
const UPPER_SYM = '(≤|<=|＜|<|≦)';
const SCORE_WORD = '(?:得分|分数|总分|评分|综合得分|分值)';
const GRADE = `(${GRADE_WORD})`;
const inclusive = (sym: string) => /≤|<=|≦|≥|>=|≧/.test(sym);
const num = decimalValue;
/** How a clause states a grade band (85≤得分＜95为良好; 得分≥95分为优秀; 60分以下为差 …). */
const BAND_FORMS: Array<[RegExp, (m: RegExpExecArray) => Band]> = [
  [new RegExp(`${NUM}\\s*${UPPER_SYM}\\s*${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[5], min: num(m[1]), minInclusive: inclusive(m[2]), max: num(m[4]), maxInclusive: inclusive(m[3]),
  })],
  [new RegExp(`${SCORE_WORD}\\s*${LOWER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: num(m[2]), minInclusive: inclusive(m[1]), maxInclusive: false,
  })],
  [new RegExp(`${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], max: num(m[2]), maxInclusive: inclusive(m[1]), minInclusive: true,
  })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*以上\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], min: num(m[1]), minInclusive: true, maxInclusive: false })],
  [new RegExp(`${NUM}\\s*分?\\s*以下\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], max: num(m[1]), maxInclusive: false, minInclusive: true })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*[-—－~～至到]\\s*${NUM}\\s*分?\\s*为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: num(m[1]), minInclusive: true, max: num(m[2]), maxInclusive: false,
  })],
];

/** The band one clause states (得分≥85分为优秀 → 优秀 from 85), or undefined when the clause states none. */
export function parseGradeBand(clause: string): Band | undefined {
  for (const [re, build] of BAND_FORMS) {
    const m = re.exec(clause);
    if (m) return build(m);
  }
  return undefined;
}

/** Every way of stating a band ends its clause with 为 and a grade: a text with no clause ending so states no band. */
export const BAND_CLAUSE_END = new RegExp(`为\\s*${GRADE}\\s*(?=[；;。，,]|$)`);
