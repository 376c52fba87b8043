// Every fixture, read whole: what holds on each real document (e2e: reads every docx, PDF and workbook in fixtures/).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readNumbering, parseNumbering } from '../src/model/prose/outline.js';
import { readBuffer } from '../src/readers/index.js';
import { extractReport } from '../src/model/extract.js';
import { hasTemplate, messageText, runChecks } from '../src/checks/index.js';
import { settleDiagnostics } from '../src/severity.js';
import { defaultConfig } from '../src/config.js';
import { legacyDocBytes } from './helpers/hostile-inputs.js';

describe('readNumbering asks the grammar only about lines shaped like numbering, and that changes no answer', () => {
  it('on every paragraph and cell of the corpus', async () => {
    const lines: string[] = [];
    for (const name of readdirSync('fixtures').filter((n) => /\.(docx|pdf|xlsx)$/.test(n))) {
      const { document } = await readBuffer(name, readFileSync(`fixtures/${name}`));
      for (const b of document.blocks) {
        if (b.type === 'paragraph') lines.push(b.text);
        else for (const row of b.rows) for (const cell of row) lines.push(cell.text);
      }
    }
    expect(lines.length).toBeGreaterThan(2000);
    for (const line of lines) expect([line, readNumbering(line)]).toEqual([line, parseNumbering(line)]);
  });

});

describe('the catalog on real and broken files', () => {
  it('every finding the readers and checks make on real and broken files has a template, filled in both languages', async () => {
    const inputs: Array<[string, Uint8Array]> = [
      ...readdirSync('fixtures').filter((n) => !n.startsWith('.')).map((n): [string, Uint8Array] => [n, readFileSync(join('fixtures', n))]),
      ['empty.docx', new Uint8Array(0)],
      ['cut.docx', readFileSync('fixtures/002-songying-2023.docx').subarray(0, 3000)],
      ['notes.xlsx', Buffer.from('预算执行率88.28%\n')],
      ['legacy.doc', legacyDocBytes()],
    ];
    let seen = 0;
    for (const [name, bytes] of inputs) {
      const { document, findings } = await readBuffer(name, bytes);
      const read = settleDiagnostics(findings, defaultConfig);
      const checked = document.blocks.length ? runChecks(extractReport(document)) : [];
      for (const f of [...read, ...checked]) {
        seen++;
        expect(hasTemplate(f.rule, f.messageId), `${name}: ${f.rule}.${f.messageId}`).toBe(true);
        expect(messageText(f, 'zh'), name).not.toMatch(/\{\w+\}/);
        // a check's English message may quote the document's Chinese labels; a reader's has none of its own
        expect(messageText(f, 'en'), name).not.toMatch(read.includes(f) ? /\{\w+\}|[\u4e00-\u9fff]{3}/ : /\{\w+\}/);
      }
    }
    expect(seen).toBeGreaterThan(10);
  }, 120_000);
});
