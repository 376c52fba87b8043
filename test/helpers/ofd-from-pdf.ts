// OFD copies of a PDF built at test time, laid out the ways real writers lay out text: one TextObject per run of glyphs
// with DeltaX (the common converters), one per glyph with a points-to-millimetres CTM (Suwell), one per line with
// DeltaX across its gaps, one per run under a CTM with no DeltaX (advances left to the reader); ruled tables as
// PathObjects, one per rule; and per run with its headings bold faked by drawing them twice 0.2 mm apart (WPS).
// Positions come from the PDF's own text items and ruling lines (pdf.js).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { rulingSegments, type PdfOps } from '../../src/readers/pdf-tables.js';

export type OfdStyle = 'run' | 'glyph' | 'line' | 'ctm-run-no-deltax' | 'run-fake-bold';
export const OFD_STYLES: OfdStyle[] = ['run', 'glyph', 'line', 'ctm-run-no-deltax', 'run-fake-bold'];

const MM_PER_PT = 25.4 / 72;
/** The CTM Suwell writes: object space in points, the page in millimetres. */
const PT_TO_MM = MM_PER_PT.toFixed(4);
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const mm = (pt: number) => (pt * MM_PER_PT).toFixed(3);
const wide = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d]/u.test(ch);

interface Glyph { ch: string; x: number; advance: number }
interface Run { glyphs: Glyph[]; x: number; baseline: number; size: number; width: number }

/** A text item's glyphs at their x positions (points): its width shared as CJK 1 em, others ½ em. */
function glyphsOf(str: string, x: number, width: number): Glyph[] {
  const chars = [...str];
  const units = chars.map((c) => (wide(c) ? 1 : 0.5));
  const total = units.reduce((a, b) => a + b, 0) || 1;
  let at = x;
  return chars.map((ch, i) => { const g = { ch, x: at, advance: (units[i] * width) / total }; at += g.advance; return g; });
}

interface PdfjsModule {
  getDocument(o: { data: Uint8Array; disableFontFace?: boolean; useSystemFonts?: boolean; cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string }): { promise: Promise<PdfjsDoc> };
  OPS: PdfOps;
}
interface PdfjsDoc { numPages: number; getPage(n: number): Promise<PdfjsPage>; destroy(): Promise<void> }
interface PdfjsPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

async function pdfjs(): Promise<{ lib: PdfjsModule; root: string }> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const lib = await import(pathToFileURL(join(root, 'legacy', 'build', 'pdf.mjs')).href) as PdfjsModule;
  return { lib, root };
}

function textObjects(runs: Run[], style: OfdStyle, nextId: () => number): string[] {
  const out: string[] = [];
  for (const run of runs) {
    const top = run.baseline - run.size;
    const height = run.size * 1.3;
    if (style === 'run' || style === 'ctm-run-no-deltax' || style === 'run-fake-bold') {
      const ctm = style === 'ctm-run-no-deltax';
      const dx = ctm ? '' : run.glyphs.slice(0, -1).map((g) => mm(g.advance)).join(' ');
      const size = ctm ? run.size.toFixed(3) : mm(run.size);
      const y = ctm ? run.size.toFixed(3) : mm(run.size);
      const text = run.glyphs.map((g) => g.ch).join('');
      // a heading (一、 （一） or a line in larger type) drawn twice, 0.2 mm apart: bold faked by overprinting
      const bold = style === 'run-fake-bold' && /^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(text) ? [0, 0.2] : [0];
      for (const shift of bold) {
        out.push(`<ofd:TextObject ID="${nextId()}" Boundary="${(Number(mm(run.x)) + shift).toFixed(3)} ${mm(top)} ${mm(run.width + 2)} ${mm(height)}" Font="1" Size="${size}"${ctm ? ` CTM="${PT_TO_MM} 0 0 ${PT_TO_MM} 0 0"` : ''}>`
          + `<ofd:TextCode X="0" Y="${y}"${dx ? ` DeltaX="${dx}"` : ''}>${esc(text)}</ofd:TextCode></ofd:TextObject>`);
      }
    } else if (style === 'glyph') {
      for (const g of run.glyphs) {
        if (!g.ch.trim()) continue;
        out.push(`<ofd:TextObject ID="${nextId()}" Boundary="${mm(g.x)} ${mm(top)} ${mm(g.advance + 1)} ${mm(height)}" Font="1" Size="${run.size.toFixed(3)}" CTM="${PT_TO_MM} 0 0 ${PT_TO_MM} 0 0">`
          + `<ofd:TextCode X="0" Y="${run.size.toFixed(3)}">${esc(g.ch)}</ofd:TextCode></ofd:TextObject>`);
      }
    }
  }
  return out;
}

/** Runs sharing a baseline, left to right: the lines a per-line writer draws as one TextObject each. */
function lineObjects(runs: Run[], nextId: () => number): string[] {
  const lines: Run[][] = [];
  for (const run of [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0].baseline - run.baseline) < 0.5 && Math.abs(l[0].size - run.size) < 0.5);
    if (line) line.push(run); else lines.push([run]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.x - b.x);
    const glyphs = line.flatMap((r) => r.glyphs);
    const dx = glyphs.slice(0, -1).map((g, i) => mm(glyphs[i + 1].x - g.x)).join(' ');
    const first = line[0];
    const last = glyphs[glyphs.length - 1];
    const width = last.x + last.advance - first.x;
    return `<ofd:TextObject ID="${nextId()}" Boundary="${mm(first.x)} ${mm(first.baseline - first.size)} ${mm(width + 2)} ${mm(first.size * 1.3)}" Font="1" Size="${mm(first.size)}">`
      + `<ofd:TextCode X="0" Y="${mm(first.size)}"${dx ? ` DeltaX="${dx}"` : ''}>${esc(glyphs.map((g) => g.ch).join(''))}</ofd:TextCode></ofd:TextObject>`;
  });
}

/** An OFD of the PDF's pages in one writer's style. */
export async function ofdFromPdf(pdf: Uint8Array, style: OfdStyle): Promise<Uint8Array> {
  const { lib, root } = await pdfjs();
  const doc = await lib.getDocument({
    data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false,
    cMapUrl: pathToFileURL(join(root, 'cmaps')).href + '/', cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(root, 'standard_fonts')).href + '/',
  }).promise;
  const pages: Array<{ content: string; width: number; height: number }> = [];
  let id = 1;
  const nextId = () => id++;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const vt = viewport.transform;
      const runs: Run[] = [];
      for (const item of (await page.getTextContent()).items) {
        if (!item.str || !item.transform || !item.str.trim()) continue;
        const [, , , d, e, f] = item.transform;
        const x = vt[0] * e + vt[2] * f + vt[4];
        const baseline = vt[1] * e + vt[3] * f + vt[5];
        const size = item.height || Math.abs(d);
        runs.push({ glyphs: glyphsOf(item.str, x, item.width ?? 0), x, baseline, size, width: item.width ?? 0 });
      }
      const objects = style === 'line' ? lineObjects(runs, nextId) : textObjects(runs, style, nextId);
      const segments = rulingSegments(await page.getOperatorList(), vt, lib.OPS);
      for (const s of segments) {
        const [x0, y0, x1, y1] = s.horizontal ? [s.from, s.pos, s.to, s.pos] : [s.pos, s.from, s.pos, s.to];
        objects.push(`<ofd:PathObject ID="${nextId()}" Boundary="0 0 ${mm(viewport.width)} ${mm(viewport.height)}" LineWidth="0.176"><ofd:AbbreviatedData>M ${mm(x0)} ${mm(y0)} L ${mm(x1)} ${mm(y1)}</ofd:AbbreviatedData></ofd:PathObject>`);
      }
      pages.push({ content: objects.join(''), width: viewport.width, height: viewport.height });
    }
  } finally {
    await doc.destroy();
  }
  const box = `0 0 ${mm(pages[0]?.width ?? 595)} ${mm(pages[0]?.height ?? 842)}`;
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${box}</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>`
      + pages.map((_, i) => `<ofd:Page ID="${id + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('') + '</ofd:Pages></ofd:Document>'),
  };
  pages.forEach((p, i) => {
    files[`Doc_0/Pages/Page_${i}/Content.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 ${mm(p.width)} ${mm(p.height)}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="${id + pages.length + i}">${p.content}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  return zipSync(files);
}
