// Reads any supported file into a SourceDocument; every failure becomes a finding, never an exception.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceDocument } from '../document.js';
import { causeText } from '../findings.js';
import type { Diagnostic } from '../catalog/readers/index.js';
import { ReadFailure, type ReaderOutput, type ReadOptions } from './contract.js';
import { detectFormat, zipMembers } from './detect.js';
import { byteSize, declaredBombReason, listZip, zipBomb } from './zip.js';

export type { ReaderFinding, ReaderOutput, ReadOptions } from './contract.js';

// Each reader pulls in a large library (mammoth, pdf.js, exceljs): load it the first time its format is met,
// so a run over PDFs alone never pays for exceljs, and commands that read nothing start fast.
const readers = {
  docx: async (buf: Uint8Array) => (await import('./docx.js')).readDocx(buf),
  pdf: async (buf: Uint8Array, options: ReadOptions) => (await import('./pdf.js')).readPdf(buf, options),
  xlsx: async (buf: Uint8Array) => (await import('./xlsx.js')).readXlsx(buf),
  ofd: async (buf: Uint8Array) => (await import('./ofd.js')).readOfd(buf),
  doc: async (buf: Uint8Array, options: ReadOptions, path: string) => (await import('./legacy.js')).readLegacy(buf, 'doc', options, writtenExtension(path)),
  xls: async (buf: Uint8Array, options: ReadOptions, path: string) => (await import('./legacy.js')).readLegacy(buf, 'xls', options, writtenExtension(path)),
};

/** A legacy file's own extension (wps, et …), which its messages name: the reader goes by content, the user by name. */
function writtenExtension(path: string): string | undefined {
  return extname(path).slice(1).toLowerCase() || undefined;
}

/**
 * Largest input read. Real reports are a few MB (scanned PDFs a few hundred); anything bigger is refused before it
 * is loaded, so one huge file cannot take the memory the rest of a folder run needs.
 */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export interface ReadResult {
  document: SourceDocument;
  /** Reader diagnostics (read-error, legacy-format, no-text, embedded-object …) as data: a formatter renders them. */
  findings: Diagnostic[];
}

function failure(path: string, format: SourceDocument['format'], err: ReadFailure): ReadResult {
  return {
    document: { path, format, blocks: [] },
    findings: [{ rule: err.rule, messageId: err.messageId, data: err.data, location: { file: path } }],
  };
}

export async function readBuffer(path: string, buf: Uint8Array, options: ReadOptions = {}): Promise<ReadResult> {
  const detected = detectFormat(buf);
  const format = detected.format;
  try {
    if (format === 'docx' || format === 'xlsx' || format === 'ofd') {
      const bomb = declaredBombReason(zipMembers(buf) ?? []);
      if (bomb) throw zipBomb(bomb);
    }
    if (format === 'unknown') {
      // a broken zip: listing it again throws the failure that says what is broken
      if (detected.reason === 'zip-corrupt') listZip(buf);
      throw new ReadFailure('read-error', detected.reason);
    }
    const out: ReaderOutput = await readers[format](buf, options, path);
    const document: SourceDocument = { path, format, blocks: out.blocks };
    if (out.pages !== undefined) document.pages = out.pages;
    const findings = out.findings.map((f): Diagnostic => ({ ...f, location: { file: path, ...f.location } }));
    return { document, findings };
  } catch (err) {
    if (err instanceof ReadFailure) return failure(path, format, err);
    const cause = causeText(err);
    // A recursive parser that meets nesting the guards did not foresee runs out of stack (pdf.js passes the error on
    // as a plain Error, so it is known by its message); say so plainly.
    if (/call stack size exceeded/i.test(cause)) return failure(path, format, new ReadFailure('read-error', 'too-deep'));
    return failure(path, format, new ReadFailure('read-error', 'unreadable', { format, cause }));
  }
}

/** The failure for a path that could not be opened, by its error code. */
function notReadable(err: unknown, path: string): ReadFailure {
  const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
  const id = code === 'ENOENT' ? 'not-found' : code === 'EACCES' || code === 'EPERM' ? 'no-permission' : code === 'EISDIR' ? 'is-directory'
    : code === 'ELOOP' ? 'link-loop' : 'cannot-open';
  return new ReadFailure('read-error', id, { path, code });
}

export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  let buf: Uint8Array;
  try {
    // Opened without blocking and checked before reading: a FIFO or device named like a report must not hang or
    // stream forever, and a huge file is refused before it is loaded.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const s = await handle.stat();
      if (s.isDirectory()) return failure(path, 'unknown', notReadable({ code: 'EISDIR' }, path));
      if (!s.isFile()) return failure(path, 'unknown', new ReadFailure('read-error', 'not-a-file', { path }));
      if (s.size > MAX_FILE_BYTES) {
        return failure(path, 'unknown', new ReadFailure('read-error', 'too-large', { size: byteSize(s.size), max: byteSize(MAX_FILE_BYTES) }));
      }
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return failure(path, 'unknown', notReadable(err, path));
  }
  return readBuffer(path, buf, options);
}
