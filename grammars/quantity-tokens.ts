// Tokeniser of quantities, not a chevrotain grammar: finds number(+unit) phrases as written in Chinese reports (Arabic,
// full-width, grouped, wrapped and Chinese numerals) by hand, since context decides them (第N ordinals, years, 100余人, 约).
// The phrase grammar takes each one as a single QuantityToken; tables read their cells with it.

export type Comparator = '>=' | '<=' | '=' | '>' | '<';

export interface ParsedNumber {
  value: number;
  /** digits after the decimal point as written (0 for integers) */
  decimals: number;
  /** the text as written, trimmed */
  raw: string;
}

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

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Maps full-width digits and punctuation that occur inside numbers to ASCII. */
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
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

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

/**
 * Parses one number as written: 1,059.39 · １０５９．３９ · "1 059.39" · 1059.39 · -3.5 · "1,059.3\n9" · 二十七.
 * Returns null when the text is anything else (units and words are not accepted here; see scanQuantities).
 */
export function parseNumber(text: string): ParsedNumber | null {
  const raw = text.trim();
  if (!raw) return null;
  const cn = parseChineseNumeral(raw);
  if (cn !== null) return { value: cn, decimals: 0, raw };
  const half = toHalfWidth(raw);
  const m = /^([+-]?)\s*(\d[\d\s,]*?)(?:\s*\.\s*(\d[\d\s]*))?$/.exec(half);
  if (!m) return null;
  const intPart = m[2];
  if (!validGrouping(intPart)) return null;
  const intDigits = intPart.replace(/[\s,]/g, '');
  const fracDigits = (m[3] ?? '').replace(/\s/g, '');
  const value = Number(`${m[1] === '-' ? '-' : ''}${intDigits}${fracDigits ? '.' + fracDigits : ''}`);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: fracDigits.length, raw };
}

/** Accepts 1059, 1,059, "1 059", a line-wrapped run ("1,05\n9"); rejects stray separators like "12,11". */
function validGrouping(intPart: string): boolean {
  if (!/[,\s]/.test(intPart)) return true;
  if (/\n/.test(intPart)) return true; // a wrapped cell: the break carries no meaning
  const groups = intPart.split(/,|\s+/);
  if (groups.some((g) => g === '')) return false;
  return groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/** Units longest first, so 万元 wins over 元 and 个百分点 over 个. */
export const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '立方米', '万平方米', '万人次', '万元', '亿元', '千元', '万亩', '万人',
  '人次', '场次', '公里', '千米', '公斤', '千克', '小时', '分钟', '年度',
  '元', '%', '％', '‰', '个', '人', '名', '次', '分', '项', '家', '户', '座', '亩', '天', '年', '月', '日', '件', '份',
  '场', '篇', '条', '台', '辆', '所', '批', '期', '处', '间', '套', '张', '册', '本', '株', '头', '只', '吨', '米',
  '周', '万', '亿', '村', '镇', '类', '栋', '宗', '支', '节', '课时', '学时', '期次', '盏', '棵', '根', '块', '级',
].sort((a, b) => b.length - a.length);

// A unit character followed by these is the start of a word, not a unit (85分为 stays a unit: 为 is not listed).
const NOT_UNIT_AFTER: Record<string, string> = {
  分: '别配类析解管工局批期部布担段级成散拨包组支队院行会摊值数项', // 分别 分配 … (分值/分数 are labels)
  人: '民员口才大工均', // 人民 人员 …
  名: '单称义额', // 名单 名称
  次: '年日月要序', // 次年 次日
  天: '然气津', // 天然
  户: '籍外', // 户籍
  项: '目', // 3项目 is rarer than 3个项目, but 项目 is a word
  元: '旦素', // 元旦
  月: '份',
  期: '间末初限',
  本: '级单地部年次科', // 本级 本单位
  级: '别',
  支: '出付持', // 支出 支付
  条: '件例',
  所: '属有在以',
  处: '理置',
  节: '约能日',
  类: '型别',
  村: '民',
  镇: '政',
  台: '账',
  场: '所地',
};

const COMPARATORS: Array<[string, Comparator]> = [
  ['>=', '>='], ['<=', '<='], ['≥', '>='], ['≤', '<='], ['≧', '>='], ['≦', '<='], ['＞＝', '>='], ['＜＝', '<='],
  ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['不高于', '<='], ['不超过', '<='], ['不大于', '<='],
  ['＝', '='], ['=', '='], ['＞', '>'], ['＜', '<'], ['>', '>'], ['<', '<'],
];

const DIGIT = '[0-9０-９]';
// An Arabic number: optional sign, digits with optional ASCII-comma or single-space thousands groups, optional decimals.
const ARABIC = new RegExp(
  `[-－−]?${DIGIT}+(?:,${DIGIT}{3}(?!${DIGIT}))*(?:[ \\u00a0]${DIGIT}{3}(?=[.．]${DIGIT}))*(?:[ \\u00a0]?[.．][ \\u00a0]?${DIGIT}+)?`,
  'y',
);
const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
const SPACE = /[ \t\u00a0\u3000]*/y;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9０-９]/.test(ch);
}

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

/** Extends a number broken across lines by a narrow cell ("1,059.3\n9") when the first part is clearly unfinished. */
function extendWrapped(text: string, start: number, end: number): number {
  const m = /^[ \t]*\r?\n[ \t]*([0-9０-９]+(?:[.．][0-9０-９]+)?|[.．][0-9０-９]+)/.exec(text.slice(end));
  if (!m) return end;
  const head = toHalfWidth(text.slice(start, end));
  const tail = toHalfWidth(m[1]);
  const lastGroup = head.split(',').pop() ?? '';
  const hasPoint = head.includes('.');
  const unfinishedGroup = head.includes(',') && !hasPoint && lastGroup.length < 3;
  const ok = (hasPoint && !tail.includes('.')) || (tail.startsWith('.') && !hasPoint) || unfinishedGroup;
  return ok ? end + m[0].length : end;
}

function matchUnit(text: string, pos: number): string | undefined {
  for (const unit of UNITS) {
    if (!text.startsWith(unit, pos)) continue;
    const after = text[pos + unit.length];
    const blocked = NOT_UNIT_AFTER[unit];
    if (after && blocked && blocked.includes(after)) continue;
    return unit;
  }
  return undefined;
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
    if (isDigit(ch) || ((ch === '-' || ch === '－' || ch === '−') && isDigit(text[pos + 1]))) {
      if (isDigit(prev) || /[.．,]/.test(prev ?? '') && isDigit(text[pos - 2])) { pos++; continue; }
      numberText = matchAt(ARABIC, text, pos);
      // A dash right after a number or a 年/月 is a range (2023-2025年), not a minus sign.
      if (numberText && /^[-－−]/.test(numberText) && prev !== undefined && /[0-9０-９年月日)）\w]/.test(prev)) {
        pos++;
        continue;
      }
    } else if (CHINESE_NUMERAL_CHARS.includes(ch) && !(prev !== undefined && CHINESE_NUMERAL_CHARS.includes(prev))) {
      numberText = matchAt(CHINESE_RUN, text, pos);
      chinese = true;
    }
    if (!numberText) { pos++; continue; }

    const numberStart = pos;
    let numberEnd = chinese ? pos + numberText.length : extendWrapped(text, pos, pos + numberText.length);
    let parsed = parseNumber(text.slice(numberStart, numberEnd));
    if (chinese) {
      // 一万元: the trailing 万/亿 belongs to the unit when the unit is 元.
      let run = text.slice(numberStart, numberEnd);
      let unitPos = skipSpaces(text, numberEnd);
      let unit = matchUnit(text, unitPos);
      if (!unit && /[万亿]$/.test(run) && matchUnit(text, numberEnd - 1)) {
        run = run.slice(0, -1);
        numberEnd -= 1;
        unitPos = numberEnd;
        unit = matchUnit(text, unitPos);
      }
      parsed = parseNumber(run);
      const mixedPlaceOnly = /^[十百千万亿]+$/.test(run) && run !== '十';
      if (!unit || !parsed || mixedPlaceOnly || unit === '年' || unit === '月' || unit === '日' || unit === '年度') {
        pos = numberStart + Math.max(1, run.length);
        continue;
      }
    }
    if (!parsed) { pos = numberEnd; continue; }

    const unitStart = skipSpaces(text, numberEnd);
    let unit = matchUnit(text, unitStart);
    let approximate = false;
    let end = numberEnd;
    if (unit) end = unitStart + unit.length;
    else {
      // 100余人 / 100多个: the qualifier sits between the number and the unit.
      const q = /^[余多][ \t]*/.exec(text.slice(unitStart));
      const u = q ? matchUnit(text, unitStart + q[0].length) : undefined;
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
    if ((unit === '年' || unit === '年度') && parsed.decimals === 0 && parsed.value >= 1900 && parsed.value <= 2100) {
      q.year = true;
      q.unit = '年';
    }
    out.push(q);
    pos = Math.max(end, numberEnd, pos + 1);
  }
  return out;
}
