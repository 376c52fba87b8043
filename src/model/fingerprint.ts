// What a document shows, as a multiset: every number by its value and every letter, in any order. Two copies of one
// document (a .docx and the .pdf made from it, a report whose table is an embedded workbook) have the same; a copy with
// one figure or one word changed has not.
import { createHash } from 'node:crypto';
import type { SourceDocument } from '../document.js';
import { numbersIn } from '../lexicon/index.js';

/** Everything but letters of any script (汉字, Latin …); digits are counted as numbers, punctuation and spaces not at all. */
const NOT_LETTERS = /\P{L}+/gu;

/** Fewer numbers and letters than this cannot tell one document from another. */
const MIN_TOKENS = 10;

/** The texts a reader of the document sees: paragraphs and the cells of visible tables (a merged cell once). */
function shownTexts(doc: SourceDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') out.push(b.text);
    else if (!b.hidden) for (const row of b.rows) for (const c of row) if (!c.covered) out.push(c.text);
  }
  return out;
}

/**
 * The document's content fingerprint: a hash of its numbers by value (466.70 and 466.7 are one number; a table cell
 * and its workbook write them differently) and its letters, each sorted. Undefined for a document showing too little.
 */
export function contentFingerprint(doc: SourceDocument): string | undefined {
  // counted, not listed: a long PDF shows hundreds of thousands of letters (by code point: cheaper keys than strings)
  const counts = new Map<string, number>();
  const letters = new Map<number, number>();
  let tokens = 0;
  for (const text of shownTexts(doc)) {
    for (const n of numbersIn(text)) { counts.set(`#${n}`, (counts.get(`#${n}`) ?? 0) + 1); tokens++; }
    const only = text.normalize('NFKC').replace(NOT_LETTERS, '');
    for (let i = 0; i < only.length; i++) {
      const cp = only.codePointAt(i)!;
      if (cp > 0xffff) i++;
      letters.set(cp, (letters.get(cp) ?? 0) + 1);
      tokens++;
    }
  }
  for (const [cp, n] of letters) counts.set(String.fromCodePoint(cp), n);
  if (tokens < MIN_TOKENS) return undefined;
  const hash = createHash('sha1');
  for (const token of [...counts.keys()].sort()) hash.update(`${token}\u0000${counts.get(token)}\u0000`);
  return hash.digest('hex');
}
