// Points written in a label: 履职效能（15分）, 预算管理(25分), (满分15分) — the maximum a heading or row label states.
import { DECIMAL_NUMBER, toHalfWidth } from './numbers.js';
import { POINTS_UNIT } from './units.js';

/** "（25分）" / "(满分15分)" at the end of a heading or row label, with an optional closing 。 */
const POINTS_SUFFIX = new RegExp(`[（(]\\s*(?:满分)?\\s*(${DECIMAL_NUMBER})\\s*${POINTS_UNIT}\\s*[)）]\\s*[。.]?\\s*$`);

export interface PointsSuffix {
  /** the label before the bracket, trimmed */
  name: string;
  /** the number and 分 as written, spaces removed: "25分" */
  raw: string;
  value: number;
  decimals: number;
}

/** 履职效能（15分） → { name: 履职效能, value: 15 }; undefined when the label states no maximum. */
export function pointsSuffix(label: string): PointsSuffix | undefined {
  const m = POINTS_SUFFIX.exec(label);
  if (!m) return undefined;
  const digits = toHalfWidth(m[1]);
  const point = digits.indexOf('.');
  return { name: label.slice(0, m.index).trim(), raw: `${digits}${POINTS_UNIT}`, value: Number(digits), decimals: point < 0 ? 0 : digits.length - point - 1 };
}

/** What opens the aside after an item's score that states its maximum: 得分45分（满分50分）, （分值10分）, （50分）. */
export const MAX_ASIDE_OPENING = /^\s*[（(]\s*(?:满分|分值|总分)?\s*[为:：]?\s*$/;
/** The score words that end an item's label, before its name: 产出指标得分, 效益指标自评得分, 产出指标满分. */
export const ITEM_SCORE_SUFFIX = /(?:满分|自评得分|得分)$/;
/**
 * The label of the items' total after them: 总分93.8分. Only there: alone, 总分 is the maximum as often as the score
 * (指标体系总分100分).
 */
export const TOTAL_AFTER_ITEMS = /总分$/;
/** 自评总分85.5分 / 综合总分: the overall score itself (a 总分 of what was scored, not a maximum). */
export const OVERALL_SCORE_LABEL = /(?:自评|评价|综合)总分$/;
