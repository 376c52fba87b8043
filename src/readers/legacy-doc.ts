// Word 97-2003 binaries (.doc, .wps) without LibreOffice: word-extractor's text, tables rebuilt from its cell marks.
import WordExtractor from 'word-extractor';
import type { Block, Cell, ParagraphBlock, TableBlock } from '../document.js';
import { plainNumber } from './docx-text.js';

/**
 * Blocks from the document's main text. word-extractor ends every table cell (and row) with a tab, so a line with a tab
 * is a table row; consecutive rows form one table. Merged cells are not marked in the text: a table read this way can
 * have rows of different lengths, which the caller is warned about.
 */
export function blocksFromText(body: string): Block[] {
  const blocks: Block[] = [];
  let table: TableBlock | undefined;
  for (const raw of body.split('\n')) {
    if (raw.includes('\t')) {
      const texts = raw.split('\t');
      if (texts.at(-1) === '') texts.pop();
      table ??= { type: 'table', rows: [] };
      const row = table.rows.length;
      table.rows.push(texts.map((t, col): Cell => {
        const text = t.trim();
        const cell: Cell = { text, row, col };
        const value = plainNumber(text);
        if (value !== undefined) cell.value = value;
        return cell;
      }));
      continue;
    }
    if (table) { blocks.push(table); table = undefined; }
    const text = raw.trim();
    if (text) blocks.push({ type: 'paragraph', text } satisfies ParagraphBlock);
  }
  if (table) blocks.push(table);
  return blocks;
}

export async function readDocBinary(buf: Uint8Array): Promise<Block[]> {
  const doc = await new WordExtractor().extract(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  return blocksFromText(doc.getBody());
}
