// pdf review copy: a highlight annotation on each finding's number with the finding as its content, and a summary page at the end.
import { PDFDocument, PDFDict, PDFHexString, PDFName, PDFRef, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import type { Block } from '../document.js';
import { modelLocation, type Finding, type Location } from '../findings.js';
import { actualOf, expectedOf, type Lang } from '../report/common.js';
import { COLOURS, findNumber, foldText, hintOf, noteLines, unplacedLine } from './place.js';
import { pageGlyphs, type PageGlyphs } from './pdf-glyphs.js';
import { PDF_MARK_KEY } from './marker.js';

/** The annotation author on findings in the text, and on the summary page's notes (tests tell them apart by it). */
export const AUTHOR = 'jixiao';
export const SUMMARY_AUTHOR = 'jixiao-summary';

type Box = [number, number, number, number];

/** A finding's place: a page and the characters [start, end) of that page's text. */
interface Spot { page: number; start: number; end: number }

/** Index in the original page text of the folded text's position `at` (the end of the text when past it). */
const unfold = (index: number[], at: number, text: string): number => (at < index.length ? index[at] : text.length);

/** Where a paragraph starts on its page: its first folded characters, shortened until found. */
function paragraphStart(glyphs: PageGlyphs, text: string): { at: number; length: number } | undefined {
  const { folded, index } = foldText(glyphs.text);
  const want = foldText(text).folded;
  for (const n of [24, 12, 6]) {
    const prefix = want.slice(0, n);
    if (prefix.length < Math.min(n, want.length) || !prefix) continue;
    const at = folded.indexOf(prefix);
    if (at >= 0) return { at: unfold(index, at, glyphs.text), length: unfold(index, at + prefix.length - 1, glyphs.text) + 1 - unfold(index, at, glyphs.text) };
  }
  return undefined;
}

/** The number in the page text from `from` on, no further than `span` characters. */
function numberAfter(glyphs: PageGlyphs, from: number, span: number, actual: string | undefined, hint: string | undefined): [number, number] | undefined {
  const window = glyphs.text.slice(from, from + span);
  const at = findNumber(window, actual, hint);
  return at ? [from + at[0], from + at[1]] : undefined;
}

function spotFor(f: Finding, blocks: Block[], pages: Map<number, PageGlyphs>): Spot | undefined {
  // the document model's indices; the finding says rows and columns as displayed
  const loc: Location = modelLocation(f.location);
  const block = loc.block !== undefined ? blocks[loc.block] : undefined;
  const pageNo = loc.page ?? block?.page;
  if (!block || pageNo === undefined) return undefined;
  const glyphs = pages.get(pageNo);
  if (!glyphs) return undefined;
  if (block.type === 'paragraph') {
    const start = paragraphStart(glyphs, block.text);
    // slack for the spaces and line breaks pdf.js keeps that the paragraph's text has lost
    const span = block.text.length * 2 + 40;
    if (start) {
      const hit = numberAfter(glyphs, start.at, span, f.actual, hintOf(f));
      if (hit) return { page: pageNo, start: hit[0], end: hit[1] };
    }
    // a paragraph that runs on to the next page
    const next = pages.get(pageNo + 1);
    const hit = next && numberAfter(next, 0, span, f.actual, hintOf(f));
    if (hit) return { page: pageNo + 1, start: hit[0], end: hit[1] };
    return start ? { page: pageNo, start: start.at, end: start.at + start.length } : undefined;
  }
  if (loc.row === undefined) return undefined;
  const row = block.rows[loc.row] ?? [];
  const cell = loc.col !== undefined ? row[loc.col] : undefined;
  const label = row.find((c) => c.text.trim() && c.value === undefined && c !== cell)?.text;
  const at = label ? paragraphStart(glyphs, label) : undefined;
  // the stated number, else the cell's own text (a total the rule computed is written nowhere), else the row's label
  const numbers = [f.actual, cell?.value !== undefined ? cell.text : undefined];
  for (const wanted of numbers) {
    const hit = (at && numberAfter(glyphs, at.at, 400, wanted, undefined)) || uniqueNumber(glyphs, wanted);
    if (hit) return { page: pageNo, start: hit[0], end: hit[1] };
  }
  const text = cell?.text.trim() ? paragraphStart(glyphs, cell.text) : undefined;
  const found = text ?? at;
  return found ? { page: pageNo, start: found.at, end: found.at + found.length } : undefined;
}

/** The number's place on the page when it occurs there exactly once. */
function uniqueNumber(glyphs: PageGlyphs, wanted: string | undefined): [number, number] | undefined {
  const first = findNumber(glyphs.text, wanted);
  if (!first) return undefined;
  return findNumber(glyphs.text.slice(first[1]), wanted) ? undefined : first;
}

/** One rectangle per line the characters cover. */
function quads(boxes: Box[]): Box[] {
  const out: Box[] = [];
  for (const b of boxes) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[1] - b[1]) < 1 && b[0] >= last[0] - 1) { last[2] = Math.max(last[2], b[2]); last[3] = Math.max(last[3], b[3]); }
    else out.push([...b] as Box);
  }
  return out;
}

const text = (s: string) => PDFHexString.fromText(s);
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

function addAnnotation(pdf: PDFDocument, page: PDFPage, dict: Record<string, unknown>): void {
  const ref: PDFRef = pdf.context.register(pdf.context.obj(dict as never));
  page.node.addAnnot(ref);
}

/** A highlight over the boxes, with an appearance stream so every viewer draws it alike (multiplied over the text). */
function highlight(pdf: PDFDocument, page: PDFPage, boxes: Box[], f: Finding, lines: string[], serial: number): void {
  const rects = quads(boxes);
  const rect: Box = [Math.min(...rects.map((r) => r[0])), Math.min(...rects.map((r) => r[1])), Math.max(...rects.map((r) => r[2])), Math.max(...rects.map((r) => r[3]))];
  const [r, g, b] = COLOURS[f.severity].rgb;
  const fills = rects.map((q) => `${q[0].toFixed(2)} ${q[1].toFixed(2)} ${(q[2] - q[0]).toFixed(2)} ${(q[3] - q[1]).toFixed(2)} re`).join(' ');
  const appearance = pdf.context.register(pdf.context.stream(`/GS0 gs ${r} ${g} ${b} rg ${fills} f`, {
    Type: 'XObject', Subtype: 'Form', BBox: rect,
    Resources: { ExtGState: { GS0: { Type: 'ExtGState', BM: 'Multiply' } } },
  }));
  addAnnotation(pdf, page, {
    Type: 'Annot', Subtype: 'Highlight', Rect: rect, F: 4, C: [r, g, b],
    QuadPoints: rects.flatMap((q) => [q[0], q[3], q[2], q[3], q[0], q[1], q[2], q[1]]),
    Contents: text(lines.join('\n')), T: text(AUTHOR), NM: text(`jixiao-${serial}`), M: text(pdfDate(new Date())),
    AP: { N: appearance },
  });
}

/** A note icon at (x, y) carrying the finding: for findings with no place in the text, and on the summary page. */
function note(pdf: PDFDocument, page: PDFPage, x: number, y: number, f: Finding, lines: string[], author: string, serial: number): void {
  addAnnotation(pdf, page, {
    Type: 'Annot', Subtype: 'Text', Rect: [x, y, x + 18, y + 18], F: 4, Name: 'Comment', Open: false,
    C: COLOURS[f.severity].rgb, Contents: text(lines.join('\n')), T: text(author), NM: text(`jixiao-${serial}`),
    M: text(pdfDate(new Date())),
  });
}

/** The location as Latin text the summary page's standard font can show (sheet and member names are left to the note). */
function plainLocation(l: Location): string {
  const parts: string[] = [];
  if (l.page !== undefined) parts.push(`p. ${l.page}`);
  if (l.paragraph !== undefined) parts.push(`paragraph ${l.paragraph}`);
  if (l.cell) parts.push(`cell ${l.cell}`);
  else if (l.row !== undefined) parts.push(`table row ${l.row}${l.col !== undefined ? ` col ${l.col}` : ''}`);
  return parts.join(', ') || 'whole document';
}

/** Expected and actual as far as a standard font shows them (digits, %, signs; units such as 万元 are left out). */
function figures(f: Finding): string {
  const latin = (s: string | undefined) => (s ?? '').replace(/[^\x20-\x7e]/g, '').trim();
  const expected = latin(expectedOf(f, 'en'));
  const actual = latin(actualOf(f));
  if (!/\d/.test(expected + actual)) return '';
  return `: ${expected ? `expected ${expected}` : ''}${expected && actual ? ', ' : ''}${actual ? `stated ${actual}` : ''}`;
}

/**
 * Summary pages at the end: one line per finding (severity, rule, where) and beside it a note with the full finding.
 * The page text is in a standard PDF font, which has no Chinese; the notes carry the Chinese and every viewer shows them.
 */
function summaryPages(pdf: PDFDocument, findings: Finding[], lang: Lang, font: Awaited<ReturnType<PDFDocument['embedFont']>>, serial: number): void {
  const perPage = 36;
  for (let i = 0; i < findings.length || i === 0; i += perPage) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText(`jixiao review: ${findings.length} finding${findings.length === 1 ? '' : 's'} (open each note for the text)`,
      { x: 50, y: 790, size: 13, font });
    findings.slice(i, i + perPage).forEach((f, k) => {
      const y = 760 - k * 20;
      const [r, g, b] = COLOURS[f.severity].rgb;
      page.drawRectangle({ x: 50, y: y - 3, width: 44, height: 13, color: rgb(r, g, b) });
      page.drawText(f.severity, { x: 53, y, size: 9, font });
      const line = `${i + k + 1}. ${f.rule} - ${plainLocation(f.location)}${figures(f)}`;
      page.drawText(line, { x: 100, y, size: 10, font });
      note(pdf, page, 520, y - 4, f, noteLines(f, lang), SUMMARY_AUTHOR, serial++);
      // the line links to the finding's page
      const target = f.location.page !== undefined ? pdf.getPages()[f.location.page - 1] : undefined;
      if (target) {
        addAnnotation(pdf, page, {
          Type: 'Annot', Subtype: 'Link', Rect: [100, y - 3, 100 + font.widthOfTextAtSize(line, 10), y + 10], Border: [0, 0, 0],
          Dest: [target.ref, 'XYZ', null, null, null],
        });
      }
    });
  }
}

/**
 * The PDF `buf` with a highlight per finding (a note on page 1 for those with no place in the text) and summary pages;
 * `reviewOf`, the source's path, goes into the document information as the copy's mark (./marker.ts).
 */
export async function annotatePdf(buf: Uint8Array, blocks: Block[], findings: Finding[], lang: Lang, reviewOf?: string): Promise<Uint8Array> {
  const wanted = new Set<number>();
  for (const f of findings) {
    const p = f.location.page ?? (f.location.block !== undefined ? blocks[f.location.block]?.page : undefined);
    if (p !== undefined) { wanted.add(p); wanted.add(p + 1); }
  }
  const glyphs = await pageGlyphs(buf, [...wanted]);
  const pdf = await PDFDocument.load(buf, { updateMetadata: false });
  const pages = pdf.getPages();
  let serial = 0;
  let unplaced = 0;
  for (const f of findings) {
    const spot = spotFor(f, blocks, glyphs);
    const page = spot ? pages[spot.page - 1] : undefined;
    const boxes = spot && page ? glyphs.get(spot.page)!.boxes.slice(spot.start, spot.end) : [];
    if (page && boxes.length) { highlight(pdf, page, boxes, f, noteLines(f, lang), serial++); continue; }
    // no place in the text: a note in the first page's top margin, one beside the other
    const first = pages[0];
    const { width, height } = first.getSize();
    note(pdf, first, Math.min(width - 24, 20 + 22 * unplaced++), height - 26, f, [...noteLines(f, lang), unplacedLine(lang)], AUTHOR, serial++);
  }
  summaryPages(pdf, findings, lang, await pdf.embedFont(StandardFonts.Helvetica), serial);
  if (reviewOf !== undefined) (pdf as unknown as { getInfoDict(): PDFDict }).getInfoDict().set(PDFName.of(PDF_MARK_KEY), PDFHexString.fromText(reviewOf));
  // without object streams: the mark stays readable as plain text
  return pdf.save({ useObjectStreams: false });
}
