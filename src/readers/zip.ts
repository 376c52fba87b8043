// Zip packages read without trusting their headers: members listed from the central directory, each inflated with
// its output bounded by what it declares and by per-file caps, so a member that lies about its size is caught early.
import { inflateRawSync } from 'node:zlib';
import { causeText } from '../findings.js';
import { ReadFailure, ref, type MessageRef } from './contract.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read */
  method: number;
  compressedSize: number;
  /** uncompressed size as the central directory declares it */
  declaredSize: number;
  /** offset of the member's local header */
  localOffset: number;
}

/**
 * Limits on what one file may unpack to. A real report's largest part is a few MB of XML; the caps leave room for
 * big workbooks while keeping one hostile file from taking the machine's memory.
 */
export const ZIP_LIMITS = {
  members: 10_000,
  memberBytes: 256 * 1024 * 1024,
  totalBytes: 512 * 1024 * 1024,
  /** declared inflated ÷ compressed above which a sizeable member is a bomb; real Office XML compresses 5–20× */
  ratio: 1000,
  /** a member must inflate past this before its ratio counts (tiny members of zeros compress well and are harmless) */
  ratioFloor: 16 * 1024 * 1024,
};

/** A size as people read it: bytes, KiB or MiB. */
export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 2 ** 20) return `${(n / 1024).toFixed(1)} KiB`;
  return `${Math.round(n / 2 ** 20)} MiB`;
}
const MiB = byteSize;

/** The finding for any zip bomb signature: refused, and the user told what to ask for. */
export function zipBomb(detail: MessageRef): ReadFailure {
  return new ReadFailure('read-error', 'zip-bomb', { detail });
}

export function zipCorrupt(detail: MessageRef): ReadFailure {
  return new ReadFailure('read-error', 'zip-corrupt', { detail });
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNSET32 = 0xffffffff;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/**
 * Lists the members from the central directory (zip64 included), inflating nothing. Throws a ReadFailure when the
 * directory is missing or points outside the file; a directory claiming more entries than the file can hold ends there.
 */
export function listZip(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const u64 = (o: number): number => u32(o) + u32(o + 4) * 2 ** 32;
  const inside = (o: number, n: number): boolean => o >= 0 && o + n <= buf.length;

  let eocd = -1;
  // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
  for (let o = buf.length - 22; o >= 0 && o >= buf.length - 22 - 0xffff; o--) {
    if (u32(o) === EOCD) { eocd = o; break; }
  }
  if (eocd < 0) throw zipCorrupt(ref('detail-truncated'));
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (inside(eocd - 20, 20) && u32(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(eocd - 12);
    if (inside(z, 56) && u32(z) === ZIP64_EOCD) {
      count = u64(z + 32);
      offset = u64(z + 48);
    }
  }

  const entries: ZipEntry[] = [];
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (!inside(o, 46) || u32(o) !== CENTRAL) throw zipCorrupt(ref('detail-entry-bounds'));
    const flags = u16(o + 8);
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const commentLength = u16(o + 32);
    if (!inside(o + 46, nameLength + extraLength + commentLength)) throw zipCorrupt(ref('detail-entry-bounds'));
    const nameBytes = buf.subarray(o + 46, o + 46 + nameLength);
    // Bit 11 marks UTF-8 names; without it the name is read byte for byte, as fflate and most tools do.
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    let compressedSize = u32(o + 20);
    let declaredSize = u32(o + 24);
    let localOffset = u32(o + 42);
    // Sizes that do not fit 32 bits move to the zip64 extra field, in this order, only when their field is unset.
    for (let e = o + 46 + nameLength; e + 4 <= o + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const size = u16(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (declaredSize === UNSET32 && f + 8 <= e + 4 + size) { declaredSize = u64(f); f += 8; }
        if (compressedSize === UNSET32 && f + 8 <= e + 4 + size) { compressedSize = u64(f); f += 8; }
        if (localOffset === UNSET32 && f + 8 <= e + 4 + size) { localOffset = u64(f); }
      }
      e += 4 + size;
    }
    entries.push({ name, method: u16(o + 10), compressedSize, declaredSize, localOffset });
    o += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Why a package looks like a bomb from what its directory declares, before anything is inflated; null when sane. */
export function declaredBombReason(entries: ZipEntry[]): MessageRef | null {
  if (entries.length > ZIP_LIMITS.members) return ref('detail-members', { count: entries.length, max: ZIP_LIMITS.members });
  let total = 0;
  for (const m of entries) {
    total += m.declaredSize;
    if (m.declaredSize > ZIP_LIMITS.memberBytes) {
      return ref('detail-member-size', { member: m.name, size: MiB(m.declaredSize), max: MiB(ZIP_LIMITS.memberBytes) });
    }
    if (m.declaredSize > ZIP_LIMITS.ratioFloor && m.compressedSize > 0 && m.declaredSize / m.compressedSize > ZIP_LIMITS.ratio) {
      return ref('detail-ratio', { member: m.name, ratio: Math.round(m.declaredSize / m.compressedSize) });
    }
  }
  if (total > ZIP_LIMITS.totalBytes) return ref('detail-total', { size: MiB(total), max: MiB(ZIP_LIMITS.totalBytes) });
  return null;
}

/** What one file may still inflate; shared by a package and the packages embedded in it. */
export class InflateBudget {
  constructor(public left: number = ZIP_LIMITS.totalBytes) {}
}

/**
 * Inflates one member. Output stops at the size the member declares (zlib checks after every 16 KiB it writes), so a
 * member whose headers understate its size costs no more than what it claimed; exceeding the claim is a bomb.
 */
export function inflateEntry(buf: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const o = entry.localOffset;
  if (o < 0 || o + 30 > buf.length || new DataView(buf.buffer, buf.byteOffset + o, 4).getUint32(0, true) !== LOCAL) {
    throw zipCorrupt(ref('detail-no-local-header', { member: entry.name }));
  }
  const local = new DataView(buf.buffer, buf.byteOffset + o, 30);
  const start = o + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + entry.compressedSize > buf.length) throw zipCorrupt(ref('detail-data-bounds', { member: entry.name }));
  const data = buf.subarray(start, start + entry.compressedSize);

  if (entry.declaredSize > ZIP_LIMITS.memberBytes || entry.declaredSize > budget.left) {
    throw zipBomb(ref('detail-budget', { member: entry.name, size: MiB(entry.declaredSize) }));
  }
  const lie = (): ReadFailure => zipBomb(ref('detail-size-lie', { member: entry.name, size: MiB(entry.declaredSize) }));

  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.length > entry.declaredSize) throw lie();
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredSize) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw lie();
      throw zipCorrupt(ref('detail-inflate', { member: entry.name, cause: causeText(err) }));
    }
    if (out.length > entry.declaredSize) throw lie();
  } else {
    throw zipCorrupt(ref('detail-method', { member: entry.name, method: entry.method }));
  }
  budget.left -= out.length;
  return out;
}

/** Inflates the members `wanted` selects, in directory order, under one budget. */
export function inflateEntries(buf: Uint8Array, entries: ZipEntry[], wanted: (e: ZipEntry) => boolean, budget: InflateBudget): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const e of entries) {
    if (e.name.endsWith('/') || !wanted(e)) continue;
    out[e.name] = inflateEntry(buf, e, budget);
  }
  return out;
}
