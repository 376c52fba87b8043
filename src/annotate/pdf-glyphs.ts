// Where each character of a PDF page's text sits (PDF user space), read with the pdf.js the reader uses, for placing highlights.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One page's text as pdf.js orders it, and a box [x0, y0, x1, y1] for every character of it. */
export interface PageGlyphs {
  text: string;
  boxes: Array<[number, number, number, number]>;
}

interface TextItem { str?: string; transform?: number[]; width?: number; height?: number }
interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<{ numPages: number; getPage(n: number): Promise<{ getTextContent(): Promise<{ items: TextItem[] }>; cleanup(): void }>; destroy(): Promise<void> }> };
}

/** The pdfjs-dist that pdf-parse loads, and its CMaps (CJK text in PDFs without embedded fonts needs them). */
const pdfjsRoot = (() => {
  const pdfParseEntry = createRequire(import.meta.url).resolve('pdf-parse');
  return dirname(createRequire(pdfParseEntry).resolve('pdfjs-dist/package.json'));
})();

/** Full-width characters take a whole em; others (digits, Latin, punctuation) about half. */
const weight = (ch: string): number => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.55);

/** Splits an item's box among its characters by their widths, so a number inside a long run gets its own box. */
function itemBoxes(item: TextItem): Array<[number, number, number, number]> {
  const [a, b, , d, e, f] = item.transform!;
  const size = Math.hypot(a, b) || Math.abs(d) || item.height || 10;
  const chars = [...item.str!];
  const total = chars.reduce((s, c) => s + weight(c), 0) || 1;
  const width = item.width || total * size;
  const boxes: Array<[number, number, number, number]> = [];
  let x = e;
  for (const c of chars) {
    const w = (weight(c) / total) * width;
    const box: [number, number, number, number] = [x, f - size * 0.2, x + w, f + size * 0.88];
    // a character outside the basic plane is two UTF-16 units; each gets the box
    for (let i = 0; i < c.length; i++) boxes.push(box);
    x += w;
  }
  return boxes;
}

/** The glyph boxes of the requested pages (1-based). */
export async function pageGlyphs(buf: Uint8Array, pages: number[]): Promise<Map<number, PageGlyphs>> {
  const pdfjs = await import(pathToFileURL(join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs')).href) as PdfJs;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buf),
    cMapUrl: join(pdfjsRoot, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + sep,
    useWorkerFetch: false,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const out = new Map<number, PageGlyphs>();
  try {
    for (const n of [...new Set(pages)].filter((p) => p >= 1 && p <= doc.numPages)) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      const boxes: PageGlyphs['boxes'] = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || !item.transform || item.str.length === 0) continue;
        text += item.str;
        boxes.push(...itemBoxes(item));
        // items are separate runs: a space keeps their texts apart where whitespace matters, and folding drops it
        text += ' ';
        boxes.push(boxes[boxes.length - 1]);
      }
      out.set(n, { text, boxes });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
