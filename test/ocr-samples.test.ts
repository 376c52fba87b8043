// --ocr on scanned copies (300 dpi, every page, made at test time) of samples 000 and 002: every finding of their docx
// is found again, and any other finding is OCR's own warning naming the token it could not read as a number; a key
// figure the scan garbled (90.07g) is named, never passed over.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Finding } from '../src/findings.js';
import { scannedCopy } from './helpers/scan.js';
import { said } from './helpers/said.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-ocr-samples-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a finding says, wherever OCR put it: the rule, its message and the number it quotes. */
const gist = (f: Finding) => [f.rule, f.messageId, f.actual].join(' ');
/** Findings that judge the text (not the note that pages were OCR'd, nor a part of a page with nothing to check). */
const judged = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'nothing-checked');

async function scanOf(source: string, pages?: number[], band?: [number, number]): Promise<string> {
  const pdf = readFileSync(source);
  const all = pages ?? Array.from({ length: (await PDFDocument.load(pdf)).getPageCount() }, (_, i) => i + 1);
  const path = join(dir, `${source.replace(/.*\//, '')}-${all.join('-')}.scan.pdf`);
  writeFileSync(path, await scannedCopy(pdf, all, band ? { band } : {}));
  return path;
}

describe.each(['000-sanyuan-2023', '002-songying-2023'])('sample %s scanned at 300 dpi, every page', (name) => {
  it('--ocr finds every finding of the docx; anything more is an OCR warning naming its token', async () => {
    const docx = judged((await checkFile(`fixtures/${name}.docx`, defaultConfig)).findings);
    const result = await checkFile(await scanOf(`fixtures/${name}.pdf`), defaultConfig, true, { ocr: true });
    expect(result.report!.relations.length).toBeGreaterThan(0);
    const scan = judged(result.findings);
    for (const f of docx) expect(scan.map(gist), gist(f)).toContain(gist(f));
    const extra = scan.filter((f) => !docx.some((d) => gist(d) === gist(f)));
    for (const f of extra) expect([f.rule, f.messageId, typeof f.data?.token]).toEqual(['ocr', 'suspect-number', 'string']);
  }, 175_000);
});

describe('a figure OCR garbled', () => {
  it('90.07g where 资金执行率 expects a rate: a warning naming the token, and no rate read from it', async () => {
    // the part of page 1 that holds the 资金执行率 paragraph
    const scan = await scanOf('test/data/ocr/000-sanyuan-misread-p1.pdf', [1], [0.55, 0.8]);
    const result = await checkFile(scan, defaultConfig, true, { ocr: true });
    expect(result.report!.relations.filter((r) => r.kind === 'rate')).toEqual([]);
    const found = result.findings.filter((f) => f.rule === 'ocr' && f.messageId === 'suspect-number');
    expect(found.map((f) => [f.severity, f.data?.token, f.data?.expected])).toEqual([['warning', '90.07g', 'rate']]);
    expect(said(found[0]).message).toContain('90.07g');
  }, 120_000);
});
