// styles.xml cut down for mammoth: mammoth's own styles reader finds the same styles in the cut part as in the whole
// one, and anything but the plain shape is passed through whole.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { trimStyles } from '../src/readers/docx-styles.js';

const require = createRequire(import.meta.url);
const officeXml = require('mammoth/lib/docx/office-xml-reader.js') as { read(xml: string): Promise<unknown> };
const stylesReader = require('mammoth/lib/docx/styles-reader.js') as { readStylesXml(root: unknown): Styles };

type Found = Record<string, unknown> | undefined;
interface Styles {
  findParagraphStyleById(id: string): Found;
  findCharacterStyleById(id: string): Found;
  findTableStyleById(id: string): Found;
  findNumberingStyleById(id: string): Found;
}

/** Everything mammoth can look up in a styles part, by every id the part mentions. */
async function mammothStyles(xml: string): Promise<Record<string, Found[]>> {
  const styles = stylesReader.readStylesXml(await officeXml.read(xml));
  const ids = new Set([...xml.matchAll(/w:styleId="([^"]*)"/g)].map((m) => m[1]));
  return Object.fromEntries([...ids].map((id) => [id, [styles.findParagraphStyleById(id), styles.findCharacterStyleById(id),
    styles.findTableStyleById(id), styles.findNumberingStyleById(id)]]));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const part = (body: string, root = `<w:styles xmlns:w="${W}">`) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}${body}</w:styles>`;

describe('corpus styles parts', () => {
  const names = readdirSync('fixtures').filter((n) => n.endsWith('.docx'));
  it.each(names)('%s: same styles for mammoth, a fraction of the size', async (name) => {
    const xml = strFromU8(unzipSync(readFileSync(`fixtures/${name}`), { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml']!);
    const cut = trimStyles(xml);
    expect(cut).toBeDefined();
    expect(cut!.length).toBeLessThan(xml.length / 5);
    expect(await mammothStyles(cut!)).toEqual(await mammothStyles(xml));
  });
});

describe('what is kept', () => {
  const body = [
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>',
    '<w:style w:type="paragraph" w:styleId="h1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>',
    '<w:style w:type="character" w:styleId="c"><w:name w:val="Strong &amp; bold"></w:name><w:rPr><w:b/></w:rPr></w:style>',
    '<w:style w:type="table" w:styleId="t"><w:rPr/></w:style>',
    '<w:style w:type="paragraph" w:styleId="h1"><w:name w:val="duplicate id: mammoth keeps the first"/></w:style>',
    '<w:style w:type="numbering" w:styleId="n"><w:name w:val="list"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="e"/>',
  ].join('\n');

  it('style ids, types, names and a numbering style\'s numId, in order', async () => {
    const xml = part(body);
    const cut = trimStyles(xml)!;
    expect(cut).not.toContain('docDefaults');
    expect(cut).not.toContain('outlineLvl');
    expect(cut).toContain('<w:numId w:val="7"/>');
    expect(await mammothStyles(cut)).toEqual(await mammothStyles(xml));
  });

  it.each([
    ['a comment', part(`<!-- <w:style w:type="paragraph" w:styleId="x"> -->${body}`)],
    ['CDATA', part(`<w:style w:type="paragraph" w:styleId="x"><w:name w:val="x"/><w:t><![CDATA[</w:style>]]></w:t></w:style>`)],
    ['a namespace declared below the root', part(`<w:style w:type="paragraph" w:styleId="x" xmlns:v="urn:v"><w:name w:val="x"/></w:style>`)],
    ['another prefix for the same namespace', part(body, `<w:styles xmlns:w="${W}" xmlns:x="${W}">`)],
    ['no w: prefix', part('', `<styles xmlns="${W}">`).replace('</w:styles>', '</styles>')],
    ['a nested style', part('<w:style w:type="paragraph" w:styleId="x"><w:style w:type="paragraph" w:styleId="y"/></w:style>')],
    ['an unclosed style', part('<w:style w:type="paragraph" w:styleId="x"><w:name w:val="x"/>')],
    ['a name with markup inside', part('<w:style w:type="paragraph" w:styleId="x"><w:name w:val="x"><w:b/></w:name></w:style>')],
    ['markup compatibility', part(`<mc:AlternateContent><mc:Choice>${body}</mc:Choice></mc:AlternateContent>`, `<w:styles xmlns:w="${W}" xmlns:mc="urn:mc">`)],
    ['a document part', `<w:document xmlns:w="${W}"><w:body/></w:document>`],
  ])('%s: passed through whole', (_what, xml) => {
    expect(trimStyles(xml)).toBeUndefined();
  });
});
