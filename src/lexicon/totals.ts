// Words that name a total: a row that totals its table part (合计, 总分), a subtotal (小计), a total in prose (总额, 共计).
import { alternation, anyOf, endingIn, wholeWord } from './words.js';

/** The plain words of a grand total, in a row label or a sentence. */
export const GRAND_TOTAL_WORDS = ['合计', '总计'] as const;
/** A whole named as the grand total (收入总计, 收入预算总额): what was carried over is one of its parts, unlike a 合计's. */
export const GRAND_WHOLE = /总计|总额/;
/** A label that ends in its own 合计: the subtotal of what it names (本年收入合计, 本年支出合计). */
export const OWN_SUBTOTAL = /合计$/;
/** Row labels that total every row of their table part (合计, 总计, and a scoring sheet's 总分 rows). */
export const TOTAL_WORDS = [
  ...GRAND_TOTAL_WORDS, '总分', '总得分', '得分合计', '分值合计', '合计得分', '评价得分', '综合得分', '自评总分', '自评得分',
  '总体得分', '自评得分合计', '全年合计',
] as const;
/** Row labels that total the rows since the previous subtotal. */
export const SUBTOTAL_WORDS = ['小计'] as const;
/** Words in prose that name a total amount (预算总金额为…, 合计…, 共计…, 支出总额). */
export const PROSE_TOTAL_WORDS = ['总金额', '总额', '合计', '共计', '总计'] as const;
/**
 * Words of a whole amount a rate may divide by (预算合计, 资金总额, 预算总金额). Not 共计 or 总计, which head a spent
 * amount as often (共计支付, 总计完成).
 */
export const WHOLE_AMOUNT_WORDS = ['合计', '总额', '总金额'] as const;
/** Words that end a run of parts: the next amount is a total or an actual figure, not one more part. */
export const PART_STOP_WORDS = ['实际', '合计', '共计', '总计', '累计'] as const;
/** A whole named by its total word first: 总支出, 全部收入. */
export const WHOLE_PREFIX_WORDS = ['总', '全部'] as const;
/** Labels that open a paragraph with the whole a later change is about: 收入总计, 预算总额, 总收入, 总人数. */
export const WHOLE_LABEL_WORDS = ['总计', '合计', '总额', '总数', '总收入', '总支出'] as const;

export type TotalKind = 'total' | 'subtotal';

const TOTAL = wholeWord(TOTAL_WORDS);
const SUBTOTAL = wholeWord(SUBTOTAL_WORDS);

/** Whether a row label totals its table part ('total'), the rows since the last subtotal ('subtotal'), or neither. */
export function totalKind(label: string): TotalKind | undefined {
  const s = label.replace(/\s+/g, '').replace(/[:：]$/, '');
  if (TOTAL.test(s)) return 'total';
  if (SUBTOTAL.test(s)) return 'subtotal';
  return undefined;
}

const ENDS_AS_AMOUNT_TOTAL = endingIn(['总额']);

/** A label that names a whole amount: a total row (合计, 总计) or an amount total (年度资金总额, 资金总额). */
export function isTotalLabel(label: string): boolean {
  const s = label.replace(/\s+/g, '').replace(/[:：]$/, ''); // 年度资金总额：
  return ENDS_AS_AMOUNT_TOTAL.test(s) || totalKind(s) === 'total';
}

/** A label with a subtotal word in it: the amount totals some parts of a list, which ones the list does not say. */
export const SUBTOTAL_WORD = anyOf(SUBTOTAL_WORDS);
/** A label with a prose total word in it (预算总金额, 合计). */
export const PROSE_TOTAL_WORD = anyOf(PROSE_TOTAL_WORDS);
/** A label ending in a prose total word: 支出合计, 收入总计, 支出总额 (the thing totalled comes before it). */
export const ENDS_IN_TOTAL_WORD = endingIn(PROSE_TOTAL_WORDS);
/** A label with a word that ends a run of parts (实际, 合计, 累计 …). */
export const PART_STOP_WORD = anyOf(PART_STOP_WORDS);
/** A whole named by its total word first: 总支出 → 支出. */
export const WHOLE_PREFIX = new RegExp(`^(?:${alternation(WHOLE_PREFIX_WORDS)})`);
/** A label naming the whole of a paragraph (收入总计, 总支出). */
export const WHOLE_LABEL = anyOf(WHOLE_LABEL_WORDS);
