// How the batch stage's outcome joins the per-file results: its findings added to their files, twins counted once.
import type { Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import type { BatchInput, BatchOutcome } from '../checks/batch-stage.js';
import { keyFiguresOf } from '../model/key-figures.js';
import { countsOf, emptySummary, type Counts, type Summary } from './common.js';

/** What the run keeps of a file for the batch stage: its key figures, and its counts for the totals that fold twins. */
export interface KeyedResult extends BatchInput {
  counts: Counts;
  failed: boolean;
}

/**
 * A file's key figures: made by the worker that checked it, or, for a result read back from a shard (`summary`), made
 * here from its records and findings by the same function, so that a reduce computes what one run over the folder does.
 */
export function keyedResult(result: FileResult, shown: FileResult): KeyedResult {
  const keyed: KeyedResult = { path: result.path, counts: countsOf(shown), failed: result.status === 'failed' };
  const keys = result.keys ?? (result.status === 'ok' && result.report ? keyFiguresOf(result.report, result.findings) : undefined);
  if (keys) keyed.keys = keys;
  return keyed;
}

/** The result without its key figures: the stage has them; the kept results stay as small as before. */
export function withoutKeys(result: FileResult): FileResult {
  if (result.keys === undefined) return result;
  const { keys: _keys, ...rest } = result;
  return rest;
}

/** The batch findings each file shows: errors only under --quiet (all of them still count). */
export function batchFindings(outcome: BatchOutcome, quiet: boolean): Map<string, Finding[]> {
  if (!quiet) return outcome.findings;
  return new Map([...outcome.findings].map(([path, fs]) => [path, fs.filter((f) => f.severity === 'error')]));
}

function add(c: Counts, findings: Finding[]): Counts {
  const out = { ...c };
  for (const f of findings) {
    if (f.severity === 'error') out.errors++;
    else if (f.severity === 'warning') out.warnings++;
    else out.infos++;
  }
  return out;
}

/** A result with its batch findings after its own (listed as --quiet lists; counted in full). */
export function joinBatch(result: FileResult, outcome: BatchOutcome, quiet: boolean): FileResult {
  const mine = outcome.findings.get(result.path);
  if (!mine?.length) return result;
  const counts = add(countsOf(result), mine);
  return { ...result, findings: [...result.findings, ...(quiet ? mine.filter((f) => f.severity === 'error') : mine)], counts };
}

/** Adds every batch finding to the totals the exit code and --max-warnings read: each file's own. */
export function addBatchCounts(totals: Summary, outcome: BatchOutcome): void {
  for (const findings of outcome.findings.values()) {
    const c = add({ errors: 0, warnings: 0, infos: 0 }, findings);
    totals.errors += c.errors;
    totals.warnings += c.warnings;
    totals.infos += c.infos;
  }
}

/**
 * The totals as shown (the closing line, json's summary, the -o note): a twin's findings are its document's and are
 * counted once, with the first of its files; `twins` says how many files were so counted with another.
 */
export function countedOnce(keyed: KeyedResult[], outcome: BatchOutcome): Summary {
  const s = emptySummary();
  for (const k of keyed) {
    s.files++;
    if (outcome.twinOf.has(k.path)) continue;
    if (k.failed) s.failed++;
    const c = add(k.counts, outcome.findings.get(k.path) ?? []);
    s.errors += c.errors;
    s.warnings += c.warnings;
    s.infos += c.infos;
  }
  if (outcome.twinOf.size) s.twins = outcome.twinOf.size;
  return s;
}
