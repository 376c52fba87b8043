// What every review-copy writer shares: the note text of a finding, its location in words, and finding a stated number in text.
import { basename, extname } from 'node:path';
import type { Finding, Severity } from '../findings.js';
import { actualOf, expectedOf, formatLocation, messageOf, severityLabel, type Lang } from '../report/common.js';
import { ui } from '../catalog/ui.js';
import { REVIEW_INFIX } from './marker.js';

/** The longest file name common file systems take, in bytes of UTF-8 (ext4's limit; NTFS allows as many UTF-16 units). */
const NAME_MAX = 255;

/**
 * The review copy's file name: `<name>.审阅.<ext>`, never the original's name. `ext` is the copy's (a .doc's copy is a
 * .docx), the original's by default; `n` > 1 numbers it (`.审阅2.`). A name too long for the file system keeps its end
 * and loses the end of the stem, marked with …
 */
export function reviewName(path: string, { ext = extname(path), n = 1 }: { ext?: string; n?: number } = {}): string {
  const stem = basename(path, extname(path));
  const suffix = `${REVIEW_INFIX}${n > 1 ? n : ''}${ext}`;
  if (Buffer.byteLength(stem + suffix) <= NAME_MAX) return stem + suffix;
  const chars = [...stem];
  while (chars.length && Buffer.byteLength(chars.join('') + '…' + suffix) > NAME_MAX) chars.pop();
  return `${chars.join('')}…${suffix}`;
}

/** Where the finding is, in words ("第9段", "Sheet1!C6"), also for findings placed at the start. */
export function locationWords(f: Finding, lang: Lang): string {
  const words = formatLocation(f.location, lang);
  return words === '-' ? ui('whole-document', lang) : words;
}

/** The lines of one note: severity and rule, the message, expected/actual, where. Readers of the copy see these. */
export function noteLines(f: Finding, lang: Lang): string[] {
  const lines = [`${severityLabel(f.severity, lang)} · ${f.rule}`, messageOf(f, lang)];
  const pair: string[] = [];
  if (f.expected !== undefined) pair.push(ui('expected', lang, { value: expectedOf(f, lang) }));
  if (f.actual !== undefined) pair.push(ui('actual', lang, { value: actualOf(f) }));
  if (pair.length) lines.push(pair.join(ui('note-separator', lang)));
  lines.push(ui('location', lang, { where: locationWords(f, lang) }));
  return lines;
}

/** The line added to a note that could not be attached where its finding is. */
export function unplacedLine(lang: Lang): string {
  return ui('unplaced', lang);
}

/** Highlight colours by severity: red for errors, yellow for warnings, a pale blue for information. */
export const COLOURS: Record<Severity, { rgb: [number, number, number]; argb: string; word: string }> = {
  error: { rgb: [1, 0.35, 0.35], argb: 'FFFF8080', word: 'red' },
  warning: { rgb: [1, 0.9, 0.2], argb: 'FFFFE066', word: 'yellow' },
  info: { rgb: [0.6, 0.85, 1], argb: 'FFB3DCFF', word: 'cyan' },
};

/**
 * Text with whitespace dropped and full-width forms folded (１０５９．３９ → 1059.39, ％ → %), with each kept
 * character's index in the original, so a match in the folded text maps back to the original's characters.
 */
export function foldText(text: string): { folded: string; index: number[] } {
  let folded = '';
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) continue;
    const f = ch.normalize('NFKC');
    for (const c of f) { folded += c; index.push(i); }
  }
  return { folded, index };
}

/** Counts are also written in words (八项, 两个). */
const CJK_NUMERAL = /[〇零一二两三四五六七八九十百千]/;

/** The stated number as the finding quotes it, reduced to what is matched in text: digits, point, sign, unit. */
function numberPattern(actual: string): string | undefined {
  const folded = foldText(actual).folded.replace(/^[≤≥<>=]+/, '');
  return /\d/.test(folded) || CJK_NUMERAL.test(folded) ? folded : undefined;
}

/**
 * Where a stated number sits in a text: [start, end) in the original text, or undefined. Thousands separators in
 * the text are skipped; a match must not be part of a longer number. When the number occurs more than once, the
 * occurrence after `hint` (a label or name the finding gives) is preferred, else the first.
 */
export function findNumber(text: string, actual: string | undefined, hint?: string): [number, number] | undefined {
  if (!actual) return undefined;
  const pattern = numberPattern(actual);
  if (!pattern) return undefined;
  const { folded, index } = foldText(text);
  // Map again without thousands separators between digits, which writers add and findings leave out.
  let plain = '';
  const plainIndex: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === ',' && /\d/.test(folded[i - 1] ?? '') && /\d/.test(folded[i + 1] ?? '')) continue;
    plain += folded[i];
    plainIndex.push(index[i]);
  }
  const hits: number[] = [];
  for (let at = plain.indexOf(pattern); at >= 0; at = plain.indexOf(pattern, at + 1)) {
    const before = plain[at - 1] ?? '';
    const after = plain[at + pattern.length] ?? '';
    if (/[\d.]/.test(before) || (CJK_NUMERAL.test(pattern[0]) && CJK_NUMERAL.test(before))) continue;
    if (/\d/.test(pattern[pattern.length - 1]) && /^(\d|\.\d)/.test(after + (plain[at + pattern.length + 1] ?? ''))) continue;
    hits.push(at);
  }
  if (hits.length === 0) return undefined;
  let chosen = hits[0];
  const h = hint ? foldText(hint).folded : '';
  if (h && hits.length > 1) {
    const labelled = hits.find((at) => plain.slice(Math.max(0, at - h.length - 8), at).includes(h));
    if (labelled !== undefined) chosen = labelled;
  }
  return [plainIndex[chosen], plainIndex[chosen + pattern.length - 1] + 1];
}

/** The word the finding names its number by (the relation's name or label), used to pick among repeated numbers. */
export function hintOf(f: Finding): string | undefined {
  const d = f.data ?? {};
  for (const key of ['name', 'label', 'totalLabel']) if (typeof d[key] === 'string' && d[key]) return d[key] as string;
  return undefined;
}
