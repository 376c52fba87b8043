// Numbers as OCR misreads them: digits mixed with look-alike letters (86.42g, 1O0, 5l2) or split by a stray space
// (9 5%). Only where the text expects a number: before a unit, after a rate or amount word.
import { COUNT_UNITS, MONEY_UNITS } from './units.js';
import { alternation } from './words.js';

/** Letters and marks OCR reads for digits: O o → 0, l I | ! → 1, S s → 5, B → 8, Z z → 2, g q → 9. */
export const DIGIT_LOOK_ALIKES = 'OoIl|!SsBZzgq';

/** What the number was expected to be, by the words around it. */
export type Expected = 'rate' | 'amount' | 'count';

export interface SuspectNumber {
  /** the token as read */
  raw: string;
  start: number;
  end: number;
  expected: Expected;
}

const DIGITS = '0-9０-９';
const TOKEN = new RegExp(`[${DIGITS}${DIGIT_LOOK_ALIKES.replace('|', '\\|')}][${DIGITS}${DIGIT_LOOK_ALIKES.replace('|', '\\|')}.．,，。 ]*`, 'g');
const LOOK_ALIKE = new RegExp(`[${DIGIT_LOOK_ALIKES.replace('|', '\\|')}]`);
const HAS_DIGIT = new RegExp(`[${DIGITS}]`);
/** One space between digits that is no thousands group: 9 5 (1 059.39 is one number). */
const SPLIT_DIGITS = new RegExp(`[${DIGITS}] (?![${DIGITS}]{3}(?![${DIGITS}]))[${DIGITS}]`);

const RATE_AFTER = /^[ ]?[%％]/;
const AMOUNT_AFTER = new RegExp(`^[ ]?.?(?:${alternation(Object.keys(MONEY_UNITS))})`);
const COUNT_AFTER = new RegExp(`^[ ]?(?:${alternation([...COUNT_UNITS])})`);
/** Words a number follows: 执行率为, 预算数, 决算数为, 占比, 合计. */
const NUMBER_WORD_BEFORE = /(?:执行率|完成率|到位率|支付率|使用率|占比|比重|预算数|决算数|执行数|支出数|合计|总计|金额)[为达是:：]?[ ]?$/;

/**
 * Tokens of OCR'd text that stand where a number is expected but mix digits with look-alike letters or a stray space.
 * Not numbers, and never flagged: a name with a letter before its digits (G20, PM2.5, H7N9), digits followed by a
 * word of letters (5G网络, 3D打印), and tokens with nothing around them that expects a number.
 */
export function suspectNumbers(text: string): SuspectNumber[] {
  const out: SuspectNumber[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let raw = m[0].replace(/[ .．,，。]+$/, '');
    const start = m.index!;
    if (!HAS_DIGIT.test(raw)) continue;
    // a letter (not itself a look-alike run) just before: a name such as G20, PM2.5
    if (/[A-Za-z]/.test(text[start - 1] ?? '')) continue;
    // a word of letters after the token (5G, 3D, 10kV): a name, not a misread digit
    const after = text.slice(start + raw.length);
    if (/^[A-Za-z]/.test(after)) continue;
    if (/[A-Za-z]{2,}$/.test(raw)) continue;
    if (!LOOK_ALIKE.test(raw) && !SPLIT_DIGITS.test(raw)) continue;
    raw = raw.trim();
    const before = text.slice(Math.max(0, start - 12), start);
    const expected: Expected | undefined = RATE_AFTER.test(after) ? 'rate'
      : AMOUNT_AFTER.test(after) ? 'amount'
      : COUNT_AFTER.test(after) ? 'count'
      : NUMBER_WORD_BEFORE.test(before) ? (/率|占比|比重/.test(before) ? 'rate' : 'amount') : undefined;
    if (!expected) continue;
    out.push({ raw, start, end: start + raw.length, expected });
  }
  return out;
}

const PERCENT_END = /[%％]$/;

/**
 * A cell of a column of numbers that OCR garbled: the whole cell one suspect token (a rate when it ends in %), or
 * undefined for a number, words or a name.
 */
export function suspectCellNumber(text: string): SuspectNumber | undefined {
  const bare = text.replace(PERCENT_END, '');
  const rate = bare !== text;
  const found = suspectNumbers(`${bare}${rate ? '%' : '万元'}`).find((s) => s.start === 0 && s.end >= bare.length);
  return found && { ...found, expected: rate ? 'rate' : 'amount' };
}
