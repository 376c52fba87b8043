// OFD copies of samples 000 and 002, built at test time as real writers lay out text (per run with DeltaX, per glyph
// under a CTM, per line, per run under a CTM without DeltaX; rules as PathObjects): each gives the findings of the
// sample's docx, and its table is rebuilt from the rules.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Finding } from '../src/findings.js';
import { readBuffer } from '../src/readers/index.js';
import { extractReport } from '../src/model/extract.js';
import { runChecks } from '../src/checks/index.js';
import { OFD_STYLES, ofdFromPdf } from './helpers/ofd-from-pdf.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

/** What a finding says: its rule, message, the number it quotes and what it expected. */
const gist = (f: Finding) => [f.rule, f.severity, f.messageId, f.actual, f.expected].join(' ');

describe.each(['000-sanyuan-2023', '002-songying-2023'])('sample %s as OFD', (name) => {
  it.each(OFD_STYLES)('%s: the findings of the docx, no more and no fewer; its table rebuilt', async (style) => {
    const docx = (await checkFile(`fixtures/${name}.docx`, defaultConfig)).findings.map(gist).sort();
    const pdf = await checkFile(`fixtures/${name}.pdf`, defaultConfig);
    const ofd = await readBuffer(`${name}-${style}.ofd`, await ofdFromPdf(readFileSync(`fixtures/${name}.pdf`), style));
    expect(ofd.document.format).toBe('ofd');
    const found = runChecks(extractReport(ofd.document), defaultConfig).map(gist).sort();
    expect(found).toEqual(docx);
    const tables = (doc: { blocks: Array<{ type: string }> }) => doc.blocks.filter((b) => b.type === 'table').length;
    expect(tables(ofd.document)).toBe(tables((await readBuffer(`fixtures/${name}.pdf`, readFileSync(`fixtures/${name}.pdf`))).document));
    expect(pdf.findings.map(gist).sort()).toEqual(docx);
    if (style === 'run-fake-bold') {
      // headings drawn twice read once: the same text as the plain copy's
      const plain = await readBuffer(`${name}-run.ofd`, await ofdFromPdf(readFileSync(`fixtures/${name}.pdf`), 'run'));
      const texts = (doc: typeof plain.document) => doc.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('|')).join('/')));
      expect(texts(ofd.document)).toEqual(texts(plain.document));
    }
  }, 60_000);
});

describe('a changed 资金执行率 in an OFD of sample 000', () => {
  it.each(OFD_STYLES)('%s: 90.07% → 95.07% is an error against 3425.81 ÷ 3803.27', async (style) => {
    const changed = mutatePdf(readFileSync('fixtures/000-sanyuan-2023.pdf'), '90.07%', '95.07%');
    const ofd = await readBuffer(`000-${style}.ofd`, await ofdFromPdf(changed, style));
    const found = runChecks(extractReport(ofd.document), defaultConfig).filter((f) => f.rule === 'rate');
    expect(found.map((f) => [f.severity, f.actual, f.expected])).toEqual([['error', '95.07%', '90.08%']]);
  }, 60_000);
});
