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
