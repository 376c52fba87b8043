// Detects a file's real format from its first bytes and zip directory, never from its extension.
import type { Format } from '../document.js';
import { unzipSync } from 'fflate';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type Detected =
  | { format: 'docx' | 'xlsx' | 'pdf' }
  | { format: 'doc' | 'xls'; legacy: true }
  | { format: 'unknown'; reason: 'empty' | 'zip-other' | 'zip-corrupt' | 'text' | 'binary' | 'ole2' };

function startsWith(buf: Uint8Array, sig: number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

export interface ZipMember { name: string; size: number; originalSize: number }

/** Lists zip members from the central directory without inflating any of them. */
export function zipMembers(buf: Uint8Array): ZipMember[] | null {
  try {
    const members: ZipMember[] = [];
    unzipSync(buf, { filter: (f) => { members.push({ name: f.name, size: f.size, originalSize: f.originalSize }); return false; } });
    return members;
  } catch {
    return null;
  }
}

export function zipMemberNames(buf: Uint8Array): string[] | null {
  return zipMembers(buf)?.map((m) => m.name) ?? null;
}

/** Limits on what a zip-based document may unpack to; beyond them it is treated as a zip bomb. */
export const ZIP_LIMITS = { totalBytes: 512 * 1024 * 1024, memberBytes: 256 * 1024 * 1024, members: 10_000, ratio: 1000 };

/** Returns why a zip looks like a bomb, or null when its declared sizes are sane. */
export function zipBombReason(members: ZipMember[]): string | null {
  if (members.length > ZIP_LIMITS.members) return `成员数 ${members.length} 超过上限 ${ZIP_LIMITS.members}`;
  let total = 0;
  for (const m of members) {
    total += m.originalSize;
    if (m.originalSize > ZIP_LIMITS.memberBytes) return `成员 ${m.name} 解压后 ${(m.originalSize / 2 ** 20).toFixed(0)} MiB，超过上限`;
    // Real Office XML compresses 5–20×; a ratio in the thousands on a sizeable member is a bomb signature.
    if (m.originalSize > 16 * 2 ** 20 && m.size > 0 && m.originalSize / m.size > ZIP_LIMITS.ratio) return `成员 ${m.name} 压缩比异常（${Math.round(m.originalSize / m.size)}:1）`;
  }
  if (total > ZIP_LIMITS.totalBytes) return `解压后总大小 ${(total / 2 ** 20).toFixed(0)} MiB 超过上限`;
  return null;
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
