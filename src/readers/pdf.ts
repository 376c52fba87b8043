// pdf reader: one pass over the pages (text, and the operator list where a table may be) → paragraphs and ruled tables.
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PDFParse as PDFParser } from 'pdf-parse';
import type { Block } from '../document.js';
import { ReadFailure, type ReaderFinding, type ReaderOutput, type ReadOptions } from './contract.js';
import { useCheapClone } from './pdf-loopback.js';
import { findTables, gridRows, placeItem, rulingSegments, type PdfOps, type OperatorList, type Segment, type TableGrid } from './pdf-tables.js';
import {
  breaksBefore, headingLevel, isPageNumberLine, itemsToLines, joinWrapped, linePitch, mayHoldTable, modeOf, normalizeCjkSpacing,
  type LayoutHints, type PdfLine, type PdfTextItem,
} from './pdf-text.js';

/**
 * pdf.js data files from the pdfjs-dist that pdf-parse itself loads (nested or hoisted). Without the CMaps,
 * CJK text in PDFs whose fonts are not embedded comes back empty.
 */
const pdfjsRoot = (() => {
  const pdfParseEntry = createRequire(import.meta.url).resolve('pdf-parse');
  return dirname(createRequire(pdfParseEntry).resolve('pdfjs-dist/package.json'));
})();
const dataDir = (name: string) => join(pdfjsRoot, name) + sep;

/**
 * pdf-parse runs pdf.js' legacy build, whose bundled core-js replaces Array.prototype.push and JSON.parse for the
 * whole process on Node 20 (V8 < 12.2 fails a corner-case test). The replacements are plain JS and make every push
 * several times slower. We capture the natives before pdf.js loads (pdf-parse is imported lazily) and put them back.
 */
const isNative = (fn: unknown) => typeof fn === 'function' && /\[native code\]/.test(Function.prototype.toString.call(fn));
const nativePush = Array.prototype.push;
const nativeJsonParse = JSON.parse;
function restoreNatives(): void {
  if (Array.prototype.push !== nativePush && isNative(nativePush)) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  }
  if (JSON.parse !== nativeJsonParse && isNative(nativeJsonParse)) {
    Object.defineProperty(JSON, 'parse', { value: nativeJsonParse, writable: true, configurable: true, enumerable: false });
  }
}

/**
 * pdf.js reads every embedded font program to make a font a browser could draw with: it parses it (Type 1 programs
 * are decrypted, TrueType tables checked and repaired) and writes it anew as OpenType, the CFF compiler byte by byte
 * into JavaScript arrays. That was over half of all the time this reader took on the reports' PDFs (LibreOffice embeds
 * CJK text as many Type 1 subsets). Text extraction takes nothing from it where the PDF itself maps the font's codes to
 * Unicode (a ToUnicode map, which Word, WPS and LibreOffice always write): the text comes from that map, the widths
 * from the font dictionary (/Widths, /W), the position from the text matrix; the program only feeds font faces
 * (dropped: fontSink, skipFontFaces) and glyph outlines for canvas drawing (never asked for). The build
 * (scripts/pdf-worker.mjs, the changes listed in scripts/pdf-worker-patches.mjs) writes a copy of the worker half
 * that skips reading the program of a font with a ToUnicode map, and the CFF compiler of the others; `jixiao read`
 * and `extract` give byte-identical output with it on every PDF of fixtures/, test/data and both development sets.
 * A font without a ToUnicode map is read as pdf.js reads it (its glyph names may be all there is to its text).
 * Without that copy, or one made from another pdfjs-dist (pdf.js refuses halves of two versions), the worker half
 * loads unchanged: slower, the same text.
 */
export function pdfWorkerModule(): string {
  const { version } = createRequire(import.meta.url)(join(pdfjsRoot, 'package.json')) as { version: string };
  // dist/src/readers/pdf.js → dist/pdfjs; under vitest, src/readers/pdf.ts → dist/pdfjs as built by `npm test`
  for (const rel of ['../../pdfjs/pdf.worker.mjs', '../../dist/pdfjs/pdf.worker.mjs']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (firstLine(file)?.startsWith(`// jixiao build of pdfjs-dist ${version} `)) return pathToFileURL(file).href;
  }
  return pathToFileURL(join(pdfjsRoot, 'legacy', 'build', 'pdf.worker.mjs')).href;
}

function firstLine(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(200);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').split('\n', 1)[0];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

interface PdfLib { PDFParse: typeof PDFParser; OPS: PdfOps }
let libPromise: Promise<PdfLib> | undefined;
/** pdf-parse, and the operator codes from the very pdf.js module it uses. */
function pdfLib(): Promise<PdfLib> {
  libPromise ??= (async () => {
    const { PDFParse } = await import('pdf-parse');
    const { OPS } = await import(pathToFileURL(join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs')).href) as { OPS: PdfOps };
    // pdf.js' worker half, which it would import with the first document ("./pdf.worker.mjs" beside pdf.mjs) unless
    // one is loaded already (globalThis.pdfjsWorker, which the module sets): loaded here, so that loading pdf.js is
    // done before any file's clock starts (loadPdfLibrary), and without the font compiler (pdfWorkerModule)
    await import(pdfWorkerModule());
    restoreNatives();
    return { PDFParse, OPS };
  })();
  return libPromise;
}

/** Loads pdf.js (both halves) ahead of the first PDF: a worker does this before the time limit of a file starts. */
export async function loadPdfLibrary(): Promise<void> {
  await pdfLib();
}

/**
 * A document for pdf.js to load fonts into, which drops them. With `disableFontFace`, pdf.js instead builds the outline
 * of every glyph shown while it makes an operator list and posts each one across its message port, for canvas
 * drawing this reader never does: on CJK text that is about half the cost of the operator list. With font faces on,
 * each font goes once, as an @font-face rule, into the style sheet of `ownerDocument` (synchronously in Node), and
 * this stand-in is all of that document pdf.js touches. pdf.js' Node canvas and filter factories ignore it.
 */
const fontSink = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

/**
 * Loading a font face starts by base64-encoding the whole converted font (in core-js' JavaScript polyfill on Node 20)
 * to build the rule the stand-in then drops: ~5% of reading a PDF. The document's font loader is private to pdf.js,
 * so where it is not found this does nothing and the stand-in still takes the rules.
 */
function skipFontFaces(doc: unknown): void {
  const loader = (doc as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (loader && typeof loader.bind === 'function') loader.bind = async () => undefined;
}

/** The parts of pdf.js' document and page proxies this reader uses. */
interface PdfPage {
  getViewport(p: { scale: number }): { transform: number[]; width: number };
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  getOperatorList(p: { annotationMode: number }): Promise<OperatorList>;
  cleanup(): boolean;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
}

/** pdf.js AnnotationMode.DISABLE: form widgets and annotations carry no report text, and skipping them is faster. */
const ANNOTATIONS_OFF = 0;
const IMAGE_OP_NAMES = ['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat',
  'paintImageMaskXObjectRepeat', 'paintImageMaskXObjectGroup', 'paintInlineImageXObjectGroup'];

export interface PageContent {
  page: number;
  width: number;
  lines: PdfLine[];
  tables: TableGrid[];
  visibleChars: number;
  unmappedChars: number;
  /** control characters among them: character codes a font without a Unicode map passed through as they are */
  controlChars: number;
  hasImages: boolean;
  /** the lines were read by OCR from the rendered page */
  ocr?: boolean;
}

const UNMAPPED = /[\ufffd\ue000-\uf8ff]/gu;
/** C0 controls (whitespace is gone before they are counted): no text has them; a font's raw codes do. */
const CONTROL = /[\u0000-\u001f]/g;

async function readPage(doc: PdfDocument, n: number, OPS: PdfOps): Promise<PageContent> {
  const page = await doc.getPage(n);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform;
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    let visibleChars = 0;
    let unmappedChars = 0;
    let controlChars = 0;
    let rotated = false;
    for (const raw of content.items) {
      if (typeof raw.str !== 'string' || !raw.transform || raw.str.length === 0) continue;
      const [a, b, c, d, e, f] = raw.transform;
      if (b !== 0 || c !== 0) rotated = true;
      items.push({
        str: raw.str,
        x: vt[0] * e + vt[2] * f + vt[4],
        y: vt[1] * e + vt[3] * f + vt[5],
        width: raw.width ?? 0,
        size: raw.height || Math.hypot(c, d) || Math.hypot(a, b),
      });
      const visible = raw.str.replace(/\s+/g, '');
      visibleChars += [...visible].length;
      unmappedChars += visible.match(UNMAPPED)?.length ?? 0;
      controlChars += visible.match(CONTROL)?.length ?? 0;
    }
    // The operator list (ruling lines, images) parses the page's content a second time: only for pages whose text
    // could sit in a table, or so sparse that the page may be a scan (an image is what tells).
    let tables: TableGrid[] = [];
    let hasImages = false;
    if (visibleChars < SCANNED_PAGE_MAX_CHARS || mayHoldTable(items, rotated)) {
      const opList = await page.getOperatorList({ annotationMode: ANNOTATIONS_OFF });
      tables = findTables(rulingSegments(opList, vt, OPS));
      const imageOps = new Set(IMAGE_OP_NAMES.map((k) => (OPS as unknown as Record<string, number>)[k]));
      for (let i = 0; i < opList.fnArray.length && !hasImages; i++) hasImages = imageOps.has(opList.fnArray[i]);
    }
    const prose = tables.length ? items.filter((item) => !tables.some((t) => placeItem(t, item))) : items;
    const lines = itemsToLines(prose, n);
    // running page numbers in the header or footer are not report text
    while (lines.length && isPageNumberLine(lines[lines.length - 1].text)) lines.pop();
    while (lines.length && isPageNumberLine(lines[0].text)) lines.shift();
    return { page: n, width: viewport.width, lines, tables, visibleChars, unmappedChars, controlChars, hasImages };
  } finally {
    page.cleanup();
  }
}

/** Margins and line pitch learnt from the whole document, per page width (portrait and landscape differ). */
function layoutHints(pages: PageContent[]): Map<PageContent, LayoutHints> {
  const byWidth = new Map<number, PageContent[]>();
  for (const p of pages) {
    const key = Math.round(p.width);
    byWidth.set(key, [...(byWidth.get(key) ?? []), p]);
  }
  const hints = new Map<PageContent, LayoutHints>();
  for (const group of byWidth.values()) {
    const lines = group.flatMap((p) => p.lines);
    const long = lines.filter((l) => [...l.text].length >= 15);
    const rightEdge = modeOf(long.map((l) => l.x1), 2, 3) ?? (lines.length ? Math.max(...lines.map((l) => l.x1)) : undefined);
    const leftEdge = modeOf(lines.map((l) => l.x0), 2, 3);
    for (const p of group) {
      const h: LayoutHints = {};
      if (rightEdge !== undefined) h.rightEdge = rightEdge;
      if (leftEdge !== undefined) h.leftEdge = leftEdge;
      const pitch = linePitch(p.lines);
      if (pitch !== undefined) h.pitch = pitch;
      hints.set(p, h);
    }
  }
  return hints;
}

/** Lines and tables in reading order; paragraphs may continue across a page break but never across a table. */
export function assemble(pages: PageContent[]): Block[] {
  const hints = layoutHints(pages);
  const blocks: Block[] = [];
  let open: { text: string; page: number; last: PdfLine; ocr: boolean } | undefined;
  const close = () => {
    if (!open) return;
    const text = normalizeCjkSpacing(open.text);
    if (text) {
      const block: Block = { type: 'paragraph', text, page: open.page };
      const level = headingLevel(text);
      if (level !== undefined) block.heading = level;
      if (open.ocr) block.ocr = true;
      blocks.push(block);
    }
    open = undefined;
  };
  for (const p of pages) {
    const h = hints.get(p) ?? {};
    const flow: Array<{ y: number; line?: PdfLine; table?: TableGrid }> = [
      ...p.lines.map((line) => ({ y: line.y, line })),
      ...p.tables.map((table) => ({ y: table.top, table })),
    ].sort((a, b) => a.y - b.y);
    for (const el of flow) {
      if (el.table) {
        close();
        const table: Block = { type: 'table', rows: gridRows(el.table, p.page), page: p.page };
        if (p.ocr) table.ocr = true;
        blocks.push(table);
      } else if (el.line) {
        if (open && !breaksBefore(open.last, el.line, h)) {
          open.text = joinWrapped(open.text, el.line.text);
          open.last = el.line;
          // a paragraph with any line read by OCR rests on OCR
          if (p.ocr) open.ocr = true;
        } else {
          close();
          open = { text: el.line.text, page: p.page, last: el.line, ocr: Boolean(p.ocr) };
        }
      }
    }
  }
  close();
  return blocks;
}

function noTextFinding(messageId: 'no-text' | 'garbled'): ReaderFinding {
  return { rule: 'no-text', messageId };
}

/**
 * Pages read from one PDF. A self-evaluation report runs to tens of pages, a whole department's volume to a few
 * hundred; past this the rest is skipped with a warning, so a file claiming 20,000 pages ends in bounded time
 * (pdf.js looks each page up from the top of the page tree, so a flat tree costs O(pages) per page).
 */
export const MAX_PAGES = 1000;
/** A PDF claiming more pages than this is refused unread: even its first MAX_PAGES would cost O(pages) each. */
export const MAX_PAGE_COUNT = 10_000;

/** A page with an image and fewer characters than this is a scanned page (its text, if any, is a page number or stamp). */
const SCANNED_PAGE_MAX_CHARS = 20;
const looksScanned = (p: PageContent) => p.hasImages && p.visibleChars < SCANNED_PAGE_MAX_CHARS;

/** Fewer visible characters than this in the whole file means there is no text layer to speak of. */
const MIN_CHARS = 10;
/** Share of undecodable characters above which the text layer is unusable. */
const MAX_UNMAPPED = 0.3;
/**
 * Share of control characters above which it is unusable too: a subset font without a Unicode map numbers its glyphs
 * from 1, so its text comes out as controls and, past code 31, as ASCII punctuation and letters that pass for text
 * (a Chinese report read that way showed 18 % controls and not one character of its own). No PDF of the development
 * sets has a single one.
 */
const MAX_CONTROL = 0.05;

/** Page numbers as short ranges (1–3, 5), for a message that lists many scanned pages. */
function pageRanges(pages: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return out;
}

/** The OCR'd text of a page read into its tables (by the rules printed on it) and lines, like a text layer. */
function withOcrText(p: PageContent, items: PdfTextItem[], width: number, rules: Segment[]): PageContent {
  const tables = findTables(rules);
  const prose = tables.length ? items.filter((item) => !tables.some((t) => placeItem(t, item))) : items;
  const lines = itemsToLines(prose, p.page);
  while (lines.length && isPageNumberLine(lines[lines.length - 1].text)) lines.pop();
  while (lines.length && isPageNumberLine(lines[0].text)) lines.shift();
  const visibleChars = items.reduce((n, i) => n + [...i.str.replace(/\s+/g, '')].length, 0);
  return { ...p, width, lines, tables, visibleChars, unmappedChars: 0, controlChars: 0, ocr: true };
}

/**
 * --ocr: scanned pages are rendered and recognised, and take the place of their (empty) text layer. OCR stops a
 * little before the file's time limit, so the finding says that OCR took too long rather than only that the file did.
 */
async function ocrScannedPages(doc: PdfDocument, pages: PageContent[], scanned: PageContent[], options: ReadOptions, startedAt: number) {
  const { recognisePages } = await import('./pdf-ocr.js');
  const limit = options.timeoutMs === undefined ? undefined : options.timeoutMs - Math.min(5000, options.timeoutMs / 10);
  const results = await recognisePages(doc as unknown as Parameters<typeof recognisePages>[0], scanned.map((p) => p.page), {
    deadline: limit === undefined ? undefined : startedAt + limit,
    seconds: options.timeoutMs === undefined ? undefined : options.timeoutMs / 1000,
    onProgress: options.onProgress,
  });
  const findings: ReaderFinding[] = [];
  const read: number[] = [];
  const byPage = new Map(results.map((r) => [r.page, r]));
  const merged = pages.map((p) => {
    const r = byPage.get(p.page);
    if (!r) return p;
    if ('error' in r) {
      findings.push({ rule: 'ocr', messageId: 'page-failed', location: { page: p.page }, data: { page: p.page, cause: r.error } });
      return p;
    }
    read.push(p.page);
    const page = withOcrText(p, r.items, r.width, r.rules);
    if (!page.lines.length && !page.tables.length) findings.push({ rule: 'ocr', messageId: 'page-empty', location: { page: p.page }, data: { page: p.page } });
    return page;
  });
  if (read.length) findings.unshift({ rule: 'ocr', messageId: 'pages-read', data: { pages: pageRanges(read), count: read.length } });
  return { pages: merged, findings, scannedPages: pageRanges(scanned.map((p) => p.page)) };
}

export async function readPdf(buf: Uint8Array, options: ReadOptions = {}): Promise<ReaderOutput> {
  const startedAt = Date.now();
  const { PDFParse, OPS } = await pdfLib();
  const parser = new PDFParse({
    // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact
    data: new Uint8Array(buf),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: dataDir('standard_fonts'),
    wasmUrl: dataDir('wasm'),
    iccUrl: dataDir('iccs'),
    // fully offline: data files come from disk through the Node factories, never fetched by the worker
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: fontSink as unknown as NonNullable<ConstructorParameters<typeof PDFParser>[0]['ownerDocument']>,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    let doc: PdfDocument;
    try {
      // PDFParse keeps its loader private but it is the one place that maps pdf.js load errors; reuse it
      doc = await (parser as unknown as { load(): Promise<PdfDocument> }).load();
      skipFontFaces(doc);
      useCheapClone(doc);
    } catch (err) {
      throw loadFailure(err);
    } finally {
      restoreNatives(); // the first load also evaluates pdf.worker.mjs, which patches them again
    }
    if (doc.numPages > MAX_PAGE_COUNT) {
      throw new ReadFailure('read-error', 'too-many-pages', { pages: doc.numPages, max: MAX_PAGE_COUNT });
    }
    let pages: PageContent[] = [];
    const readable = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= readable; n++) pages.push(await readPage(doc, n, OPS));
    const truncated: ReaderFinding[] = readable < doc.numPages ? [{
      rule: 'read-warning', messageId: 'pages-truncated', location: { page: MAX_PAGES + 1 }, data: { pages: doc.numPages, max: MAX_PAGES },
    }] : [];

    let visible = pages.reduce((s, p) => s + p.visibleChars, 0);
    const unmapped = pages.reduce((s, p) => s + p.unmappedChars, 0);
    const control = pages.reduce((s, p) => s + p.controlChars, 0);
    const scanned = pages.filter(looksScanned);
    // a scan with a typed page number or stamp on each page still has no text worth reading
    const allScanned = scanned.length > 0 && pages.every((p) => looksScanned(p) || p.visibleChars === 0);
    const empty = { blocks: [], pages: doc.numPages };
    if (!allScanned && visible < MIN_CHARS) return { ...empty, findings: [noTextFinding('no-text'), ...truncated] };
    if (!allScanned && (unmapped / visible > MAX_UNMAPPED || control / visible > MAX_CONTROL)) return { ...empty, findings: [noTextFinding('garbled'), ...truncated] };
    // an image-only PDF unread is a file not checked: an error that says how to check it
    if (allScanned && !options.ocr) return { ...empty, findings: [{ rule: 'no-text', messageId: 'scanned' }, ...truncated] };

    let findings: ReaderFinding[];
    if (options.ocr && scanned.length) {
      const ocr = await ocrScannedPages(doc, pages, scanned, options, startedAt);
      pages = ocr.pages;
      findings = ocr.findings;
      visible = pages.reduce((s, p) => s + p.visibleChars, 0);
      if (visible < MIN_CHARS) {
        // one finding for the file, with the pages OCR failed on, if any
        const failed = findings.filter((f) => f.messageId === 'page-failed');
        return { ...empty, findings: [{ rule: 'ocr', messageId: 'nothing-read', data: { pages: ocr.scannedPages } }, ...failed, ...truncated] };
      }
    } else {
      findings = scanned
        .map((p): ReaderFinding => ({ rule: 'no-text', messageId: 'scanned-page', location: { page: p.page }, data: { page: p.page } }));
    }
    return { blocks: assemble(pages), pages: doc.numPages, findings: [...findings, ...truncated] };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** pdf.js load errors → the reader failures users can act on. */
function loadFailure(err: unknown): unknown {
  const name = err instanceof Error ? err.name : '';
  const text = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(text)) {
    return new ReadFailure('read-error', 'encrypted');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || /Invalid PDF/i.test(text)) {
    return new ReadFailure('read-error', 'pdf-corrupt', { cause: text });
  }
  return err;
}
