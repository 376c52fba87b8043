// Refuses package XML that Office never writes and that parsers mishandle: DTDs (entity expansion, external
// entities) and element nesting deep enough to exhaust a recursive parser's stack. One linear scan per part.
import { ReadFailure } from './contract.js';

/**
 * Deepest element nesting accepted. libxml2 uses the same default; real reports stay under 50 even with tables in
 * text boxes in tables, while mammoth's recursive conversion overflows the stack somewhere past 1,000.
 */
export const MAX_XML_DEPTH = 256;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUESTION = 0x3f, DQUOTE = 0x22, SQUOTE = 0x27;
const COMMENT = Buffer.from('<!--');
const COMMENT_END = Buffer.from('-->');
const CDATA = Buffer.from('<![CDATA[');
const CDATA_END = Buffer.from(']]>');
const PI_END = Buffer.from('?>');

/**
 * The part as bytes in which markup characters are single ASCII bytes: UTF-8 as it is (no multi-byte sequence
 * contains an ASCII byte), UTF-16 transcoded, so that a part cannot hide a DTD by changing its encoding.
 */
function asciiCompatible(bytes: Uint8Array): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x00 && b[1] === 0x3c);
  if (!le && !be) return b;
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(b);
  return Buffer.from(text, 'utf8');
}

export interface XmlShape {
  /** a markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT …) outside comments and CDATA */
  dtd: boolean;
  /** deepest element nesting seen, counted up to limit + 1 */
  depth: number;
}

/** Scans markup only: comments, CDATA and processing instructions are skipped, quoted attribute values honoured. */
export function xmlShape(bytes: Uint8Array, limit = MAX_XML_DEPTH): XmlShape {
  const b = asciiCompatible(bytes);
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
      const end = b.indexOf(PI_END, i + 2);
      next = end === -1 ? -1 : end + 1;
    } else if (c === BANG) {
      if (b.subarray(i, i + 4).equals(COMMENT)) {
        const end = b.indexOf(COMMENT_END, i + 4);
        next = end === -1 ? -1 : end + 2;
      } else if (b.subarray(i, i + 9).equals(CDATA)) {
        const end = b.indexOf(CDATA_END, i + 9);
        next = end === -1 ? -1 : end + 2;
      } else {
        return { dtd: true, depth: max };
      }
    } else {
      // A start tag ends at the first '>' outside quotes ('>' may stand unescaped in an attribute value).
      let j = b.indexOf(GT, i + 1);
      const tag = j === -1 ? undefined : b.subarray(i + 1, j);
      if (tag && (tag.includes(DQUOTE) || tag.includes(SQUOTE))) {
        let quote = 0;
        for (j = i + 1; j < n; j++) {
          const ch = b[j];
          if (quote) { if (ch === quote) quote = 0; } else if (ch === DQUOTE || ch === SQUOTE) quote = ch; else if (ch === GT) break;
        }
        if (j >= n) j = -1;
      }
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
