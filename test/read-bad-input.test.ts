// Bad input through readDocument/readBuffer: every broken file becomes one finding with a Chinese message, never a throw.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { readBuffer, readDocument } from './helpers/read.js';
import { hasTemplate } from '../src/checks/index.js';
import { legacyDocBytes } from './helpers/hostile-inputs.js';

const CJK = /[\u4e00-\u9fff]/;

/** mulberry32: a tiny seeded PRNG so the random file is the same on every run. */
export function seededBytes(seed: number, length: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-bad-'));
  writeFileSync(file('empty.docx'), new Uint8Array(0));
  writeFileSync(file('truncated.docx'), readFileSync('fixtures/004-baocheng-2024.docx').subarray(0, 3000));
  writeFileSync(file('random.pdf'), seededBytes(20240531, 64 * 1024));
  writeFileSync(file('notes.xlsx'), '这是一个文本文件，不是表格。\n预算执行率88.28%\n');
  writeFileSync(file('legacy.docx'), legacyDocBytes());
  writeFileSync(file('legacy-no-extension'), legacyDocBytes());
  const members = unzipSync(readFileSync('fixtures/004-baocheng-2024.xlsx'));
  writeFileSync(file('broken-workbook.xlsx'), zipSync({ ...members, 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name=') }));
  const docx = unzipSync(readFileSync('fixtures/002-songying-2023.docx'));
  const body = new TextDecoder().decode(docx['word/document.xml']);
  const at = body.indexOf('<w:body>') + 200;
  writeFileSync(file('malformed-xml.docx'), zipSync({ ...docx, 'word/document.xml': strToU8(body.slice(0, at) + '<<&&' + body.slice(at)) }));
  writeFileSync(file('plain.zip.docx'), zipSync({ 'readme.txt': strToU8('hello') }));
  mkdirSync(file('folder.pdf'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad input becomes one finding per file', () => {
  it.each([
    ['empty.docx', 'read-error', 'unknown', /为空/],
    ['truncated.docx', 'read-error', 'unknown', /损坏|截断/],
    ['random.pdf', 'read-error', 'unknown', /无法识别/],
    ['notes.xlsx', 'read-error', 'unknown', /纯文本/],
    ['legacy.docx', 'read-error', 'doc', /旧版 Word 文件.*损坏.*\.docx/],
    ['legacy-no-extension', 'read-error', 'doc', /旧版/],
    ['broken-workbook.xlsx', 'read-error', 'xlsx', /无法读取/],
    ['plain.zip.docx', 'read-error', 'unknown', /不是 Word 或 Excel/],
    ['folder.pdf', 'read-error', 'unknown', /文件夹/],
    ['does-not-exist.docx', 'read-error', 'unknown', /不存在/],
  ])('%s → %s', async (name, rule, format, wording) => {
    const { document, findings } = await readDocument(file(name));
    expect(document).toMatchObject({ path: file(name), format, blocks: [] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule, severity: 'error', location: { file: file(name) } });
    expect(findings[0]!.message).toMatch(CJK);
    expect(findings[0]!.message).toMatch(wording);
    expect(hasTemplate(findings[0]!.rule, findings[0]!.messageId)).toBe(true);
  });

  it('a malformed document.xml: the parser\'s fault in plain words, without its decorations or the rest of the text', async () => {
    const { findings } = await readDocument(file('malformed-xml.docx'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'read-error', severity: 'error' });
    const message = findings[0]!.message;
    expect(message).toMatch(/^无法解析 Word 文档内容（unexpected < in tag name/);
    expect(message).toMatch(/另存为 \.docx/);
    expect(message).not.toMatch(/xmldom|@#\[line|\n|\t/);
    expect(message.length).toBeLessThan(200);
  });

  it('reads the same way from a buffer, whatever the name says', async () => {
    const { findings } = await readBuffer('upload', legacyDocBytes());
    expect(findings.map((f) => [f.rule, f.messageId])).toEqual([['read-error', 'legacy-corrupt']]);
    const random = await readBuffer('x.xlsx', seededBytes(7, 4096));
    expect(random.findings.map((f) => f.rule)).toEqual(['read-error']);
  });

  it('truncating a good workbook anywhere never throws', async () => {
    const good = readFileSync('fixtures/004-baocheng-2024.xlsx');
    for (const cut of [2, 22, 100, 1000, 5000, good.length >> 1, good.length - 22, good.length - 1]) {
      const { findings } = await readBuffer('cut.xlsx', good.subarray(0, cut));
      expect(findings.map((f) => f.rule), `cut at ${cut}`).toEqual(['read-error']);
    }
  });
});
