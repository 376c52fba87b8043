// The CLI end to end on real files: exit codes, formats on stdout and in files, paths from stdin, the summary workbook.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'jixiao');
const ROOT = join(import.meta.dirname, '..');
const FIXTURE_XLSX = 'fixtures/004-baocheng-2024.xlsx';

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the built CLI as users do; tests run concurrently, so this never blocks. */
function jixiao(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: environment(options.env), timeout: 120_000 });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

let dir: string;
let broken: string;
let warnOnly: string;
let allWarnings: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
  // A truncated copy of a real report: a read-error finding, the one error-level finding every build produces.
  broken = join(dir, 'truncated.docx');
  writeFileSync(broken, readFileSync(join(ROOT, 'fixtures/000-sanyuan-2023.docx')).subarray(0, 3000));
  // A workbook whose formula has no cached result: the xlsx reader warns (formula-no-result).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getCell('A1').value = 2;
  ws.getCell('A2').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
  warnOnly = join(dir, 'warn.xlsx');
  await wb.xlsx.writeFile(warnOnly);
  // Every rule lowered to a warning, so no file has an error-level finding whatever the checks become.
  const rules = spawnSync(process.execPath, [BIN, 'rules', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const ids = (JSON.parse(rules.stdout) as { id: string }[]).map((c) => c.id);
  allWarnings = join(dir, 'warnings.json');
  writeFileSync(allWarnings, JSON.stringify({ rules: Object.fromEntries(ids.map((id) => [id, 'warning'])) }));
});

function files(out: string): { path: string; findings: { severity: string; rule: string }[] }[] {
  return JSON.parse(out).files;
}

describe.concurrent('exit codes', () => {
  it('0 when no finding is an error', async () => {
    const r = await jixiao(['check', FIXTURE_XLSX, warnOnly, '-c', allWarnings]);
    expect(r.stderr).toBe(`jixiao: 使用配置文件 ${allWarnings}\n`);
    expect(r.code).toBe(0);
  });

  it('1 when a file cannot be read', async () => {
    const r = await jixiao(['check', broken, FIXTURE_XLSX, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = files(r.stdout);
    expect(out.map((f) => f.path)).toEqual([broken, FIXTURE_XLSX]);
    expect(out[0].findings.map((f) => [f.rule, f.severity])).toEqual([['read-error', 'error']]);
  });

  it('follows the findings on the whole corpus: 1 exactly when there is an error-level finding', async () => {
    const r = await jixiao(['check', 'fixtures', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    // A folder is walked recursively: files in subfolders count too.
    expect(out.files.length).toBe(readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(docx|pdf|xlsx)$/.test(f)).length);
    expect(r.code).toBe(out.summary.errors > 0 ? 1 : 0);
  });

  it('1 when warnings exceed --max-warnings, 0 at or under it', async () => {
    const base = ['check', warnOnly, '-c', allWarnings, '--format', 'json'];
    const plain = await jixiao(base);
    const warnings = JSON.parse(plain.stdout).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    expect(plain.code).toBe(0);
    expect((await jixiao([...base, '--max-warnings', String(warnings)])).code).toBe(0);
    const over = await jixiao([...base, '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings');
  });

  it.each([
    ['an unknown option', ['check', FIXTURE_XLSX, '--nope']],
    ['an unknown format', ['check', FIXTURE_XLSX, '--format', 'csv']],
    ['a path that does not exist', ['check', 'no/such/file.docx']],
    ['xlsx without -o', ['check', FIXTURE_XLSX, '--format', 'xlsx']],
    ['summary without -o', ['summary', FIXTURE_XLSX]],
    ['a bad --max-warnings', ['check', FIXTURE_XLSX, '--max-warnings', 'many']],
    ['a folder with no reports', ['check', 'src/report']],
    ['an output path through a file', ['check', FIXTURE_XLSX, '-o', `${FIXTURE_XLSX}/out.json`]],
  ])('2 for %s', async (_, args) => {
    const r = await jixiao(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
  });
});

describe.concurrent('--quiet', () => {
  it('leaves only error-level findings in the output', async () => {
    const out = files((await jixiao(['check', warnOnly, broken, '--format', 'json', '--quiet'])).stdout);
    expect(out).toHaveLength(2);
    expect(out.flatMap((f) => f.findings.map((x) => x.severity))).toEqual(['error']);
  });
});

describe.concurrent('paths from standard input', () => {
  it('reads one path per line with `-`, skipping blank lines, one ndjson line per file', async () => {
    const r = await jixiao(['check', '-', '--format', 'ndjson'], { input: `${FIXTURE_XLSX}\n\n${broken}\r\n   \n${warnOnly}\n` });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.map((p) => p.path)).toEqual([FIXTURE_XLSX, broken, warnOnly]);
    expect(parsed[1].status).toBe('failed');
    // a file that was read says what was checked in it; one that could not be read has nothing to say there
    expect(Object.keys(parsed[0])).toEqual(['schemaVersion', 'path', 'format', 'status', 'coverage', 'findings']);
    expect(Object.keys(parsed[1])).toEqual(['schemaVersion', 'path', 'format', 'status', 'findings']);
    expect(r.code).toBe(1);
  });

  it('writes ndjson per file as results arrive, not at the end', async () => {
    const chunks: string[] = [];
    const code = await main(['node', 'jixiao', 'check', '-', '--format', 'ndjson'], {
      stdout: (s) => chunks.push(s), stderr: () => {}, stdin: async () => `${broken}\n${FIXTURE_XLSX}\n`,
    });
    expect(code).toBe(1);
    expect(chunks.filter((c) => c !== '')).toHaveLength(2);
    expect(chunks.every((c) => c === '' || c.split('\n').length === 2)).toBe(true);
  });
});

describe.concurrent('-o / --output', () => {
  it('writes the output to the file atomically, replacing an old one and leaving no temp file', async () => {
    const out = join(dir, 'o', 'result.json');
    mkdirSync(join(dir, 'o'), { recursive: true });
    writeFileSync(out, 'old');
    const r = await jixiao(['check', broken, '--format', 'json', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).files).toHaveLength(1);
    expect(readdirSync(join(dir, 'o'))).toEqual(['result.json']);
  });

  it('writes stylish without colour into a file', async () => {
    const out = join(dir, 'stylish.txt');
    await jixiao(['check', broken, '-o', out], { env: { FORCE_COLOR: '1' } });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('read-error');
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe.concurrent('stylish colour', () => {
  it('is off when stdout is not a terminal, on with FORCE_COLOR, off again with NO_COLOR', async () => {
    expect((await jixiao(['check', broken])).stdout).not.toMatch(/\u001b\[/);
    expect((await jixiao(['check', broken], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await jixiao(['check', broken], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    expect((await jixiao(['check', broken, FIXTURE_XLSX, warnOnly])).stderr).toBe('');
  });
});

describe.concurrent('--lang en', () => {
  it('writes the English message and English counts', async () => {
    const r = await jixiao(['check', broken, '--lang', 'en']);
    expect(r.stdout).toMatch(/Corrupt file/);
    expect(r.stdout).toMatch(/1 file checked: 1 error, 0 warnings, 1 unreadable/);
  });
});

describe.concurrent('junit and github on real files', () => {
  it('junit: one testsuite per file, the unreadable one failed', async () => {
    const r = await jixiao(['check', broken, FIXTURE_XLSX, '--format', 'junit']);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const suites = [...r.stdout.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)];
    expect(suites.map((m) => m[1])).toEqual([broken, FIXTURE_XLSX]);
    expect(suites[0][3]).toBe('1');
  });

  it('github: an ::error annotation for the unreadable file', async () => {
    const r = await jixiao(['check', broken, '--format', 'github']);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^::error file=${broken.replace(/[/\\.]/g, (c) => '\\' + c)},title=jixiao read-error::`));
  });
});

describe.concurrent('summary workbook', () => {
  it('writes 汇总 with one row per file and 问题清单 with one row per finding, from real files', async () => {
    const out = join(dir, '汇总.xlsx');
    const inputs = [FIXTURE_XLSX, broken, warnOnly];
    const r = await jixiao(['summary', ...inputs, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const findings = files((await jixiao(['check', ...inputs, '--format', 'json'])).stdout).flatMap((f) => f.findings);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '指标', '评分', '跨文件核对']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(1 + inputs.length + 1); // and the totals row
    expect([2, 3, 4].map((row) => summary.getCell(row, 1).value)).toEqual(inputs);
    expect(summary.getCell('L3').value).toBe('读取失败');
    expect(summary.getCell('G2').formula).toMatch(/F2\/E2/);
    expect(wb.getWorksheet('问题清单')!.rowCount).toBe(1 + findings.length);
    // the records come back from the worker threads: every indicator and score item of the workbook
    const [records] = JSON.parse((await jixiao(['extract', FIXTURE_XLSX])).stdout); // extract prints an array always
    expect(records.indicators.length).toBeGreaterThan(40);
    expect(wb.getWorksheet('指标')!.rowCount).toBe(1 + records.indicators.length);
    expect(wb.getWorksheet('评分')!.rowCount).toBe(1 + records.scoreItems.length);
  });

  it('check --format xlsx -o writes the same workbook', async () => {
    const out = join(dir, 'check.xlsx');
    copyFileSync(broken, join(dir, 'copy.docx'));
    expect((await jixiao(['check', join(dir, 'copy.docx'), '--format', 'xlsx', '-o', out])).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('问题清单')!.getCell('B2').value).toBe('read-error');
  });
});
