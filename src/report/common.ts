// Helpers every formatter shares: summary counts, quiet filtering, message language, locations, the formatter contract.
import type { FileResult } from '../pipeline.js';
import type { Finding, Location, RenderedFinding } from '../findings.js';
import { actualWords, checks, expectedWords, messageText } from '../checks/index.js';
import { ui } from '../catalog/ui.js';
import { locationWords } from '../catalog/location.js';
import type { Lang } from '../catalog/define.js';
import type { BatchOutcome } from '../checks/batch-stage.js';

export type { Lang } from '../catalog/define.js';

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Rules that ran on each readable file (junit lists one test case per rule); defaults to the check registry. */
  rules?: string[];
  /** --quiet: warnings and infos are counted but not listed; the closing line says so. */
  quiet?: boolean;
  /** json/ndjson: add each file's extracted records (`check --records`), which `summary` reads back from shards */
  records?: boolean;
  /** json: the configuration file the run used (absolute path), null for the defaults */
  config?: string | null;
}

/**
 * A formatter writes per file as results arrive (`file`, for streaming formats) and/or once at the end (`end`).
 * The CLI writes whatever each returns, in order; binary formats need a file (-o).
 */
export interface Formatter {
  file?: (result: FileResult, options: FormatOptions) => string;
  /**
   * Streaming formats: the batch stage's findings (checks across files) by file, written once every file is done,
   * before `end`. Other formats get them joined to their files' results.
   */
  batch?: (findings: Map<string, Finding[]>, options: FormatOptions) => string;
  /**
   * `summary` counts every file (a twin's findings once); `results` is empty for streaming formatters. `batch`: the
   * batch stage's outcome, when it ran (the workbook lists its units and comparisons).
   */
  end: (results: FileResult[], options: FormatOptions, summary: Summary, batch?: BatchOutcome) => string | Promise<string | Uint8Array>;
  binary?: boolean;
  /** Everything is written per file by `file`; the CLI keeps no results, so memory does not grow with the batch. */
  streaming?: boolean;
  /** `end` reads each result's extracted report; other formatters get results without it, so long runs stay small. */
  needsReport?: boolean;
}

/** The totals: `twins`, when some files were found to be copies of another, counted once with it (their findings too). */
export interface Summary { files: number; failed: number; errors: number; warnings: number; infos: number; twins?: number }

export function emptySummary(): Summary {
  return { files: 0, failed: 0, errors: 0, warnings: 0, infos: 0 };
}

export interface Counts { errors: number; warnings: number; infos: number }

/** A file's findings by severity: all of them, even those --quiet leaves out of the listing. */
export function countsOf(r: FileResult): Counts {
  if (r.counts) return r.counts;
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of r.findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** Adds one file's counts to a running summary (the CLI tallies as results stream past). */
export function tally(summary: Summary, r: FileResult): Summary {
  summary.files++;
  if (r.status === 'failed') summary.failed++;
  const c = countsOf(r);
  summary.errors += c.errors;
  summary.warnings += c.warnings;
  summary.infos += c.infos;
  return summary;
}

export function summarize(results: FileResult[]): Summary {
  return results.reduce(tally, emptySummary());
}

/**
 * --quiet: list only error-level findings (the file itself stays, so every input is still accounted for). The counts
 * keep every finding: totals, the workbook's 警告数 and --max-warnings see what the listing hides.
 */
export function errorsOnly(result: FileResult): FileResult {
  return { ...result, counts: countsOf(result), findings: result.findings.filter((f) => f.severity === 'error') };
}

/** The per-file object shared by json and ndjson: each finding with its message rendered in the run's language. */
export function fileRecord(r: FileResult, options: FormatOptions) {
  const findings = r.findings.map((f) => rendered(f, options.lang));
  const record = r.coverage
    ? { path: r.path, format: r.format, status: r.status, coverage: r.coverage, findings }
    : { path: r.path, format: r.format, status: r.status, findings };
  return options.records && r.report ? { ...record, report: r.report } : record;
}

/** 核对了 N 处 for a file that was read: how many claims were checked, and how many numbers took part in none. */
export function coverageText(r: FileResult, lang: Lang): string | undefined {
  const c = r.coverage;
  if (!c) return undefined;
  return ui('coverage', lang, c) + (c.unused ? ui('coverage-unused', lang, c) : '');
}

/** The finding's message in the requested language, rendered from its rule's catalog: the one place findings get words. */
export function messageOf(f: Finding, lang: Lang): string {
  return messageText(f, lang);
}

/** The expected and stated values as every output shows them (90 或 100; -47.95% under a 增减% header). */
export const expectedOf = (f: Finding, lang: Lang): string | undefined => expectedWords(f, lang);
export const actualOf = (f: Finding): string | undefined => actualWords(f);

/** The finding as outputs write it, its message rendered: rule, severity, message, messageId, location, then the rest. */
export function rendered(f: Finding, lang: Lang): RenderedFinding {
  const { rule, severity, messageId, location, ...rest } = f;
  return { rule, severity, message: messageOf(f, lang), messageId, location, ...rest };
}

export function severityLabel(severity: Finding['severity'], lang: Lang): string {
  return ui(severity, lang);
}

/** The place in another file a finding was compared with (findings across files): 另见 B.xlsx 整体2-2自评打分表!F5. */
export function relatedText(f: Finding, lang: Lang): string | undefined {
  const r = f.location.related;
  if (!r) return undefined;
  const where = formatLocation(r, lang);
  return where === '-' ? ui('related-file', lang, { file: r.file }) : ui('related', lang, { file: r.file, where });
}

/** Where in the document, in words (the catalog's locationWords): a finding's location, 1-based as displayed. */
export function formatLocation(l: Location, lang: Lang = 'zh'): string {
  return locationWords(l, lang);
}

/**
 * The rules a junit report lists for a file: reading (every file is read), the checks that ran when it could be
 * read, and any other rule that reported on it (reader diagnostics).
 */
export function rulesFor(result: FileResult, options: FormatOptions): string[] {
  const ran = result.status === 'ok' ? options.rules ?? checks.map((c) => c.id) : [];
  const out = ['read-error', ...ran.filter((r) => r !== 'read-error')];
  for (const f of result.findings) if (!out.includes(f.rule)) out.push(f.rule);
  return out;
}
