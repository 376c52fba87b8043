// `jixiao read` end to end through main(): mixed batches of good and bad files, exit codes, JSON shape.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(['node', 'jixiao', ...args], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

interface ReadOutput { path: string; format: string; blocks: unknown[]; pages?: number; findings?: { rule: string }[] }

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  writeFileSync(join(dir, 'empty.pdf'), new Uint8Array(0));
  writeFileSync(join(dir, 'truncated.docx'), readFileSync('fixtures/004-baocheng-2024.docx').subarray(0, 3000));
  writeFileSync(join(dir, 'notes.xlsx'), '不是表格\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao read', () => {
  it('reads a single good workbook: exit 0, an array of one document object (the same shape as for several)', async () => {
    const { code, stdout } = await run(['read', 'fixtures/004-baocheng-2024.xlsx']);
    expect(code).toBe(0);
    const docs = JSON.parse(stdout) as ReadOutput[];
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc).toMatchObject({ path: 'fixtures/004-baocheng-2024.xlsx', format: 'xlsx' });
    expect(doc.blocks).toHaveLength(2);
    expect(doc.findings).toBeUndefined();
  });

  it('reads a mixed batch: exit 1, every file in input order, good ones with blocks, bad ones with one finding', async () => {
    const good = ['fixtures/004-baocheng-2024.xlsx', 'fixtures/004-baocheng-2024.docx', 'fixtures/004-baocheng-2024.pdf'];
    const bad = ['empty.pdf', 'truncated.docx', 'notes.xlsx'].map((f) => join(dir, f));
    const files = [good[0]!, bad[0]!, good[1]!, bad[1]!, bad[2]!, good[2]!];
    const { code, stdout } = await run(['read', ...files]);
    expect(code).toBe(1);
    const docs = JSON.parse(stdout) as ReadOutput[];
    expect(docs.map((d) => d.path)).toEqual(files);
    for (const d of docs) {
      if (good.includes(d.path)) {
        expect(d.blocks.length, d.path).toBeGreaterThan(0);
        expect((d.findings ?? []).filter((f) => f.rule === 'read-error'), d.path).toEqual([]);
      } else {
        expect(d.blocks, d.path).toEqual([]);
        expect(d.findings?.map((f) => f.rule), d.path).toEqual(['read-error']);
      }
    }
    expect(docs.find((d) => d.path === good[2])?.pages).toBeGreaterThan(0);
  });

  it('a path that does not exist is a usage error (exit 2) naming it, as in check, and nothing is printed', async () => {
    const missing = join(dir, 'missing.docx');
    for (const command of ['read', 'extract']) {
      const { code, stdout, stderr } = await run([command, 'fixtures/004-baocheng-2024.xlsx', missing]);
      expect(code, command).toBe(2);
      expect(stdout, command).toBe('');
      expect(stderr, command).toContain(missing);
    }
  });

  it('needs at least one file (usage error, exit 2)', async () => {
    const { code, stderr } = await run(['read']);
    expect(code).toBe(2);
    expect(stderr).not.toBe('');
  });
});
