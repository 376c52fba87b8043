// One file from path to findings: read → extract → check. Returns data; never prints.
import type { Format } from './document.js';
import type { Finding } from './findings.js';
import type { Report } from './model/schema.js';
import type { Config } from './config.js';
import { readDocument } from './readers/index.js';
import type { ReadOptions } from './readers/contract.js';
import { extractReport } from './model/extract.js';
import { runChecks, applyRuleSettings } from './checks/index.js';

export interface FileResult {
  path: string;
  format: Format;
  /** ok: read and checked; failed: could not be read (its findings say why). */
  status: 'ok' | 'failed';
  pages?: number;
  report?: Report;
  findings: Finding[];
}

/** `keepReport`: include the extracted records in the result; only outputs that show them (the workbook) need them. */
export async function checkFile(path: string, config: Config, keepReport = true, read: ReadOptions = {}): Promise<FileResult> {
  const { document, findings: readFindings } = await readDocument(path, read);
  const failed = readFindings.some((f) => f.severity === 'error' && (f.rule === 'read-error' || f.rule === 'legacy-format' || f.rule === 'timeout'));
  if (failed) return { path, format: document.format, status: 'failed', findings: applyRuleSettings(readFindings, config) };
  const report = extractReport(document);
  const findings = [...applyRuleSettings(readFindings, config), ...runChecks(report, config)];
  const result: FileResult = { path, format: document.format, status: 'ok', findings };
  if (keepReport) result.report = report;
  if (document.pages !== undefined) result.pages = document.pages;
  return result;
}
