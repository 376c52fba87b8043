// Turns mammoth's HTML into document blocks: paragraphs with heading levels, tables expanded to full grids,
// and the positions of embedded objects marked in the body.
import type { Cell, ParagraphBlock, TableBlock } from '../document.js';
import { MARKER_PATTERN } from './docx-package.js';
import { joinLines, outlineLevel, plainNumber } from './docx-text.js';

/** Where an embedded object stood in the body. */
export interface ObjectMark {
  type: 'object';
  index: number;
}

export type HtmlItem = ParagraphBlock | TableBlock | ObjectMark;

// Word tables have at most 63 columns; a larger span is hostile or broken and must not blow up the grid.
const MAX_COLSPAN = 64;

interface RawCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

interface TableContext {
  rows: RawCell[][];
  cell: { chunks: string[]; colSpan: number; rowSpan: number } | null;
  /** tables nested in this one, emitted right after it */
  nested: HtmlItem[];
  /** objects marked inside cells, emitted after the table */
  marks: ObjectMark[];
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return HTML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = attrs.match(new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i'));
  return m ? decodeHtml(m[1]) : undefined;
}

function span(value: string | undefined, max: number): number {
  const n = value === undefined ? 1 : parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Expands row and column spans so every grid position holds a cell; covered positions repeat the merged text. */
export function expandGrid(rows: RawCell[][]): Cell[][] {
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row) {
      while (grid[r][c]) c++;
      const rowSpan = Math.min(raw.rowSpan, rows.length - r);
      const value = plainNumber(raw.text);
      for (let i = 0; i < rowSpan; i++) {
        for (let j = 0; j < raw.colSpan; j++) {
          const cell: Cell = { text: raw.text, row: r + i, col: c + j };
          if (value !== undefined) cell.value = value;
          if (i === 0 && j === 0) {
            if (rowSpan > 1) cell.rowSpan = rowSpan;
            if (raw.colSpan > 1) cell.colSpan = raw.colSpan;
          } else {
            cell.covered = true;
          }
          grid[r + i][c + j] = cell;
        }
      }
      c += raw.colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  grid.forEach((row, r) => {
    for (let c = 0; c < width; c++) if (!row[c]) row[c] = { text: '', row: r, col: c };
  });
  return grid;
}

/** Splits text on object markers, calling back for each piece of text and each marker in order. */
function splitMarkers(text: string, onText: (s: string) => void, onMark: (index: number) => void): void {
  let last = 0;
  for (const m of text.matchAll(MARKER_PATTERN)) {
    onText(text.slice(last, m.index));
    onMark(Number(m[1]));
    last = m.index + m[0].length;
  }
  onText(text.slice(last));
}

// Footnote and endnote reference numbers and their back-links are navigation, not text: "88.28%[1]" must stay 88.28%.
const NOTE_LINK = /^#(?:footnote|endnote|comment)-/;

export function htmlToItems(html: string): HtmlItem[] {
  const items: HtmlItem[] = [];
  const tables: TableContext[] = [];
  let paragraph: { chunks: string[]; heading?: number } | null = null;
  let skipDepth = 0;

  const flushParagraph = (): void => {
    if (!paragraph) return;
    const text = joinLines(paragraph.chunks.join(''));
    if (text) {
      const block: ParagraphBlock = { type: 'paragraph', text };
      const heading = paragraph.heading ?? outlineLevel(text);
      if (heading !== undefined) block.heading = heading;
      items.push(block);
    }
    paragraph = null;
  };
  const startParagraph = (heading?: number): void => {
    flushParagraph();
    paragraph = heading === undefined ? { chunks: [] } : { chunks: [], heading };
  };
  const emit = (item: HtmlItem): void => {
    const parent = tables[tables.length - 1];
    if (parent) parent.nested.push(item);
    else items.push(item);
  };
  const addText = (text: string): void => {
    const table = tables[tables.length - 1];
    if (table) {
      // Text between cells (never produced by mammoth) has no place in the grid; keep it in the next cell.
      splitMarkers(text, (s) => table.cell?.chunks.push(s), (index) => table.marks.push({ type: 'object', index }));
      return;
    }
    splitMarkers(text, (s) => {
      if (!s) return;
      if (!paragraph) paragraph = { chunks: [] };
      paragraph.chunks.push(s);
    }, (index) => {
      flushParagraph();
      items.push({ type: 'object', index });
    });
  };
  const lineBreak = (): void => {
    const table = tables[tables.length - 1];
    if (table) table.cell?.chunks.push('\n');
    else paragraph?.chunks.push('\n');
  };

  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      if (skipDepth === 0) addText(decodeHtml(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3];
    if (tag === 'a') {
      if (closing) { if (skipDepth > 0) skipDepth--; }
      else if (skipDepth > 0 || NOTE_LINK.test(attr(attrs, 'href') ?? '')) skipDepth++;
      continue;
    }
    const table = tables[tables.length - 1];
    switch (tag) {
      case 'p': case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'li':
        if (table) lineBreak();
        else if (closing) flushParagraph();
        else startParagraph(tag[0] === 'h' ? Number(tag[1]) : undefined);
        break;
      case 'ul': case 'ol': case 'blockquote': case 'div':
        if (table) lineBreak();
        else flushParagraph();
        break;
      case 'br':
        lineBreak();
        break;
      case 'table':
        if (!closing) {
          if (!table) flushParagraph();
          else lineBreak();
          tables.push({ rows: [], cell: null, nested: [], marks: [] });
        } else if (table) {
          tables.pop();
          const rows = table.rows.filter((row) => row.length > 0);
          const hasText = rows.some((row) => row.some((cell) => cell.text));
          if (hasText) emit({ type: 'table', rows: expandGrid(rows) });
          for (const item of table.nested) emit(item);
          for (const mark of table.marks) emit(mark);
        }
        break;
      case 'tr':
        if (table && !closing) table.rows.push([]);
        break;
      case 'td': case 'th':
        if (!table) break;
        if (!closing) {
          if (table.rows.length === 0) table.rows.push([]);
          table.cell = { chunks: [], colSpan: span(attr(attrs, 'colspan'), MAX_COLSPAN), rowSpan: span(attr(attrs, 'rowspan'), Number.MAX_SAFE_INTEGER) };
        } else if (table.cell) {
          const { chunks, colSpan, rowSpan } = table.cell;
          table.rows[table.rows.length - 1].push({ text: joinLines(chunks.join('')), colSpan, rowSpan });
          table.cell = null;
        }
        break;
      default:
        break;
    }
  }
  flushParagraph();
  return items;
}
