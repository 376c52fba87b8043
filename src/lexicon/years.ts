// Years and periods: a calendar year as written (2023年, 二〇二三年), the previous and the current period's words.
import { DIGIT, toHalfWidth } from './numbers.js';
import { alternation } from './words.js';

/** The years a report may be about: a 4-digit number before 年 outside this range is an amount (5000年 is no year). */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** A number written before 年 or 年度 that is a calendar year, not an amount. */
export function isCalendarYear(value: number, decimals: number): boolean {
  return decimals === 0 && value >= YEAR_RANGE.min && value <= YEAR_RANGE.max;
}

/** The regex source of a year in figures before 年 (2023年, 2023 年, ２０２３年), for patterns built elsewhere. */
export const WRITTEN_YEAR = `${DIGIT}{4}\\s*年`;
/** A year written in Chinese digits (二〇二三年). */
const CHINESE_YEAR = '[二〇一三四五六七八九零]{4}年';

/** Words of the previous period and of the current one: 上年为X, 本年X. */
export const PREVIOUS_PERIOD_WORDS = ['上年', '去年', '上一年'] as const;
export const CURRENT_PERIOD_WORDS = ['本年', '今年', '当年'] as const;
export const PREVIOUS_PERIOD = new RegExp(alternation(PREVIOUS_PERIOD_WORDS));
export const CURRENT_PERIOD = new RegExp(alternation(CURRENT_PERIOD_WORDS));

const YEAR_IN = /((?:19|20)\d{2})\s*年/;

/** The first calendar year a text names (关于2023年度…报告 → 2023), or undefined. */
export function yearIn(text: string): number | undefined {
  const m = YEAR_IN.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

const STARTS_WITH_YEAR = new RegExp(`^(?:${WRITTEN_YEAR}|${CHINESE_YEAR})`);

/** A line that opens with a year (2023年度…, 二〇二三年…): a title's first line. */
export function startsWithYear(text: string): boolean {
  return STARTS_WITH_YEAR.test(text);
}

const LEADING_YEAR = new RegExp(`^(?:(${DIGIT}{4})年(?:度)?)?(.*)$`);

/** A header or label that opens with its year (2023年预算数 → 2023, 预算数); year undefined when it names none. */
export function leadingYear(label: string): { year?: number; rest: string } {
  const m = LEADING_YEAR.exec(label)!;
  return m[1] ? { year: Number(toHalfWidth(m[1])), rest: m[2] } : { rest: m[2] };
}

const COMPARED_YEARS = new RegExp(`(${DIGIT}{4})年?(?:比|较|与)(${DIGIT}{4})`);

/** The two years a change compares (2016年比2015年增减率 → current 2016, base 2015), or undefined. */
export function comparedYears(label: string): { current: number; base: number } | undefined {
  const m = COMPARED_YEARS.exec(label);
  return m ? { current: Number(toHalfWidth(m[1])), base: Number(toHalfWidth(m[2])) } : undefined;
}

const PERIOD_WORDS = new RegExp(`${DIGIT}{4}年度?|上年度?|本年度?|当年|去年|今年|上一年`, 'g');

/** A label without the words of its period (2023年公用经费, 上年公用经费 → 公用经费): two periods of one thing compare. */
export function withoutPeriod(label: string): string {
  return label.replace(PERIOD_WORDS, '');
}
