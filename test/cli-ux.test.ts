// The rough edges a new user hits (issue 13) and what a clean run means (coverage, nothing-checked), on real files.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { main } from '../src/cli.js';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { runChecks } from '../src/checks/index.js';
import { allSaid } from './helpers/said.js';
import { buildWorkbook } from '../src/report/xlsx.js';
import { sampleResults } from './report-fixtures.js';
import { report, rel, q } from './check-builder.js';

const ROOT = join(import.meta.dirname, '..');
const fixture = (name: string) => join(ROOT, 'fixtures', name);
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

interface Run { code: number; stdout: string; stderr: string }

async function run(args: string[], stdin?: string): Promise<Run> {
  let stdout = '', stderr = '';
  const io = { stdout: (s: string) => { stdout += s; }, stderr: (s: string) => { stderr += s; }, stdin: async () => stdin ?? '' };
  const code = await main(['node', 'jixiao', ...args], io);
  return { code, stdout, stderr };
}

interface FileOut { path: string; status: string; coverage?: { checked: number; numbers: number; relations: Record<string, number> }; findings: { rule: string; severity: string; message: string; location: Record<string, unknown> }[] }
const filesOf = (r: Run) => (JSON.parse(r.stdout) as { files: FileOut[] }).files;

/** A docx built at test time: a real fixture's package with its body replaced by these paragraphs and tables. */
function docx(path: string, body: Array<string | string[][]>): string {
  const zip = unzipSync(readFileSync(fixture('001-quanfang-2023.docx')));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const p = (t: string) => `<w:p><w:r><w:t>${esc(t)}</w:t></w:r></w:p>`;
  const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const xml = strFromU8(zip['word/document.xml']!);
  const inner = body.map((b) => (typeof b === 'string' ? p(b) : table(b))).join('');
  zip['word/document.xml'] = strToU8(xml.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${inner}</w:body>`));
  writeFileSync(path, zipSync(zip));
  return path;
}

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-ux-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paths from standard input', () => {
  it('an empty list is an empty result, exit 0, not a usage error', async () => {
    const r = await run(['check', '-', '-f', 'json'], '');
    expect(r.code).toBe(0);
    expect(filesOf(r)).toEqual([]);
    const stylish = await run(['check', '-'], '\n\n');
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('共检查 0 个文件');
  });

  it('a missing path in the list is a finding for that path; the good files are still checked', async () => {
    const missing = join(dir, 'gone.docx');
    const r = await run(['check', '-', '-f', 'json'], `${fixture('001-quanfang-2023.docx')}\n${missing}\n${fixture('003-dept-2023.docx')}\n`);
    expect(r.code).toBe(1);
    const files = filesOf(r);
    expect(files.map((f) => [f.path, f.status])).toEqual([
      [fixture('001-quanfang-2023.docx'), 'ok'], [missing, 'failed'], [fixture('003-dept-2023.docx'), 'ok'],
    ]);
    expect(files[1]!.findings).toMatchObject([{ rule: 'read-error', severity: 'error' }]);
    expect(files[1]!.findings[0]!.message).toContain('不存在');
  });

  it('a missing path on the command line stays a usage error', async () => {
    const r = await run(['check', join(dir, 'typo.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('typo.docx');
  });
});

describe('each file once', () => {
  it('a folder and a file in it, and another spelling of the same path, give one result', async () => {
    const folder = join(dir, 'once');
    mkdirSync(folder);
    copyFileSync(fixture('001-quanfang-2023.docx'), join(folder, 'a.docx'));
    const r = await run(['check', '-f', 'json', folder, join(folder, 'a.docx'), join(folder, '..', 'once', 'a.docx'), `${folder}/./a.docx`]);
    expect(filesOf(r).map((f) => f.path)).toEqual([join(folder, 'a.docx')]);
  });
});

describe('--quiet hides warnings from the listing, not from the totals', () => {
  // 000-sanyuan has warnings (a truncated rate, an open list falling short) and no error.
  const file = fixture('000-sanyuan-2023.docx');

  it('the closing line and the json summary count them', async () => {
    const loud = await run(['check', file, '-f', 'json']);
    const warnings = (JSON.parse(loud.stdout) as { summary: { warnings: number } }).summary.warnings;
    expect(warnings).toBeGreaterThan(0);
    const quiet = await run(['check', file, '-q', '-f', 'json']);
    expect((JSON.parse(quiet.stdout) as { summary: { warnings: number } }).summary.warnings).toBe(warnings);
    expect(filesOf(quiet)[0]!.findings.filter((f) => f.severity === 'warning')).toEqual([]);
    const stylish = await run(['check', file, '-q']);
    expect(stylish.stdout.trimEnd().split('\n').at(-1)).toBe(`⚠ 共检查 1 个文件：0 个错误，${warnings} 个警告（-q：未列出）`);
    expect(stylish.stdout).not.toContain('警告  ');
    expect((await run(['check', file, '-q', '--max-warnings', '0'])).code).toBe(1);
  });

  it("the workbook's 警告数 counts them", async () => {
    const out = join(dir, 'quiet.xlsx');
    expect((await run(['summary', file, '-q', '-o', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('K1').value).toBe('警告数');
    expect(Number(ws.getCell('K2').value)).toBeGreaterThan(0);
  });
});

describe('configuration mistakes are usage errors that say what to write', () => {
  it('a misspelt rule name names the closest rule; a bad severity lists the allowed ones', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ rules: { rat: 'off', grade: 'fatal' } }));
    const r = await run(['check', fixture('001-quanfang-2023.docx'), '-c', config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('“rat”');
    expect(r.stderr).toContain('“rate”');
    expect(r.stderr).toMatch(/"fatal".*error、warning、info、off/);
  });
});

describe('findings in reading order, tables numbered', () => {
  it('terminal findings follow the text (第6段 before 第9段), not the rule names', async () => {
    const r = await run(['check', fixture('000-sanyuan-2023.docx')]);
    const at6 = r.stdout.indexOf('第6段'), at9 = r.stdout.indexOf('第9段');
    expect(at6).toBeGreaterThan(-1);
    expect(at9).toBeGreaterThan(at6);
  });

  it('a docx table location says which table', async () => {
    const file = docx(join(dir, 'tables.docx'), [
      '一、基本情况',
      [['项目', '金额'], ['甲', '1万元']],
      '二、自评得分',
      [['一级指标', '二级指标', '分值', '得分'], ['决策', '项目立项', '10', '12'], ['过程', '资金管理', '20', '18']],
    ]);
    const result = await checkFile(file, defaultConfig);
    const cap = result.findings.find((f) => f.rule === 'score-cap');
    // 1-based as displayed: the second row of the second table
    expect(cap?.location).toMatchObject({ table: 2, row: 2 });
    const r = await run(['check', file]);
    expect(r.stdout).toMatch(/第2个表格第2行第\d+列/);
  });
});

describe('--lang en', () => {
  it('check messages carry no Chinese of their own (fallback names, sources of grade bands)', () => {
    const r = report({
      relations: [
        rel({ kind: 'sum', total: q('100万元'), parts: [q('30万元'), q('40万元')], exhaustive: true }),
        rel({ kind: 'growth', direction: 'increase', previous: q('100万元'), current: q('150万元'), rate: q('20%') }),
        rel({ kind: 'total-score', score: q('95分') }),
        rel({ kind: 'grade', grade: '良', score: q('95分') }),
      ],
    });
    const findings = allSaid(runChecks(r, { ...defaultConfig, lang: 'en' }), 'en');
    expect(findings.map((f) => f.rule).sort()).toEqual(['grade', 'growth', 'sum']);
    for (const f of findings) expect(f.message, f.message).not.toMatch(/(合计|增长率|通用等级标准)/);
    // the only Chinese left is the document's own: grade words (quoted) and numbers as written (95分, 100万元)
    for (const f of findings) expect(f.message.replace(/"[^"]*"/g, '').replace(/[\d.]+(分|万元)/g, ''), f.message).not.toMatch(CJK);
  });

  it("the workbook's sheet names and headers are English", async () => {
    const wb = await buildWorkbook(sampleResults(), { lang: 'en', color: false });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Findings', 'Indicators', 'Scores']);
    for (const ws of wb.worksheets) {
      ws.getRow(1).eachCell((cell) => expect(String(cell.value)).not.toMatch(CJK));
    }
    expect(String(wb.getWorksheet('Summary')!.getCell('M2').value)).toMatch(/^text: /);
  });
});

describe('output files', () => {
  it('summary -o prints one line on stderr when the workbook is written', async () => {
    const out = join(dir, '汇总.xlsx');
    const r = await run(['summary', fixture('000-sanyuan-2023.docx'), fixture('001-quanfang-2023.docx'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^jixiao: 已写入 ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：2 个文件，0 个错误，\\d+ 个警告。\\n$`));
  });

  it('-o out.csv for a workbook is a usage error and writes nothing; so is text to a .xlsx name', async () => {
    const csv = join(dir, 'out.csv');
    const r = await run(['summary', fixture('001-quanfang-2023.docx'), '-o', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx');
    expect(existsSync(csv)).toBe(false);
    const text = await run(['check', fixture('001-quanfang-2023.docx'), '-o', join(dir, 'x.xlsx')]);
    expect(text.code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it("the README shows the workbook's rate formula as the workbook writes it", async () => {
    const wb = await buildWorkbook(sampleResults(), { lang: 'zh', color: false });
    const formula = wb.getWorksheet('汇总')!.getCell('G2').formula;
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`=${formula}\``);
  });
});

describe('coverage: a clean run says what was checked', () => {
  it('a report with numbers but no relation to check draws nothing-checked', async () => {
    const file = docx(join(dir, 'plain.docx'), [
      '一、工作开展情况',
      '2023年我单位完成道路维修3.5公里，组织培训80人次，购置办公设备12台，接待来访群众260人次。',
      '二、下一步打算',
      '计划新建文化广场1处，预计面积1200平方米。',
    ]);
    const r = await run(['check', file, '-f', 'json']);
    const [f] = filesOf(r);
    expect(f!.coverage).toMatchObject({ checked: 0 });
    expect(f!.coverage!.numbers).toBeGreaterThan(3);
    expect(f!.findings).toMatchObject([{ rule: 'nothing-checked', severity: 'warning' }]);
    expect(r.code).toBe(0);
    const stylish = await run(['check', file]);
    expect(stylish.stdout).toContain('核对了 0 处');
  });

  it('a corpus report does not, and its counts are by relation kind', async () => {
    const r = await run(['check', fixture('002-songying-2023.docx'), fixture('004-baocheng-2024.xlsx'), '-f', 'json']);
    for (const f of filesOf(r)) {
      expect(f.findings.map((x) => x.rule), f.path).not.toContain('nothing-checked');
      expect(f.coverage!.checked, f.path).toBeGreaterThan(0);
    }
    expect(filesOf(r)[0]!.coverage!.relations).toMatchObject({ rate: 1 });
    const stylish = await run(['check', fixture('002-songying-2023.docx')]);
    expect(stylish.stdout).toMatch(/002-songying-2023\.docx {2}核对了 [1-9]\d* 处/);
  });

  it('the workbook has a 核对项数 column', async () => {
    const out = join(dir, 'coverage.xlsx');
    await run(['summary', fixture('002-songying-2023.docx'), '-o', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('N1').value).toBe('核对项数');
    expect(Number(ws.getCell('N2').value)).toBeGreaterThan(0);
  });
});
