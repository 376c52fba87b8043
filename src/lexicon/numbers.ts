// Numbers as the genre writes them: Arabic, full-width, grouped (千分位), wrapped by a narrow cell, negative (-, 负) and Chinese numerals.
import { LIST_COUNT_UNITS } from './units.js';

export interface ParsedNumber {
  value: number;
  /** digits after the decimal point as written (0 for integers) */
  decimals: number;
  /** the text as written, trimmed */
  raw: string;
}

/** A digit, ASCII or full-width: the character class every number pattern is built from. */
export const DIGIT = '[0-9０-９]';
/** Signs a writer puts before a negative number (the hyphen, full-width and typographic minus). */
export const MINUS_SIGNS = '-－−';

const DIGIT_RE = new RegExp(DIGIT);
/** One character is a digit, ASCII or full-width. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && DIGIT_RE.test(ch);
}

/** Whether a text holds a digit at all (a cell with a number in it, a title with a figure). */
export function hasDigit(text: string): boolean {
  return DIGIT_RE.test(text);
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Maps full-width digits and the punctuation that occurs inside numbers (．－−％) to ASCII. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const fw = FULL_WIDTH_DIGITS.indexOf(ch);
    if (fw >= 0) out += String(fw);
    else if (ch === '．') out += '.';
    else if (ch === '－' || ch === '−') out += '-';
    else if (ch === '％') out += '%';
    else out += ch;
  }
  return out;
}

const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Every character a Chinese numeral is written with. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Text that ends with a count and its noun (…、法警大队四个综合部门, …3个科室): a list closed by its own count. */
export const ENDS_WITH_COUNT_AND_NOUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}\\d]+\\s*(?:${LIST_COUNT_UNITS.join('|')})[\\u4e00-\\u9fa5]{1,10}$`);
/** The Chinese digits a heading's numbering uses (一、 （二）): no 零, 两 or place values above 十. */
export const CHINESE_ORDINAL_CHARS = '一二三四五六七八九十';

/** Value of a Chinese numeral (二十七, 十, 一百零五, 两, 二〇二三), or null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (!s || [...s].some((c) => !CHINESE_NUMERAL_CHARS.includes(c))) return null;
  // Digit-by-digit form (二〇二三) has no place-value characters.
  if (![...s].some((c) => c in CN_SMALL_UNIT || c in CN_BIG_UNIT)) {
    if (s.length === 1) return CN_DIGIT[s];
    if (s.includes('两')) return null;
    return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  }
  let total = 0; // completed 亿/万 groups
  let section = 0; // current group below 万
  let digit: number | null = null;
  let lastSmall = Infinity;
  for (const c of s) {
    if (c in CN_DIGIT) {
      if (digit !== null && CN_DIGIT[c] !== 0 && digit !== 0) return null; // 二三 is not a numeral with units
      digit = CN_DIGIT[c];
    } else if (c in CN_SMALL_UNIT) {
      const unit = CN_SMALL_UNIT[c];
      if (unit >= lastSmall || digit === 0) return null;
      section += (digit ?? 1) * unit; // 十五: a bare 十 means 一十
      lastSmall = unit;
      digit = null;
    } else {
      section += digit ?? 0;
      if (section === 0 && total === 0) return null;
      total = c === '亿' ? (total + section) * 1e8 : total + section * 1e4;
      section = 0;
      digit = null;
      lastSmall = Infinity;
    }
  }
  section += digit ?? 0;
  return total + section;
}

/** A number's own shape once half-width: sign, digits with separators, an optional decimal part. */
const NUMBER_SHAPE = /^([+-]?|负)\s*(\d[\d\s,]*?)(?:\s*\.\s*(\d[\d\s]*))?$/;

/**
 * Parses one number as written: 1,059.39 · １０５９．３９ · "1 059.39" · 1059.39 · -3.5 · 负3.5 · "1,059.3\n9" · 二十七.
 * Returns null when the text is anything else (units and words are not accepted here; see scanQuantities).
 */
export function parseNumber(text: string): ParsedNumber | null {
  const raw = text.trim();
  if (!raw) return null;
  const cn = parseChineseNumeral(raw);
  if (cn !== null) return { value: cn, decimals: 0, raw };
  const half = toHalfWidth(raw);
  const m = NUMBER_SHAPE.exec(half);
  if (!m) return null;
  const intPart = m[2];
  if (!validGrouping(intPart)) return null;
  const intDigits = intPart.replace(/[\s,]/g, '');
  const fracDigits = (m[3] ?? '').replace(/\s/g, '');
  const negative = m[1] === '-' || m[1] === '负';
  const value = Number(`${negative ? '-' : ''}${intDigits}${fracDigits ? '.' + fracDigits : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fracDigits.length, raw };
}

/**
 * A negative amount as accountants write it in a table cell: the number in brackets, (2.00) · （1,234.50）. Only a
 * number with decimals or thousands groups: a bracketed bare integer ((1), （3）) numbers an item.
 */
export function parseBracketedNegative(text: string): ParsedNumber | null {
  const m = /^[(（]\s*([^()（）]+?)\s*[)）]$/.exec(text.trim());
  if (!m || !/^\d[\d,]*(?:\.\d+)?$/.test(toHalfWidth(m[1])) || !/[.,]/.test(m[1])) return null;
  const n = parseNumber(m[1]);
  return n && n.value > 0 ? { value: -n.value, decimals: n.decimals, raw: text.trim() } : null;
}

/** Accepts 1059, 1,059, "1 059", a line-wrapped run ("1,05\n9"); rejects stray separators like "12,11". */
function validGrouping(intPart: string): boolean {
  if (!/[,\s]/.test(intPart)) return true;
  if (/\n/.test(intPart)) return true; // a wrapped cell: the break carries no meaning
  const groups = intPart.split(/,|\s+/);
  if (groups.some((g) => g === '')) return false;
  return groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/**
 * An Arabic number inside running text, for the quantity scanner: optional sign, digits with optional ASCII-comma or
 * single-space thousands groups, optional decimals. Sticky: the scanner tries it where a number may start.
 */
export const ARABIC_NUMBER = new RegExp(
  `[${MINUS_SIGNS}]?${DIGIT}+(?:,${DIGIT}{3}(?!${DIGIT}))*(?:[ \\u00a0]${DIGIT}{3}(?=[.．]${DIGIT}))*(?:[ \\u00a0]?[.．][ \\u00a0]?${DIGIT}+)?`,
  'y',
);

/** The rest of a number a narrow cell wrapped onto the next line ("1,059.3\n9"): the digits after the break. */
const WRAPPED_TAIL = new RegExp(`^[ \\t]*\\r?\\n[ \\t]*(${DIGIT}+(?:[.．]${DIGIT}+)?|[.．]${DIGIT}+)`);

/**
 * Where a number broken across lines by a narrow cell ends: past the break when the first part is clearly unfinished
 * (a decimal part still to come, a thousands group cut short); else `end` unchanged.
 */
export function wrappedNumberEnd(text: string, start: number, end: number): number {
  const m = WRAPPED_TAIL.exec(text.slice(end));
  if (!m) return end;
  const head = toHalfWidth(text.slice(start, end));
  const tail = toHalfWidth(m[1]);
  const lastGroup = head.split(',').pop() ?? '';
  const hasPoint = head.includes('.');
  const unfinishedGroup = head.includes(',') && !hasPoint && lastGroup.length < 3;
  const ok = (hasPoint && !tail.includes('.')) || (tail.startsWith('.') && !hasPoint) || unfinishedGroup;
  return ok ? end + m[0].length : end;
}

/** Full-width digits and number punctuation a table cell may hold, mapped to ASCII for plainNumber. */
const CELL_FULL_WIDTH = /[０-９．，－＋]/g;
/** A whole cell that is one plain number: digits, strict thousands groups, decimals, a sign. */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * The number a table cell holds when its whole text is a plain number ("1,059.39", "１０５９．３９", "-3"), else
 * undefined. Stricter than parseNumber: no spaces, no wrapped lines, no Chinese numerals, since readers store it as the
 * cell's value.
 */
export function plainNumber(text: string): number | undefined {
  const s = text.trim().replace(CELL_FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/^[−–]/, '-');
  if (!PLAIN_NUMBER.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** The digits of a number as written, without its unit or comparator: "1,059.39万元" → "1,059.39". */
const DIGITS_AS_WRITTEN = new RegExp(`[${MINUS_SIGNS}+＋]?${DIGIT}[0-9０-９,，.．\\s]*`);

export function digitsOf(raw: string): string | undefined {
  const m = DIGITS_AS_WRITTEN.exec(raw);
  return m ? m[0].trim().replace(/[,，\s]+$/, '') : undefined;
}

/** Every number a text writes, digits with thousands groups and decimals (ASCII or full-width), anywhere. */
const NUMBER_ANYWHERE = new RegExp(`${DIGIT}+(?:[,，]${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?`, 'g');

/** The values of every number a text writes, in order: "合计1,059.39万元，占９０％" → [1059.39, 90]. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER_ANYWHERE)].map((m) => Number(toHalfWidth(m[0]).replace(/[,，]/g, '')));
}

/** The regex source of a decimal number in ASCII or full-width digits (85, 92.5, ９０): for patterns built elsewhere. */
export const DECIMAL_NUMBER = `${DIGIT}+(?:[.．]${DIGIT}+)?`;

/** A decimal number written with DECIMAL_NUMBER, as a value. */
export function decimalValue(text: string): number {
  return Number(toHalfWidth(text));
}

/** A number right before an amount, sharing the unit written once after both: 4125.49，4143.91万元 / 3和5个. */
export const SHARED_UNIT_BEFORE = new RegExp(`${DIGIT}\\s*[，,、和及与]\\s*$`);
