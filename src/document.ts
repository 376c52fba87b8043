// The document model every reader produces: paragraphs and tables, each carrying its location.
import { z } from 'zod';

export const Format = z.enum(['docx', 'pdf', 'xlsx', 'doc', 'xls', 'ofd', 'unknown']);
export type Format = z.infer<typeof Format>;

export const Cell = z.object({
  text: z.string(),
  row: z.number().int().describe('0-based row index in the grid'),
  col: z.number().int().describe('0-based column index in the grid'),
  value: z.number().optional().describe('numeric value when the cell holds a number (also numbers stored as text)'),
  address: z.string().optional().describe('A1 address (xlsx and embedded workbooks)'),
  covered: z.boolean().optional().describe('true when this position is covered by a merged cell whose text is repeated here'),
  rowSpan: z.number().int().optional(),
  colSpan: z.number().int().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const ParagraphBlock = z.object({
  type: z.literal('paragraph'),
  text: z.string(),
  page: z.number().int().optional(),
  heading: z.number().int().optional().describe('outline level 1..6 when the paragraph is a heading'),
  origin: z.string().optional(),
  ocr: z.boolean().optional().describe('read by OCR from a page image (--ocr): its words and numbers may be misread'),
});
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

export const TableBlock = z.object({
  type: z.literal('table'),
  rows: z.array(z.array(Cell)),
  sheet: z.string().optional(),
  hidden: z.boolean().optional().describe('sheet is hidden in the workbook'),
  page: z.number().int().optional(),
  origin: z.string().optional().describe('embedded member the table came from, e.g. word/embeddings/Microsoft_Excel_Worksheet1.xlsx'),
  ocr: z.boolean().optional().describe('read by OCR from a page image (--ocr): its words and numbers may be misread'),
});
export type TableBlock = z.infer<typeof TableBlock>;

export const Block = z.discriminatedUnion('type', [ParagraphBlock, TableBlock]);
export type Block = z.infer<typeof Block>;

export const SourceDocument = z.object({
  path: z.string(),
  format: Format,
  pages: z.number().int().optional().describe('page count (pdf)'),
  blocks: z.array(Block),
});
export type SourceDocument = z.infer<typeof SourceDocument>;
