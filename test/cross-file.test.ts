// A unit's folder checked as a whole (issue 23): folders built at test time from the fixtures, and the findings across
// their files — a figure that differs between a report and its form, twins counted once, 某局 and 某局本级 kept apart.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { jixiao, ROOT } from './helpers/cli.js';
import { buildDocx } from './helpers/docx-build.js';
import { mutateDocxTo } from './helpers/docx-mutate.js';

const FIXTURES = join(ROOT, 'fixtures');
const FORM = join(ROOT, 'test', 'data', 'forms', 'national-form.xlsx');

interface Found { rule: string; severity: string; messageId: string; message: string; location: Record<string, unknown> & { related?: Record<string, unknown> }; expected?: string; actual?: string; data?: Record<string, unknown> }
interface FileOut { path: string; status: string; coverage?: { crossFile?: Record<string, unknown> }; findings: Found[] }
interface Out { files: FileOut[]; summary: { files: number; errors: number; warnings: number; infos: number; twins?: number } }

let tmp: string;
const folder = (name: string) => { const dir = join(tmp, name); mkdirSync(dir, { recursive: true }); return dir; };

async function checkJson(args: string[]): Promise<{ code: number | null; out: Out; stderr: string }> {
  const r = await jixiao(['check', '-f', 'json', ...args]);
  return { code: r.code, out: JSON.parse(r.stdout) as Out, stderr: r.stderr };
}

/** The findings across files, as [file, messageId, severity, where, related file]: what a test reads. */
function across(out: Out): Array<[string, string, string, string, string]> {
  return out.files.flatMap((f) => f.findings.filter((x) => x.rule === 'cross-file').map((x) => {
    const l = x.location;
    const where = l.cell ? `${String(l.sheet)}!${String(l.cell)}` : l.paragraph !== undefined ? `¶${String(l.paragraph)}` : '-';
    return [basename(f.path), x.messageId, x.severity, where, l.related ? basename(String(l.related.file)) : ''] as [string, string, string, string, string];
  }));
}

async function setCell(source: string, target: string, sheet: string, cell: string, value: number | string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  await wb.xlsx.writeFile(target);
}

/** A project report of the national form's unit and year (示例县交通运输局, 2023), stating its budget block's figures. */
function projectReport(path: string, unit: string, figures: { budget: string; spent: string; rate: string }): string {
  return buildDocx(path, [
    `${unit}2023年度农村公路养护项目支出绩效自评报告`,
    '一、项目基本情况',
    `农村公路养护项目全年预算数${figures.budget}万元，全年执行数${figures.spent}万元，预算执行率${figures.rate}%。`,
    '二、绩效自评结论',
    '项目自评得分97分，评价等级为优。',
  ]);
}

beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'jixiao-cross-')); });
afterAll(() => { rmSync(tmp, { recursive: true, force: true }); });

describe("004's report with its own workbook, as one unit", () => {
  let out: Out;
  beforeAll(async () => {
    const dir = folder('unit-004');
    copyFileSync(join(FIXTURES, '004-baocheng-2024-embedded.docx'), join(dir, '004-baocheng-2024-embedded.docx'));
    copyFileSync(join(FIXTURES, '004-baocheng-2024.xlsx'), join(dir, '004-baocheng-2024.xlsx'));
    ({ out } = await checkJson([dir]));
  }, 180_000);

  it('places both files with the unit and year, and finds nothing across them: the score agrees', () => {
    expect(out.files.map((f) => f.coverage?.crossFile)).toEqual([
      { unit: '渠县宝城镇人民政府', year: 2024, role: 'report' },
      { unit: '渠县宝城镇人民政府', year: 2024, role: 'dept-overall' },
    ]);
    expect(across(out)).toEqual([]);
  });
});

describe('a copy where one figure differs in one file', () => {
  it('the form whose total disagrees with its own rows gets the one finding, naming the report’s place', async () => {
    const dir = folder('form-differs');
    copyFileSync(join(FIXTURES, '004-baocheng-2024-embedded.docx'), join(dir, 'report.docx'));
    await setCell(join(FIXTURES, '004-baocheng-2024.xlsx'), join(dir, 'form.xlsx'), '整体2-2自评打分表', 'F5', 92.8);
    const { code, out } = await checkJson([dir]);
    expect(code).toBe(1);
    expect(across(out)).toEqual([['form.xlsx', 'differs', 'error', '整体2-2自评打分表!F5', 'report.docx']]);
    const f = out.files[0].findings.find((x) => x.rule === 'cross-file')!;
    expect([f.expected, f.actual, f.location.related?.paragraph]).toEqual(['93.8分', '92.8', 23]);
    expect(f.message).toContain('自评得分');
  }, 180_000);

  it('the report whose score disagrees with its own scoring sheet gets it when the form is sound', async () => {
    const dir = folder('report-differs');
    mutateDocxTo(join(FIXTURES, '004-baocheng-2024-embedded.docx'), join(dir, 'report.docx'), '93.8分', '95.8分');
    copyFileSync(join(FIXTURES, '004-baocheng-2024.xlsx'), join(dir, 'form.xlsx'));
    const { out } = await checkJson([dir]);
    expect(across(out)).toEqual([['report.docx', 'differs', 'error', '¶23', 'form.xlsx']]);
  }, 180_000);

  it('a project report and its form: the spending differs; the rate that follows from it is no second finding', async () => {
    const dir = folder('project-differs');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    projectReport(join(dir, 'report.docx'), '示例县交通运输局', { budget: '120', spent: '111', rate: '92.5' });
    const { out } = await checkJson([dir]);
    // neither figure is contradicted in its own file: the form, which copies the report, is the one to look at
    expect(across(out)).toEqual([['form.xlsx', 'differs', 'error', '项目支出绩效自评表!E5', 'report.docx']]);
  }, 180_000);

  it('an amount of one funding source is compared with that source’s row of the form, not with its total', async () => {
    const dir = folder('project-source');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    buildDocx(join(dir, 'report.docx'), [
      '示例县交通运输局2023年度农村公路养护项目支出绩效自评报告',
      '一、项目基本情况',
      // the form's 当年财政拨款 row: 全年预算数 90, 全年执行数 80 (its total row: 120 and 108)
      '当年财政拨款全年预算数90万元，财政拨款全年执行数80万元，财政拨款预算执行率88.89%。',
    ]);
    const { out } = await checkJson([dir]);
    expect(across(out)).toEqual([]);
    const wrong = folder('project-source-differs');
    copyFileSync(FORM, join(wrong, 'form.xlsx'));
    buildDocx(join(wrong, 'report.docx'), [
      '示例县交通运输局2023年度农村公路养护项目支出绩效自评报告',
      '一、项目基本情况',
      '当年财政拨款全年预算数95万元，财政拨款全年执行数80万元，财政拨款预算执行率84.21%。',
    ]);
    const second = await checkJson([wrong]);
    expect(across(second.out)).toEqual([['form.xlsx', 'differs', 'error', '项目支出绩效自评表!D6', 'report.docx']]);
  }, 180_000);

  it('agreeing figures give nothing, and the workbook lists what was compared', async () => {
    const dir = folder('project-agrees');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    projectReport(join(dir, 'report.docx'), '示例县交通运输局', { budget: '120', spent: '108', rate: '90' });
    const { out } = await checkJson([dir]);
    expect(across(out)).toEqual([]);
    const book = join(tmp, 'agrees.xlsx');
    const r = await jixiao(['summary', dir, '-o', book]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const sheet = wb.getWorksheet('跨文件核对')!;
    const rows: string[][] = [];
    sheet.eachRow((row, n) => { if (n > 1) rows.push([String(row.getCell(3).value), String(row.getCell(10).value)]); });
    expect(rows).toEqual([['全年预算数（调整后预算）', '一致'], ['全年执行数（实际支出）', '一致'], ['预算执行率', '一致']]);
  }, 180_000);
});

describe('XX局 and XX局本级 side by side', () => {
  it('are two units: the 本级 report is not compared with the bureau’s form', async () => {
    const dir = folder('benji');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    projectReport(join(dir, 'bureau.docx'), '示例县交通运输局', { budget: '120', spent: '108', rate: '90' });
    projectReport(join(dir, 'bureau-alone.docx'), '示例县交通运输局本级', { budget: '100', spent: '95', rate: '95' });
    const { out } = await checkJson([dir]);
    expect(Object.fromEntries(out.files.map((f) => [basename(f.path), f.coverage?.crossFile]))).toEqual({
      'bureau-alone.docx': { unit: '示例县交通运输局本级', year: 2023, role: 'report' },
      'bureau.docx': { unit: '示例县交通运输局', year: 2023, role: 'report' },
      'form.xlsx': { unit: '示例县交通运输局', year: 2023, role: 'project-form' },
    });
    expect(across(out)).toEqual([]);
  }, 180_000);
});

describe('twins: the same report under two names', () => {
  let dir: string;
  beforeAll(() => {
    dir = folder('twins');
    copyFileSync(join(FIXTURES, '000-sanyuan-2023.docx'), join(dir, '三元镇自评报告.docx'));
    copyFileSync(join(FIXTURES, '000-sanyuan-2023.pdf'), join(dir, '报送稿.pdf'));
  });

  it('each file keeps its own findings and gets an info naming its twin; the totals count the document once', async () => {
    const { code, out } = await checkJson([dir]);
    expect(code).toBe(0);
    expect(across(out)).toEqual([['三元镇自评报告.docx', 'twin', 'info', '-', '报送稿.pdf'], ['报送稿.pdf', 'twin', 'info', '-', '三元镇自评报告.docx']]);
    const own = out.files.map((f) => f.findings.filter((x) => x.severity === 'warning').length);
    expect(own[0]).toBeGreaterThan(0);
    expect(own[1]).toBe(own[0]);
    expect(out.summary).toMatchObject({ files: 2, twins: 1, errors: 0, warnings: own[0] });
  }, 180_000);

  it('the terminal says so; JUnit still lists each file’s own findings', async () => {
    const stylish = await jixiao(['check', dir]);
    expect(stylish.stdout).toMatch(/共检查 2 个文件（其中 1 个与另一文件内容相同，只计一次）/);
    const junit = await jixiao(['check', '-f', 'junit', dir]);
    expect((junit.stdout.match(/<testsuite /g) ?? []).length).toBe(2);
    expect((junit.stdout.match(/\[warning\]/g) ?? []).length).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it('with --no-cross-file there is nothing across files: no info, no placement, both files counted', async () => {
    const { out } = await checkJson(['--no-cross-file', dir]);
    expect(across(out)).toEqual([]);
    expect(out.files.map((f) => f.coverage?.crossFile)).toEqual([undefined, undefined]);
    expect(out.summary.twins).toBeUndefined();
  }, 180_000);
});

describe('a report’s count of evaluated projects against the project forms present', () => {
  it('warns on the report when the folder holds fewer forms than it names', async () => {
    const dir = folder('project-count');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    buildDocx(join(dir, 'dept.docx'), [
      '示例县交通运输局2023年度部门整体支出绩效自评报告',
      '一、基本情况',
      '本年度开展绩效自评的项目共3个，涉及资金120万元。',
    ]);
    const { out } = await checkJson([dir]);
    expect(across(out)).toEqual([['dept.docx', 'project-count', 'warning', '¶3', 'form.xlsx']]);
  }, 180_000);
});

describe('two differing versions of one report beside one form', () => {
  it('are left out, each saying why, unless a name pairs one of them with the form', async () => {
    const dir = folder('versions');
    copyFileSync(FORM, join(dir, 'form.xlsx'));
    projectReport(join(dir, 'v1.docx'), '示例县交通运输局', { budget: '120', spent: '108', rate: '90' });
    projectReport(join(dir, 'v2.docx'), '示例县交通运输局', { budget: '120', spent: '111', rate: '92.5' });
    const { out } = await checkJson([dir]);
    expect(across(out).map(([file, id]) => [file, id])).toEqual([['form.xlsx', 'left-out'], ['v1.docx', 'left-out'], ['v2.docx', 'left-out']]);
    // the form named like one of them is its form: the other is left out
    const named = folder('versions-named');
    copyFileSync(FORM, join(named, 'v2.xlsx'));
    copyFileSync(join(dir, 'v1.docx'), join(named, 'v1.docx'));
    copyFileSync(join(dir, 'v2.docx'), join(named, 'v2.docx'));
    const second = await checkJson([named]);
    expect(across(second.out).map(([file, id]) => [file, id])).toEqual([['v1.docx', 'left-out'], ['v2.xlsx', 'differs']]);
  }, 180_000);
});

describe('ndjson and summary over shards', () => {
  let dir: string;
  beforeAll(async () => {
    dir = folder('shards');
    copyFileSync(join(FIXTURES, '004-baocheng-2024-embedded.docx'), join(dir, 'report.docx'));
    await setCell(join(FIXTURES, '004-baocheng-2024.xlsx'), join(dir, 'form.xlsx'), '整体2-2自评打分表', 'F5', 92.8);
    copyFileSync(join(FIXTURES, '002-songying-2023.docx'), join(dir, 'songying.docx'));
    copyFileSync(join(FIXTURES, '002-songying-2023.pdf'), join(dir, 'songying.pdf'));
  });

  it('ndjson writes one line per file as it goes, then the findings across files as their own lines', async () => {
    const r = await jixiao(['check', '-f', 'ndjson', dir]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as FileOut & { stage?: string });
    expect(lines.slice(0, 4).map((l) => [basename(l.path), l.stage])).toEqual([['form.xlsx', undefined], ['report.docx', undefined], ['songying.docx', undefined], ['songying.pdf', undefined]]);
    expect(lines.slice(0, 4).flatMap((l) => l.findings).filter((f) => f.rule === 'cross-file')).toEqual([]);
    expect(lines.slice(4).map((l) => [basename(l.path), l.stage, l.findings.map((f) => f.messageId)])).toEqual([
      ['form.xlsx', 'cross-file', ['differs']], ['songying.docx', 'cross-file', ['twin']], ['songying.pdf', 'cross-file', ['twin']],
    ]);
  }, 180_000);

  it('summary over one shard per file (made with --records) equals summary over the folder, 跨文件核对 included', async () => {
    const files = ['form.xlsx', 'report.docx', 'songying.docx', 'songying.pdf'];
    const shards: string[] = [];
    for (const f of files) {
      const r = await jixiao(['check', '-f', 'ndjson', '--records', join(dir, f)]);
      const shard = join(tmp, `${f}.ndjson`);
      writeFileSync(shard, r.stdout);
      shards.push(shard);
    }
    // the form's shard, checked alone, has no findings across files; the folder's own ndjson has: neither is counted twice
    const whole = await jixiao(['check', '-f', 'ndjson', '--records', dir]);
    const wholeShard = join(tmp, 'whole.ndjson');
    writeFileSync(wholeShard, whole.stdout);
    const [fromShards, fromWhole, fromFolder] = [join(tmp, 'a.xlsx'), join(tmp, 'b.xlsx'), join(tmp, 'c.xlsx')];
    await Promise.all([
      jixiao(['summary', ...shards.reverse(), '-o', fromShards]),
      jixiao(['summary', wholeShard, '-o', fromWhole]),
      jixiao(['summary', dir, '-o', fromFolder]),
    ]);
    const cells = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues().map((row) => JSON.stringify(row))]);
    };
    const folderCells = await cells(fromFolder);
    expect(folderCells.map(([name]) => name)).toEqual(['汇总', '问题清单', '指标', '评分', '跨文件核对']);
    expect(await cells(fromShards)).toEqual(folderCells);
    expect(await cells(fromWhole)).toEqual(folderCells);
    expect(readFileSync(fromShards).length).toBeGreaterThan(0);
  }, 300_000);
});
