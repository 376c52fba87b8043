// Tokeniser of quantities, not a chevrotain grammar: finds number(+unit) phrases as written in Chinese reports (Arabic,
// full-width, grouped, wrapped and Chinese numerals) by hand, since context decides them (第N ordinals, years, 100余人, 约).
// The phrase grammar takes each one as a single QuantityToken; tables read their cells with it. Numbers, units and
// years are the lexicon's (src/lexicon/); this file decides only where a quantity starts and ends in running text.
import {
  ARABIC_NUMBER, CHINESE_NUMERAL_CHARS, DATE_UNITS, isCalendarYear, isDigit, MINUS_SIGNS, parseNumber, unitAt, wrappedNumberEnd,
} from '../src/lexicon/index.js';

export { parseChineseNumeral, parseNumber, toHalfWidth, CHINESE_NUMERAL_CHARS, type ParsedNumber } from '../src/lexicon/index.js';

export type Comparator = '>=' | '<=' | '=' | '>' | '<';

export interface ScannedQuantity {
  /** exact substring text.slice(start, end): comparator, number and unit as written */
  raw: string;
  value: number;
  decimals: number;
  unit?: string;
  comparator?: Comparator;
  /** 100余人 / 100多个 / 约100人: a rough figure, never an operand of exact arithmetic */
  approximate?: true;
  /** a calendar year (2023年, 2023年度), not an amount */
  year?: true;
  /** preceded by 第: an ordinal (第3次), not a count */
  ordinal?: true;
  start: number;
  end: number;
  /** offsets of the number alone inside text */
  numberStart: number;
  numberEnd: number;
}

const COMPARATORS: Array<[string, Comparator]> = [
  ['>=', '>='], ['<=', '<='], ['≥', '>='], ['≤', '<='], ['≧', '>='], ['≦', '<='], ['＞＝', '>='], ['＜＝', '<='],
  ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['不高于', '<='], ['不超过', '<='], ['不大于', '<='],
  ['＝', '='], ['=', '='], ['＞', '>'], ['＜', '<'], ['>', '>'], ['<', '<'],
];

const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
const SPACE = /[ \t\u00a0\u3000]*/y;

function matchAt(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : null;
}

function skipSpaces(text: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

function matchComparator(text: string, end: number): { comparator: Comparator; start: number } | undefined {
  const before = text.slice(Math.max(0, end - 4), end).replace(/[ \t\u3000]+$/, '');
  const at = Math.max(0, end - 4) + before.length;
  for (const [sym, comparator] of COMPARATORS) {
    if (before.endsWith(sym)) return { comparator, start: at - sym.length };
  }
  return undefined;
}

/**
 * Every number phrase in a string, with its unit, comparator and offsets.
 * Chinese numerals count only with a unit (一是 is not a quantity); 第N marks ordinals; NNNN年 marks years.
 */
export function scanQuantities(text: string): ScannedQuantity[] {
  const out: ScannedQuantity[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    const prev = text[pos - 1];
    let numberText: string | null = null;
    let chinese = false;
    if (isDigit(ch) || (MINUS_SIGNS.includes(ch) && isDigit(text[pos + 1]))) {
      if (isDigit(prev) || /[.．,]/.test(prev ?? '') && isDigit(text[pos - 2])) { pos++; continue; }
      numberText = matchAt(ARABIC_NUMBER, text, pos);
      // A dash right after a number or a 年/月 is a range (2023-2025年), not a minus sign.
      if (numberText && MINUS_SIGNS.includes(numberText[0]) && prev !== undefined && (isDigit(prev) || /[年月日)）\w]/.test(prev))) {
        pos++;
        continue;
      }
    } else if (CHINESE_NUMERAL_CHARS.includes(ch) && !(prev !== undefined && CHINESE_NUMERAL_CHARS.includes(prev))) {
      numberText = matchAt(CHINESE_RUN, text, pos);
      chinese = true;
    }
    if (!numberText) { pos++; continue; }

    const numberStart = pos;
    let numberEnd = chinese ? pos + numberText.length : wrappedNumberEnd(text, pos, pos + numberText.length);
    let parsed = parseNumber(text.slice(numberStart, numberEnd));
    if (chinese) {
      // 一万元: the trailing 万/亿 belongs to the unit when the unit is 元.
      let run = text.slice(numberStart, numberEnd);
      let unitPos = skipSpaces(text, numberEnd);
      let unit = unitAt(text, unitPos);
      if (!unit && /[万亿]$/.test(run) && unitAt(text, numberEnd - 1)) {
        run = run.slice(0, -1);
        numberEnd -= 1;
        unitPos = numberEnd;
        unit = unitAt(text, unitPos);
      }
      parsed = parseNumber(run);
      const mixedPlaceOnly = /^[十百千万亿]+$/.test(run) && run !== '十';
      if (!unit || !parsed || mixedPlaceOnly || DATE_UNITS.has(unit)) {
        pos = numberStart + Math.max(1, run.length);
        continue;
      }
    }
    if (!parsed) { pos = numberEnd; continue; }

    const unitStart = skipSpaces(text, numberEnd);
    let unit = unitAt(text, unitStart);
    let approximate = false;
    let end = numberEnd;
    if (unit) end = unitStart + unit.length;
    else {
      // 100余人 / 100多个: the qualifier sits between the number and the unit.
      const q = /^[余多][ \t]*/.exec(text.slice(unitStart));
      const u = q ? unitAt(text, unitStart + q[0].length) : undefined;
      if (q && u) {
        unit = u;
        approximate = true;
        end = unitStart + q[0].length + u.length;
      }
    }
    if (unit === '%' || unit === '％') unit = '%';
    const before = text.slice(Math.max(0, numberStart - 3), numberStart).replace(/[ \t\u3000]+$/, '');
    if (/[约近超逾]$|大约$|左右$/.test(before) || /^[ \t]*左右/.test(text.slice(end))) approximate = true;
    const cmp = matchComparator(text, numberStart);
    const start = cmp ? cmp.start : numberStart;
    const q: ScannedQuantity = {
      raw: text.slice(start, end),
      value: parsed.value,
      decimals: parsed.decimals,
      start,
      end,
      numberStart,
      numberEnd,
    };
    if (unit) q.unit = unit;
    if (cmp) q.comparator = cmp.comparator;
    if (approximate) q.approximate = true;
    if (/第$/.test(before)) q.ordinal = true;
    if ((unit === '年' || unit === '年度') && isCalendarYear(parsed.value, parsed.decimals)) {
      q.year = true;
      q.unit = '年';
    }
    out.push(q);
    pos = Math.max(end, numberEnd, pos + 1);
  }
  return out;
}
