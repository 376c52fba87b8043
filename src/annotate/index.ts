// annotate: checks files like `check`, then writes each report's review copy with its findings attached. Returns data.
import { readFile, writeFile, mkdir, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { FileResult } from '../pipeline.js';
import type { Input } from '../files.js';
import { checkFiles, type BatchOptions } from '../batch.js';
import { errorsOnly, type Lang } from '../report/common.js';
import { reviewName } from './place.js';

export interface AnnotateOptions extends BatchOptions {
  /** folder the review copies go to */
  outDir: string;
  /** write a copy of files without findings too */
  all?: boolean;
  lang: Lang;
  /** attach only error-level findings (--quiet) */
  onlyErrors?: boolean;
}

/** True when `path` lies in `folder` (an earlier run's review copies, met again while walking the inputs). */
export function insideFolder(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** One file's outcome: its check result, and the copy written or why none was. */
export interface Annotated {
  result: FileResult;
  copy?: string;
  /** why no copy was written: no finding, or a format or file the writers cannot take */
  skipped?: { why: 'not-annotated-clean' | 'not-annotated-unreadable' | 'not-annotated-failed'; data?: { why: string } };
}

/** The review copy's bytes for one checked file, in its own format. */
export async function reviewCopy(result: FileResult, lang: Lang): Promise<Uint8Array> {
  const buf = new Uint8Array(await readFile(result.path));
  if (result.format === 'xlsx') {
    const { annotateXlsx } = await import('./xlsx.js');
    return annotateXlsx(buf, result.findings, lang);
  }
  // the writers place findings by the blocks the reader made, so they read the file as check did
  const { readDocument } = await import('../readers/index.js');
  const { document } = await readDocument(result.path);
  if (result.format === 'docx') {
    const { annotateDocx } = await import('./docx.js');
    return annotateDocx(buf, document.blocks, result.findings, lang);
  }
  const { annotatePdf } = await import('./pdf.js');
  return annotatePdf(buf, document.blocks, result.findings, lang);
}

const WRITABLE = new Set(['docx', 'xlsx', 'pdf']);

/** Checks the inputs and yields each file's outcome in input order, the review copy already written. */
export async function* annotateFiles(inputs: Array<Input | string>, config: Config, options: AnnotateOptions): AsyncGenerator<Annotated> {
  await mkdir(options.outDir, { recursive: true });
  const taken = new Set<string>();
  for await (const checked of checkFiles(inputs, config, { ...options, keepReports: false })) {
    const result = options.onlyErrors ? errorsOnly(checked) : checked;
    if (result.findings.length === 0 && !options.all) { yield { result, skipped: { why: 'not-annotated-clean' } }; continue; }
    if (result.status === 'failed' || !WRITABLE.has(result.format)) {
      yield { result, skipped: { why: 'not-annotated-unreadable' } };
      continue;
    }
    // Two inputs with one name (a/报告.docx, b/报告.docx) get numbered copies rather than one overwriting the other.
    let name = reviewName(result.path);
    for (let n = 2; taken.has(name); n++) name = reviewName(result.path).replace(/\.审阅\./, `.审阅${n}.`);
    taken.add(name);
    const copy = join(options.outDir, name);
    try {
      const bytes = await reviewCopy(result, options.lang);
      const tmp = `${copy}.tmp-${process.pid}`;
      await writeFile(tmp, bytes);
      await rename(tmp, copy).catch(async (e: unknown) => { await rm(tmp, { force: true }); throw e; });
      yield { result, copy };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      yield { result, skipped: { why: 'not-annotated-failed', data: { why } } };
    }
  }
}
