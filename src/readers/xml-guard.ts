// Refuses package XML that Office never writes and that parsers mishandle: DTDs (entity expansion, external
// entities) and element nesting deep enough to exhaust a recursive parser's stack. One linear scan per part.
import { ReadFailure } from './contract.js';

/**
 * Deepest element nesting accepted. libxml2 uses the same default; real reports stay under 50 even with tables in
 * text boxes in tables, while mammoth's recursive conversion overflows the stack somewhere past 1,000.
 */
export const MAX_XML_DEPTH = 256;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUESTION = 0x3f, DQUOTE = 0x22, SQUOTE = 0x27, DASH = 0x2d, RBRACKET = 0x5d;
const CDATA = [...'<![CDATA['].map((c) => c.charCodeAt(0));

/**
 * The part as bytes in which markup characters are single ASCII bytes: UTF-8 as it is (no multi-byte sequence
 * contains an ASCII byte), UTF-16 transcoded, so that a part cannot hide a DTD by changing its encoding.
 */
function asciiCompatible(b: Uint8Array): Uint8Array {
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x00 && b[1] === 0x3c);
  if (!le && !be) return b;
  return new TextEncoder().encode(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(b));
}

export interface XmlShape {
  /** a markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT …) outside comments and CDATA */
  dtd: boolean;
  /** deepest element nesting seen, counted up to limit + 1 */
  depth: number;
}

/** Where `a b` (two bytes) next starts at or after `from`, or -1. */
function indexOfPair(b: Uint8Array, a: number, c: number, from: number): number {
  for (let i = b.indexOf(a, from); i !== -1 && i + 1 < b.length; i = b.indexOf(a, i + 1)) if (b[i + 1] === c) return i;
  return -1;
}

/** Where `a a c` (a run of two `a`, then `c`: "-->", "]]>") next starts at or after `from`, or -1. */
function indexOfCloser(b: Uint8Array, a: number, c: number, from: number): number {
  for (let i = b.indexOf(a, from); i !== -1 && i + 2 < b.length; i = b.indexOf(a, i + 1)) if (b[i + 1] === a && b[i + 2] === c) return i;
  return -1;
}

function startsWithAt(b: Uint8Array, at: number, bytes: number[]): boolean {
  if (at + bytes.length > b.length) return false;
  for (let k = 0; k < bytes.length; k++) if (b[at + k] !== bytes[k]) return false;
  return true;
}

/** Scans markup only: comments, CDATA and processing instructions are skipped, quoted attribute values honoured. */
export function xmlShape(bytes: Uint8Array, limit = MAX_XML_DEPTH): XmlShape {
  // A plain Uint8Array view and loops: Buffer's indexOf and subarray are JavaScript wrappers around a native call,
  // and calling them per tag cost more than the scan itself.
  const b = asciiCompatible(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const n = b.length;
  let depth = 0;
  let max = 0;
  let i = b.indexOf(LT);
  while (i !== -1 && i + 1 < n) {
    const c = b[i + 1];
    let next: number;
    if (c === SLASH) {
      depth--;
      next = b.indexOf(GT, i + 2);
    } else if (c === QUESTION) {
      const end = indexOfPair(b, QUESTION, GT, i + 2);
      next = end === -1 ? -1 : end + 1;
    } else if (c === BANG) {
      if (i + 3 < n && b[i + 2] === DASH && b[i + 3] === DASH) {
        const end = indexOfCloser(b, DASH, GT, i + 4);
        next = end === -1 ? -1 : end + 2;
      } else if (startsWithAt(b, i, CDATA)) {
        const end = indexOfCloser(b, RBRACKET, GT, i + 9);
        next = end === -1 ? -1 : end + 2;
      } else {
        return { dtd: true, depth: max };
      }
    } else {
      // A start tag ends at the first '>' outside quotes ('>' may stand unescaped in an attribute value).
      let j = i + 1;
      let quote = 0;
      for (; j < n; j++) {
        const ch = b[j];
        if (quote) { if (ch === quote) quote = 0; } else if (ch === DQUOTE || ch === SQUOTE) quote = ch; else if (ch === GT) break;
      }
      if (j >= n) j = -1;
      if (j !== -1 && b[j - 1] !== SLASH) {
        depth++;
        if (depth > max) {
          max = depth;
          if (max > limit) return { dtd: false, depth: max };
        }
      }
      next = j;
    }
    if (next === -1) break;
    i = b.indexOf(LT, next + 1);
  }
  return { dtd: false, depth: max };
}

/** Throws the finding for a part that declares a DTD or nests too deep; returns quietly for anything else. */
export function guardXml(name: string, bytes: Uint8Array): void {
  const shape = xmlShape(bytes);
  if (shape.dtd) throw new ReadFailure('read-error', 'xml-dtd', { part: name });
  if (shape.depth > MAX_XML_DEPTH) throw new ReadFailure('read-error', 'xml-too-deep', { part: name, max: MAX_XML_DEPTH });
}

/** The package parts a reader hands to an XML parser. */
export const isXmlPart = (name: string): boolean => /\.(xml|rels|vml)$/i.test(name);
