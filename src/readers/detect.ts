// Detects a file's real format from its first bytes and zip directory, never from its extension.
import type { Format } from '../document.js';
import { listZip, type ZipEntry } from './zip.js';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Detected =
  | { format: 'docx' | 'xlsx' | 'pdf' }
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

export function detectFormat(buf: Uint8Array, extHint = ''): Detected {
  if (buf.length === 0) return { format: 'unknown', reason: 'empty' };
  // %PDF may be preceded by junk bytes in the first KiB (pdf.js tolerates that too).
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(buf, OLE2)) {
    const ext = extHint.toLowerCase();
    if (ext.endsWith('.xls') || ext.endsWith('.xlsx') || ext.endsWith('.et')) return { format: 'xls', legacy: true };
    if (ext.endsWith('.doc') || ext.endsWith('.docx') || ext.endsWith('.wps')) return { format: 'doc', legacy: true };
    // Without a hint, look for the stream names inside the compound file.
    const all = Buffer.from(buf).toString('utf16le');
    if (all.includes('WordDocument')) return { format: 'doc', legacy: true };
    if (all.includes('Workbook') || all.includes('Book')) return { format: 'xls', legacy: true };
    return { format: 'unknown', reason: 'ole2' };
  }
  if (startsWith(buf, [0x50, 0x4b])) {
    const members = zipMembers(buf);
    if (!members) return { format: 'unknown', reason: 'zip-corrupt' };
    const names = members.map((m) => m.name);
    if (names.includes('word/document.xml')) return { format: 'docx' };
    if (names.includes('xl/workbook.xml')) return { format: 'xlsx' };
    return { format: 'unknown', reason: 'zip-other' };
  }
  const sample = buf.subarray(0, 4096);
  let controls = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) controls++;
  return { format: 'unknown', reason: controls > sample.length * 0.05 ? 'binary' : 'text' };
}
