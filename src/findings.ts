// Findings: what checks and readers report, with a location precise enough to find the number again.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Location = z.object({
  file: z.string(),
  page: z.number().int().optional(),
  block: z.number().int().optional().describe('0-based index of the block in the document model'),
  paragraph: z.number().int().optional().describe('1-based paragraph number among paragraphs'),
  sheet: z.string().optional(),
  cell: z.string().optional().describe('A1 address'),
  row: z.number().int().optional().describe('0-based table row'),
  col: z.number().int().optional().describe('0-based table column'),
  table: z.number().int().optional().describe('1-based number of the table among the document\'s tables (docx, pdf)'),
  origin: z.string().optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * A finding is data until a formatter renders it: a rule, one of its message ids and the values its template needs.
 * Outputs add the rendered `message` (RenderedFinding); nothing before the formatter holds text of its own.
 */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  messageId: z.string(),
  location: Location,
  evidence: z.string().optional().describe('the text as written'),
  expected: z.string().optional(),
  actual: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A finding as outputs write it: with its message rendered in the run's language. */
export type RenderedFinding = Finding & { message: string };

/**
 * What a library's error says, fit for a message to a person: the XML parser's decorations
 * ("[xmldom error]", "element parse error: Error:", "@#[line:undefined,col:undefined]") and line breaks
 * dropped, and cut short, since the parser quotes the rest of the document after the fault.
 */
export function causeText(err: unknown, max = 100): string {
  const raw = err instanceof Error ? err.message : String(err);
  const text = raw
    .replace(/\[xmldom (?:error|warning|fatalError)\]/gi, ' ')
    .replace(/@#\[line:[^\]]*\]/g, ' ')
    .replace(/(?<=^|\s)(?:element parse error|error):\s*/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...(text || raw.trim())];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}
