// Pipelines (issue 21): NUL-separated path lists (-0), a NUL in a line list refused, --allow-empty for folders where
// nothing to check is normal, and a looping symlink skipped with a note instead of failing the run.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { jixiao, ROOT, STACK } from './helpers/cli.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-pipes-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLEAN = join(ROOT, 'fixtures', '001-quanfang-2023.docx');
const WARNS = join(ROOT, 'fixtures', '000-sanyuan-2023.docx');

describe.concurrent('paths separated by NUL (find -print0)', () => {
  it('-0 reads them, a newline in a name included', async () => {
    const odd = join(dir, '报告\n第二行.docx');
    copyFileSync(CLEAN, odd);
    const r = await jixiao(['check', '-', '-0', '-f', 'json'], { input: `${odd}\0${WARNS}\0` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([[odd, 'ok'], [WARNS, 'ok']]);
  });

  it('--null on summary and annotate too', async () => {
    const book = join(dir, 'nul.xlsx');
    const summary = await jixiao(['summary', '-', '--null', '-o', book], { input: `${CLEAN}\0${WARNS}\0` });
    expect(summary.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('汇总')!.rowCount).toBe(4); // two files and the totals row
    const annotate = await jixiao(['annotate', '-', '-0', '-o', join(dir, 'nul-copies')], { input: `${WARNS}\0` });
    expect(annotate.stdout).toContain('→');
  });

  it('a NUL in a list read by lines is a usage error saying to add -0, and nothing is echoed', async () => {
    for (const command of ['check', 'summary', 'annotate']) {
      const r = await jixiao([command, '-', '-o', join(dir, `echo-${command}${command === 'summary' ? '.xlsx' : ''}`)], { input: `${CLEAN}\0${WARNS}\0` });
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toMatch(/NUL 字符.*-0（--null）/);
      expect(r.stdout + r.stderr, command).not.toContain('\0');
    }
    const plain = await jixiao(['check', '-'], { input: `${CLEAN}\0` });
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe('');
  });
});

describe.concurrent('a folder with nothing to check', () => {
  let empty: string;
  beforeAll(() => {
    empty = join(dir, 'only-readme');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'README.md'), '# 说明\n');
  });

  it('is a usage error by default (exit 2), and no report is written', async () => {
    const junit = join(dir, 'default-junit.xml');
    const r = await jixiao(['check', empty, '-f', 'junit', '-o', junit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有找到可检查的文件.*--allow-empty/);
    expect(existsSync(junit)).toBe(false);
  });

  it('with --allow-empty: exit 0 and the empty report written, the JUnit file included', async () => {
    const junit = join(dir, 'ci', 'jixiao-junit.xml');
    const r = await jixiao(['check', empty, '-f', 'junit', '-o', junit, '--allow-empty']);
    expect(r.code).toBe(0);
    expect(readFileSync(junit, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="jixiao" tests="0" failures="0" errors="0">\n</testsuites>\n');
    const json = await jixiao(['check', empty, '-f', 'json', '--allow-empty']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: [], summary: { files: 0, errors: 0 } });
  });

  it('a path that does not exist stays a usage error with --allow-empty', async () => {
    expect((await jixiao(['check', join(dir, 'typo'), '--allow-empty'])).code).toBe(2);
  });
});

describe('a looping symlink', () => {
  it('is skipped with one note naming the loop, and does not change the exit code', async () => {
    const folder = join(dir, 'loops');
    mkdirSync(join(folder, '单位A'), { recursive: true });
    copyFileSync(CLEAN, join(folder, '单位A', '报告.docx'));
    symlinkSync('..', join(folder, '单位A', '上级'));
    symlinkSync('自身.docx', join(folder, '自身.docx'));
    const r = await jixiao(['check', '-f', 'json', folder]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([join(folder, '单位A', '报告.docx')]);
    expect(r.stderr.trimEnd().split('\n').sort()).toEqual([
      `jixiao: 跳过 ${join(folder, '单位A', '上级')}：符号链接循环，指回上级文件夹 ${folder}。`,
      `jixiao: 跳过 ${join(folder, '自身.docx')}：符号链接循环（指向 自身.docx，最终又指回自身）。`,
    ].sort());
    expect(r.stderr).not.toMatch(STACK);
  });
});
