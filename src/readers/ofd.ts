// OFD reader (GB/T 33190): OFD.xml → DocRoot → Document.xml → pages and their template pages; text objects placed by
// TextCode X/Y, DeltaX/DeltaY and CTM, path objects' straight lines as ruling lines, then lines and tables built as
// for PDF. Parts are inflated under the zip limits and guarded before they are parsed.
import { strFromU8 } from 'fflate';
import { ReadFailure, ref, type ReaderFinding, type ReaderOutput } from './contract.js';
import { causeText } from '../findings.js';
import { guardXml } from './xml-guard.js';
import { InflateBudget, inflateEntries, listZip } from './zip.js';
import { find, findAll, parseXml, type XmlElement } from './ofd-xml.js';
import { findTables, placeItem, type Segment } from './pdf-tables.js';
import { isPageNumberLine, itemsToLines, type PdfTextItem } from './pdf-text.js';
import { assemble, MAX_PAGES, type PageContent } from './pdf.js';

/** OFD measures in millimetres; the layout code is tuned in PDF points. */
const PT_PER_MM = 72 / 25.4;
/** A stroked line this far off the axis still counts as horizontal or vertical (points). */
const AXIS_TOLERANCE = 0.5;
/** A filled rectangle thinner than this is drawn as a rule (points). */
const THIN_FILL = 1.5;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const numbers = (s: string | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);

function matrixOf(ctm: string | undefined): Matrix {
  const m = numbers(ctm);
  return m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : IDENTITY;
}

/** A point of an object (in its own space) on the page: CTM, then the object's boundary origin, in points. */
function placer(boundary: string | undefined, ctm: string | undefined): (x: number, y: number) => [number, number] {
  const [bx = 0, by = 0] = numbers(boundary);
  const [a, b, c, d, e, f] = matrixOf(ctm);
  return (x, y) => [(a * x + c * y + e + bx) * PT_PER_MM, (b * x + d * y + f + by) * PT_PER_MM];
}

/** DeltaX / DeltaY: the advances between characters; "g N v" stands for N advances of v. */
export function expandDeltas(s: string | undefined): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]), 100_000);
      const v = Number(tokens[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(v)) for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else {
      const v = Number(tokens[i]);
      if (Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

const isWide = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch);

/**
 * The text items of one TextObject: each TextCode's characters at their positions, cut into runs wherever the advance
 * leaves a gap wider than a character (text spread across table cells belongs to different cells).
 */
export function textItems(obj: XmlElement): PdfTextItem[] {
  const place = placer(obj.attrs.Boundary, obj.attrs.CTM);
  const [a, b, c, d] = matrixOf(obj.attrs.CTM);
  // Size is in the object's space (points under a points-to-millimetres CTM, as Suwell writes); its advances too.
  const objectSize = Number(obj.attrs.Size) || 3.5;
  const hScale = Number(obj.attrs.HScale) || 1;
  const size = objectSize * Math.sqrt(Math.abs(a * d - b * c) || 1);
  const items: PdfTextItem[] = [];
  let penX = 0, penY = 0;
  for (const code of obj.children.filter((ch) => ch.name === 'TextCode')) {
    const chars = [...code.text];
    if (code.attrs.X !== undefined) penX = Number(code.attrs.X) || 0;
    if (code.attrs.Y !== undefined) penY = Number(code.attrs.Y) || 0;
    const dx = expandDeltas(code.attrs.DeltaX);
    const dy = expandDeltas(code.attrs.DeltaY);
    let run: { str: string; x: number; y: number; end: number } | undefined;
    const flush = () => { if (run?.str.trim()) items.push({ str: run.str, x: run.x, y: run.y, width: run.end - run.x, size: size * PT_PER_MM }); run = undefined; };
    chars.forEach((ch, i) => {
      const [x, y] = place(penX, penY);
      // with no DeltaX a glyph advances by its own width, in object space: a CJK character one em, others half
      const advance = dx[i] ?? (dx.length ? dx[dx.length - 1]! : (isWide(ch) ? 1 : 0.5) * objectSize * hScale);
      const charWidth = (isWide(ch) ? 1 : 0.5) * size * hScale * PT_PER_MM;
      const vertical = (dy[i] ?? 0) !== 0;
      if (run && (vertical || Math.abs(y - run.y) > 0.1 || x - run.end > size * PT_PER_MM)) flush();
      if (run) { run.str += ch; run.end = x + charWidth; } else run = { str: ch, x, y, end: x + charWidth };
      if (i < chars.length - 1) { penX += advance; penY += dy[i] ?? 0; }
      if (vertical) flush();
    });
    flush();
    // the pen after the last character, for a following TextCode that gives no X
    penX += chars.length ? (dx[chars.length - 1] ?? objectSize * hScale) : 0;
  }
  return items;
}

/** The straight lines a PathObject draws, as ruling segments in top-down page points. */
export function pathSegments(obj: XmlElement): Segment[] {
  const place = placer(obj.attrs.Boundary, obj.attrs.CTM);
  const data = find(obj, 'AbbreviatedData')?.text ?? '';
  const tokens = data.trim().split(/\s+/).filter(Boolean);
  const points: Array<[number, number]> = [];
  const lines: Array<[[number, number], [number, number]]> = [];
  let cur: [number, number] | undefined;
  let start: [number, number] | undefined;
  const ARGS: Record<string, number> = { M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0, S: 2 };
  for (let i = 0; i < tokens.length;) {
    const op = tokens[i++]!;
    const n = ARGS[op];
    if (n === undefined) continue;
    const args = tokens.slice(i, i + n).map(Number);
    i += n;
    if (args.some((v) => !Number.isFinite(v))) continue;
    const end = n >= 2 ? place(args[n - 2]!, args[n - 1]!) : undefined;
    if (op === 'M' || op === 'S') { cur = end; start = end; }
    else if (op === 'L' && cur && end) { lines.push([cur, end]); cur = end; }
    else if (op === 'C' && cur && start) { lines.push([cur, start]); cur = start; }
    else if (end) cur = end; // curves and arcs draw no ruling line
    if (end) points.push(end);
  }
  const stroked = obj.attrs.Stroke !== 'false';
  const filled = obj.attrs.Fill === 'true';
  const segments: Segment[] = [];
  if (stroked) {
    for (const [[x0, y0], [x1, y1]] of lines) {
      if (Math.abs(y1 - y0) <= AXIS_TOLERANCE && Math.abs(x1 - x0) > AXIS_TOLERANCE) segments.push({ horizontal: true, pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
      else if (Math.abs(x1 - x0) <= AXIS_TOLERANCE && Math.abs(y1 - y0) > AXIS_TOLERANCE) segments.push({ horizontal: false, pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  } else if (filled && points.length) {
    // some producers draw rules as thin filled rectangles
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (bottom - top < THIN_FILL && right - left > THIN_FILL) segments.push({ horizontal: true, pos: (top + bottom) / 2, from: left, to: right });
    else if (right - left < THIN_FILL && bottom - top > THIN_FILL) segments.push({ horizontal: false, pos: (left + right) / 2, from: top, to: bottom });
  }
  return segments;
}

interface Drawn { items: PdfTextItem[]; segments: Segment[]; images: number }

/** Nearer than this, the same text drawn again is one text (points). */
const OVERPRINT = 0.8;

/**
 * Text drawn twice a hair apart is bold faked by overprinting (WPS, some converters): kept once, or every heading
 * would read 一一、、.
 */
function withoutOverprint(items: PdfTextItem[]): PdfTextItem[] {
  const kept: PdfTextItem[] = [];
  for (const item of items) {
    const twin = kept.some((k) => k.str === item.str && Math.abs(k.x - item.x) < OVERPRINT && Math.abs(k.y - item.y) < OVERPRINT);
    if (!twin) kept.push(item);
  }
  return kept;
}

/** Text, rules and images of a content tree, blocks and layers included, in drawing order. */
function collect(el: XmlElement, out: Drawn): Drawn {
  for (const c of el.children) {
    if (c.name === 'TextObject') out.items.push(...textItems(c));
    else if (c.name === 'PathObject') out.segments.push(...pathSegments(c));
    else if (c.name === 'ImageObject') out.images++;
    else collect(c, out);
  }
  return out;
}

/** A part's path: BaseLoc values are relative to the referring part's folder, or absolute from the package root. */
function resolve(from: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${from.slice(0, from.lastIndexOf('/') + 1)}${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop(); else out.push(p);
  }
  return out.join('/');
}

export async function readOfd(buf: Uint8Array): Promise<ReaderOutput> {
  const entries = listZip(buf);
  const parts = inflateEntries(buf, entries, (e) => /\.xml$/i.test(e.name), new InflateBudget());
  // zip names are matched without a leading slash and case-insensitively, as OFD readers do
  const byName = new Map(Object.entries(parts).map(([name, data]) => [name.replace(/^\/+/, '').toLowerCase(), { name, data }]));
  const part = (path: string): XmlElement | undefined => {
    const hit = byName.get(path.toLowerCase());
    if (!hit) return undefined;
    guardXml(hit.name, hit.data);
    return parseXml(strFromU8(hit.data));
  };
  const corrupt = (detail: ReturnType<typeof ref>) => new ReadFailure('read-error', 'ofd-corrupt', { detail });

  const ofd = part('OFD.xml');
  if (!ofd) throw corrupt(ref('ofd-missing-part', { part: 'OFD.xml' }));
  const docRoot = find(ofd, 'DocRoot')?.text.trim();
  if (!docRoot) throw corrupt(ref('ofd-no-root'));
  const docPath = resolve('', docRoot);
  const doc = part(docPath);
  if (!doc) throw corrupt(ref('ofd-missing-part', { part: docPath }));

  const [, , defaultWidth = 210] = numbers(find(find(doc, 'CommonData') ?? doc, 'PhysicalBox')?.text);
  const templates = new Map(findAll(find(doc, 'CommonData') ?? doc, 'TemplatePage').map((t) => [t.attrs.ID, t.attrs.BaseLoc]));
  const pageRefs = findAll(find(doc, 'Pages') ?? doc, 'Page');
  if (!pageRefs.length) throw corrupt(ref('ofd-no-pages'));

  const findings: ReaderFinding[] = [];
  const pages: PageContent[] = [];
  let images = 0;
  pageRefs.slice(0, MAX_PAGES).forEach((pageRef, index) => {
    const n = index + 1;
    const path = resolve(docPath, pageRef.attrs.BaseLoc ?? '');
    try {
      const page = part(path);
      if (!page) throw new Error(`${path} missing`);
      const drawn: Drawn = { items: [], segments: [], images: 0 };
      // template pages (headers, footers, ruled forms) are drawn under the page's own content
      for (const t of findAll(page, 'Template')) {
        const loc = templates.get(t.attrs.TemplateID);
        const template = loc ? part(resolve(docPath, loc)) : undefined;
        if (template) collect(find(template, 'Content') ?? template, drawn);
      }
      collect(find(page, 'Content') ?? page, drawn);
      drawn.items = withoutOverprint(drawn.items);
      images += drawn.images;
      const [, , width = defaultWidth] = numbers(find(find(page, 'Area') ?? { name: '', attrs: {}, children: [], text: '' }, 'PhysicalBox')?.text);
      const tables = findTables(drawn.segments);
      const prose = drawn.items.filter((item) => !tables.some((t) => placeItem(t, item)));
      const lines = itemsToLines(prose, n);
      while (lines.length && isPageNumberLine(lines[lines.length - 1]!.text)) lines.pop();
      while (lines.length && isPageNumberLine(lines[0]!.text)) lines.shift();
      const visibleChars = drawn.items.reduce((s, i) => s + [...i.str.replace(/\s+/g, '')].length, 0);
      pages.push({ page: n, width: width * PT_PER_MM, lines, tables, visibleChars, unmappedChars: 0, controlChars: 0, hasImages: drawn.images > 0 });
    } catch (err) {
      if (err instanceof ReadFailure) throw err;
      findings.push({ rule: 'read-warning', messageId: 'ofd-page-unread', location: { page: n }, data: { page: n, cause: causeText(err) } });
    }
  });
  if (pageRefs.length > MAX_PAGES) {
    findings.push({ rule: 'read-warning', messageId: 'ofd-pages-truncated', location: { page: MAX_PAGES + 1 }, data: { pages: pageRefs.length, max: MAX_PAGES } });
  }
  const blocks = assemble(pages);
  if (!blocks.length) findings.unshift({ rule: 'no-text', messageId: 'empty-document', data: { format: 'OFD', images } });
  return { blocks, pages: pageRefs.length, findings };
}
