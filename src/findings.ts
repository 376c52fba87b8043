// Findings: what checks and readers report, with a location precise enough to find the number again.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

const place = {
  file: z.string(),
  page: z.number().int().optional().describe('1-based page'),
  block: z.number().int().optional().describe('0-based index of the block in the document model (the blocks `jixiao read` prints)'),
  paragraph: z.number().int().optional().describe('1-based paragraph number among paragraphs'),
  sheet: z.string().optional(),
  cell: z.string().optional().describe('A1 address'),
  table: z.number().int().optional().describe('1-based number of the table among the document\'s tables (docx, pdf, embedded workbooks)'),
  origin: z.string().optional().describe('the package member a block came from (an embedded workbook)'),
};

/** A place in the document model: table rows and columns 0-based, as the grid's indices. */
const modelPlace = {
  ...place,
  row: z.number().int().optional().describe('0-based table row (the document model\'s index)'),
  col: z.number().int().optional().describe('0-based table column (the document model\'s index)'),
};

/**
 * Where a record stands in the document model, as `extract` prints it and checks see it: table rows and columns are
 * 0-based indices into the grid, like the document model's cells (`jixiao read`). `related` (findings across files
 * only): the place in another file the finding was compared with.
 */
export const Location = z.object({
  ...modelPlace,
  related: z.object(modelPlace).optional().describe('the place in another file the finding compares with (cross-file findings)'),
});
export type Location = z.infer<typeof Location>;

/**
 * Where a finding is, as every output shows it: every number 1-based as displayed (第3行第2列 is row 3, col 2), except
 * `block`, which points into the document model. Made from a check's Location where findings leave the pipeline.
 */
const reportedPlace = {
  ...place,
  row: z.number().int().optional().describe('1-based table row, as displayed'),
  col: z.number().int().optional().describe('1-based table column, as displayed'),
};
export const FindingLocation = z.object({
  ...reportedPlace,
  related: z.object(reportedPlace).optional().describe('the place in another file the finding compares with (findings across files): a place of that file\'s own findings'),
});

/**
 * The version of the findings' shape in json and ndjson output (`schemaVersion`). 2: locations 1-based as displayed
 * (row and col were 0-based in 1). `summary` reads only shards of its own version.
 */
export const SCHEMA_VERSION = 2;

/** A finding's location back in the document model's indices (rows and columns 0-based): where a review copy marks it. */
export function modelLocation(l: Location): Location {
  const out = { ...l };
  if (out.row !== undefined) out.row -= 1;
  if (out.col !== undefined) out.col -= 1;
  if (out.related) out.related = modelLocation(out.related);
  return out;
}

/** A check's location in the document model, as a finding reports it: rows and columns 1-based. */
export function reportedLocation(l: Location): Location {
  const out = { ...l };
  if (out.row !== undefined) out.row += 1;
  if (out.col !== undefined) out.col += 1;
  if (out.related) out.related = reportedLocation(out.related);
  return out;
}

/**
 * A finding is data until a formatter renders it: a rule, one of its message ids and the values its template needs.
 * Outputs add the rendered `message` (RenderedFinding); nothing before the formatter holds text of its own.
 */
export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  messageId: z.string(),
  location: FindingLocation,
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
