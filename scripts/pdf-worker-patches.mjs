// The changes the build makes to pdf.js' worker half (scripts/pdf-worker.mjs applies them; a test checks the copy is
// the original with exactly these). Each removes font work whose result text extraction never reads.

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
];

