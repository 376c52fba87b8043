// Words in row labels that carry meaning: total rows, 其中 rows, 扣分项, maxima like 履职效能（15分）.
import { squash } from './grid.js';
import { opensAsCatchAll, pointsSuffix, stripOfWhich } from '../../lexicon/index.js';
import { deductionRows } from '../forms/index.js';

export { stripOfWhich, totalKind, type TotalKind } from '../../lexicon/index.js';

/** A deduction row of a scoring sheet (扣分项), by the row words of the profiles. */
export function isDeduction(label: string): boolean {
  const s = squash(label);
  return deductionRows.some((re) => re.test(s));
}

/** Labels that close a breakdown, so the parts cover the whole: 其他资金, 其他收入, 其他. */
export function isCatchAll(label: string): boolean {
  return opensAsCatchAll(squash(stripOfWhich(label).label));
}

export interface LabelMax {
  /** the label without its maximum: 履职效能 */
  name: string;
  raw: string;
  value: number;
  decimals: number;
}

/** 履职效能（15分） / 预算管理(25分) / 扣分项（10分） / 产出指标（50分） → the maximum the label states. */
export function labelMax(label: string): LabelMax | undefined {
  const s = pointsSuffix(label);
  return s && { name: s.name, raw: s.raw, value: s.value, decimals: s.decimals };
}
