// Batches on the worker pool: input order whatever the completion order, the same results for any --jobs, per-file timeouts.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function jixiao(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 180_000 });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

interface FileOut { path: string; status: string; findings: { rule: string; severity: string; message: string }[] }

let dir: string;
/** The walking order: names sort so that a big PDF comes first and small files after it. */
let expected: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
  const copy = (from: string, name: string) => { copyFileSync(join(ROOT, 'fixtures', from), join(dir, name)); return join(dir, name); };
  expected = [
    copy('004-baocheng-2024.pdf', 'a-slow.pdf'),
    copy('004-baocheng-2024.xlsx', 'b-fast.xlsx'),
    join(dir, 'c-dangling.docx'),
    copy('002-songying-2023.docx', 'd-报告 副本.docx'),
  ];
  symlinkSync(join(dir, 'gone.docx'), join(dir, 'c-dangling.docx'));
  writeFileSync(join(dir, 'e-truncated.docx'), readFileSync(join(ROOT, 'fixtures/000-sanyuan-2023.docx')).subarray(0, 2000));
  expected.push(join(dir, 'e-truncated.docx'));
  expected.push(copy('003-dept-2023.pdf', 'f-dept.pdf'));
});

afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe.concurrent('--jobs', () => {
  it('json: every input once, in input order, the same findings with 1 and 2 workers', async () => {
    const [one, two] = await Promise.all([jixiao(['check', '-f', 'json', '-j', '1', dir]), jixiao(['check', '-f', 'json', '-j', '2', dir])]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    const a = JSON.parse(one.stdout) as { files: FileOut[] };
    const b = JSON.parse(two.stdout) as { files: FileOut[] };
    expect(a.files.map((f) => f.path)).toEqual(expected);
    expect(b).toEqual(a);
    const dangling = a.files[2];
    expect(dangling.status).toBe('failed');
    expect(dangling.findings).toMatchObject([{ rule: 'read-error', severity: 'error' }]);
    expect(dangling.findings[0].message).toContain('ENOENT');
    expect(a.files[4].findings).toMatchObject([{ rule: 'read-error' }]);
    expect(a.files.filter((f) => f.status === 'ok')).toHaveLength(4);
  });

  it('ndjson: one line per input, streamed in input order', async () => {
    const r = await jixiao(['check', '-f', 'ndjson', '-j', '2', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as FileOut);
    expect(lines.map((l) => l.path)).toEqual(expected);
  });

  it.each([['0'], ['-1'], ['two'], ['1.5']])('--jobs %s is a usage error (exit 2)', async (n) => {
    const r = await jixiao(['check', '-j', n, dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/正整数/);
  });
});

describe.concurrent('--timeout', () => {
  it('stops each file that takes longer, reports timeout for it and goes on: exit 1, never a signal', async () => {
    const r = await jixiao(['check', '-f', 'json', '-j', '2', '--timeout', '0.001', dir]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: FileOut[] };
    expect(out.files.map((f) => f.path)).toEqual(expected);
    for (const f of out.files.filter((x) => !x.path.includes('dangling'))) {
      // a file its reader rejects at once (the truncated zip) may fail before even a 1 ms clock runs out: either
      // finding says it was not read (a fresh-clone run on a quiet machine saw read-error there)
      const allowed = f.path.includes('truncated') ? ['timeout', 'read-error'] : ['timeout'];
      expect(f.findings, f.path).toHaveLength(1);
      expect(allowed, f.path).toContain(f.findings[0].rule);
      expect(f.findings[0].severity).toBe('error');
      if (f.findings[0].rule === 'timeout') expect(f.findings[0].message).toContain('--timeout');
    }
  });

  it.each([['0'], ['abc'], ['-5']])('--timeout %s is a usage error (exit 2)', async (t) => {
    const r = await jixiao(['check', '--timeout', t, dir]);
    expect(r.code).toBe(2);
  });

  // `check` starts its first worker before the CLI loads (src/workers.ts); a usage error found a moment later stops it
  // while it may still be loading its modules, which took Node 20 down (SIGABRT, exit 134) about one run in six
  it('a usage error while the early worker still loads ends with exit 2, every time', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await jixiao(['check', '--timeout', '-5', dir]);
      expect({ code: r.code, signal: r.signal, fatal: r.stderr.includes('FATAL ERROR') }).toEqual({ code: 2, signal: null, fatal: false });
    }
  }, 60_000);
});

describe('output written into a checked folder', () => {
  it('summary -o 报告/汇总.xlsx, run twice: the second run skips its own output (and says so) instead of reading it as a report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-own-output-'));
    try {
      copyFileSync(join(ROOT, 'fixtures/002-songying-2023.docx'), join(folder, '报告.docx'));
      const out = join(folder, '汇总.xlsx');
      const first = await jixiao(['summary', folder, '-o', out]);
      expect(first.code).toBe(0);
      expect(first.stderr).toBe(`jixiao: 已写入 ${out}：1 个文件，0 个错误，0 个警告。\n`);
      const second = await jixiao(['summary', folder, '-o', out]);
      expect(second.code).toBe(0);
      expect(second.stderr).toContain(`跳过 ${out}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const rows = wb.getWorksheet('汇总')!;
      expect(rows.rowCount).toBe(3); // the header, the one file, the totals row
      expect(rows.getCell('A2').value).toBe(join(folder, '报告.docx'));
      // a run that does not write it still knows jixiao's workbook (its author and four sheets) and skips it
      const check = await jixiao(['check', '-f', 'json', folder]);
      expect((JSON.parse(check.stdout) as { files: FileOut[] }).files.map((f) => f.path)).toEqual([join(folder, '报告.docx')]);
      expect(check.stderr).toContain(`跳过 ${out}：它是 jixiao 生成的汇总工作簿`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
