// Format detection by content, not extension.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { detectFormat } from '../src/readers/detect.js';
import { legacyDocBytes } from './helpers/hostile-inputs.js';

const fx = (n: string) => readFileSync(new URL(`../fixtures/${n}`, import.meta.url));

describe('detectFormat', () => {
  it.each([
    ['002-songying-2023.docx', 'docx'],
    ['002-songying-2023.pdf', 'pdf'],
    ['004-baocheng-2024.xlsx', 'xlsx'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(fx(name)).format).toBe(format);
  });
  it('recognises OLE2 legacy files by their streams, and one with neither stream as unknown', () => {
    expect(detectFormat(legacyDocBytes())).toMatchObject({ format: 'doc', legacy: true });
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(detectFormat(ole)).toMatchObject({ format: 'unknown', reason: 'ole2' });
  });
  it('empty, text and truncated zips', () => {
    expect(detectFormat(Buffer.alloc(0))).toMatchObject({ reason: 'empty' });
    expect(detectFormat(Buffer.from('hello 你好\n'))).toMatchObject({ reason: 'text' });
    expect(detectFormat(fx('002-songying-2023.docx').subarray(0, 5000))).toMatchObject({ reason: 'zip-corrupt' });
  });
});

describe('zip bomb guard', () => {
  it('refuses a docx whose central directory declares an absurd unpacked size', async () => {
    const { readBuffer } = await import('./helpers/read.js');
    const buf = Buffer.from(fx('002-songying-2023.docx'));
    // Patch the uncompressed-size field (offset 24) of the first central directory header to 3 GiB.
    const cd = buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    buf.writeUInt32LE(0xc0000000, cd + 24);
    const { findings } = await readBuffer('bomb.docx', buf);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'read-error', severity: 'error' });
    expect(findings[0].message).toContain('压缩炸弹');
  });
});
