// Review copies as an auditor's week met them (issue 21): a closed listing, folders that share names, earlier copies,
// legacy, OFD and scanned inputs, -o as a file, a PDF under a .docx name, info-only reports, very long names, and
// copies met again by the next check. All through the built CLI, on fixtures and files made from them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { findSoffice } from '../src/readers/soffice.js';
import { jixiao, pipeline, ROOT, CJK, STACK } from './helpers/cli.js';
import { report as ofdReport } from './helpers/ofd-build.js';
import { scannedCopy } from './helpers/scan.js';

const fixture = (name: string) => join(ROOT, 'fixtures', name);
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

/** A fixture docx with one number changed: an error-level finding where the original has none. */
function changedDocx(name: string, from: string, to: string): Uint8Array {
  const zip = unzipSync(readFileSync(fixture(name)));
  zip['word/document.xml'] = strToU8(strFromU8(zip['word/document.xml']!).replace(from, to));
  return zipSync(zip);
}

function put(path: string, bytes: Uint8Array | Buffer): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/** The source path in a docx/xlsx copy's custom properties (the mark), or undefined. */
function markOf(path: string): string | undefined {
  const custom = unzipSync(readFileSync(path))['docProps/custom.xml'];
  return custom ? /name="jixiao-review-of"><vt:lpwstr>([^<]*)</.exec(strFromU8(custom))?.[1] : undefined;
}

/** Every file below a folder, as paths relative to it, sorted. */
const tree = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }) : [])
  .filter((p) => statSync(join(folder, p)).isFile()).sort();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-annotate-cli-'));
  // two units' reports under one name, and a third folder also called 单位A elsewhere
  put(at('in', '单位A', '自评报告.docx'), readFileSync(fixture('000-sanyuan-2023.docx'))); // warnings
  put(at('in', '单位B', '自评报告.docx'), changedDocx('002-songying-2023.docx', '88.28', '88.82')); // an error
  put(at('other', '单位A', '自评报告.docx'), readFileSync(fixture('004-baocheng-2024.docx'))); // a warning
});

afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

describe('the listing', () => {
  it('a closed stdout (| head -1) ends the listing only: every copy is written, and the exit code still reports the error', async () => {
    const out = at('out-head');
    const r = await pipeline(`$JIXIAO annotate -j 1 in/单位A in/单位B other/单位A -o out-head | head -1`, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(tree(out)).toEqual([join('in', '单位A', '自评报告.审阅.docx'), join('in', '单位B', '自评报告.审阅.docx'), join('other', '单位A', '自评报告.审阅.docx')].sort());
  });

  it('says `source → copy` for each copy', async () => {
    const r = await jixiao(['annotate', 'in/单位A', 'in/单位B', '-o', 'out-list'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe([
      `in/单位A/自评报告.docx → ${join('out-list', '单位A', '自评报告.审阅.docx')}`,
      `in/单位B/自评报告.docx → ${join('out-list', '单位B', '自评报告.审阅.docx')}`,
    ].join('\n') + '\n');
  });
});

describe('folders mirrored under -o, nothing overwritten', () => {
  it('copies keep the inputs’ folders below their common folder: two 单位A and two 自评报告 never meet', async () => {
    const r = await jixiao(['annotate', 'in', 'other', '-o', 'out-tree'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(tree(at('out-tree'))).toEqual([
      join('in', '单位A', '自评报告.审阅.docx'), join('in', '单位B', '自评报告.审阅.docx'), join('other', '单位A', '自评报告.审阅.docx'),
    ].sort());
    // each copy says in its properties which file it is the copy of
    expect(markOf(at('out-tree', 'in', '单位B', '自评报告.审阅.docx'))).toBe(at('in', '单位B', '自评报告.docx'));
  });

  it('a later run for another unit keeps the earlier copy; a run for the same unit replaces its own copy and says so; a user’s file is kept', async () => {
    const out = at('out-runs');
    expect((await jixiao(['annotate', 'in/单位A', '-o', 'out-runs'], { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(out, '自评报告.审阅.docx'));
    const other = await jixiao(['annotate', 'in/单位B', '-o', 'out-runs'], { cwd: dir });
    expect(other.stdout).toBe(`in/单位B/自评报告.docx → ${join('out-runs', '自评报告.审阅2.docx')}\n`);
    expect(readFileSync(join(out, '自评报告.审阅.docx')).equals(first)).toBe(true);
    const again = await jixiao(['annotate', 'in/单位B', '-o', 'out-runs'], { cwd: dir });
    expect(again.stdout).toBe(`in/单位B/自评报告.docx → ${join('out-runs', '自评报告.审阅2.docx')}（替换了上次为该文件写的副本）\n`);
    expect(readdirSync(out).sort()).toEqual(['自评报告.审阅.docx', '自评报告.审阅2.docx']);
    // a file of the user's under the copy's name (no mark) is never replaced
    const mine = put(at('out-mine', '自评报告.审阅.docx'), Buffer.from('my notes'));
    const r = await jixiao(['annotate', 'in/单位A', '-o', 'out-mine'], { cwd: dir });
    expect(readFileSync(mine, 'utf8')).toBe('my notes');
    expect(r.stdout).toBe(`in/单位A/自评报告.docx → ${join('out-mine', '自评报告.审阅2.docx')}\n`);
  });
});

describe('what each kind of input gets', () => {
  it('a scan and an OFD get no copy and a reason each; the exit code is check’s, not a usage error', async () => {
    const scan = put(at('kinds', 'scan.pdf'), await scannedCopy(readFileSync(fixture('000-sanyuan-2023.pdf')), [1], { dpi: 40 }));
    const ofd = put(at('kinds', 'report.ofd'), ofdReport('88.82%'));
    put(at('kinds', 'good.docx'), readFileSync(fixture('000-sanyuan-2023.docx')));
    const check = await jixiao(['check', 'kinds'], { cwd: dir });
    const r = await jixiao(['annotate', 'kinds', '-o', 'out-kinds'], { cwd: dir });
    expect(r.code).toBe(check.code);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`kinds/good.docx → ${join('out-kinds', 'good.审阅.docx')}\n`);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes(relative(dir, ofd)))).toMatch(/未写审阅副本：OFD 文件/);
    expect(lines.find((l) => l.includes(relative(dir, scan)))).toMatch(/未写审阅副本：扫描件/);
  }, 120_000);

  it('a PDF named .docx gets a .pdf copy that is a PDF', async () => {
    put(at('disguised', '报告.docx'), readFileSync(fixture('000-sanyuan-2023.pdf')));
    const r = await jixiao(['annotate', 'disguised', '-o', 'out-disguised'], { cwd: dir });
    expect(r.stdout).toBe(`disguised/报告.docx → ${join('out-disguised', '报告.审阅.pdf')}\n`);
    expect(readFileSync(at('out-disguised', '报告.审阅.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a report with only information gets no copy, unless --all', async () => {
    put(at('info', '报告.docx'), readFileSync(fixture('002-songying-2023.docx')));
    const check = await jixiao(['check', '-f', 'json', 'info'], { cwd: dir });
    expect(JSON.parse(check.stdout).files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(['info']);
    const plain = await jixiao(['annotate', 'info', '-o', 'out-info'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(tree(at('out-info'))).toEqual([]);
    const all = await jixiao(['annotate', 'info', '--all', '-o', 'out-info'], { cwd: dir });
    expect(all.stdout).toBe(`info/报告.docx → ${join('out-info', '报告.审阅.docx')}\n`);
  });

  it('a name of 251 bytes gets a copy under a shortened name the file system takes', async () => {
    const name = `${'a'.repeat(246)}.docx`;
    expect(Buffer.byteLength(name)).toBe(251);
    put(at('long', name), readFileSync(fixture('000-sanyuan-2023.docx')));
    const r = await jixiao(['annotate', 'long', '-o', 'out-long'], { cwd: dir });
    expect(r.stderr).not.toMatch(/ENAMETOOLONG/);
    expect(r.code).toBe(0);
    const [copy] = readdirSync(at('out-long'));
    expect(copy).toMatch(/^a+….审阅\.docx$/);
    expect(Buffer.byteLength(copy!)).toBeLessThanOrEqual(255);
    expect(r.stdout).toBe(`long/${name} → ${join('out-long', copy!)}\n`);
  });
});

describe('-o names one file', () => {
  it('for a single input, -o out.docx is the copy itself, not a folder; run again it replaces its own copy', async () => {
    const r = await jixiao(['annotate', 'in/单位B/自评报告.docx', '-o', 'one/out.docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('in/单位B/自评报告.docx → one/out.docx\n');
    expect(markOf(at('one', 'out.docx'))).toBe(at('in', '单位B', '自评报告.docx'));
    expect((await jixiao(['annotate', 'in/单位B/自评报告.docx', '-o', 'one/out.docx'], { cwd: dir })).stdout).toContain('替换');
  });

  it('an existing file that is not jixiao’s copy of this input, or a file name for several inputs, is a usage error and nothing is written', async () => {
    const mine = put(at('mine.docx'), readFileSync(fixture('001-quanfang-2023.docx')));
    const before = readFileSync(mine);
    const existing = await jixiao(['annotate', 'in/单位B/自评报告.docx', '-o', 'mine.docx'], { cwd: dir });
    expect(existing.code).toBe(2);
    expect(existing.stderr).toMatch(/mine\.docx 是已存在的文件/);
    expect(readFileSync(mine).equals(before)).toBe(true);
    // jixiao's copy of another input is not replaced either
    const others = await jixiao(['annotate', 'in/单位A/自评报告.docx', '-o', 'one/out.docx'], { cwd: dir });
    expect(others.code).toBe(2);
    const several = await jixiao(['annotate', 'in', '-o', 'several.docx'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/是一个文件名，但有 2 个文件/);
    expect(existsSync(at('several.docx'))).toBe(false);
    for (const r of [existing, others, several]) {
      expect(r.stderr).toMatch(CJK);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
  });
});

describe('review copies are not reports', () => {
  it('copies written inside the input folder are skipped by the next check, by their mark; a user’s file named like one is read', async () => {
    const folder = at('inbox');
    put(join(folder, '单位A', '报告.docx'), readFileSync(fixture('000-sanyuan-2023.docx')));
    put(join(folder, '单位B', '报告.pdf'), readFileSync(fixture('000-sanyuan-2023.pdf')));
    put(join(folder, '单位C', '报告.xlsx'), await (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(fixture('004-baocheng-2024.xlsx'));
      wb.getWorksheet('Sheet1')!.getCell('K20').value = 2.25; // the weights no longer total 90
      return Buffer.from(await wb.xlsx.writeBuffer());
    })());
    const written = await jixiao(['annotate', 'inbox', '-o', 'inbox/审阅'], { cwd: dir });
    expect(written.stdout.trimEnd().split('\n')).toHaveLength(3);
    // a colleague's file that only looks like a copy by its name
    put(join(folder, '单位A', '旧报告.审阅.docx'), readFileSync(fixture('000-sanyuan-2023.docx')));
    const check = await jixiao(['check', '-f', 'json', 'inbox'], { cwd: dir });
    const paths = (JSON.parse(check.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(paths).toEqual(['inbox/单位A/报告.docx', 'inbox/单位A/旧报告.审阅.docx', 'inbox/单位B/报告.pdf', 'inbox/单位C/报告.xlsx']);
    for (const copy of ['单位A/报告.审阅.docx', '单位B/报告.审阅.pdf', '单位C/报告.审阅.xlsx']) {
      expect(check.stderr).toContain(`跳过 inbox/审阅/${copy}：它是 jixiao 写的审阅副本`);
    }
  });
});

const soffice = findSoffice();
// CI installs LibreOffice (.ci/run); a machine without it cannot make the legacy files the test needs.
const withSoffice = soffice || process.env.CI ? describe : describe.skip;

withSoffice('legacy inputs get a copy in the format check read them as', () => {
  it('.doc and .wps get a .docx copy, .xls and .et an .xlsx copy, each holding check’s findings', async () => {
    const folder = at('legacy');
    mkdirSync(folder, { recursive: true });
    put(join(folder, 'word.docx'), readFileSync(fixture('000-sanyuan-2023.docx')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture('004-baocheng-2024.xlsx'));
    wb.getWorksheet('Sheet1')!.getCell('K20').value = 2.25;
    await wb.xlsx.writeFile(join(folder, 'sheet.xlsx'));
    for (const [file, to] of [['word.docx', 'doc'], ['sheet.xlsx', 'xls']] as const) {
      execFileSync(soffice!, [`-env:UserInstallation=${pathToFileURL(at(`lo-${to}`)).href}`, '--headless', '--norestore',
        '--convert-to', to, '--outdir', folder, join(folder, file)], { stdio: 'ignore', timeout: 240_000 });
      rmSync(join(folder, file));
    }
    copyFileSync(join(folder, 'word.doc'), join(folder, 'wps.wps'));
    copyFileSync(join(folder, 'sheet.xls'), join(folder, 'et.et'));
    // the .wps and .et are byte copies of the .doc and .xls: check reads those two (each conversion takes seconds)
    const check = await jixiao(['check', '-f', 'json', 'legacy/word.doc', 'legacy/sheet.xls'], { cwd: dir });
    const r = await jixiao(['annotate', 'legacy', '-o', 'out-legacy'], { cwd: dir });
    expect(r.code).toBe(check.code);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').sort()).toEqual([
      `legacy/et.et → ${join('out-legacy', 'et.审阅.xlsx')}`, `legacy/sheet.xls → ${join('out-legacy', 'sheet.审阅.xlsx')}`,
      `legacy/word.doc → ${join('out-legacy', 'word.审阅.docx')}`, `legacy/wps.wps → ${join('out-legacy', 'wps.审阅.docx')}`,
    ]);
    const findings = new Map((JSON.parse(check.stdout) as { files: { path: string; findings: { rule: string; message: string }[] }[] }).files
      .map((f) => [f.path.split('/').pop()!, f.findings]));
    // the same findings, the legacy note naming each file's own extension
    const named = (fs: { rule: string; message: string }[], ext: string) => fs.map((f) => ({ ...f, message: f.message.replace(/（\.(doc|xls)）/, `（.${ext}）`) }));
    findings.set('wps.wps', named(findings.get('word.doc')!, 'wps'));
    findings.set('et.et', named(findings.get('sheet.xls')!, 'et'));
    // every finding of check is a comment in the .docx copy, and the numbers are marked where they are
    for (const name of ['word.doc', 'wps.wps']) {
      const copy = unzipSync(readFileSync(at('out-legacy', name.replace(/\.\w+$/, '.审阅.docx'))));
      const comments = strFromU8(copy['word/comments.xml']!);
      for (const f of findings.get(name)!) expect(comments, `${name} ${f.rule}`).toContain(f.message);
      expect(strFromU8(copy['word/document.xml']!)).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:r><w:rPr>(?:(?!<\/w:r>).)*<w:highlight w:val="yellow"\/><\/w:rPr><w:t[^>]*>90\.07%/);
    }
    for (const name of ['sheet.xls', 'et.et']) {
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(at('out-legacy', name.replace(/\.\w+$/, '.审阅.xlsx')));
      expect(copy.worksheets[0]!.name).toBe('审阅意见');
      expect(copy.worksheets[0]!.rowCount).toBe(1 + findings.get(name)!.length);
    }
  }, 600_000);
});
