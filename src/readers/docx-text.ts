// Text helpers for the docx reader: whitespace normalisation, heading levels from the outline grammar, plain numbers in cells.
import { numberingLevel } from '../model/prose/numbering.js';
import { plainNumber } from '../lexicon/index.js';

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

/** Outline level implied by the numbering a paragraph starts with, read by the outline grammar: 一、 1, （一） 2, 1. 3 … */
export { numberingLevel, plainNumber };

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
