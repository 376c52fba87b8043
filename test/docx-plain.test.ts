// The plain docx reader gives what mammoth gives: on every docx fixture, and on documents built to hold each construct
// it reads (and some it must leave to mammoth).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readDocx, readsPlain } from '../src/readers/docx.js';
import { headingLevel } from '../src/readers/docx-plain.js';

const docxUnder = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const p = join(dir, name);
  return statSync(p).isDirectory() ? docxUnder(p) : name.endsWith('.docx') ? [p] : [];
});

/** The bundled sample's package with its body (and, if given, more styles and relationships) replaced. */
function docxWith(body: string, extra: { styles?: string; rels?: string; parts?: Record<string, string> } = {}): Uint8Array {
  const zip = unzipSync(readFileSync('fixtures/001-quanfang-2023.docx'));
  const edit = (name: string, f: (s: string) => string) => { zip[name] = strToU8(f(strFromU8(zip[name]!))); };
  edit('word/document.xml', (s) => s.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}<w:sectPr/></w:body>`));
  if (extra.styles) edit('word/styles.xml', (s) => s.replace('</w:styles>', `${extra.styles}</w:styles>`));
  if (extra.rels) edit('word/_rels/document.xml.rels', (s) => s.replace('</Relationships>', `${extra.rels}</Relationships>`));
  for (const [name, text] of Object.entries(extra.parts ?? {})) zip[name] = strToU8(text);
  return zipSync(zip);
}

const p = (inner: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${inner}</w:tc>`;
const tr = (cells: string, props = '') => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ''}${cells}</w:tr>`;
const tbl = (rows: string) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${rows}</w:tbl>`;

/** Documents holding each construct the plain reader reads. */
const PLAIN: Record<string, { body: string; styles?: string; rels?: string }> = {
  'headings by style id and by name, in any case': {
    body: [p(r('一、总体情况'), '<w:pStyle w:val="Heading1"/>'), p(r('（一）项目'), '<w:pStyle w:val="Heading2"/>'), p(r('说明'), '<w:pStyle w:val="Loud"/>'),
      p(r('标题'), '<w:pStyle w:val="Heading"/>'), p(r('正文'), '<w:pStyle w:val="Normal"/>'), p(r('无样式'), '<w:pStyle w:val="Missing"/>'), p(r('七级'), '<w:pStyle w:val="Heading7"/>')].join(''),
    styles: '<w:style w:type="paragraph" w:styleId="Loud"><w:name w:val="HEADING 3"/></w:style><w:style w:type="paragraph" w:styleId="Loud"><w:name w:val="heading 1"/></w:style>',
  },
  'runs: text, tabs, breaks, hyphens, entities, empty text, formatting': {
    body: [p(r('预算&amp;执行 &lt;1&gt; &#x4E00;&#20108;') + '<w:r><w:tab/><w:t>A</w:t><w:br/><w:t>B</w:t><w:br w:type="page"/><w:t>C</w:t><w:br w:type="column"/><w:br w:type="textWrapping"/><w:t/></w:r>'),
      p(r('粗体', '<w:b/><w:i/><w:caps/><w:vertAlign w:val="superscript"/><w:rStyle w:val="Strong"/>') + '<w:r><w:noBreakHyphen/><w:softHyphen/><w:lastRenderedPageBreak/><w:t>x</w:t></w:r>'),
      p(''), p('<w:r><w:t></w:t></w:r>'), p(r(' '))].join(''),
  },
  'tracked changes, smart tags, bookmarks and proofing marks': {
    body: p(`<w:bookmarkStart w:id="0" w:name="a"/><w:proofErr w:type="spellStart"/>${r('保留')}<w:ins w:id="1">${r('插入')}</w:ins><w:del w:id="2"><w:r><w:delText>删除</w:delText></w:r></w:del>`
      + `<w:smartTag w:uri="u" w:element="e">${r('标记')}</w:smartTag><w:customXml w:element="c">${r('自定义')}</w:customXml><w:moveTo w:id="3">${r('移入')}</w:moveTo><w:moveFrom w:id="4">${r('移出')}</w:moveFrom><w:bookmarkEnd w:id="0"/>`),
  },
  'hyperlinks: external, with an anchor, anchor only, a note-like anchor, none': {
    body: p(`<w:hyperlink r:id="rIdLink">${r('链接')}</w:hyperlink><w:hyperlink r:id="rIdLink" w:anchor="part">${r('锚')}</w:hyperlink>`
      + `<w:hyperlink w:anchor="_Toc1">${r('目录')}</w:hyperlink><w:hyperlink w:anchor="footnote-1">${r('[1]')}</w:hyperlink><w:hyperlink>${r('空')}</w:hyperlink>`),
    rels: '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/a#b" TargetMode="External"/>',
  },
  'tables: spans, vertical merges, a deleted row, a nested table, header rows, empty cells': {
    body: tbl([
      tr(tc(p(r('项目'))) + tc(p(r('金额')), '<w:gridSpan w:val="2"/>'), '<w:tblHeader/>'),
      tr(tc(p(r('甲')), '<w:vMerge w:val="restart"/>') + tc(p(r('1'))) + tc(p(r('2')))),
      tr(tc(p(''), '<w:vMerge/>') + tc(p(r('3'))) + tc(p(r('4')))),
      tr(tc(p(r('删')), '') + tc(p(r('5'))) + tc(p(r('6'))), '<w:del w:id="9"/>'),
      tr(tc(p(r('乙')), '<w:vMerge w:val="continue"/>') + tc(tbl(tr(tc(p(r('内'))) + tc(p(r('嵌')))))) + tc('<w:p/>')),
      tr(tc(p(r('丙')) + p(r('第二段'), '<w:pStyle w:val="Heading1"/>')) + tc(p('<w:bookmarkStart w:id="5" w:name="b"/>')) + tc(p(r('7')), '<w:vMerge w:val="restart"/>')),
      tr(''),
    ].join('')) + p(r('表后')),
  },
};

/** Documents the plain reader must leave to mammoth (which reads them as it always has). */
const MAMMOTH: Record<string, { body: string; parts?: Record<string, string> }> = {
  'a content control': { body: `<w:sdt><w:sdtContent>${p(r('控件'))}</w:sdtContent></w:sdt>` },
  'a field': { body: p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`) },
  'an unknown element': { body: p(`<w:r><w:cr/><w:t>x</w:t></w:r>`) },
  'a markup-compatibility block': { body: p(`<mc:AlternateContent><mc:Choice Requires="w14">${r('新')}</mc:Choice><mc:Fallback>${r('旧')}</mc:Fallback></mc:AlternateContent>`) },
  'a comment in the XML': { body: p(`<!-- note -->${r('文字')}`) },
  'a deleted paragraph mark': { body: p(r('上'), '<w:rPr><w:del w:id="1"/></w:rPr>') + p(r('下')) },
  'a row holding a bookmark': { body: tbl(tr(`<w:bookmarkStart w:id="1" w:name="x"/>${tc(p(r('格')))}`)) },
  'footnotes in the package': { body: p(r('正文')), parts: { 'word/footnotes.xml': '<?xml version="1.0"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' } },
  'an undeclared prefix': { body: p(`<x:r>${r('前缀')}</x:r>`) },
  'an unknown entity': { body: p(r('a &nbsp; b')) },
};

describe('the plain docx reader', () => {
  for (const file of [...docxUnder('fixtures'), ...docxUnder('test/data')]) {
    it(`${file}: read directly, as mammoth reads it`, async () => {
      const buf = readFileSync(file);
      expect(readsPlain(buf)).toBe(true);
      expect(await readDocx(buf)).toEqual(await readDocx(buf, { useMammoth: true }));
    });
  }

  for (const [name, doc] of Object.entries(PLAIN)) {
    it(`reads ${name} as mammoth does`, async () => {
      const buf = docxWith(doc.body, doc);
      expect(readsPlain(buf)).toBe(true);
      const plain = await readDocx(buf);
      expect(plain.blocks.length).toBeGreaterThan(0);
      expect(plain).toEqual(await readDocx(buf, { useMammoth: true }));
    });
  }

  for (const [name, doc] of Object.entries(MAMMOTH)) {
    it(`leaves ${name} to mammoth`, async () => {
      const buf = docxWith(doc.body, doc);
      expect(readsPlain(buf)).toBe(false);
      const read = async (useMammoth: boolean) => readDocx(buf, { useMammoth }).catch((err: unknown) => ({ error: String((err as { messageId?: string }).messageId ?? err) }));
      expect(await read(false)).toEqual(await read(true));
    });
  }

  it('gives headings as mammoth\'s default style map does, rule by rule', () => {
    expect(headingLevel('Heading2', 'heading 5')).toBe(2);
    expect(headingLevel('Custom', 'HEADING 4')).toBe(4);
    expect(headingLevel('Heading', 'heading 3')).toBe(3);
    expect(headingLevel('Heading', undefined)).toBe(1);
    expect(headingLevel('X', 'Heading')).toBe(1);
    expect(headingLevel('Heading7', 'heading 7')).toBeUndefined();
    expect(headingLevel(undefined, undefined)).toBeUndefined();
  });
});
