// OLE compound files (.doc .wps .xls .et): the names of the streams in the root storage, read from the directory.
// Enough to tell a Word document from a workbook by content; the legacy readers parse the streams themselves.

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
/** Sectors walked at most in one chain: a directory of real documents spans a handful. */
const MAX_CHAIN = 4096;

/**
 * The names of the directory entries (streams and storages) of a compound file, or null when its header or
 * directory cannot be followed. Cycles and out-of-range sectors end the walk instead of looping.
 */
export function oleEntryNames(buf: Uint8Array): string[] | null {
  if (buf.length < 512 || !OLE_SIGNATURE.every((b, i) => buf[i] === b)) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorOffset = (n: number) => (n + 1) * size;
  const inFile = (n: number) => n < 0xfffffffa && sectorOffset(n) + size <= buf.length;

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (inFile(s)) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  for (let hops = 0; inFile(difat) && hops < MAX_CHAIN; hops++) {
    const base = sectorOffset(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = view.getUint32(base + i * 4, true);
      if (inFile(s)) fatSectors.push(s);
    }
    difat = view.getUint32(base + size - 4, true);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(n / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    return view.getUint32(sectorOffset(fat) + (n % perSector) * 4, true);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  for (let s = view.getUint32(0x30, true); inFile(s) && !seen.has(s) && seen.size < MAX_CHAIN; s = next(s)) {
    seen.add(s);
    const base = sectorOffset(s);
    for (let e = 0; e < size / 128; e++) {
      const o = base + e * 128;
      const type = buf[o + 0x42];
      const bytes = view.getUint16(o + 0x40, true);
      if (type === 0 || bytes < 2 || bytes > 64) continue;
      names.push(Buffer.from(buf.subarray(o, o + bytes - 2)).toString('utf16le'));
    }
  }
  return seen.size ? names : null;
}

/** What a compound file holds: a Word document, a workbook, or neither. */
export function oleKind(buf: Uint8Array): 'doc' | 'xls' | null {
  const names = oleEntryNames(buf);
  if (!names) return null;
  if (names.includes('WordDocument')) return 'doc';
  // BIFF8 workbooks name the stream Workbook, BIFF5 and older Book
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  return null;
}
