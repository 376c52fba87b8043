// OCR of image-only PDF pages (--ocr): pdf.js renders each page onto @napi-rs/canvas, tesseract.js reads it with the
// Chinese model bundled from npm, offline; the words come back as positioned text items, laid out like a text layer.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { causeText } from '../findings.js';
import { ReadFailure, type ReadProgress } from './contract.js';
import type { PdfTextItem } from './pdf-text.js';
import type { Segment } from './pdf-tables.js';

/** Render resolution. At 200 dpi chi_sim misread digits of the fixtures ("90.07%" → "90.079%"); 300 read them right. */
export const OCR_DPI = 300;
/** A page larger than this many pixels at OCR_DPI (A3 is ~17 million) is rendered coarser, so memory stays bounded. */
const MAX_PIXELS = 36_000_000;

/** The parts of pdf.js' page and document proxies rendering uses. */
export interface RenderablePage {
  getViewport(p: { scale: number }): { width: number; height: number };
  render(p: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { promise: Promise<void> };
  cleanup(): boolean;
}
interface CanvasAndContext {
  canvas: { toBuffer(mime: 'image/png'): Uint8Array };
  context: {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
    fillStyle: unknown;
    fillRect(x: number, y: number, w: number, h: number): void;
  };
}
export interface RenderableDocument {
  getPage(n: number): Promise<RenderablePage>;
  canvasFactory: { create(width: number, height: number): CanvasAndContext; destroy(c: CanvasAndContext): void };
}

/**
 * How the tesseract.js worker is made: the model from the installed @tesseract.js-data/chi_sim (its
 * 4.0.0_best_int folder, the integer "best" LSTM model tesseract.js itself defaults to), read from disk; no cache
 * read or written (tesseract.js otherwise writes chi_sim.traineddata into the working directory). In Node the wasm
 * core is `require`d from the installed tesseract.js-core, so nothing is fetched.
 */
export function ocrWorkerOptions(): { langPath: string; cacheMethod: 'none'; gzip: true } {
  const require = createRequire(import.meta.url);
  const langPath = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0_best_int');
  return { langPath, cacheMethod: 'none', gzip: true };
}

/** One recognised word, in page pixels. */
interface OcrWord { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } }
interface OcrLine { words: OcrWord[]; bbox: { y0: number; y1: number }; baseline: { y0: number; y1: number } }
interface OcrBlocks { blocks: Array<{ paragraphs: Array<{ lines: OcrLine[] }> }> | null }
interface TesseractWorker {
  recognize(image: Uint8Array, options: object, output: { blocks: true; text: false }): Promise<{ data: OcrBlocks }>;
  setParameters(p: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60“”‘’]/u;

/** Words of one line joined as written: no space beside a CJK character, one between Latin words. */
function joinWords(words: OcrWord[], em: number): string {
  let text = '';
  let prev: OcrWord | undefined;
  for (const w of words) {
    const t = w.text.trim();
    if (!t) continue;
    if (prev && !CJK.test(text.slice(-1)) && !CJK.test(t[0]) && w.bbox.x0 - prev.bbox.x1 > 0.2 * em) text += ' ';
    text += t;
    prev = w;
  }
  return text;
}

/** Words further apart than this (in ems) on one line are separate runs, as the runs of neighbouring table cells are. */
const RUN_GAP_EMS = 1;
/** What tesseract makes of a table's vertical rule when it reads one as a word: | and its CJK look-alikes. */
const RULE_GLYPHS = /^[|\u4e28\u2502\uff5c]+$/u;

/** Shortest printed rule (points): longer than any stroke of a character up to ~30 pt, shorter than a table cell. */
const MIN_HORIZONTAL_RULE_PT = 28;
const MIN_VERTICAL_RULE_PT = 14;
/** Thicker than this (points) a dark band is a filled area or a picture, not a rule. */
const MAX_RULE_THICKNESS_PT = 2.5;

/**
 * The printed rules of a rendered page: runs of dark pixels long enough not to be a character's stroke, rows (or
 * columns) of them merged across the rule's thickness, in points, top-down, as pdf-tables reads vector rulings. A
 * scan skewed by more than a rule's thickness over a cell's width breaks its rules into short runs: no table then, and
 * the text reads as paragraphs.
 */
export function rasterRulings(rgba: Uint8ClampedArray, width: number, height: number, scale: number): Segment[] {
  const dark = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < dark.length; i++, p += 4) dark[i] = rgba[p] * 299 + rgba[p + 1] * 587 + rgba[p + 2] * 114 < 128_000 ? 1 : 0;
  const runs = (horizontal: boolean): Segment[] => {
    const [lines, length] = horizontal ? [height, width] : [width, height];
    const at = horizontal ? (line: number, i: number) => dark[line * width + i] : (line: number, i: number) => dark[i * width + line];
    const min = (horizontal ? MIN_HORIZONTAL_RULE_PT : MIN_VERTICAL_RULE_PT) * scale;
    // a rule several pixels thick is one run per pixel line: runs on adjacent lines that overlap are merged
    type Open = { first: number; last: number; from: number; to: number };
    const done: Open[] = [];
    let open: Open[] = [];
    for (let line = 0; line < lines; line++) {
      const next: Open[] = [];
      for (let i = 0; i < length;) {
        if (!at(line, i)) { i++; continue; }
        const start = i;
        while (i < length && at(line, i)) i++;
        if (i - start < min) continue;
        const joined = open.find((o) => o.last === line - 1 && o.from < i && start < o.to);
        if (joined) {
          open.splice(open.indexOf(joined), 1);
          next.push({ ...joined, last: line, from: Math.min(joined.from, start), to: Math.max(joined.to, i) });
        } else next.push({ first: line, last: line, from: start, to: i });
      }
      done.push(...open);
      open = next;
    }
    done.push(...open);
    return done
      .filter((o) => o.last - o.first + 1 <= MAX_RULE_THICKNESS_PT * scale)
      .map((o) => ({ horizontal, pos: (o.first + o.last + 1) / 2 / scale, from: o.from / scale, to: o.to / scale }));
  };
  return [...runs(true), ...runs(false)];
}

/**
 * Tesseract's lines as text items in PDF points, one per run of close words. Line heights vary with what a line
 * holds (digits are shorter than Han characters); a height near the page's usual one is taken as the usual one, so
 * the layout sees one body size and breaks paragraphs by margins and indents, not by OCR noise.
 */
export function ocrItems(result: OcrBlocks, scale: number, rules: Segment[] = []): PdfTextItem[] {
  const verticals = rules.filter((r) => !r.horizontal);
  const lines = (result.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).filter((l) => l.words.some((w) => w.text.trim()));
  const heights = lines.map((l) => l.bbox.y1 - l.bbox.y0).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  const items: PdfTextItem[] = [];
  for (const line of lines) {
    const h = line.bbox.y1 - line.bbox.y0;
    const em = Math.abs(h - usual) <= 0.3 * usual ? usual : h;
    const y = (line.baseline.y0 + line.baseline.y1) / 2 / scale;
    const words = line.words.filter((w) => !RULE_GLYPHS.test(w.text.trim())).sort((a, b) => a.bbox.x0 - b.bbox.x0);
    // a vertical rule between two words of one tesseract line is a cell border: the words belong to different cells
    const ruleBetween = (a: OcrWord, b: OcrWord) => verticals.some((v) => v.from <= y && y - em / scale <= v.to
      && a.bbox.x1 / scale <= v.pos + 0.5 && v.pos - 0.5 <= b.bbox.x0 / scale);
    let run: OcrWord[] = [];
    const flush = () => {
      const str = joinWords(run, em);
      if (str) {
        const x0 = run[0].bbox.x0;
        const x1 = Math.max(...run.map((w) => w.bbox.x1));
        items.push({ str, x: x0 / scale, y, width: (x1 - x0) / scale, size: em / scale });
      }
      run = [];
    };
    for (const w of words) {
      const prev = run[run.length - 1];
      if (prev && (w.bbox.x0 - prev.bbox.x1 > RUN_GAP_EMS * em || ruleBetween(prev, w))) flush();
      run.push(w);
    }
    flush();
  }
  return items;
}

/** pdf.js renders the page; @napi-rs/canvas (pdf.js' canvas in Node) encodes it as PNG for tesseract. */
async function renderPage(doc: RenderableDocument, n: number): Promise<{ png: Uint8Array; scale: number; width: number; rules: Segment[] }> {
  const page = await doc.getPage(n);
  try {
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_PIXELS / Math.max(1, unit.width * unit.height)));
    const viewport = page.getViewport({ scale });
    const target = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
      const image = target.context.getImageData(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
      const rules = rasterRulings(image.data, image.width, image.height, scale);
      // the rules are painted out before OCR: tesseract reads a ruled table's lines as text and loses the cells' words
      target.context.fillStyle = '#ffffff';
      const pad = (MAX_RULE_THICKNESS_PT / 2 + 0.5) * scale;
      for (const r of rules) {
        if (r.horizontal) target.context.fillRect(r.from * scale - pad, r.pos * scale - pad, (r.to - r.from) * scale + 2 * pad, 2 * pad);
        else target.context.fillRect(r.pos * scale - pad, r.from * scale - pad, 2 * pad, (r.to - r.from) * scale + 2 * pad);
      }
      return { png: target.canvas.toBuffer('image/png'), scale, width: unit.width, rules };
    } finally {
      doc.canvasFactory.destroy(target);
    }
  } finally {
    page.cleanup();
  }
}

/** What OCR made of one page: its text items (in points), or why it failed. */
export type OcrPage = { page: number; width: number; items: PdfTextItem[]; rules: Segment[] } | { page: number; error: string };

export interface OcrOptions {
  /** ms since the epoch after which OCR stops (the file's time limit) */
  deadline?: number;
  /** seconds of the file's limit, for the message */
  seconds?: number;
  onProgress?: (p: ReadProgress) => void;
}

/** tesseract.js, loaded at first use; a missing or broken install is the file's finding, not a crash. */
async function startWorker(): Promise<TesseractWorker> {
  try {
    // a CommonJS module: its exports are the default export under Node's ESM loader
    const { createWorker, OEM } = (await import('tesseract.js')).default;
    // errorHandler: without one, tesseract.js rethrows a failed job inside its message handler, which would end the process
    return await createWorker('chi_sim', OEM.LSTM_ONLY, { ...ocrWorkerOptions(), errorHandler: () => undefined }) as unknown as TesseractWorker;
  } catch (err) {
    throw new ReadFailure('ocr', 'unavailable', { cause: causeText(err) });
  }
}

function timeLeft(deadline: number | undefined): number {
  return deadline === undefined ? Infinity : deadline - Date.now();
}

/**
 * Recognises the given pages, one after another, with one tesseract worker (a worker thread of its own) that is
 * always terminated, so the process can exit and a batch never runs more OCR workers than files at once. Stops
 * with a timeout when the deadline passes, mid-page included.
 */
export async function recognisePages(doc: RenderableDocument, pages: number[], options: OcrOptions = {}): Promise<OcrPage[]> {
  const timedOut = () => new ReadFailure('timeout', 'ocr', { seconds: options.seconds ?? 0 });
  options.onProgress?.({ stage: 'ocr', done: 0, total: pages.length });
  const worker = await startWorker();
  let timer: NodeJS.Timeout | undefined;
  try {
    const out: OcrPage[] = [];
    for (const n of pages) {
      const left = timeLeft(options.deadline);
      if (left <= 0) throw timedOut();
      try {
        const { png, scale, width, rules } = await renderPage(doc, n);
        const recognised = worker.recognize(png, {}, { blocks: true, text: false });
        const race = left === Infinity ? recognised : Promise.race([
          recognised,
          new Promise<never>((_, reject) => { timer = setTimeout(() => reject(timedOut()), timeLeft(options.deadline)); }),
        ]);
        const { data } = await race;
        clearTimeout(timer);
        out.push({ page: n, width, items: ocrItems(data, scale, rules), rules });
      } catch (err) {
        clearTimeout(timer);
        if (err instanceof ReadFailure) throw err;
        out.push({ page: n, error: causeText(err) });
      }
      options.onProgress?.({ stage: 'ocr', done: out.length, total: pages.length });
    }
    return out;
  } finally {
    clearTimeout(timer);
    await worker.terminate().catch(() => undefined);
  }
}
