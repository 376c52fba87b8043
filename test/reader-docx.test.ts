// docx reader on the corpus documents, and on documents derived from them (legacy OLE object, object in a cell,
// skipped content, lying zip header, truncation).
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Block, Cell, ParagraphBlock, TableBlock } from '../src/document.js';
import type { ReaderOutput } from '../src/readers/index.js';
import { readBuffer } from './helpers/read.js';
import { readDocx } from '../src/readers/docx.js';
import { htmlToItems } from '../src/readers/docx-html.js';
import { outlineLevel, plainNumber } from '../src/readers/docx-text.js';
import { formatNumber, writeNumberingLabels } from '../src/readers/docx-numbering.js';
import { balanced, markObjects } from '../src/readers/docx-package.js';

const fixture = (name: string): Uint8Array => readFileSync(`fixtures/${name}`);
const paragraphs = (blocks: Block[]): ParagraphBlock[] => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const tables = (blocks: Block[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.type === 'table');

/** Rewrites members of a real docx (document.xml edits, replaced or added members). */
function derive(name: string, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(fixture(name));
  edit(files);
  return zipSync(files);
}

function editXml(files: Record<string, Uint8Array>, path: string, fn: (xml: string) => string): void {
  const before = strFromU8(files[path]!);
  const after = fn(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  files[path] = strToU8(after);
}

/** The row of a table whose cells include `label`. */
function rowWith(blocks: Block[], label: string): { table: TableBlock; row: Cell[] } | undefined {
  for (const table of tables(blocks)) {
    const row = table.rows.find((r) => r.some((c) => c.text === label));
    if (row) return { table, row };
  }
  return undefined;
}

describe('every docx in fixtures/', () => {
  const names = readdirSync('fixtures').filter((n) => n.endsWith('.docx'));
  it.each(names)('%s reads into paragraphs without errors', async (name) => {
    const { document, findings } = await readBuffer(name, fixture(name));
    expect(document.format).toBe('docx');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(paragraphs(document.blocks).length).toBeGreaterThan(20);
    // docx has no pages; no block pretends otherwise.
    expect(document.blocks.every((b) => b.page === undefined)).toBe(true);
    expect(document.blocks.every((b) => b.type !== 'paragraph' || b.text === b.text.trim() && b.text !== '' && !/\s\s/.test(b.text))).toBe(true);
  });
});

describe('002-songying-2023.docx', () => {
  let out: ReaderOutput;
  beforeAll(async () => { out = await readDocx(fixture('002-songying-2023.docx')); });

  it('keeps the execution-rate sentence intact', () => {
    const p = paragraphs(out.blocks).find((b) => b.text.includes('8724.90'));
    expect(p?.text).toContain('调整预算数9883.28万元');
    expect(p?.text).toContain('预算执行率88.28%');
  });

  it('takes heading levels from outline numbering when no heading style is used', () => {
    const level = (text: string): number | undefined => paragraphs(out.blocks).find((b) => b.text === text)?.heading;
    expect(level('一、部门基本情况')).toBe(1);
    expect(level('（一）部门概况')).toBe(2);
    expect(level('（2） 自评的方法和过程')).toBe(4);
    expect(level('宋营镇人民政府')).toBeUndefined();
    // A numbered sentence is a list item, not a heading.
    expect(level('3.宋营镇政府是本级人民代表大会的执行机关，是本级国家行政机关，依法行使行政职权。')).toBeUndefined();
  });

  it('expands the signature table: colspan cells are repeated and covered', () => {
    const found = rowWith(out.blocks, '卢迪');
    expect(found?.table.rows).toHaveLength(4);
    expect(found?.row).toEqual([
      { text: '1', row: 1, col: 0, value: 1 },
      { text: '卢迪', row: 1, col: 1 },
      { text: '党委副书记、镇长', row: 1, col: 2, colSpan: 2 },
      { text: '党委副书记、镇长', row: 1, col: 3, covered: true },
    ]);
  });

  it('places the table after the paragraph that introduces it', () => {
    const i = out.blocks.findIndex((b) => b.type === 'table');
    expect(out.blocks[i - 1]).toMatchObject({ type: 'paragraph', text: '绩效评价工作组人员名单' });
  });
});

describe('004-baocheng-2024: real tables and embedded workbooks give the same indicator rows', () => {
  let real: ReaderOutput;
  let embedded: ReaderOutput;
  beforeAll(async () => {
    [real, embedded] = await Promise.all([readDocx(fixture('004-baocheng-2024.docx')), readDocx(fixture('004-baocheng-2024-embedded.docx'))]);
  });

  it('detects headings from heading styles', () => {
    expect(paragraphs(real.blocks).find((b) => b.text === '一、部门（单位）基本情况')?.heading).toBe(1);
    expect(paragraphs(embedded.blocks).find((b) => b.text === '（一）机构组成')?.heading).toBe(2);
  });

  it('reads the indicator row from the Word table', () => {
    const found = rowWith(real.blocks, '便民服务中心入驻人数');
    expect(found).toBeDefined();
    const texts = found!.row.filter((c) => !c.covered).map((c) => c.text);
    expect(texts).toEqual(['', '产出指标', '数量指标', '便民服务中心入驻人数', '≥', '5', '人', '1.25', '5']);
    expect(found!.row.find((c) => c.text === '1.25')?.value).toBe(1.25);
    expect(found!.table.origin).toBeUndefined();
  });

  it('reads the same row from the embedded workbook, with origin and addresses', () => {
    const found = rowWith(embedded.blocks, '便民服务中心入驻人数');
    expect(found).toBeDefined();
    expect(found!.table.origin).toBe('word/embeddings/Microsoft_Excel_Worksheet1.xlsx');
    const texts = found!.row.filter((c) => !c.covered).map((c) => c.text);
    expect(texts).toEqual(['', '产出指标', '数量指标', '便民服务中心入驻人数', '≥', '5', '人', '1.25', '5']);
    const weight = found!.row.find((c) => c.value === 1.25);
    expect(weight?.address).toMatch(/^[A-Z]+\d+$/);
    expect(found!.row.every((c) => c.address)).toBe(true);
  });

  it('inserts each workbook where its object stands, between the right paragraphs', () => {
    const i1 = embedded.blocks.findIndex((b) => b.type === 'table' && b.origin?.endsWith('Worksheet1.xlsx'));
    const i2 = embedded.blocks.findIndex((b) => b.type === 'table' && b.origin?.endsWith('Worksheet2.xlsx'));
    expect(embedded.blocks[i1 - 1]).toMatchObject({ type: 'paragraph', text: '附件1' });
    expect(embedded.blocks[i2 - 1]).toMatchObject({ type: 'paragraph', text: '附件2' });
    expect(i2).toBe(embedded.blocks.length - 1);
    expect(embedded.findings).toEqual([]);
  });

  it('expands vertical merges: covered cells repeat the merged text', () => {
    for (const out of [real, embedded]) {
      const found = rowWith(out.blocks, '预算编审履职效果')!;
      const top = found.row.find((c) => c.text === '履职效能（15分）')!;
      expect(top).toMatchObject({ rowSpan: 3 });
      expect(top.covered).toBeUndefined();
      const below = [1, 2].map((k) => found.table.rows[top.row + k]![top.col]);
      expect(below).toEqual([
        expect.objectContaining({ text: '履职效能（15分）', covered: true }),
        expect.objectContaining({ text: '履职效能（15分）', covered: true }),
      ]);
      expect(found.table.rows[top.row + 1]!.map((c) => c.text)).toContain('预算执行履职效果');
    }
  });

  it('joins line breaks inside Chinese cell text without inventing spaces', () => {
    expect(rowWith(real.blocks, '资产管理（9分）')).toBeDefined();
  });
});

describe('automatic numbering is written into the text', () => {
  // 002 with its typed labels "一、" and "（一）" replaced by Word list numbering (chineseCounting).
  const numbered = (): Uint8Array => derive('002-songying-2023.docx', (files) => {
    editXml(files, 'word/document.xml', (x) => x
      .replace(/<w:p><w:r><w:t>[一二三四五六七八九十]+、/g, '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr><w:r><w:t>')
      .replace(/<w:p><w:r><w:t>（[一二三四五六七八九十]+）/g, '<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr></w:pPr><w:r><w:t>'));
    editXml(files, 'word/numbering.xml', (x) => x.replace('</w:numbering>',
      '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
      + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
      + '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num></w:numbering>'));
  });

  it('restores the labels mammoth would drop, counting like Word', async () => {
    const out = await readDocx(numbered());
    const heads = paragraphs(out.blocks).filter((b) => b.heading === 1).map((b) => b.text);
    expect(heads).toEqual(['一、部门基本情况', '二、自评工作开展情况', '三、部门整体支出绩效目标实现情况及指标分析',
      '四、评价结论和评价等级', '五、存在的问题及改进措施', '六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）']);
    const texts = paragraphs(out.blocks).map((b) => b.text);
    expect(texts).toContain('（三）部门整体支出绩效目标、指标');
    // Level 2 restarts under each level 1; the typed "（1）" in between is not part of the list.
    expect(texts).toContain('（一）分项绩效目标实现情况及指标分析');
    expect(texts).toContain('（二）针对问题提出具体的改进措施或建议');
    expect(paragraphs(out.blocks).find((b) => b.text === '（一）部门概况')?.heading).toBe(2);
  });
});

describe('embedded objects that cannot be read are reported, never silent', () => {
  it('a legacy OLE member is named in a warning; the other workbook is still read', async () => {
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const buf = derive('004-baocheng-2024-embedded.docx', (files) => {
      delete files['word/embeddings/Microsoft_Excel_Worksheet2.xlsx'];
      files['word/embeddings/oleObject2.bin'] = ole2;
      editXml(files, 'word/_rels/document.xml.rels', (x) => x.replace('embeddings/Microsoft_Excel_Worksheet2.xlsx', 'embeddings/oleObject2.bin'));
    });
    const { document, findings } = await readBuffer('legacy.docx', buf);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'embedded-object', severity: 'warning', messageId: 'embedded-legacy-ole',
      location: { file: 'legacy.docx', origin: 'word/embeddings/oleObject2.bin' },
    });
    expect(findings[0]!.message).toContain('word/embeddings/oleObject2.bin');
    expect(findings[0]!.message).toContain('旧版 OLE');
    expect(tables(document.blocks).map((t) => t.origin)).toEqual(['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']);
    // The warning points at the block position where the object stands: right after 附件2.
    const at = findings[0]!.location.block!;
    expect(document.blocks[at - 1]).toMatchObject({ text: '附件2' });
  });

  it('an embedded object whose member is missing is reported', async () => {
    const buf = derive('004-baocheng-2024-embedded.docx', (files) => { delete files['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']; });
    const out = await readDocx(buf);
    expect(out.findings.map((f) => f.messageId)).toEqual(['embedded-missing']);
    expect(tables(out.blocks)).toHaveLength(1);
  });

  it('an object inside a table cell is read and placed after that table', async () => {
    const buf = derive('004-baocheng-2024-embedded.docx', (files) => {
      editXml(files, 'word/document.xml', (x) => x.replace(/<w:p><w:r><w:object[\s\S]*?<\/w:object><\/w:r><\/w:p>/, (p) =>
        `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>附表甲</w:t></w:r></w:p>${p}</w:tc></w:tr></w:tbl>`));
    });
    const out = await readDocx(buf);
    const i = out.blocks.findIndex((b) => b.type === 'table' && b.rows[0]?.[0]?.text === '附表甲');
    expect(i).toBeGreaterThan(0);
    expect(out.blocks[i + 1]).toMatchObject({ type: 'table', origin: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx' });
  });
});

describe('content mammoth skips becomes one warning per kind', () => {
  it('an unknown element is reported once, however often it occurs', async () => {
    const buf = derive('002-songying-2023.docx', (files) => {
      editXml(files, 'word/document.xml', (x) => x.replace(/<w:body>/, '<w:body xmlns:zz="urn:example:unknown">')
        .replace(/<w:p>/, '<w:p><zz:formula>x</zz:formula><zz:formula>y</zz:formula>'));
    });
    const out = await readDocx(buf);
    expect(out.findings).toHaveLength(1);
    expect(out.findings[0]).toMatchObject({ rule: 'read-warning', messageId: 'content-skipped' });
    expect(out.findings[0]!.evidence).toContain('formula');
  });
});

describe('hostile and broken packages', () => {
  it('a truncated docx is a read-error, not an exception', async () => {
    const full = fixture('004-baocheng-2024.docx');
    for (const n of [100, Math.floor(full.length / 2), full.length - 30]) {
      const { document, findings } = await readBuffer('cut.docx', full.subarray(0, n));
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
      expect(document.blocks).toEqual([]);
    }
  });

  it('a member whose header declares a huge size is refused before inflating', async () => {
    const buf = new Uint8Array(fixture('002-songying-2023.docx'));
    // Patch the central directory entry of word/document.xml: uncompressed size := 3 GB.
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const name = strToU8('word/document.xml');
    let patched = false;
    for (let i = 0; i + 46 < buf.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const len = view.getUint16(i + 28, true);
      if (len === name.length && name.every((b, k) => buf[i + 46 + k] === b)) {
        view.setUint32(i + 24, 3 * 1024 ** 3, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    const { findings } = await readBuffer('bomb.docx', buf);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'read-error', severity: 'error' });
    expect(findings[0]!.message).toContain('压缩炸弹');
  });

  it('malformed document XML is a read-error', async () => {
    const buf = derive('002-songying-2023.docx', (files) => editXml(files, 'word/document.xml', (x) => x.slice(0, x.length / 2)));
    const { findings } = await readBuffer('broken.docx', buf);
    expect(findings.map((f) => f.rule)).toEqual(['read-error']);
  });
});

describe('grid and text helpers', () => {
  it('flattens a nested table into its own block after the outer one, losing no text', () => {
    const items = htmlToItems('<table><tr><td><p>外层</p><table><tr><td><p>内层</p></td><td><p>12.5</p></td></tr></table><p>尾注</p></td></tr></table>');
    expect(items).toEqual([
      { type: 'table', rows: [[{ text: '外层尾注', row: 0, col: 0 }]] },
      { type: 'table', rows: [[{ text: '内层', row: 0, col: 0 }, { text: '12.5', row: 0, col: 1, value: 12.5 }]] },
    ]);
  });

  it('fills every grid position when spans overlap rows of different lengths', () => {
    const [t] = htmlToItems('<table><tr><td rowspan="2" colspan="2">甲</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>') as TableBlock[];
    expect(t!.rows.map((r) => r.map((c) => `${c.text}${c.covered ? '*' : ''}`))).toEqual([['甲', '甲*', '1'], ['甲*', '甲*', '2'], ['3', '', '']]);
  });

  it('drops footnote reference numbers from the text', () => {
    expect(htmlToItems('<p>执行率88.28%<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。</p>')).toEqual([{ type: 'paragraph', text: '执行率88.28%。' }]);
  });

  it.each([
    ['一、部门基本情况', 1], ['（一）部门概况', 2], ['(二) 收入', 2], ['1.履职效能（15分）', 3], ['2、预算管理', 3],
    ['（1）预算编审履职效果（5分）', 4], ['①数量指标', 5], ['1.5万元用于培训', undefined], ['2023年预算', undefined], ['一是落实政策', undefined],
  ])('outline level of %s is %s', (text, level) => {
    expect(outlineLevel(text)).toBe(level);
  });

  it.each([
    [1, 'chineseCounting', '一'], [10, 'chineseCounting', '十'], [11, 'chineseCounting', '十一'], [20, 'chineseCounting', '二十'],
    [101, 'chineseCounting', '一百零一'], [3, 'decimalEnclosedCircle', '③'], [2, 'ideographTraditional', '乙'], [4, 'lowerRoman', 'iv'],
  ])('numbering %s in %s is %s', (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });

  it('takes numbering from a paragraph style through basedOn', () => {
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
    const styles = '<w:styles><w:style w:type="paragraph" w:styleId="List"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="List"/></w:style></w:styles>';
    const doc = '<w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Item"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr></w:p>';
    const labels = [...writeNumberingLabels(doc, numbering, styles).matchAll(/preserve">([^<]*)</g)].map((m) => m[1]);
    expect(labels).toEqual(['1. ', '2. ']);
  });

  it('leaves unbalanced XML to the parser instead of scanning it again and again', () => {
    expect(balanced('<w:pPr><w:pPrChange><w:pPr/></w:pPrChange></w:pPr>', 'w:pPr')).toBe(true);
    expect(balanced('</w:pPr><w:pPr>', 'w:pPr')).toBe(false);
    const unclosed = '<w:p><w:r><w:object><o:OLEObject r:id="rId9"/>'.repeat(3);
    expect(markObjects(unclosed, []).xml).toBe(unclosed);
  });

  it.each([
    ['1,059.39', 1059.39], ['１０５９．３９', 1059.39], ['0.00', 0], ['-3', -3], ['88.28%', undefined], ['5人', undefined], ['1,05', undefined], ['', undefined], ['-', undefined],
  ])('plain number of %s is %s', (text, value) => {
    expect(plainNumber(text)).toBe(value);
  });
});
