// Numbers OCR may have misread: a token of a scanned page, where a number is expected, that mixes digits with
// look-alike letters or a stray space (86.42g, 1O0, 9 5%). Recorded so the file gets a warning naming it, never a
// silent pass over a key figure the scan garbled.
import type { SourceDocument } from '../document.js';
import type { Location } from '../findings.js';
import type { Report } from './schema.js';
import { makeGrid, locationOf, cellNumber, clean } from './tables/grid.js';
import { suspectCellNumber, suspectNumbers } from '../lexicon/index.js';

type Suspect = NonNullable<Report['meta']['ocrSuspects']>[number];

/** Every suspect token of the document's OCR'd paragraphs and table cells. */
export function ocrSuspects(doc: SourceDocument): Suspect[] {
  const out: Suspect[] = [];
  let ordinal = 0;
  doc.blocks.forEach((block, index) => {
    if (block.type === 'paragraph') {
      ordinal++;
      if (!block.ocr) return;
      const location: Location = { file: doc.path, block: index, paragraph: ordinal };
      if (block.page !== undefined) location.page = block.page;
      for (const s of suspectNumbers(block.text)) out.push({ token: s.raw, expected: s.expected, location });
      return;
    }
    if (!block.ocr) return;
    const grid = makeGrid(block, doc.path, index);
    const width = grid.width;
    for (let c = 0; c < width; c++) {
      // a column of numbers: a cell in it that OCR garbled is a number misread
      const numbers = block.rows.filter((row) => row[c] && cellNumber(clean(row[c].text))).length;
      if (numbers < 2) continue;
      block.rows.forEach((row, r) => {
        const text = clean(row[c]?.text);
        if (!text || row[c].covered || cellNumber(text)) return;
        const s = suspectCellNumber(text);
        if (s) out.push({ token: s.raw, expected: s.expected, location: locationOf(grid, r, c) });
      });
    }
  });
  return out;
}
