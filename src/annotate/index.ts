// annotate: checks files like `check`, then writes each report's review copy with its findings attached. Returns data.
import { readFile, writeFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import type { Config } from '../config.js';
import type { FileResult } from '../pipeline.js';
import type { Input } from '../files.js';
import type { Finding, Severity } from '../findings.js';
import { checkFiles, type BatchOptions } from '../batch.js';
import { errorsOnly, type Lang } from '../report/common.js';
import { reviewName } from './place.js';
import { markPackage, reviewSourceOf } from './marker.js';

/** Where the copies go: a folder mirroring the inputs' folders below `base`, or one file (a single input, `-o x.docx`). */
export type CopyTarget = { folder: string; base: string } | { file: string };

export interface AnnotateOptions extends BatchOptions {
  target: CopyTarget;
  /** write a copy of files without errors or warnings too */
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

/** The deepest folder holding every one of `folders` (absolute paths); the file system's root when they share none. */
export function commonFolder(folders: string[]): string {
  if (folders.length === 0) return resolve('.');
  let common = resolve(folders[0]!).split(sep);
  for (const f of folders.slice(1)) {
    const parts = resolve(f).split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || parse(resolve('.')).root;
}

/** The format of a file's review copy: a legacy binary's copy is its conversion, as `check` reads it. */
const COPY_FORMAT: Partial<Record<FileResult['format'], 'docx' | 'xlsx' | 'pdf'>> = { docx: 'docx', xlsx: 'xlsx', pdf: 'pdf', doc: 'docx', xls: 'xlsx' };

/** The copy's extension a file is expected to get, from its name alone (before it is read): `-o` is checked with it. */
export function expectedCopyExtension(path: string): string {
  const ext = extname(path).toLowerCase();
  return ({ '.doc': '.docx', '.wps': '.docx', '.xls': '.xlsx', '.et': '.xlsx' } as Record<string, string>)[ext] ?? ext;
}

/**
 * Why a file got no copy, as data the CLI words from the catalog (no-copy-<why>): `write` when writing it failed (an
 * output failure, data.code), else what the file is; `failed` carries the finding that says why it was not read.
 */
export interface NoCopy {
  why: 'failed' | 'ofd' | 'scan' | 'unknown' | 'no-soffice' | 'conversion' | 'output-extension' | 'write' | 'internal';
  data?: Record<string, unknown>;
  finding?: Finding;
}

/** One file's outcome: its check result, and the copy written or why none was. */
export interface Annotated {
  result: FileResult;
  copy?: string;
  /** an earlier copy of the same source was replaced */
  replaced?: boolean;
  /** why no copy was written; absent with no copy when the file has nothing to mark (no error or warning, no --all) */
  noCopy?: NoCopy;
}

class NoCopyError extends Error {
  constructor(readonly reason: NoCopy) { super(reason.why); }
}

/** The blocks the copy's writers place findings by: the file read as `check` read it, OCR aside. */
async function blocksOf(path: string, bytes: Uint8Array, ocr: boolean) {
  const { readBuffer } = await import('../readers/index.js');
  const { document, findings } = await readBuffer(path, bytes);
  // check read the image-only pages with OCR: their blocks exist there and not here, so nothing would be placed right
  if (ocr && findings.some((f) => f.rule === 'no-text')) throw new NoCopyError({ why: 'scan' });
  return document.blocks;
}

/** A .doc/.xls converted as the legacy reader converts it, so the copy's blocks are those check found its findings in. */
async function converted(bytes: Uint8Array, format: 'doc' | 'xls', timeoutMs: number | undefined): Promise<Uint8Array> {
  const { findSoffice, convertWithSoffice } = await import('../readers/soffice.js');
  const { conversionLimitMs } = await import('../readers/legacy.js');
  const target = format === 'doc' ? 'docx' : 'xlsx';
  const soffice = findSoffice();
  if (!soffice) throw new NoCopyError({ why: 'no-soffice', data: { target } });
  try {
    return await convertWithSoffice(soffice, bytes, format, target, conversionLimitMs(timeoutMs));
  } catch (err) {
    throw new NoCopyError({ why: 'conversion', data: { cause: err instanceof Error ? err.message : String(err) } });
  }
}

/**
 * The review copy's bytes for one checked file, in its copy's format, marked as the copy of `source` (absolute).
 * Throws NoCopyError for a file whose findings cannot be placed in a copy.
 */
export async function reviewCopy(result: FileResult, lang: Lang, source = resolve(result.path), options: { ocr?: boolean; timeoutMs?: number } = {}): Promise<Uint8Array> {
  let bytes: Uint8Array = new Uint8Array(await readFile(result.path));
  if (result.format === 'doc' || result.format === 'xls') bytes = await converted(bytes, result.format, options.timeoutMs);
  const format = COPY_FORMAT[result.format];
  if (format === 'xlsx') {
    const { annotateXlsx } = await import('./xlsx.js');
    return markPackage(await annotateXlsx(bytes, result.findings, lang), source);
  }
  const blocks = await blocksOf(result.path, bytes, Boolean(options.ocr));
  if (format === 'docx') {
    const { annotateDocx } = await import('./docx.js');
    return markPackage(annotateDocx(bytes, blocks, result.findings, lang), source);
  }
  const { annotatePdf } = await import('./pdf.js');
  return annotatePdf(bytes, blocks, result.findings, lang, source);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Why a file gets no copy before any is made: it was not read, or its kind cannot carry one. */
function unsupported(result: FileResult): NoCopy | undefined {
  if (result.status === 'failed') {
    const why = result.findings.find((f) => f.severity === 'error') ?? result.findings[0];
    return why?.rule === 'no-text' || why?.rule === 'ocr' ? { why: 'scan' } : why ? { why: 'failed', finding: why } : { why: 'failed' };
  }
  if (result.format === 'ofd') return { why: 'ofd' };
  if (!COPY_FORMAT[result.format]) return { why: 'unknown' };
  return undefined;
}

/**
 * The path for a source's copy and whether it replaces an earlier one: the first name that is free, or that holds
 * jixiao's copy of this same source (its mark). Anything else there, the user's or another source's copy, is kept:
 * the copy gets the next number. `taken`: paths given to other sources in this run.
 */
async function placeFor(source: string, folder: string, ext: string, taken: Set<string>): Promise<{ path: string; replaced: boolean }> {
  for (let n = 1; ; n++) {
    const path = join(folder, reviewName(source, { ext, n }));
    if (taken.has(resolve(path))) continue;
    const there = await stat(path).catch(() => undefined);
    if (!there) return { path, replaced: false };
    if (there.isFile() && await reviewSourceOf(path) === resolve(source)) return { path, replaced: true };
  }
}

/** Writes beside the target and renames over it: a reader sees the old copy or the new one, never half of one. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${process.pid}-${Date.now()}.jixiao-tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Checks the inputs and yields each file's outcome in input order, the review copy already written. */
export async function* annotateFiles(inputs: Array<Input | string>, config: Config, options: AnnotateOptions): AsyncGenerator<Annotated> {
  const taken = new Set<string>();
  for await (const checked of checkFiles(inputs, config, { ...options, keepReports: false })) {
    const result = options.onlyErrors ? errorsOnly(checked) : checked;
    // only information (a legacy file converted, the pages OCR read) is nothing to send back to the writer
    if (!options.all && !result.findings.some((f) => RANK[f.severity] > RANK.info)) { yield { result }; continue; }
    const why = unsupported(result);
    if (why) { yield { result, noCopy: why }; continue; }
    const source = resolve(result.path);
    const ext = `.${COPY_FORMAT[result.format]}`;
    // the original's spelling (.DOCX) when it is the copy's format; a PDF named .docx gets a .pdf copy
    const extOf = (p: string) => (extname(p).toLowerCase() === ext ? extname(p) : ext);
    let bytes: Uint8Array;
    try {
      bytes = await reviewCopy(result, options.lang, source, { ocr: options.ocr, timeoutMs: options.timeoutMs });
    } catch (err) {
      if (err instanceof NoCopyError) { yield { result, noCopy: err.reason }; continue; }
      yield { result, noCopy: { why: 'internal', data: { cause: err instanceof Error ? err.message : String(err) } } };
      continue;
    }
    let place: { path: string; replaced: boolean };
    if ('file' in options.target) {
      if (extname(options.target.file).toLowerCase() !== ext) { yield { result, noCopy: { why: 'output-extension', data: { output: options.target.file, want: ext } } }; continue; }
      place = { path: options.target.file, replaced: await stat(options.target.file).then(() => true, () => false) };
    } else {
      const rel = relative(options.target.base, dirname(source));
      // a source outside the common folder cannot happen with the CLI's base; kept flat rather than written above -o
      const folder = rel.startsWith('..') || isAbsolute(rel) ? options.target.folder : join(options.target.folder, rel);
      place = await placeFor(result.path, folder, extOf(result.path), taken);
    }
    taken.add(resolve(place.path));
    try {
      await writeAtomically(place.path, bytes);
      yield { result, copy: place.path, replaced: place.replaced };
    } catch (err) {
      yield { result, noCopy: { why: 'write', data: { code: (err as NodeJS.ErrnoException).code ?? String(err) } } };
    }
  }
}
