// One file from path to findings: read → extract → check. Returns data; never prints.
import type { Format } from './document.js';
import { reportedLocation, type Finding, type Location } from './findings.js';
import type { Report } from './model/schema.js';
import type { Config } from './config.js';
import { readDocument } from './readers/index.js';
import type { ReadOptions } from './readers/contract.js';
import { extractReport } from './model/extract.js';
import { runChecks, restingOnOcr } from './checks/index.js';
import { diagnosticSeverity, settleDiagnostics } from './severity.js';
import type { SourceDocument } from './document.js';
import { countCoverage, type Coverage } from './coverage.js';
import { keyFiguresOf, placementOf, type KeyFigures } from './model/key-figures.js';
import { crossFileOn } from './checks/batch-stage.js';

export interface FileResult {
  path: string;
  format: Format;
  /** ok: read and checked; failed: could not be read (its findings say why). */
  status: 'ok' | 'failed';
  pages?: number;
  report?: Report;
  findings: Finding[];
  /** Findings by severity when `findings` was filtered for display (--quiet); absent, they are counted from `findings`. */
  counts?: { errors: number; warnings: number; infos: number };
  /** What was checked: the relations by kind, and how many numbers took part in none (read and checked files only). */
  coverage?: Coverage;
  /**
   * The file's key figures for the checks across files (src/model/key-figures.ts), when they run: what crosses from a
   * worker in place of the records. Outputs do not write it.
   */
  keys?: KeyFigures;
}

/** The document's tables numbered: a location in a table block gets its `table` (model indices left as they are). */
function tableNumbering(document?: SourceDocument): (l: Location) => Location {
  const ordinal = new Map<number, number>();
  document?.blocks.forEach((b, i) => { if (b.type === 'table') ordinal.set(i, ordinal.size + 1); });
  return (l) => {
    const { block, row, cell, origin } = l;
    const table = block === undefined || row === undefined || (cell !== undefined && origin === undefined) ? undefined : ordinal.get(block);
    return table === undefined ? l : { ...l, table };
  };
}

/**
 * Findings as they leave the pipeline: located as displayed. Rows and columns 1-based (the checks work in the document
 * model's 0-based indices); table locations say which table (第2个表格第5行第6列), by its number among the document's
 * table blocks, counted here where the document is at hand: workbook cells already say their sheet and address, a
 * workbook embedded in a document is numbered like its other tables. The other place a finding names (data.other) is
 * located the same way. The one place a finding's location changes.
 */
function asReported(findings: Finding[], document?: SourceDocument): Finding[] {
  const numbered = tableNumbering(document);
  const located = (l: Location): Location => reportedLocation(numbered(l));
  return findings.map((f) => {
    const other = f.data?.other as { location?: Location } | undefined;
    const out: Finding = { ...f, location: located(f.location) };
    if (other?.location) out.data = { ...f.data, other: { ...other, location: located(other.location) } };
    return out;
  });
}

/** Findings in reading order (page, block, row, column), as a reader meets them; findings about the whole file first. */
function byPosition(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [f.location.page ?? -1, f.location.block ?? -1, f.location.row ?? -1, f.location.col ?? -1];
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return a.i - b.i;
    })
    .map((x) => x.f);
}

/**
 * Findings that rest on text read by OCR say so and are warnings at most: one located in an OCR'd block or on an
 * OCR'd page, or, when the document holds OCR'd text, one located nowhere in particular (a whole-file sum may add
 * numbers from any page) unless it is only a note.
 */
function markOcr(findings: Finding[], document: SourceDocument): Finding[] {
  const blocks = new Set<number>();
  const pages = new Set<number>();
  document.blocks.forEach((b, i) => { if (b.ocr) { blocks.add(i); if (b.page !== undefined) pages.add(b.page); } });
  if (!blocks.size) return findings;
  return findings.map((f) => {
    if (f.rule === 'ocr') return f; // OCR's own findings say so already
    const { block, page } = f.location;
    const onOcr = block !== undefined ? blocks.has(block) : page !== undefined ? pages.has(page) : f.severity !== 'info';
    return onOcr ? restingOnOcr(f) : f;
  });
}

/**
 * The records the workbook lists (indicators, score items) say which table they are in, as findings do: a workbook
 * embedded in a document is its Nth table, not a package path.
 */
function withTableNumbers(report: Report, document: SourceDocument): Report {
  const numbered = tableNumbering(document);
  return {
    ...report,
    indicators: report.indicators.map((i) => ({ ...i, location: numbered(i.location) })),
    scoreItems: report.scoreItems.map((i) => ({ ...i, location: numbered(i.location) })),
  };
}

/** Reader findings of these rules at error level mean the file was not read (or, for a scan, not recognised). */
const UNREAD = new Set(['read-error', 'legacy-format', 'timeout', 'no-text', 'ocr']);

/** `keepReport`: include the extracted records in the result; only outputs that show them (the workbook) need them. */
export async function checkFile(path: string, config: Config, keepReport = true, read: ReadOptions = {}): Promise<FileResult> {
  const { document, findings: diagnostics } = await readDocument(path, read);
  // whether the file was read is the reader's own judgement, before the configuration lowers or silences a rule
  const failed = diagnostics.some((d) => diagnosticSeverity(d) === 'error' && UNREAD.has(d.rule));
  const readFindings = settleDiagnostics(diagnostics, config);
  if (failed) return { path, format: document.format, status: 'failed', findings: asReported(readFindings) };
  const report = extractReport(document);
  const checked = markOcr(runChecks(report, config), document);
  const findings = byPosition(asReported([...readFindings, ...checked], document));
  const result: FileResult = { path, format: document.format, status: 'ok', findings, coverage: countCoverage(report) };
  if (crossFileOn(config)) {
    result.keys = keyFiguresOf(report, findings);
    result.coverage!.crossFile = placementOf(result.keys);
  }
  if (keepReport) result.report = withTableNumbers(report, document);
  if (document.pages !== undefined) result.pages = document.pages;
  return result;
}
