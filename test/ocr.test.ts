// --ocr end to end on an image-only PDF built at test time from a bundled sample: unread without --ocr (an error that
// says how to check it), its 执行率 numbers read with --ocr, and a changed number caught as a warning that notes OCR.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { readPdf } from '../src/readers/pdf.js';
import { readBuffer } from './helpers/read.js';
import type { TableBlock } from '../src/document.js';
import { ocrWorkerOptions } from '../src/readers/pdf-ocr.js';
import { mutatePdf } from './helpers/pdf-mutate.js';
import { scannedCopy } from './helpers/scan.js';

interface Finding { rule: string; severity: string; message: string; messageId?: string; data?: Record<string, unknown>; location: { page?: number } }
interface Quantity { value: number; raw: string }
interface Relation { kind: string; name?: string; rate?: Quantity; numerator?: Quantity; denominators?: Quantity[] }

async function run(args: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string; bars: string }> {
  let stdout = '', stderr = '', bars = '';
  const progressStream = { isTTY: true, columns: 100, write: (s: string) => { bars += s; return true; } } as unknown as NodeJS.WritableStream;
  const code = await main(['node', 'jixiao', ...args], {
    stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, stderrIsTTY: tty, progressStream,
  });
  return { code, stdout, stderr, bars };
}

let dir: string;
let scan: string;
let changed: string;
const SOURCE = 'fixtures/000-sanyuan-2023.pdf';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-ocr-'));
  const pdf = readFileSync(SOURCE);
  // page 1 holds, a little below its middle, 资金执行率: 3425.81万元 of 3803.27万元, 90.07%; the scan keeps that part
  // of the page (headings and the paragraph), so the test's OCR takes seconds, not the half minute of a full page
  const band: [number, number] = [0.55, 0.8];
  scan = join(dir, 'scan.pdf');
  writeFileSync(scan, await scannedCopy(pdf, [1], { band }));
  changed = join(dir, 'scan-changed.pdf');
  writeFileSync(changed, await scannedCopy(mutatePdf(pdf, '90.07%', '95.07%'), [1], { band }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanned PDFs', () => {
  it('the built scan has images and no text layer', async () => {
    const { stdout } = await run(['read', scan]);
    const [doc] = JSON.parse(stdout) as Array<{ blocks: unknown[]; findings: Finding[] }>;
    expect(doc.blocks).toEqual([]);
  });

  it('without --ocr: one error for the file that says to check it with --ocr, exit 1', async () => {
    const { code, stdout } = await run(['check', '-f', 'json', scan]);
    expect(code).toBe(1);
    const [file] = (JSON.parse(stdout) as { files: Array<{ status: string; findings: Finding[] }> }).files;
    expect(file.status).toBe('failed');
    expect(file.findings.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['no-text', 'error', 'scanned']]);
    expect(file.findings[0].message).toMatch(/未能核查.*--ocr/);
  });

  it('a scan OCR reads nothing on: one error for the file, not a silent pass', async () => {
    // the top margin of a page, scanned: an image with nothing on it
    const out = await readPdf(await scannedCopy(readFileSync(SOURCE), [1], { band: [0, 0.05] }), { ocr: true });
    expect(out.blocks).toEqual([]);
    expect(out.findings.map((f) => [f.rule, f.messageId, f.severity ?? 'error', f.data?.pages])).toEqual([['ocr', 'nothing-read', 'error', ['1']]]);
  }, 30_000);

  it('a scanned ruled table: the printed rules give the grid, and its cells their numbers', async () => {
    // page 15 of the sample, landscape: its top third is the end of the indicator table (满意度指标, 成本指标 rows)
    const bytes = await scannedCopy(readFileSync('fixtures/004-baocheng-2024.pdf'), [15], { band: [0, 0.335] });
    const out = await readPdf(bytes, { ocr: true });
    const tables = out.blocks.filter((b): b is TableBlock => b.type === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ ocr: true, page: 1 });
    const row = (label: string) => tables[0].rows.find((r) => r.some((c) => c.text === label));
    // 目标值 and 实际完成值 of the two cost indicators, as numbers in their own cells (1,059.39 wraps in its cell)
    expect(row('公用经费')?.filter((c) => c.value === 73.29)).toHaveLength(2);
    expect(row('人员经费')?.filter((c) => c.value === 1059.39)).toHaveLength(2);
    expect(row('人员经费')?.length).toBe(9);
  }, 60_000);

  it('OCR stops at the file\'s time limit with a timeout that names OCR, and its worker ends', async () => {
    const { findings } = await readBuffer(scan, readFileSync(scan), { ocr: true, timeoutMs: 1500 });
    expect(findings.map((f) => [f.rule, f.severity, f.messageId])).toEqual([['timeout', 'error', 'ocr']]);
    expect(findings[0].message).toMatch(/OCR.*超过 1\.5 秒.*--timeout/);
  }, 30_000);

  it('OCR runs offline: the model is read from the installed package, and no cache is written', () => {
    const options = ocrWorkerOptions();
    expect(options.cacheMethod).toBe('none');
    expect(options.langPath).not.toMatch(/^[a-z]+:/i);
    expect(options.langPath).toMatch(/node_modules[\\/]@tesseract\.js-data[\\/]chi_sim[\\/]4\.0\.0_best_int$/);
    expect(statSync(join(options.langPath, 'chi_sim.traineddata.gz')).size).toBeGreaterThan(1_000_000);
  });

  it('with --ocr: the 执行率 is read with its numbers, and a changed number is a warning that notes OCR', async () => {
    const before = readdirSync('.');
    const { code, stdout, bars } = await run(['check', '--ocr', '-f', 'json', '--records', '--jobs', '2', scan, changed], true);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; status: string; findings: Finding[]; report: { relations: Relation[] } }> }).files;
    const [original, mutated] = files;

    const rateOf = (relations: Relation[]) => relations.find((r) => r.kind === 'rate' && /执行率/.test(r.name ?? ''));
    const rate = rateOf(original.report.relations);
    expect(rate && [rate.numerator?.value, rate.denominators?.map((d) => d.value), rate.rate?.value]).toEqual([3425.81, [3803.27], 90.07]);
    // what the text PDF draws on this paragraph too: 90.07% is 90.0754% cut short, a warning
    expect(original.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.messageId, f.severity])).toEqual([['rate', 'truncated', 'warning']]);
    expect(original.findings.find((f) => f.rule === 'ocr')).toMatchObject({ messageId: 'pages-read', severity: 'info' });

    expect(rateOf(mutated.report.relations)?.rate?.value).toBe(95.07);
    const caught = mutated.findings.filter((f) => f.rule === 'rate');
    expect(caught.map((f) => f.messageId)).not.toContain('truncated');
    expect(caught).toHaveLength(1);
    // an error on a text PDF; resting on OCR, a warning that says so
    expect(caught[0]).toMatchObject({ severity: 'warning', data: { ocr: true }, location: { page: 1 } });
    expect(caught[0].message).toMatch(/95\.07%.*OCR/);
    // warnings only: a number OCR may have misread is no error
    expect(code).toBe(0);

    // the OCR bar showed on the terminal; no cache file appeared in the working directory
    expect(bars).toMatch(/OCR 页/);
    expect(readdirSync('.').filter((n) => !before.includes(n))).toEqual([]);
    expect(existsSync('chi_sim.traineddata')).toBe(false);
  }, 60_000);
});
