// The test helper that changes a number in a PDF: it changes that number only, and writes a well-formed incremental update.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDocument } from '../src/readers/index.js';
import type { Block } from '../src/document.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-mutate-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function copy(name: string, from: string, to: string): string {
  const path = join(dir, name);
  writeFileSync(path, mutatePdf(readFileSync(`fixtures/${name}`), from, to));
  return path;
}

describe('mutatePdf', () => {
  const texts = (blocks: Block[]) => blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('|')).join('\n')));

  it('changes only the number: the reader sees the same document with that one number different', async () => {
    const [before, after] = await Promise.all([
      readDocument('fixtures/002-songying-2023.pdf'),
      readDocument(copy('002-songying-2023.pdf', '执行率88.28%', '执行率88.82%')),
    ]);
    const a = texts(before.document.blocks);
    const b = texts(after.document.blocks);
    expect(b).toHaveLength(a.length);
    const changed = a.map((t, i) => i).filter((i) => a[i] !== b[i]);
    expect(changed).toHaveLength(1);
    expect(b[changed[0]]).toBe(a[changed[0]].replace('88.28%', '88.82%'));
    expect(after.findings.filter((f) => f.severity !== 'info')).toEqual(before.findings.filter((f) => f.severity !== 'info'));
  });

  it('appends an incremental update: the original bytes stay, the new xref section points at the new object', () => {
    const original = readFileSync('fixtures/002-songying-2023.pdf');
    const changed = mutatePdf(original, '88.28', '88.82');
    expect(Buffer.from(changed.subarray(0, original.length)).equals(original)).toBe(true);
    const tail = Buffer.from(changed.subarray(original.length)).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)![1]);
    const xref = /^xref\n(\d+) 1\n(\d{10}) 00000 n/.exec(Buffer.from(changed.subarray(startxref)).toString('latin1'))!;
    expect(xref).not.toBeNull();
    expect(Buffer.from(changed.subarray(Number(xref[2]))).toString('latin1')).toMatch(new RegExp(`^${xref[1]} 0 obj\n<<`));
    expect(tail).toMatch(/\/Prev \d+>>/);
  });

  it('refuses a digit the subset font does not have, rather than showing a wrong glyph', () => {
    // This run of 004's PDF is set in a subset font without the glyph for 5; mutation.test.ts then tries another digit.
    expect(() => mutatePdf(readFileSync('fixtures/004-baocheng-2024.pdf'), '245.09', '254.09')).toThrow(/has no glyph for "5"/);
  });

  it('reads 2-byte codes from literal strings, and finds its own update again (a second change follows /Prev)', () => {
    // Codes 0x2826.. map to "执行率" and the digits: not the characters' own bytes, and some bytes are ( and ), which a
    // literal string must escape.
    const chars = ['执', '行', '率', '%', ...'0123456789.'];
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
      `${chars.length} beginbfchar`,
      ...chars.map((ch, i) => `<${(0x2826 + i).toString(16).padStart(4, '0')}> <${ch.charCodeAt(0).toString(16).padStart(4, '0')}>`),
      'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const code = (t: string) => [...t].map((ch) => { const c = 0x2826 + chars.indexOf(ch); return String.fromCharCode(c >> 8, c & 0xff); }).join('');
    // A literal string: escape the bytes PDF syntax reserves.
    const lit = (t: string) => '(' + code(t).replace(/[()\\]/g, (m) => '\\' + m) + ')';
    const content = `BT /F1 12 Tf 72 700 Td ${lit('执行率88.28%')} Tj ET`;
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [] /ToUnicode 6 0 R >>',
      `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    ];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((body, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${body}\nendobj\n`; return at; });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const once = mutatePdf(new Uint8Array(Buffer.from(pdf, 'latin1')), '88.28', '88.82');
    const twice = mutatePdf(once, '执行率88.82%', '执行率8.82%');
    expect(content).toMatch(/\\\(|\\\)/);
    expect(() => mutatePdf(twice, '执行率88.82%', '执行率88.28%')).toThrow(/occurs 0 times/);
    expect(() => mutatePdf(twice, '执行率8.82%', '执行率8.28%')).not.toThrow();
  });
});
