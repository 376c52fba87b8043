// Detects a file's real format from its first bytes and zip directory, never from its extension.
import type { Format } from '../document.js';
import { listZip, type ZipEntry } from './zip.js';
import { OLE_SIGNATURE, oleKind } from './ole.js';

export type Detected =
  | { format: 'docx' | 'xlsx' | 'pdf' | 'ofd' }
  | { format: 'doc' | 'xls'; legacy: true }
  | { format: 'unknown'; reason: 'empty' | 'zip-other' | 'zip-corrupt' | 'text' | 'binary' | 'ole2' };

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

/** The zip's members as its central directory lists them, or null when it has none to read. */
export function zipMembers(buf: Uint8Array): ZipEntry[] | null {
  try {
    return listZip(buf);
  } catch {
    return null;
  }
}

export function zipMemberNames(buf: Uint8Array): string[] | null {
  return zipMembers(buf)?.map((m) => m.name) ?? null;
}

export function detectFormat(buf: Uint8Array): Detected {
  if (buf.length === 0) return { format: 'unknown', reason: 'empty' };
  // %PDF may be preceded by junk bytes in the first KiB (pdf.js tolerates that too).
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(buf, OLE_SIGNATURE)) {
    // The streams inside say what it is: a .wps is a Word document and an .et a workbook, whatever the name says.
    const kind = oleKind(buf);
    return kind ? { format: kind, legacy: true } : { format: 'unknown', reason: 'ole2' };
  }
  if (startsWith(buf, [0x50, 0x4b])) {
    const members = zipMembers(buf);
    if (!members) return { format: 'unknown', reason: 'zip-corrupt' };
    const names = members.map((m) => m.name);
    if (names.includes('word/document.xml')) return { format: 'docx' };
    if (names.includes('xl/workbook.xml')) return { format: 'xlsx' };
    if (names.some((n) => n.replace(/^\/+/, '').toLowerCase() === 'ofd.xml')) return { format: 'ofd' };
    return { format: 'unknown', reason: 'zip-other' };
  }
  const sample = buf.subarray(0, 4096);
  let controls = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) controls++;
  return { format: 'unknown', reason: controls > sample.length * 0.05 ? 'binary' : 'text' };
}
