// One catalog for every finding: each rule's messages live in its rule file, and nothing else spells a finding.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checks, findingOf, hasTemplate, renderMessage } from '../src/checks/index.js';
import { readBuffer } from '../src/readers/index.js';
import { legacyDocBytes } from './helpers/hostile-inputs.js';

const CJK = /[\u4e00-\u9fff]/;

/** Files that hold the genre's own words for parsing (numerals, page-number patterns), not messages. */
const PARSING_VOCABULARY = new Set(['src/readers/docx-numbering.ts', 'src/readers/docx-text.ts', 'src/readers/pdf-text.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the catalog', () => {
  it('the code that makes findings (readers, batch, pipeline, file walking) writes no Chinese of its own', () => {
    const producers = [...sources('src/readers'), 'src/batch.ts', 'src/pipeline.ts', 'src/files.ts', 'src/worker.ts', 'src/findings.ts'];
    const offending = producers.filter((f) => !PARSING_VOCABULARY.has(f))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
      .filter(({ line }) => CJK.test(line.replace(/\/\/.*$|^\s*\*.*$/, '')))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(offending).toEqual([]);
  });

  it('every rule lists its messages, each in Chinese and English', () => {
    for (const c of checks) {
      expect(Object.keys(c.messages).length, c.id).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(c.messages)) {
        expect(text.zh, `${c.id}.${id}`).toMatch(CJK);
        expect(text.en, `${c.id}.${id}`).not.toMatch(CJK);
      }
    }
  });

  it('renders nested messages, of the same rule or another, and lists in the language', () => {
    const detail = { messageId: 'detail-inflate', data: { member: 'word/document.xml', cause: 'bad' } };
    expect(renderMessage('read-error', 'zip-corrupt', { detail }, 'zh')).toMatch(/^文件已损坏：压缩包结构不完整（成员 word\/document\.xml 无法解压：bad）/);
    expect(renderMessage('read-error', 'zip-corrupt', { detail }, 'en')).toMatch(/\(member word\/document\.xml cannot be inflated: bad\)/);
    expect(renderMessage('embedded-object', 'embedded-unreadable', { name: 'x.xlsx', cause: { rule: 'timeout', messageId: 'xlsx-load', data: { seconds: 30 } } }, 'zh'))
      .toContain('Excel 文件在 30 秒内未能打开');
    expect(renderMessage('read-warning', 'sheet-unread', { sheets: ['“甲”', '“乙”'] }, 'zh')).toContain('“甲”、“乙”');
  });

  it('every finding a reader emits has a template, and its placeholders are all filled', async () => {
    const inputs: Array<[string, Uint8Array]> = [
      ...readdirSync('fixtures').filter((n) => !n.startsWith('.')).map((n): [string, Uint8Array] => [n, readFileSync(join('fixtures', n))]),
      ['empty.docx', new Uint8Array(0)],
      ['cut.docx', readFileSync('fixtures/002-songying-2023.docx').subarray(0, 3000)],
      ['notes.xlsx', Buffer.from('预算执行率88.28%\n')],
      ['legacy.doc', legacyDocBytes()],
    ];
    for (const [name, bytes] of inputs) {
      const { findings } = await readBuffer(name, bytes);
      for (const f of findings) {
        expect(hasTemplate(f.rule, f.messageId), `${name}: ${f.rule}.${f.messageId}`).toBe(true);
        expect(f.message, `${name}: ${f.message}`).not.toMatch(/\{\w+\}/);
        expect(findingOf({ ...f, messageId: f.messageId! }, 'en').message, name).not.toMatch(/\{\w+\}|[\u4e00-\u9fff]{3}/);
      }
    }
  }, 120_000);
});
