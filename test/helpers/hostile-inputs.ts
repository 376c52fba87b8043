// Builders for hostile and odd inputs made at test time: zips with lying headers, deflate bombs, minimal PDFs, OLE2 files.
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/** One zip member: real bytes, or raw deflate data with whatever sizes its headers should claim. */
export type ZipMember =
  | { name: string; data: Uint8Array; declaredSize?: number }
  | { name: string; deflated: Uint8Array; declaredSize: number };

/**
 * Writes a zip with the same sizes in local and central headers, as any writer does; a lying member lies in both,
 * so no reader can catch it by comparing the two.
 */
export function writeZip(members: ZipMember[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const compressed = 'deflated' in m ? m.deflated : deflateRawSync(m.data);
    const size = m.declaredSize ?? ('data' in m ? m.data.length : 0);
    const crc = 'data' in m ? crc32(m.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(compressed));
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A fixture's members, in order, with some replaced, removed (undefined) or added. */
export function membersOf(zip: Uint8Array, changes: Record<string, ZipMember | undefined> = {}): ZipMember[] {
  const files = unzipSync(zip);
  const out: ZipMember[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    if (!(name in changes)) out.push({ name, data });
    else if (changes[name]) out.push(changes[name]!);
  }
  for (const [name, member] of Object.entries(changes)) if (!(name in files) && member) out.push(member);
  return out;
}

/**
 * Raw deflate data that inflates to `bytes` zero bytes (rounded up to a 258-byte copy), about 1,000 times smaller:
 * one dynamic Huffman block whose only codes are literal 0 (2 bits), end of block (2 bits) and "copy 258 bytes at
 * distance 1" (1 bit + a 1-bit distance), so its body is zero bits and costs nothing to build.
 */
export function zeroBomb(bytes: number): Uint8Array {
  const copies = Math.ceil(Math.max(0, bytes - 1) / 258);
  const out = new Uint8Array(Math.ceil((200 + 2 * copies) / 8) + 2);
  let pos = 0;
  const bits = (value: number, n: number): void => { // header fields: least significant bit first
    for (let i = 0; i < n; i++, pos++) if ((value >> i) & 1) out[pos >> 3] |= 1 << (pos & 7);
  };
  const code = (value: number, n: number): void => { // Huffman codes: most significant bit first
    for (let i = n - 1; i >= 0; i--, pos++) if ((value >> i) & 1) out[pos >> 3] |= 1 << (pos & 7);
  };
  bits(1, 1); // final block
  bits(2, 2); // dynamic Huffman
  bits(286 - 257, 5); // literal/length codes 0..285
  bits(2 - 1, 5); // distance codes 0..1
  bits(18 - 4, 4); // code-length codes sent, in the order below
  const codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  const codeLengthBits: Record<number, number> = { 18: 1, 1: 2, 2: 2 };
  for (const s of codeLengthOrder) bits(codeLengthBits[s] ?? 0, 3);
  // Canonical code-length code: 18 → 0, 1 → 10, 2 → 11.
  const one = () => code(0b10, 2), two = () => code(0b11, 2);
  const zeros = (n: number) => { code(0, 1); bits(n - 11, 7); };
  two(); zeros(138); zeros(117); // literal 0: 2 bits; literals 1..255 unused
  two(); zeros(28); one(); // end of block: 2 bits; lengths 257..284 unused; 285 (258 bytes): 1 bit
  one(); one(); // distance codes 0 and 1: 1 bit each
  code(0b10, 2); // literal 0
  pos += 2 * copies; // each copy is code 285 (0) then distance 0 (0)
  code(0b11, 2); // end of block
  return out.subarray(0, Math.ceil(pos / 8));
}

/** A PDF from its objects (numbered from 1, the first being the catalog), with a correct cross-reference table. */
export function pdfFile(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** `n` empty A4 pages under one flat /Kids array, as Word and WPS write the page tree. */
export function emptyPagesPdf(n: number): Uint8Array {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Count ${n} /Kids [${kids}] >>`, ...pages]);
}

/** A scan: every page is one grey image filling the page, and no text at all. */
export function scannedPdf(pageCount: number): Uint8Array {
  const pixels = '\u0080'.repeat(64);
  const draw = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '', // the page tree, filled in below
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${pixels}\nendstream`,
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
  ];
  const kids: string[] = [];
  for (let i = 0; i < pageCount; i++) {
    kids.push(`${objects.length + 1} 0 R`);
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 3 0 R >> >> /Contents 4 0 R >>');
  }
  objects[1] = `<< /Type /Pages /Count ${pageCount} /Kids [${kids.join(' ')}] >>`;
  return pdfFile(objects);
}

/** A minimal OLE2 compound file as Word 97–2003 writes it: header sector, then a directory naming its streams. */
export function legacyDocBytes(): Uint8Array {
  const buf = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 24); // minor version
  buf.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  buf.writeUInt16LE(0xfffe, 28); // byte order mark
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // number of FAT sectors
  buf.writeUInt32LE(0, 48); // first directory sector
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  const entry = (index: number, name: string, type: number) => {
    const at = 512 + index * 128;
    buf.write(name, at, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf[at + 66] = type; // 5 root storage, 2 stream
  };
  entry(0, 'Root Entry', 5);
  entry(1, 'WordDocument', 2);
  entry(2, '1Table', 2);
  return new Uint8Array(buf);
}
