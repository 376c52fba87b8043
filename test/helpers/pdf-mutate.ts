// Change a number in a PDF at test time: re-encode glyph codes in a page's content stream, saved as an incremental update.
//
// How: the text a PDF shows is glyph codes in Tj/TJ strings; the font's ToUnicode CMap says which character each code
// is. We find the n-th occurrence of `from` in the pages' decoded text, swap the codes of the characters that differ
// for the codes the same font uses for the new characters (a subset font only has the glyphs the document uses, so a
// digit the font lacks is an error, not a silent fallback), re-deflate the stream (fflate) and append it as a new
// version of the same object with its own xref section and a trailer pointing back (/Prev): a standard incremental
// update, so no offset in the original bytes has to change. Handles classic xref tables, Flate or unfiltered content,
// 1- and 2-byte codes, hex and literal strings: enough for the corpus PDFs (LibreOffice exports). Anything else (a
// cross-reference stream, another filter) throws rather than producing a file the test cannot trust.
import { unzlibSync, zlibSync } from 'fflate';

interface Obj { dict: string; stream?: Uint8Array }
interface Glyph { char: string; font: CodeMap; op: number; index: number }
/** One string operand of a text-showing operator, as codes, with where it sits in the decoded content. */
interface Operand { start: number; end: number; codes: number[]; width: 1 | 2 }
interface CodeMap { toChar: Map<number, string>; toCode: Map<string, number>; width: 1 | 2 }

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

class Pdf {
  readonly text: string;
  /** object number → byte offset and generation, from the newest xref section that lists it */
  readonly offsets = new Map<number, { at: number; gen: number }>();
  readonly trailer: string;
  readonly startxref: number;

  constructor(readonly bytes: Uint8Array) {
    this.text = latin1(bytes);
    const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text);
    if (!sx) throw new Error('no startxref at the end of the file');
    this.startxref = Number(sx[1]);
    let at: number | undefined = this.startxref;
    let trailer: string | undefined;
    const seen = new Set<number>();
    // Newest section first; an object already seen (in use or freed) keeps its newer entry.
    while (at !== undefined) {
      if (!this.text.startsWith('xref', at)) throw new Error('cross-reference streams are not supported (expected an xref table)');
      let pos = at + 4;
      const re = /\s*(\d+) (\d+)\s*|\s*trailer/y;
      for (;;) {
        re.lastIndex = pos;
        const m = re.exec(this.text);
        if (!m) throw new Error(`bad xref section at ${pos}`);
        if (m[1] === undefined) { pos = re.lastIndex; break; }
        const first = Number(m[1]);
        const count = Number(m[2]);
        pos = re.lastIndex;
        for (let i = 0; i < count; i++) {
          const entry = this.text.slice(pos, pos + 20);
          const e = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
          if (!e) throw new Error(`bad xref entry at ${pos}`);
          if (!seen.has(first + i) && e[3] === 'n') this.offsets.set(first + i, { at: Number(e[1]), gen: Number(e[2]) });
          seen.add(first + i);
          pos += 20;
        }
      }
      const dict = this.dictAt(this.text.indexOf('<<', pos));
      trailer ??= dict;
      const prev = /\/Prev\s+(\d+)/.exec(dict);
      at = prev ? Number(prev[1]) : undefined;
    }
    this.trailer = trailer!;
  }

  /** The balanced << … >> starting at `at` (strings in these dictionaries hold no angle brackets). */
  dictAt(at: number): string {
    let depth = 0;
    for (let i = at; i < this.text.length - 1; i++) {
      if (this.text.startsWith('<<', i)) { depth++; i++; } else if (this.text.startsWith('>>', i)) {
        depth--; i++;
        if (depth === 0) return this.text.slice(at, i + 1);
      }
    }
    throw new Error(`unbalanced dictionary at ${at}`);
  }

  object(n: number): Obj & { body: string } {
    const entry = this.offsets.get(n);
    if (entry === undefined) throw new Error(`object ${n} is not in the xref`);
    const at = entry.at;
    const head = new RegExp(`${n}\\s+${entry.gen}\\s+obj\\s*`, 'y');
    head.lastIndex = at;
    if (!head.exec(this.text)) throw new Error(`object ${n} not found at ${at}`);
    const start = head.lastIndex;
    if (!this.text.startsWith('<<', start)) {
      const end = this.text.indexOf('endobj', start);
      return { dict: '', body: this.text.slice(start, end).trim() };
    }
    const dict = this.dictAt(start);
    const after = /\s*stream\r?\n/y;
    after.lastIndex = start + dict.length;
    if (!after.exec(this.text)) return { dict, body: dict };
    const lengthRef = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
    if (!lengthRef) throw new Error(`stream ${n} has no /Length`);
    const length = lengthRef[2] ? Number(this.object(Number(lengthRef[1])).body) : Number(lengthRef[1]);
    return { dict, body: dict, stream: this.bytes.subarray(after.lastIndex, after.lastIndex + length) };
  }

  /** A dictionary value that is either inline or a reference: its text. */
  resolve(value: string): string {
    const ref = /^\s*(\d+)\s+\d+\s+R/.exec(value);
    return ref ? this.object(Number(ref[1])).body : value;
  }

  /** The value of /Key in a dictionary text: a reference, a nested dictionary, an array or a simple token. */
  get(dict: string, key: string): string | undefined {
    const m = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
    if (!m) return undefined;
    const at = m.index + m[0].length;
    const rest = dict.slice(at);
    const ref = /^\d+\s+\d+\s+R/.exec(rest);
    if (ref) return ref[0];
    if (rest.startsWith('<<')) {
      let depth = 0;
      for (let i = 0; i < rest.length - 1; i++) {
        if (rest.startsWith('<<', i)) { depth++; i++; } else if (rest.startsWith('>>', i)) { depth--; i++; if (depth === 0) return rest.slice(0, i + 1); }
      }
    }
    if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
    return /^[^\s/<>\[\]]+|^\/[^\s/<>\[\]]+/.exec(rest)?.[0];
  }

  decoded(o: Obj): Uint8Array {
    if (!o.stream) throw new Error('not a stream');
    const filter = this.get(o.dict, 'Filter');
    if (!filter) return o.stream;
    if (/^\[?\s*\/FlateDecode\s*\]?$/.test(filter)) return unzlibSync(o.stream);
    throw new Error(`unsupported filter ${filter}`);
  }

  /** Content stream object numbers and font maps of each page, in page order. */
  pages(): Array<{ contents: number[]; fonts: Map<string, CodeMap> }> {
    const root = this.resolve(this.get(this.trailer, 'Root')!);
    const out: Array<{ contents: number[]; fonts: Map<string, CodeMap> }> = [];
    const fontCache = new Map<string, CodeMap>();
    const walk = (node: string, inherited?: string) => {
      const resources = this.get(node, 'Resources') ?? inherited;
      const kids = this.get(node, 'Kids');
      if (kids) {
        for (const r of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(this.object(Number(r[1])).body, resources);
        return;
      }
      const contents = [...(this.get(node, 'Contents') ?? '').matchAll(/(\d+)\s+\d+\s+R/g)].map((r) => Number(r[1]));
      const fonts = new Map<string, CodeMap>();
      const fontDict = resources ? this.get(this.resolve(resources), 'Font') : undefined;
      if (fontDict) {
        for (const f of this.resolve(fontDict).matchAll(/\/([^\s/<>\[\]]+)\s+(\d+)\s+\d+\s+R/g)) {
          const key = f[2];
          if (!fontCache.has(key)) {
            const toUnicode = this.get(this.object(Number(key)).body, 'ToUnicode');
            if (toUnicode) fontCache.set(key, parseCMap(latin1(this.decoded(this.object(Number(/^(\d+)/.exec(toUnicode)![1]))))));
          }
          const map = fontCache.get(key);
          if (map) fonts.set(f[1], map);
        }
      }
      out.push({ contents, fonts });
    };
    walk(this.resolve(this.get(root, 'Pages')!));
    return out;
  }
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** bfchar and bfrange entries of a ToUnicode CMap, both ways. */
function parseCMap(cmap: string): CodeMap {
  const toChar = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const width: 1 | 2 = space && space[1].length > 2 ? 2 : 1;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) toChar.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => toChar.set(lo + i, utf16(d[1])));
      } else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) toChar.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  const toCode = new Map<string, number>();
  for (const [code, ch] of toChar) if (!toCode.has(ch)) toCode.set(ch, code);
  return { toChar, toCode, width };
}

/** Bytes of a literal string's body (escapes resolved); `end` is just past the closing parenthesis. */
function literal(s: string, at: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 1;
  let i = at + 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      const n = s[i + 1];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in esc) { bytes.push(esc[n]); i += 2; } else if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0];
        bytes.push(parseInt(oct, 8) & 0xff);
        i += 1 + oct.length;
      } else if (n === '\r' || n === '\n') { i += n === '\r' && s[i + 2] === '\n' ? 3 : 2; } else { i += 1; }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return { bytes, end: i + 1 };
    bytes.push(c.charCodeAt(0));
    i++;
  }
  throw new Error('unterminated string');
}

/** The glyphs a content stream shows, in order, with the operand each came from. */
function glyphs(content: string, fonts: Map<string, CodeMap>): { glyphs: Glyph[]; operands: Operand[] } {
  const out: Glyph[] = [];
  const operands: Operand[] = [];
  let font: CodeMap | undefined;
  let pending: Array<{ start: number; end: number; bytes: number[] }> = [];
  let lastName = '';
  let i = 0;
  while (i < content.length) {
    const c = content[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '%') { i = content.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === '(') {
      const { bytes, end } = literal(content, i);
      pending.push({ start: i, end, bytes });
      i = end;
      continue;
    }
    if (c === '<' && content[i + 1] !== '<') {
      const end = content.indexOf('>', i) + 1;
      const hex = content.slice(i + 1, end - 1).replace(/\s/g, '');
      const padded = hex.length % 2 ? hex + '0' : hex;
      pending.push({ start: i, end, bytes: padded.match(/../g)?.map((h) => parseInt(h, 16)) ?? [] });
      i = end;
      continue;
    }
    if (c === '/') {
      const m = /\/[^\s/<>\[\]()%{}]*/y;
      m.lastIndex = i;
      lastName = m.exec(content)![0].slice(1);
      i = m.lastIndex;
      continue;
    }
    if ('[]{}'.includes(c) || content.startsWith('<<', i) || content.startsWith('>>', i)) { i += c === '<' || c === '>' ? 2 : 1; continue; }
    const tok = /[^\s/<>\[\]()%{}]+/y;
    tok.lastIndex = i;
    const word = tok.exec(content)![0];
    i = tok.lastIndex;
    if (/^[-+.\d]/.test(word)) continue; // a number operand
    if (word === 'BI') { i = content.indexOf('EI', i) + 2; pending = []; continue; } // inline image data is not text
    if (word === 'Tf') font = fonts.get(lastName);
    if (['Tj', 'TJ', "'", '"'].includes(word) && font) {
      for (const p of pending) {
        const codes: number[] = [];
        for (let k = 0; k + font.width <= p.bytes.length; k += font.width) codes.push(font.width === 2 ? (p.bytes[k] << 8) | p.bytes[k + 1] : p.bytes[k]);
        operands.push({ start: p.start, end: p.end, codes, width: font.width });
        codes.forEach((code, index) => out.push({ char: font!.toChar.get(code) ?? '\uFFFD', font: font!, op: operands.length - 1, index }));
      }
    }
    pending = [];
  }
  return { glyphs: out, operands };
}

const hexOf = (codes: number[], width: 1 | 2) => '<' + codes.map((c) => c.toString(16).toUpperCase().padStart(width * 2, '0')).join('') + '>';

/**
 * A copy of `pdf` with the n-th (0-based) occurrence of `from` in its shown text, whitespace aside, replaced by `to`.
 * Only the part where they differ is re-encoded, each character in the font of the glyph it replaces.
 */
export function mutatePdf(pdf: Uint8Array, from: string, to: string, nth = 0): Uint8Array {
  const doc = new Pdf(pdf);
  let seen = 0;
  for (const page of doc.pages()) {
    for (const n of page.contents) {
      const obj = doc.object(n);
      const content = latin1(doc.decoded(obj));
      const { glyphs: gs, operands } = glyphs(content, page.fonts);
      const visible = gs.filter((g) => !/\s/.test(g.char));
      const text = visible.map((g) => g.char).join('');
      for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) {
        if (seen++ < nth) continue;
        let pre = 0;
        while (pre < from.length && pre < to.length && from[pre] === to[pre]) pre++;
        let post = 0;
        while (post < from.length - pre && post < to.length - pre && from[from.length - 1 - post] === to[to.length - 1 - post]) post++;
        const old = visible.slice(at + pre, at + from.length - post);
        const added = [...to.slice(pre, to.length - post)];
        const codeFor = (g: Glyph, ch: string) => {
          const code = g.font.toCode.get(ch);
          if (code === undefined) throw new Error(`the font showing "${from}" has no glyph for "${ch}"`);
          return code;
        };
        // New codes per operand, glyph for glyph (kerned TJ arrays split numbers over strings); surplus old glyphs are
        // dropped, surplus new ones follow the last changed glyph in its string and font.
        const edits = new Map<number, number[][]>();
        const slotsOf = (op: number) => edits.get(op) ?? edits.set(op, operands[op].codes.map((c) => [c])).get(op)!;
        old.forEach((g, k) => { slotsOf(g.op)[g.index] = k < added.length ? [codeFor(g, added[k])] : []; });
        if (added.length > old.length) {
          const last = old[old.length - 1] ?? visible[at + pre - 1];
          if (!last) throw new Error(`nothing to attach "${to}" to`);
          slotsOf(last.op)[last.index].push(...added.slice(old.length).map((ch) => codeFor(last, ch)));
        }
        let updated = content;
        for (const op of [...edits.keys()].sort((a, b) => b - a)) {
          const { start, end, width } = operands[op];
          updated = updated.slice(0, start) + hexOf(edits.get(op)!.flat(), width) + updated.slice(end);
        }
        return appendObject(doc, n, obj.dict, fromLatin1(updated));
      }
    }
  }
  throw new Error(`"${from}" occurs ${seen} times in the PDF's text, fewer than ${nth + 1}`);
}

/** Append a new version of stream object `n` and an xref section for it (PDF 32000-1 §7.5.6, incremental updates). */
function appendObject(doc: Pdf, n: number, oldDict: string, content: Uint8Array): Uint8Array {
  const data = zlibSync(content);
  const dict = oldDict.replace(/\/Length\s+\d+(\s+\d+\s+R)?/, '').replace(/\/Filter\s*(\[[^\]]*\]|\/\w+)/, '').replace(/\/DecodeParms\s*<<[^>]*>>/, '');
  const gen = doc.offsets.get(n)!.gen;
  const head = fromLatin1(`\n${n} ${gen} obj\n${dict.slice(0, -2)}/Length ${data.length}/Filter/FlateDecode>>\nstream\n`);
  const objectAt = doc.bytes.length + 1;
  const tail1 = fromLatin1('\nendstream\nendobj\n');
  const xrefAt = doc.bytes.length + head.length + data.length + tail1.length;
  const keep = ['Root', 'Info', 'ID'].map((k) => { const v = doc.get(doc.trailer, k); return v ? `/${k} ${v}` : ''; }).join('');
  const size = Math.max(Number(doc.get(doc.trailer, 'Size')), n + 1);
  const tail2 = fromLatin1(`xref\n${n} 1\n${String(objectAt).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\ntrailer\n<</Size ${size}${keep}/Prev ${doc.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  const out = new Uint8Array(doc.bytes.length + head.length + data.length + tail1.length + tail2.length);
  let at = 0;
  for (const part of [doc.bytes, head, data, tail1, tail2]) { out.set(part, at); at += part.length; }
  return out;
}
