// Words in row labels that carry meaning: total rows, 其中 rows, 扣分项, maxima like 履职效能（15分）.
import { scanQuantities } from '../../grammars/quantity.js';
import { squash } from './table-grid.js';

/** A row that totals every row of its table part. */
const TOTAL = /^(合计|总计|总分|总得分|得分合计|分值合计|合计得分|评价得分|综合得分|自评总分|自评得分|总体得分|自评得分合计|全年合计)$/;
/** A row that totals the rows since the previous subtotal. */
const SUBTOTAL = /^小计$/;

export type TotalKind = 'total' | 'subtotal';

export function totalKind(label: string): TotalKind | undefined {
  const s = squash(label).replace(/[:：]$/, '');
  if (TOTAL.test(s)) return 'total';
  if (SUBTOTAL.test(s)) return 'subtotal';
  return undefined;
}

export function isDeduction(label: string): boolean {
  return /^扣分(项|指标)?/.test(squash(label));
}

/** 其中：本年财政拨款 → the label without its 其中 lead, and whether it had one. */
export function stripOfWhich(label: string): { label: string; ofWhich: boolean } {
  const m = /^\s*其中\s*[:：]?\s*/.exec(label);
  return m ? { label: label.slice(m[0].length), ofWhich: true } : { label, ofWhich: false };
}

/** Labels that close a breakdown, so the parts cover the whole: 其他资金, 其他收入, 其他. */
export function isCatchAll(label: string): boolean {
  return /^其他|^其它/.test(squash(stripOfWhich(label).label));
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
  const m = /[（(]\s*(?:满分)?\s*([0-9０-９.．]+\s*分)\s*[)）]\s*$/.exec(label);
  if (!m) return undefined;
  const q = scanQuantities(m[1])[0];
  if (!q || q.unit !== '分') return undefined;
  return { name: label.slice(0, m.index).trim(), raw: m[1].replace(/\s+/g, ''), value: q.value, decimals: q.decimals };
}
