// Text helpers for the docx reader: whitespace normalisation, Chinese outline numbering, plain numbers in cells.

const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/;

/**
 * Joins the lines of a paragraph or cell. A line break between two Chinese characters is layout, not a space
 * ("年度\n主要\n任务" is 年度主要任务); elsewhere it separates words. Runs of whitespace collapse to one space.
 */
export function joinLines(raw: string): string {
  let out = '';
  for (const line of raw.split('\n')) {
    const piece = line.replace(/\s+/g, ' ').trim();
    if (!piece) continue;
    if (out && !(CJK.test(out[out.length - 1]) && CJK.test(piece[0]))) out += ' ';
    out += piece;
  }
  return out;
}

const CN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const OUTLINE: Array<[RegExp, number]> = [
  [new RegExp(`^${CN_NUMERAL}\\s*[、.．]`), 1],
  [new RegExp(`^[（(]\\s*${CN_NUMERAL}\\s*[）)]`), 2],
  [/^[0-9０-９]{1,2}\s*[.．、](?![0-9０-９])/, 3],
  [/^[（(]\s*[0-9０-９]{1,2}\s*[）)]/, 4],
  [/^[\u2460-\u2473]/, 5],
];

/** Outline level implied by the numbering a paragraph starts with: 一、 1, （一） 2, 1. / 1、 3, （1） 4, ① 5. */
export function numberingLevel(text: string): number | undefined {
  for (const [pattern, level] of OUTLINE) if (pattern.test(text)) return level;
  return undefined;
}

/**
 * Heading level of an unstyled paragraph. 一、 and （一） mark sections even with run-in text; the deeper
 * numberings also number list items, so they count as headings only when the paragraph is short and does not
 * end like a sentence.
 */
export function outlineLevel(text: string): number | undefined {
  const level = numberingLevel(text);
  if (level === undefined) return undefined;
  if (level <= 2) return level;
  return text.length <= 40 && !/[。；;！!？?]$/.test(text) ? level : undefined;
}

const FULL_WIDTH = /[０-９．，－＋]/g;

/** The number a cell holds when its whole text is a plain number ("1,059.39", "１０５９．３９", "-3"); else undefined. */
export function plainNumber(text: string): number | undefined {
  const s = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/^[−–]/, '-');
  if (!/^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/.test(s)) return undefined;
  const value = Number(s.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
