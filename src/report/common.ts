// Helpers every formatter shares: summary counts, quiet filtering, message language, locations, the formatter contract.
import type { FileResult } from '../pipeline.js';
import type { Finding, Location } from '../findings.js';
import { checks, registry } from '../checks/index.js';

export type Lang = 'zh' | 'en';

export interface FormatOptions {
  lang: Lang;
  color: boolean;
  /** Rules that ran on each readable file (junit lists one test case per rule); defaults to the check registry. */
  rules?: string[];
  /** json/ndjson: add each file's extracted records (`check --records`), which `summary` reads back from shards */
  records?: boolean;
}

/**
 * A formatter writes per file as results arrive (`file`, for streaming formats) and/or once at the end (`end`).
 * The CLI writes whatever each returns, in order; binary formats need a file (-o).
 */
export interface Formatter {
  file?: (result: FileResult, options: FormatOptions) => string;
  /** `summary` counts every file; `results` is empty for streaming formatters. */
  end: (results: FileResult[], options: FormatOptions, summary: Summary) => string | Promise<string | Uint8Array>;
  binary?: boolean;
  /** Everything is written per file by `file`; the CLI keeps no results, so memory does not grow with the batch. */
  streaming?: boolean;
  /** `end` reads each result's extracted report; other formatters get results without it, so long runs stay small. */
  needsReport?: boolean;
}

export interface Summary { files: number; failed: number; errors: number; warnings: number; infos: number }

export function emptySummary(): Summary {
  return { files: 0, failed: 0, errors: 0, warnings: 0, infos: 0 };
}

/** Adds one file's counts to a running summary (the CLI tallies as results stream past). */
export function tally(summary: Summary, r: FileResult): Summary {
  summary.files++;
  if (r.status === 'failed') summary.failed++;
  for (const f of r.findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

export function summarize(results: FileResult[]): Summary {
  return results.reduce(tally, emptySummary());
}

/** --quiet: keep only error-level findings (the file itself stays, so every input is still accounted for). */
export function errorsOnly(result: FileResult): FileResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
}

/** The per-file object shared by json and ndjson. */
export function fileRecord(r: FileResult, options: FormatOptions) {
  const record = { path: r.path, format: r.format, status: r.status, findings: r.findings.map((f) => localize(f, options.lang)) };
  return options.records && r.report ? { ...record, report: r.report } : record;
}

function fill(template: string, f: Finding): string {
  const values: Record<string, unknown> = { expected: f.expected, actual: f.actual, evidence: f.evidence, ...f.data };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));
}

/**
 * The finding's message in the requested language. Findings carry Chinese in `message`; English comes from
 * `data.en` (reader failures) or from the check's message template for `messageId`, filled from `data`
 * (runChecks already writes `message` in the configured language; this covers results made in the other one).
 */
export function messageOf(f: Finding, lang: Lang): string {
  if (lang === 'zh') return f.message;
  if (typeof f.data?.en === 'string') return f.data.en;
  const check = registry.find((c) => c.id === f.rule);
  const template = f.messageId ? (check?.messages as Record<string, { en?: string }> | undefined)?.[f.messageId]?.en : undefined;
  return template ? fill(template, f) : f.message;
}

/** The finding with `message` in the requested language (the Chinese text stays available as `data.zh`). */
export function localize(f: Finding, lang: Lang): Finding {
  if (lang === 'zh') return f;
  const message = messageOf(f, lang);
  return message === f.message ? f : { ...f, message, data: { ...f.data, zh: f.message } };
}

export function severityLabel(severity: Finding['severity'], lang: Lang): string {
  const zh = { error: '错误', warning: '警告', info: '提示' } as const;
  return lang === 'zh' ? zh[severity] : severity;
}

/** Where in the document: sheet!cell, page, paragraph, table row/column; '-' when only the file is known. */
export function formatLocation(l: Location, lang: Lang = 'zh'): string {
  const en = lang === 'en';
  const parts: string[] = [];
  if (l.origin) parts.push(en ? `[${l.origin}]` : `［${l.origin}］`);
  if (l.sheet) parts.push(`${l.sheet}${l.cell ? '!' + l.cell : ''}`);
  else if (l.cell) parts.push(l.cell);
  if (l.page !== undefined) parts.push(en ? `page ${l.page}` : `第${l.page}页`);
  if (l.paragraph !== undefined) parts.push(en ? `paragraph ${l.paragraph}` : `第${l.paragraph}段`);
  if (l.row !== undefined && !l.cell) {
    parts.push(en
      ? `table row ${l.row + 1}${l.col !== undefined ? ` column ${l.col + 1}` : ''}`
      : `表格第${l.row + 1}行${l.col !== undefined ? `第${l.col + 1}列` : ''}`);
  }
  return parts.join(' ') || '-';
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
