// PDF text layout: positioned text items → lines → paragraphs, with outline-numbering heading levels.
import { numberingLevel, outlineLevel, plainNumber } from './docx-text.js';

/** Headings and cell numbers follow the docx reader's rules, so the same report reads alike in both formats. */
export { outlineLevel as headingLevel, plainNumber };

/** One text run from pdf.js, in top-down page coordinates (y is the baseline, growing downwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A visual line: items sharing a baseline, left to right. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff01-\\uff60\\u2018-\\u201d\\u2026\\u2014';
const CJK_BEFORE_DIGIT = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[0-9])`, 'gu');
const DIGIT_BEFORE_CJK = new RegExp(`([0-9%])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
const ENDS_WITH_CJK = new RegExp(`[${CJK}]$`, 'u');
const STARTS_WITH_CJK = new RegExp(`^[${CJK}]`, 'u');

/**
 * PDF exporters turn Word's automatic CJK/Latin spacing into real spaces ("关于 2024 年"); the source text has
 * none, so we remove spaces between a CJK character and a digit (either order). Other spaces are kept.
 */
export function normalizeCjkSpacing(text: string): string {
  return text
    .replace(/[ \t\u00a0\u3000]+/g, (m) => (m.includes('\u3000') ? '\u3000' : ' '))
    .replace(CJK_BEFORE_DIGIT, '$1')
    .replace(DIGIT_BEFORE_CJK, '$1')
    .trim();
}

/** A sentence ends here (optionally followed by a closing quote or bracket). */
export function endsSentence(text: string): boolean {
  return /[。！？!?][”’」』）)]*\s*$/u.test(text);
}

/** Items whose baselines are within this fraction of the font size share a line. */
const SAME_LINE = 0.4;

/** Groups items into lines (top to bottom, each left to right), inserting a space where runs are visibly apart. */
export function itemsToLines(items: PdfTextItem[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const current = groups[groups.length - 1];
    const ref = current?.[0];
    if (ref && Math.abs(item.y - ref.y) <= SAME_LINE * Math.max(ref.size, item.size, 1)) current.push(item);
    else groups.push([item]);
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let prevEnd = -Infinity;
    let size = 0;
    for (const item of group) {
      const gap = item.x - prevEnd;
      if (text && gap > 0.2 * Math.max(item.size, 1) && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
      prevEnd = Math.max(prevEnd, item.x + item.width);
      size = Math.max(size, item.size);
    }
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    const visible = group.filter((i) => i.str.trim());
    lines.push({
      text: clean,
      x0: Math.min(...visible.map((i) => i.x)),
      x1: Math.max(...visible.map((i) => i.x + i.width)),
      y: group[0].y,
      size,
      page,
    });
  }
  return lines;
}

/** Joins a wrapped line onto the text before it: no space between CJK, one space between Latin words. */
export function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  if (ENDS_WITH_CJK.test(before) || STARTS_WITH_CJK.test(after) || /[-‐/]$/.test(before)) return before + after;
  return `${before} ${after}`;
}

/** Page layout used to decide where paragraphs end. */
export interface LayoutHints {
  /** x where full-width body lines end; a line ending well before it ends its paragraph. */
  rightEdge?: number;
  /** x where body lines start; a line starting well after it (first-line indent) starts a paragraph. */
  leftEdge?: number;
  /** usual baseline distance between lines of one paragraph on this page. */
  pitch?: number;
}

/**
 * Width, in ems, of what the next line starts with that could not be broken off: everything up to its first Han
 * character plus the punctuation glued to it ("〔2024〕15号）", "同），", "但“重"). A line that ends short of the margin
 * by less than this wrapped only because that chunk did not fit.
 */
export function leadingChunkEms(text: string): number {
  // an opening bracket or quote may not end a line, so it drags the character after it along ("但“重")
  const chunk = /^[^\p{Script=Han}]*\p{Script=Han}?[）)〕］\]】》”’」』。，、；：！？,.;:!?%％“‘「『（(〔［【《]*(?:(?<=[“‘「『（(〔［【《])\p{Script=Han})?/u
    .exec(text)?.[0] ?? '';
  let ems = 0;
  for (const ch of chunk) ems += ch === ' ' ? 0.25 : ch.charCodeAt(0) < 0x2000 ? 0.55 : 1;
  return Math.max(ems, 1);
}

/** Whether `next` starts a new paragraph after `prev`. */
export function breaksBefore(prev: PdfLine, next: PdfLine, hints: LayoutHints): boolean {
  if (endsSentence(prev.text) || numberingLevel(next.text) !== undefined) return true;
  if (Math.abs(prev.size - next.size) > 1) return true;
  const em = Math.max(prev.size, 1);
  if (hints.rightEdge !== undefined && hints.rightEdge - prev.x1 > (leadingChunkEms(next.text) + 0.5) * em) return true;
  if (hints.leftEdge !== undefined && next.x0 > hints.leftEdge + 1.5 * em) return true;
  if (prev.page === next.page && hints.pitch !== undefined && next.y - prev.y > hints.pitch * 1.5) return true;
  return false;
}

/** Typical line pitch: the median of small baseline steps between consecutive lines. */
export function linePitch(lines: PdfLine[]): number | undefined {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i].y - lines[i - 1].y;
    if (step > 0 && step < 3 * lines[i].size) steps.push(step);
  }
  if (steps.length < 3) return undefined;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}

/** The most frequent value (rounded to `step`), when at least `min` values agree. */
export function modeOf(values: number[], step: number, min: number): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [k, c] of counts) {
    // neighbours count too, so a margin that straddles two buckets still wins
    const total = c + (counts.get(k - 1) ?? 0) + (counts.get(k + 1) ?? 0);
    if (total > bestCount) { bestCount = total; best = k; }
  }
  return best !== undefined && bestCount >= min ? best * step : undefined;
}

/**
 * Text of a table cell from its lines. Narrow cells wrap numbers ("1,059.3" / "9"): when the lines glued together
 * form one plain number, that is the text. Otherwise lines join into paragraphs like prose, one per text line.
 */
export function cellText(lines: PdfLine[]): string {
  if (lines.length === 0) return '';
  const glued = lines.map((l) => l.text.replace(/\s+/g, '')).join('');
  if (lines.length > 1 && plainNumber(glued) !== undefined) return glued;
  const paragraphs: string[] = [];
  let current = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    if (endsSentence(lines[i - 1].text) || numberingLevel(lines[i].text) !== undefined) {
      paragraphs.push(current);
      current = lines[i].text;
    } else current = joinWrapped(current, lines[i].text);
  }
  paragraphs.push(current);
  return paragraphs.map(normalizeCjkSpacing).join('\n');
}

/** Running headers/footers that carry only the page number: "- 3 -", "第 3 页 共 18 页", "3 / 18", "3". */
export function isPageNumberLine(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^[-—–－]*\d{1,4}[-—–－]*$/.test(t)
    || /^第\d{1,4}页(?:[,，]?共\d{1,4}页)?$/.test(t)
    || /^\d{1,4}\/\d{1,4}$/.test(t);
}

/**
 * Gap, in ems of the text, above which two runs on one baseline may sit in different table cells. Prose runs on a
 * line touch or are a space apart (≤ 0.3 em in the fixtures and corpus); the text of neighbouring cells is at least
 * the two cell paddings apart, ~1 em in Word's defaults and 5 em or more in every ruled table seen so far.
 */
const CELL_GAP_EMS = 1;

/**
 * Whether a page's text could lie in a ruled table: some line has two runs a cell gap apart, or text is rotated.
 * Only such pages need pdf.js' operator list (the ruling lines), which costs about half as much again as the text.
 * A ruled table whose every line holds a single run (a one-column box) reads as prose on a page without other tables.
 */
export function mayHoldTable(items: PdfTextItem[], rotated: boolean): boolean {
  if (rotated) return true;
  // lines as itemsToLines groups them: items within SAME_LINE of the line's first baseline
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const ref = lines[lines.length - 1]?.[0];
    if (ref && Math.abs(item.y - ref.y) <= SAME_LINE * Math.max(ref.size, item.size, 1)) lines[lines.length - 1].push(item);
    else lines.push([item]);
  }
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let end = line[0].x + line[0].width;
    for (const item of line.slice(1)) {
      if (item.x - end > CELL_GAP_EMS * Math.max(item.size, 1)) return true;
      end = Math.max(end, item.x + item.width);
    }
  }
  return false;
}
