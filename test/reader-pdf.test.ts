// pdf reader on the corpus PDFs, and on small hand-written PDFs: no text layer, a scanned page, garbled text,
// garbage after %PDF, an encrypted file.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Block, Cell, ParagraphBlock, TableBlock } from '../src/document.js';
import { ReadFailure } from '../src/readers/contract.js';
import type { ReaderOutput } from '../src/readers/index.js';
import { readBuffer } from './helpers/read.js';
import { pdfWorkerModule, readPdf } from '../src/readers/pdf.js';
import { defaultSeverity } from '../src/checks/index.js';
import { cellText, joinWrapped, leadingChunkEms, normalizeCjkSpacing, type PdfLine } from '../src/readers/pdf-text.js';
import { pdfFile } from './helpers/hostile-inputs.js';

const fixture = (name: string): Uint8Array => readFileSync(`fixtures/${name}`);
const paragraphs = (blocks: Block[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.type === 'table');

function rowWith(blocks: Block[], label: string): { table: TableBlock; row: Cell[] } | undefined {
  for (const table of tables(blocks)) {
    const row = table.rows.find((r) => r.some((c) => c.text === label));
    if (row) return { table, row };
  }
  return undefined;
}

const stream = (content: string, dict = '') => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
const helvetica = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const grayPixel = stream('\xff', '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8');

/** Pages given as [content stream, resources]; page objects follow the catalog and page tree. */
function pdfWithPages(pages: Array<[string, string]>, extra: string[] = []): Uint8Array {
  const n = pages.length;
  const first = 3; // 1 catalog, 2 pages, then page i at 3+2i and its content at 4+2i
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`];
  pages.forEach(([content, resources], i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${first + 2 * i + 1} 0 R >>`);
    objects.push(stream(content));
  });
  return pdfFile([...objects, ...extra]);
}

describe('every pdf in fixtures/', () => {
  const expectedPages: Record<string, number> = {
    '000-sanyuan-2023.pdf': 4, '001-quanfang-2023.pdf': 5, '002-songying-2023.pdf': 3, '003-dept-2023.pdf': 4, '004-baocheng-2024.pdf': 18,
  };
  const names = readdirSync('fixtures').filter((n) => n.endsWith('.pdf') && !n.startsWith('encrypted'));

  it('covers the corpus PDFs', () => {
    expect(names.sort()).toEqual(Object.keys(expectedPages).sort());
  });

  for (const name of names) {
    it(`${name}: text, page numbers on every block, in order`, async () => {
      const out = await readPdf(fixture(name));
      expect(out.findings).toEqual([]);
      expect(out.pages).toBe(expectedPages[name]);
      expect(paragraphs(out.blocks).length).toBeGreaterThan(10);
      let last = 1;
      for (const block of out.blocks) {
        expect(block.page).toBeGreaterThanOrEqual(last);
        expect(block.page).toBeLessThanOrEqual(out.pages!);
        last = block.page!;
      }
      const text = paragraphs(out.blocks).map((p) => p.text).join('\n');
      expect(text).not.toMatch(/\uFFFD/);
    });
  }
});

describe('002 (prose, one small ruled table)', () => {
  let out: ReaderOutput;
  beforeAll(async () => { out = await readPdf(fixture('002-songying-2023.pdf')); });

  it('joins the wrapped lines of the budget paragraph on page 1 and drops the CJK–digit spaces', () => {
    const p = paragraphs(out.blocks).find((b) => b.text.includes('8724.90'));
    expect(p?.page).toBe(1);
    expect(p?.text).toBe('2023年，我镇年初共安排预算资金8593.66万元，调整预算数9883.28万元，截至12月底，共完成支付8724.90万元，预算执行率88.28%。');
  });

  it('continues a paragraph across a page break, on the page it starts', () => {
    const p = paragraphs(out.blocks).find((b) => b.text.includes('以改善人民生活水平为目标'));
    expect(p?.page).toBe(1);
  });

  it('sets heading levels from the outline numbering', () => {
    const heading = (t: string) => paragraphs(out.blocks).find((b) => b.text === t)?.heading;
    expect(heading('一、部门基本情况')).toBe(1);
    expect(heading('（一）部门概况')).toBe(2);
    expect(heading('宋营镇人民政府')).toBeUndefined();
    const item = paragraphs(out.blocks).find((b) => b.text.startsWith('2.绩效评价指标体系'));
    expect(item?.heading).toBeUndefined();
  });

  it('reads the signature table as a grid and not also as paragraphs', () => {
    const hit = rowWith(out.blocks, '卢迪');
    expect(hit?.table.page).toBe(3);
    expect(hit?.row.map((c) => c.text).slice(0, 3)).toEqual(['1', '卢迪', '党委副书记、镇长']);
    expect(hit?.row[0].value).toBe(1);
    expect(paragraphs(out.blocks).some((p) => p.text.includes('卢迪'))).toBe(false);
  });
});

describe('004 (indicator and scoring tables)', () => {
  let out: ReaderOutput;
  beforeAll(async () => { out = await readPdf(fixture('004-baocheng-2024.pdf')); });

  it('has the indicator row 便民服务中心入驻人数 … 1.25 as table cells on page 11', () => {
    const hit = rowWith(out.blocks, '便民服务中心入驻人数');
    expect(hit?.table.page).toBe(11);
    const texts = hit!.row.filter((c) => !c.covered).map((c) => c.text);
    expect(texts).toEqual(['', '产出指标', '数量指标', '便民服务中心入驻人数', '≥', '5', '人', '1.25', '5']);
    const weight = hit!.row.find((c) => c.text === '1.25');
    expect(weight?.value).toBe(1.25);
    expect(hit!.row.map((c) => c.col)).toEqual(hit!.row.map((_, i) => i));
  });

  it('joins a number wrapped inside a narrow cell ("1,059.3" / "9")', () => {
    const hit = rowWith(out.blocks, '人员经费');
    expect(hit?.table.page).toBe(15);
    const numbers = hit!.row.filter((c) => c.text === '1,059.39');
    expect(numbers.length).toBe(2);
    expect(numbers[0].value).toBe(1059.39);
  });

  it('keeps a merged cell whole and marks the positions it covers', () => {
    const hit = rowWith(out.blocks, '预算执行履职效果');
    const merged = hit!.row.filter((c) => c.text === '履职效能（15分）');
    expect(merged.length).toBe(1);
    expect(merged[0].covered).toBe(true);
    const anchor = hit!.table.rows.flat().find((c) => c.text === '履职效能（15分）' && !c.covered);
    expect(anchor?.rowSpan).toBe(3);
  });

  it('does not repeat table text as paragraphs', () => {
    const prose = paragraphs(out.blocks).map((p) => p.text).join('\n');
    for (const label of ['便民服务中心入驻人数', '聘请法律顾问人数', '预算编审履职效果', '1,059.3']) {
      expect(tables(out.blocks).some((t) => t.rows.flat().some((c) => c.text.includes(label)))).toBe(true);
    }
    expect(prose).not.toContain('便民服务中心入驻人数');
    expect(prose).not.toContain('聘请法律顾问人数');
    expect(prose).not.toContain('1,059.3');
    expect(prose).toContain('1.履职效能（15分）');
  });

  it('has the prose figures the checks need, spaces between CJK and digits removed', () => {
    const prose = paragraphs(out.blocks).map((p) => p.text).join('\n');
    expect(prose).toContain('执行率45.9%');
    expect(prose).toContain('一般公共预算财政拨款收入1493.56万元，占93.38%');
    expect(prose).toContain('“支出执行进度”满分6分，自评得分4分。');
  });
});

describe("pdf.js' worker half", () => {
  it('is the build copy: the original with exactly the listed changes, each found once', async () => {
    // npm test builds it (scripts/pdf-worker.mjs); without it the reader silently takes twice as long on embedded fonts
    const url = pdfWorkerModule();
    expect(url).toMatch(/\/dist\/pdfjs\/pdf\.worker\.mjs$/);
    const { PATCHES } = await import('../scripts/pdf-worker-patches.mjs') as { PATCHES: Array<{ name: string; find: string; replace: string }> };
    const [header, ...rest] = readFileSync(new URL(url), 'utf8').split('\n');
    let original = readFileSync(new URL('../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', import.meta.url), 'utf8')
      .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
    expect(header).toMatch(/^\/\/ jixiao build of pdfjs-dist \d/);
    expect(PATCHES.map((p) => p.name)).toEqual([
      'CFFCompiler.compile skipped', 'font program not read where the PDF maps codes to Unicode', 'Flate streams inflated by zlib',
    ]);
    for (const { name, find, replace } of PATCHES) {
      expect(header).toContain(name);
      expect(original.split(find).length, name).toBe(2);
      original = original.replace(find, () => replace);
    }
    expect(rest.join('\n')).toBe(original);
  });

  const budgetLine = 'BT /F1 12 Tf 72 700 Td (Budget 88.28 percent) Tj ET\n';
  const secondLine = 'BT /F1 12 Tf 72 600 Td (Second line 12.5) Tj ET\n';
  // one page whose content stream is compressed, as every content stream of a Word or LibreOffice PDF is
  const flatePage = (compressed: Uint8Array) => pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${helvetica} >> >> /Contents 4 0 R >>`,
    stream(Buffer.from(compressed).toString('latin1'), '/Filter /FlateDecode'),
  ]);

  it('inflates a /FlateDecode content stream (zlib in the build copy): the page reads as written', async () => {
    const out = await readPdf(flatePage(deflateSync(budgetLine + secondLine)));
    expect(out.findings).toEqual([]);
    expect(paragraphs(out.blocks).map((b) => b.text)).toEqual(['Budget 88.28 percent Second line 12.5']);
  });

  it('a Flate stream cut short goes back to pdf.js\' own decoder: a read failure as before, not a page quietly shortened', async () => {
    const whole = deflateSync(budgetLine + secondLine);
    const result = await readBuffer('cut-stream.pdf', flatePage(whole.subarray(0, whole.length - 12)));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
    // pdf.js' message, not zlib's "unexpected end of file": the stream was handed back
    expect(result.findings[0].message).toContain('Bad encoding in flate stream');
  });

  it('is the one pdf.js runs documents with (it takes the worker half already loaded)', async () => {
    await readPdf(fixture('002-songying-2023.pdf'));
    const loaded = await import(pdfWorkerModule()) as { WorkerMessageHandler: unknown };
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBe(loaded.WorkerMessageHandler);
  });
});

describe('CJK text in a font that is not embedded', () => {
  it('decodes through the CMaps shipped with pdf.js (UniGB-UCS2-H, STSong-Light)', async () => {
    const descriptor = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>';
    const cidFont = `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} /DW 1000 >>`;
    const font = `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont}] >>`;
    // 预算执行率88.28%。 as UCS-2 codes
    const text = 'BT /F1 12 Tf 72 720 Td <98847B976267884C738700380038002E003200380025 3002> Tj ET';
    const out = await readPdf(pdfWithPages([[text, '<< /Font << /F1 5 0 R >> >>']], [font]));
    expect(out.findings).toEqual([]);
    expect(paragraphs(out.blocks).map((p) => p.text)).toEqual(['预算执行率88.28%。']);
  });
});

describe('PDFs without usable text', () => {
  it('an empty page: a no-text warning, not a silent pass', async () => {
    const { document: out, findings } = await readBuffer('empty.pdf', pdfWithPages([['', '<< >>']]));
    expect(out.blocks).toEqual([]);
    expect(out.pages).toBe(1);
    expect(findings.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['no-text', 'warning', 'no-text']]);
    expect(findings[0].message).toContain('没有可提取的文字层');
  });

  it('a page holding only an image (scanned) and vector paths: an error, the file unchecked, that says to use --ocr', async () => {
    const bytes = pdfWithPages([['q 400 0 0 500 100 150 cm /Im1 Do Q 72 72 m 500 72 l S', '<< /XObject << /Im1 5 0 R >> >>']], [grayPixel]);
    const result = await readBuffer('scan.pdf', bytes);
    expect(result.findings.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['no-text', 'error', 'scanned']]);
    expect(result.findings[0].message).toMatch(/未能核查.*--ocr/);
    expect(result.document.pages).toBe(1);
  });

  it('one scanned page among text pages: a warning that names the page', async () => {
    const text = 'BT /F1 12 Tf 72 720 Td (Budget 8724.90 of 9883.28, rate 88.28 percent.) Tj ET';
    const bytes = pdfWithPages([
      [text, '<< /Font << /F1 7 0 R >> >>'],
      ['q 400 0 0 500 100 150 cm /Im1 Do Q', '<< /XObject << /Im1 8 0 R >> >>'],
    ], [helvetica, grayPixel]);
    const out = await readPdf(bytes);
    expect(out.findings.map((f) => [f.rule, f.messageId, f.location?.page])).toEqual([['no-text', 'scanned-page', 2]]);
    expect(paragraphs(out.blocks).map((p) => [p.text, p.page])).toEqual([['Budget 8724.90 of 9883.28, rate 88.28 percent.', 1]]);
  });

  it('scanned pages that carry only a typed page number: the file is a scan, an error that says to use --ocr', async () => {
    const page = (n: number): [string, string] => [
      `q 400 0 0 500 100 150 cm /Im1 Do Q BT /F1 10 Tf 280 60 Td (Page ${n} of 2) Tj ET`,
      '<< /XObject << /Im1 7 0 R >> /Font << /F1 8 0 R >> >>',
    ];
    const out = await readPdf(pdfWithPages([page(1), page(2)], [grayPixel, helvetica]));
    expect(out.blocks).toEqual([]);
    expect(out.findings.map((f) => [f.rule, f.messageId, f.severity ?? defaultSeverity(f.rule, f.messageId)])).toEqual([['no-text', 'scanned', 'error']]);
  });

  it('text that maps only to private-use characters: a no-text warning', async () => {
    const cmap = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CMapName /Garbled def 1 begincodespacerange <00> <FF> endcodespacerange',
      '1 beginbfrange <20> <7E> <E020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end',
    ].join('\n');
    const bytes = pdfWithPages(
      [['BT /F1 12 Tf 72 720 Td (Budget 8724.90 of 9883.28, rate 88.28 percent.) Tj ET', '<< /Font << /F1 5 0 R >> >>']],
      ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>', stream(cmap)],
    );
    const out = await readPdf(bytes);
    expect(out.blocks).toEqual([]);
    expect(out.findings.map((f) => [f.rule, f.messageId])).toEqual([['no-text', 'garbled']]);
  });

  // a subset font without a ToUnicode map: its codes (1, 2, 3 …) come out as they are, controls first
  const rawCodes = (text: string) => pdfWithPages(
    [[`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, '<< /Font << /F1 5 0 R >> >>']],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  );

  it('text of raw font codes (control characters and the ASCII past them): a no-text warning, not a silent pass', async () => {
    const out = await readPdf(rawCodes('\\001\\002\\003!"#\\004\\005$%&\\001\\006\\007()*+,-./0123'));
    expect(out.blocks).toEqual([]);
    expect(out.findings.map((f) => [f.rule, f.messageId])).toEqual([['no-text', 'garbled']]);
  });

  it('one stray control character in a page of text is no reason to drop it', async () => {
    const out = await readPdf(rawCodes('Budget 8724.90 of 9883.28, rate 88.28 percent, as stated in the table below\\001'));
    expect(out.findings).toEqual([]);
    expect(out.blocks.map((b) => b.type === 'paragraph' && b.text)).toEqual([expect.stringContaining('Budget 8724.90 of 9883.28')]);
  });
});

describe('PDFs that cannot be read', () => {
  it('garbage after %PDF: read-error, no crash', async () => {
    let seed = 7;
    const noise = Uint8Array.from({ length: 20_000 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const bytes = new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...noise]);
    await expect(readPdf(bytes)).rejects.toBeInstanceOf(ReadFailure);
    const result = await readBuffer('noise.pdf', bytes);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
  });

  it('a truncated corpus PDF: read-error naming the damage', async () => {
    const result = await readBuffer('cut.pdf', fixture('002-songying-2023.pdf').subarray(0, 20_000));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
    expect(result.findings[0].message).toContain('PDF 文件结构损坏');
  });

  it('an encrypted PDF: read-error asking for an unencrypted file', async () => {
    const failure = await readPdf(fixture('encrypted.pdf')).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ReadFailure);
    expect((failure as ReadFailure).rule).toBe('read-error');
    expect((failure as ReadFailure).messageId).toBe('encrypted');
    const result = await readBuffer('fixtures/encrypted.pdf', fixture('encrypted.pdf'));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
    expect(result.findings[0].message).toMatch(/已加密.*未加密的文件/);
  });

  it('leaves the caller\'s buffer intact', async () => {
    const bytes = fixture('002-songying-2023.pdf');
    const length = bytes.byteLength;
    await readPdf(bytes);
    expect(bytes.byteLength).toBe(length);
  });
});

describe('pdf text helpers', () => {
  const line = (text: string): PdfLine => ({ text, x0: 0, x1: 100, y: 0, size: 10, page: 1 });

  it('removes spaces only between CJK and digits', () => {
    expect(normalizeCjkSpacing('关于 2024 年 执行率 88.28% 。')).toBe('关于2024年 执行率88.28%。');
    expect(normalizeCjkSpacing('the 2024 report')).toBe('the 2024 report');
  });

  it('joins CJK lines without a space and Latin lines with one', () => {
    expect(joinWrapped('截至12月', '底')).toBe('截至12月底');
    expect(joinWrapped('performance', 'report')).toBe('performance report');
  });

  it('a cell that is one number wrapped over lines reads as that number; other cells join like prose', () => {
    expect(cellText([line('1,059.3'), line('9')])).toBe('1,059.39');
    expect(cellText([line('实际完'), line('成'), line('指标值')])).toBe('实际完成指标值');
    expect(cellText([line('工作完成。'), line('1.下一项')])).toBe('工作完成。\n1.下一项');
  });

  it('measures the unbreakable start of the next line', () => {
    expect(leadingChunkEms('同），实际支出')).toBe(3);
    expect(leadingChunkEms('〔2024〕15号）文件')).toBeGreaterThan(5);
    expect(leadingChunkEms('但“重分配')).toBe(3);
  });
});
