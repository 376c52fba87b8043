// The changes the build makes to pdf.js' worker half (scripts/pdf-worker.mjs applies them; a test checks the copy is
// the original with exactly these). Two remove font work whose result text extraction never reads; one inflates
// compressed streams with Node's zlib instead of pdf.js' decoder written in JavaScript.

/** Each change: the text as pdfjs-dist 5.4.296 writes it (found exactly once), and the same text with lines added. */
export const PATCHES = [
  {
    name: 'CFFCompiler.compile skipped',
    // the CFF compiler writes a new font program for drawing; text takes nothing from it
    find: '  compile() {\n    const cff = this.cff;\n    const output = {',
    replace: '  compile() {\n    return new Uint8Array(0);\n    const cff = this.cff;\n    const output = {',
  },
  {
    name: 'font program not read where the PDF maps codes to Unicode',
    // a font whose dictionary has a ToUnicode map gets its text from that map and its widths from /Widths or /W; the
    // embedded program (parsed, decrypted, rewritten as OpenType) would only serve drawing. amendFallbackToUnicode is
    // what the font-file path does with the PDF's own encoding; the rest of that path only concerns glyph outlines
    find: '      this.fallbackToSystemFont(properties);\n      return;\n    }\n    [type, subtype] = getFontFileType(file, properties);\n',
    replace: '      this.fallbackToSystemFont(properties);\n      return;\n    }\n'
      + '    if (properties.hasIncludedToUnicodeMap && ["Type1", "MMType1", "CIDFontType0", "TrueType", "OpenType", "CIDFontType2"].includes(this.type)) {\n'
      + '      amendFallbackToUnicode(properties);\n'
      + '      return;\n'
      + '    }\n'
      + '    [type, subtype] = getFontFileType(file, properties);\n',
  },
  {
    name: 'Flate streams inflated by zlib',
    // pdf.js decodes /FlateDecode (every content stream of a LibreOffice or Word PDF) bit by bit in JavaScript; Node's
    // zlib gives the same bytes natively. Data zlib refuses (a damaged or cut stream) goes back to pdf.js' own decoder,
    // which reads it exactly as before: what it can, or the error that makes the file a read failure, never a quietly
    // shortened page. Only where Node provides zlib (process.getBuiltinModule, Node 20.16 and later)
    find: '  readBlock() {\n    let buffer, hdr, len;\n    const str = this.str;\n    try {\n      hdr = this.getBits(3);\n',
    replace: '  readBlock() {\n'
      + '    // the first block read: the whole stream at once\n'
      + '    if (!this.zlibTried) {\n'
      + '      this.zlibTried = true;\n'
      + '      const zlib = globalThis.process?.getBuiltinModule?.("node:zlib");\n'
      + '      if (zlib) {\n'
      + '        const bytes = this.str.getBytes();\n'
      + '        try {\n'
      + '          // at most 256 MiB at once: a larger (or bomb) stream is pdf.js\' to decode as it always was, piece by piece\n'
      + '          const out = zlib.inflateRawSync(bytes, { maxOutputLength: 256 * 1024 * 1024 });\n'
      + '          // a buffer of its own: a small result may sit in Node\'s shared pool, which pdf.js could transfer\n'
      + '          this.buffer = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer) : Uint8Array.prototype.slice.call(out);\n'
      + '          this.bufferLength = this.buffer.length;\n'
      + '          this.eof = true;\n'
      + '          return;\n'
      + '        } catch {\n'
      + '          this.str = new Stream(bytes, 0, bytes.length, this.dict);\n'
      + '        }\n'
      + '      }\n'
      + '    }\n'
      + '    let buffer, hdr, len;\n    const str = this.str;\n    try {\n      hdr = this.getBits(3);\n',
  },
];
