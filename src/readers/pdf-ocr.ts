// OCR of image-only PDF pages (--ocr): pdf.js renders each page onto @napi-rs/canvas, tesseract.js reads it with the
// Chinese model bundled from npm, offline; the words come back as positioned text items, laid out like a text layer.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { causeText } from '../findings.js';
import { ReadFailure, type ReadProgress } from './contract.js';
import type { PdfTextItem } from './pdf-text.js';

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
interface CanvasAndContext { canvas: { toBuffer(mime: 'image/png'): Uint8Array }; context: unknown }
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

/**
 * Tesseract's lines as text items in PDF points, one per run of close words. Line heights vary with what a line
 * holds (digits are shorter than Han characters); a height near the page's usual one is taken as the usual one, so
 * the layout sees one body size and breaks paragraphs by margins and indents, not by OCR noise.
 */
export function ocrItems(result: OcrBlocks, scale: number): PdfTextItem[] {
  const lines = (result.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).filter((l) => l.words.some((w) => w.text.trim()));
  const heights = lines.map((l) => l.bbox.y1 - l.bbox.y0).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  const items: PdfTextItem[] = [];
  for (const line of lines) {
    const h = line.bbox.y1 - line.bbox.y0;
    const em = Math.abs(h - usual) <= 0.3 * usual ? usual : h;
    const y = (line.baseline.y0 + line.baseline.y1) / 2 / scale;
    const words = [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0);
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
      if (run.length && w.bbox.x0 - run[run.length - 1].bbox.x1 > RUN_GAP_EMS * em) flush();
      run.push(w);
    }
    flush();
  }
  return items;
}

/** pdf.js renders the page; @napi-rs/canvas (pdf.js' canvas in Node) encodes it as PNG for tesseract. */
async function renderPage(doc: RenderableDocument, n: number): Promise<{ png: Uint8Array; scale: number; width: number }> {
  const page = await doc.getPage(n);
  try {
    const unit = page.getViewport({ scale: 1 });
    const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_PIXELS / Math.max(1, unit.width * unit.height)));
    const viewport = page.getViewport({ scale });
    const target = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
      return { png: target.canvas.toBuffer('image/png'), scale, width: unit.width };
    } finally {
      doc.canvasFactory.destroy(target);
    }
  } finally {
    page.cleanup();
  }
}

/** What OCR made of one page: its text items (in points), or why it failed. */
export type OcrPage = { page: number; width: number; items: PdfTextItem[] } | { page: number; error: string };

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
        const { png, scale, width } = await renderPage(doc, n);
        const recognised = worker.recognize(png, {}, { blocks: true, text: false });
        const race = left === Infinity ? recognised : Promise.race([
          recognised,
          new Promise<never>((_, reject) => { timer = setTimeout(() => reject(timedOut()), timeLeft(options.deadline)); }),
        ]);
        const { data } = await race;
        clearTimeout(timer);
        out.push({ page: n, width, items: ocrItems(data, scale) });
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
