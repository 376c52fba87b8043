// OFD files built here (GB/T 33190 structure: OFD.xml → Document.xml → pages and a template page): prose and a ruled
// table read with their numbers, DeltaX's g shorthand and CTM honoured, and a changed number caught.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { NS, TABLE, report } from './helpers/ofd-build.js';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { readBuffer } from './helpers/read.js';
import { expandDeltas } from '../src/readers/ofd.js';
import type { TableBlock } from '../src/document.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-ofd-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OFD', () => {
  it('expands the g shorthand of DeltaX', () => {
    expect(expandDeltas('g 3 4 2.5 g 2 1')).toEqual([4, 4, 4, 2.5, 1, 1]);
  });

  it('reads prose as paragraphs and the ruled table as a table with its numbers; the template\'s page number is dropped', async () => {
    const { document, findings } = await readBuffer('report.ofd', report('88.28%'));
    expect(findings).toEqual([]);
    expect(document.format).toBe('ofd');
    const paragraphs = document.blocks.filter((b) => b.type === 'paragraph').map((b) => b.type === 'paragraph' && b.text);
    expect(paragraphs).toEqual(['一、部门预算执行情况', '全年预算数9883.28万元，全年执行数8724.90万元，预算执行率88.28%。', '附注']);
    const tables = document.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.map((c) => c.text))).toEqual(TABLE);
    expect(tables[0]!.rows[2]!.map((c) => c.value)).toEqual([undefined, 466.7, 420.03, undefined]);
    // the CTM moves the note to y ≈ 108 mm, above the table at 130 mm: reading order follows the page
    expect(document.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'table']);
  });

  it('a changed number is caught; the file as made is clean', async () => {
    const good = join(dir, 'good.ofd');
    const bad = join(dir, 'bad.ofd');
    writeFileSync(good, report('88.28%'));
    writeFileSync(bad, report('88.82%'));
    expect((await checkFile(good, defaultConfig)).findings.filter((f) => f.rule === 'rate')).toEqual([]);
    const found = (await checkFile(bad, defaultConfig)).findings.filter((f) => f.rule === 'rate');
    expect(found.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '88.28%', '88.82%']]);
  });

  it('a package without its document is a read error naming the missing part', async () => {
    const { findings } = await readBuffer('broken.ofd', zipSync({ 'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`) }));
    expect(findings.map((f) => [f.rule, f.messageId])).toEqual([['read-error', 'ofd-corrupt']]);
    expect(findings[0]!.message).toContain('Doc_0/Document.xml');
  });
});
