// annotate end to end: each fixture report and mutations of it get a review copy holding exactly check's findings, placed, and it opens.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import type { Finding, RenderedFinding } from '../src/findings.js';
import { foldText, locationWords, reviewName, unplacedLine } from '../src/annotate/place.js';
import { annotateDocx } from '../src/annotate/docx.js';
import { annotateXlsx } from '../src/annotate/xlsx.js';
import { annotatePdf } from '../src/annotate/pdf.js';
import { readDocument } from '../src/readers/index.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');
const FIXTURES = readdirSync(join(ROOT, 'fixtures')).filter((f) => /^00[0-4].*\.(docx|pdf|xlsx)$/.test(f));

function jixiao(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 300_000 });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

let dir: string;
let inputs: string;
let out: string;
/** check --format json's findings by input file name */
const checked = new Map<string, RenderedFinding[]>();
/** the inputs' bytes before annotate ran */
const originals = new Map<string, Buffer>();

/** The docx with the n-th `from` in word/document.xml replaced by `to`. */
function mutateDocx(name: string, from: string, to: string, nth = 0): Uint8Array {
  const zip = unzipSync(readFileSync(join(ROOT, 'fixtures', name)));
  const xml = strFromU8(zip['word/document.xml']);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = xml.indexOf(from, at + 1);
  if (at < 0) throw new Error(`${from} not in ${name}`);
  zip['word/document.xml'] = strToU8(xml.slice(0, at) + to + xml.slice(at + from.length));
  return zipSync(zip);
}

async function workbook(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(Buffer.from(source) as unknown as ArrayBuffer);
  return wb;
}

/** The embedded-workbook docx with the scoring sheet's item score F11 raised: score-total inside the embedded object. */
async function mutateEmbedded(): Promise<Uint8Array> {
  const zip = unzipSync(readFileSync(join(ROOT, 'fixtures', '004-baocheng-2024-embedded.docx')));
  for (const member of Object.keys(zip).filter((k) => /^word\/embeddings\/.*\.xlsx$/.test(k))) {
    const wb = await workbook(zip[member]);
    if (wb.worksheets[0]?.getCell('F5').value !== 93.8) continue;
    wb.worksheets[0].getCell('F11').value = 5;
    zip[member] = new Uint8Array(await wb.xlsx.writeBuffer());
    return zipSync(zip);
  }
  throw new Error('no embedded scoring sheet');
}

async function mutateXlsx(changes: Array<[string, string, number]>): Promise<Uint8Array> {
  const wb = await workbook(join(ROOT, 'fixtures', '004-baocheng-2024.xlsx'));
  for (const [sheet, cell, value] of changes) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const fold = (s: string) => foldText(s).folded;
/** What a note says, as the test compares it with check's finding: rule, location in words, message. */
const key = (rule: string, where: string, message: string) => JSON.stringify([rule, where, message]);
const expectedKeys = (fs: RenderedFinding[]) => fs.map((f) => key(f.rule, locationWords(f, 'zh'), f.message)).sort();

/** A note's lines ("警告 · rate", message, 应为/实为, 位置：…) back to its key. */
function noteKey(lines: string[]): string {
  const rule = lines[0].split(' · ')[1];
  const where = lines.find((l) => l.startsWith('位置：'))!.slice('位置：'.length);
  return key(rule, where, lines[1]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-annotate-'));
  inputs = join(dir, 'in');
  out = join(dir, 'out');
  mkdirSync(inputs);
  for (const f of FIXTURES) copyFileSync(join(ROOT, 'fixtures', f), join(inputs, f));
  // one mutation per format, each making a finding in a place the fixtures have none: a table cell, an embedded
  // workbook, a worksheet cell, a PDF table
  writeFileSync(join(inputs, 'm1-table.docx'), mutateDocx('004-baocheng-2024.docx', '93.8', '94.8', 2));
  writeFileSync(join(inputs, 'm2-prose.docx'), mutateDocx('002-songying-2023.docx', '88.28', '88.82'));
  writeFileSync(join(inputs, 'm3-embedded.docx'), await mutateEmbedded());
  // the stated rate written over three differently formatted runs, the last running on past it: runs must be split
  writeFileSync(join(inputs, 'm7-runs.docx'), mutateDocx('002-songying-2023.docx', '预算执行率88.28%。',
    '预算执行率8</w:t></w:r><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>8.2</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">2% 。'));
  writeFileSync(join(inputs, 'm4-cells.xlsx'), await mutateXlsx([['Sheet1', 'C6', 1569.38], ['整体2-2自评打分表', 'F11', 5]]));
  writeFileSync(join(inputs, 'm5-prose.pdf'), mutatePdf(readFileSync(join(ROOT, 'fixtures', '004-baocheng-2024.pdf')), '245.09', '249.09', 0));
  writeFileSync(join(inputs, 'm6-table.pdf'), mutatePdf(readFileSync(join(ROOT, 'fixtures', '004-baocheng-2024.pdf')), '1.25', '1.75', 5));
  for (const name of readdirSync(inputs)) originals.set(name, readFileSync(join(inputs, name)));
  const check = await jixiao(['check', '--format', 'json', inputs]);
  expect(check.stderr).toBe('');
  for (const file of JSON.parse(check.stdout).files as Array<{ path: string; findings: RenderedFinding[] }>) checked.set(basename(file.path), file.findings);
  const run = await jixiao(['annotate', inputs, '-o', out, '--all']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
}, 600_000);

afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const NAMES = () => [...FIXTURES, 'm1-table.docx', 'm2-prose.docx', 'm3-embedded.docx', 'm7-runs.docx', 'm4-cells.xlsx', 'm5-prose.pdf', 'm6-table.pdf'];

describe('the mutations make findings where the fixtures have none', () => {
  it('each mutated file has an error, in a table, an embedded workbook, a worksheet and a PDF table', () => {
    expect(checked.get('m1-table.docx')!.some((f) => f.severity === 'error' && f.location.row !== undefined)).toBe(true);
    expect(checked.get('m3-embedded.docx')!.some((f) => f.severity === 'error' && f.location.origin)).toBe(true);
    expect(checked.get('m4-cells.xlsx')!.filter((f) => f.severity === 'error' && f.location.cell).length).toBeGreaterThanOrEqual(2);
    expect(checked.get('m5-prose.pdf')!.some((f) => f.severity === 'error' && f.location.paragraph)).toBe(true);
    expect(checked.get('m6-table.pdf')!.some((f) => f.severity === 'error' && f.location.row !== undefined)).toBe(true);
  });
});

describe('docx: one Word comment per finding, around the number', () => {
  const docx = () => NAMES().filter((n) => n.endsWith('.docx'));

  function comments(path: string): { byId: Map<string, string[]>; document: string } {
    const zip = unzipSync(readFileSync(path));
    const xml = zip['word/comments.xml'] ? strFromU8(zip['word/comments.xml']) : '';
    const byId = new Map<string, string[]>();
    for (const m of xml.matchAll(/<w:comment\b[^>]*w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)) {
      const lines = [...m[2].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
      byId.set(m[1], lines.map((l) => l.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')));
    }
    return { byId, document: strFromU8(zip['word/document.xml']) };
  }

  it.each(docx())('%s: the comments are exactly check’s findings', (name) => {
    const { byId } = comments(join(out, reviewName(name)));
    expect([...byId.values()].map(noteKey).sort()).toEqual(expectedKeys(checked.get(name)!));
  });

  it.each(docx())('%s: a finding in the text is attached to its number, highlighted by severity', (name) => {
    const { byId, document } = comments(join(out, reviewName(name)));
    const findings = checked.get(name)!;
    let placed = 0;
    for (const [id, lines] of byId) {
      const f = findings.find((g) => noteKey(lines) === key(g.rule, locationWords(g, 'zh'), g.message))!;
      const range = document.match(new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`));
      expect(range, `comment ${id} has a range`).not.toBeNull();
      if (f.actual === undefined || f.location.origin || f.location.block === undefined) continue;
      const text = [...range![1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
      expect(fold(text)).toBe(fold(f.actual).replace(/^[≤≥<>=]+/, ''));
      const colour = { error: 'red', warning: 'yellow', info: 'cyan' }[f.severity];
      expect(range![1]).toContain(`<w:highlight w:val="${colour}"/>`);
      placed++;
    }
    const inText = findings.filter((f) => f.actual !== undefined && !f.location.origin && f.location.block !== undefined);
    expect(placed).toBe(inText.length);
  });

  it('a number written over several runs: the runs are split at its ends and keep their own formatting', () => {
    const { document } = comments(join(out, reviewName('m7-runs.docx')));
    const rate = checked.get('m7-runs.docx')!.find((f) => f.rule === 'rate' && f.severity === 'error')!;
    expect(rate.actual).toBe('88.22%');
    const id = document.match(/<w:commentRangeStart w:id="(\d+)"\/><w:r><w:rPr><w:highlight w:val="red"\/><\/w:rPr><w:t xml:space="preserve">8<\/w:t>/)?.[1];
    expect(id, 'the range starts at the first digit, split from 预算执行率').toBeDefined();
    const range = document.match(new RegExp(`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${id}"/>`))![1];
    expect(range).toContain('<w:b/><w:sz w:val="28"/><w:highlight w:val="red"/>');
    expect(range).toContain('<w:i/><w:highlight w:val="red"/></w:rPr><w:t xml:space="preserve">2%</w:t>');
    expect(document).toContain(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> 。</w:t>`);
  });

  it('a finding in a table cell is commented in that cell; one in an embedded workbook on the object’s paragraph', () => {
    const table = comments(join(out, reviewName('m1-table.docx')));
    const cellFinding = checked.get('m1-table.docx')!.find((f) => f.location.row !== undefined)!;
    const id = [...table.byId].find(([, l]) => noteKey(l) === key(cellFinding.rule, locationWords(cellFinding, 'zh'), cellFinding.message))![0];
    const cell = [...table.document.matchAll(/<w:tc>[\s\S]*?<\/w:tc>|<w:tc [\s\S]*?<\/w:tc>/g)].find((m) => m[0].includes(`<w:commentRangeStart w:id="${id}"/>`));
    expect(cell, 'the comment starts inside a table cell').toBeDefined();
    expect(cell![0]).toContain(`<w:commentRangeEnd w:id="${id}"/>`);
    const embedded = comments(join(out, reviewName('m3-embedded.docx')));
    const inWorkbook = checked.get('m3-embedded.docx')!.find((f) => f.location.origin)!;
    const eid = [...embedded.byId].find(([, l]) => noteKey(l) === key(inWorkbook.rule, locationWords(inWorkbook, 'zh'), inWorkbook.message))![0];
    const range = embedded.document.match(new RegExp(`<w:commentRangeStart w:id="${eid}"/>([\\s\\S]*?)<w:commentRangeEnd w:id="${eid}"/>`))!;
    expect(range[1]).toMatch(/<w:object\b/);
  });

});

describe('the originals', () => {
  it('are untouched, and nothing but the review copies is written', () => {
    expect(originals.size).toBe(NAMES().length);
    for (const [name, bytes] of originals) expect(readFileSync(join(inputs, name)).equals(bytes), name).toBe(true);
    expect(readdirSync(inputs).sort()).toEqual([...originals.keys()].sort());
    expect(readdirSync(out).sort()).toEqual(NAMES().map(reviewName).sort());
  });
});

describe('xlsx: a note and a fill on each named cell, and a first sheet listing the findings', () => {
  const xlsx = () => NAMES().filter((n) => n.endsWith('.xlsx'));

  it.each(xlsx())('%s: the findings sheet and the notes hold exactly check’s findings', async (name) => {
    const wb = await workbook(join(out, reviewName(name)));
    const list = wb.worksheets[0];
    expect(list.name).toBe('审阅意见');
    const rows: string[] = [];
    list.eachRow((row, n) => {
      if (n === 1) return;
      const where = row.getCell(4).value;
      rows.push(key(String(row.getCell(3).value), typeof where === 'object' && where && 'text' in where ? String(where.text) : String(where), String(row.getCell(5).value)));
    });
    const findings = checked.get(name)!;
    expect(rows.sort()).toEqual(expectedKeys(findings));
    for (const f of findings.filter((g) => g.location.cell)) {
      const cell = wb.getWorksheet(f.location.sheet!)!.getCell(f.location.cell!);
      const note = cell.note;
      const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('') ?? '';
      expect(text).toContain(f.message);
      expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe(f.severity === 'error' ? 'FFFF8080' : 'FFFFE066');
    }
  });

  it('formulas, merges, styles and values of the original survive', async () => {
    const original = await workbook(join(inputs, 'm4-cells.xlsx'));
    const copy = await workbook(join(out, reviewName('m4-cells.xlsx')));
    for (const ws of original.worksheets) {
      const other = copy.getWorksheet(ws.name)!;
      expect(Object.keys((other as unknown as { _merges: object })._merges).sort()).toEqual(Object.keys((ws as unknown as { _merges: object })._merges).sort());
      ws.eachRow((row) => row.eachCell((cell) => {
        const twin = other.getCell(cell.address);
        expect(twin.value).toEqual(cell.value);
        if (!twin.note) { expect(twin.style).toEqual(cell.style); return; }
        // a noted cell gets its own style with the fill; exceljs then writes out the default font it had implicitly
        for (const k of ['numFmt', 'alignment', 'protection'] as const) expect(twin.style[k]).toEqual(cell.style[k]);
        if (cell.style.font) expect(twin.style.font).toEqual(cell.style.font);
      }));
    }
  });
});

describe('pdf: a highlight per finding with the finding as its content, and a summary page', () => {
  const pdfs = () => NAMES().filter((n) => n.endsWith('.pdf'));

  interface Note { page: number; subtype: string; author: string; lines: string[]; rect: number[] }
  async function annotations(path: string): Promise<{ pages: number; notes: Note[] }> {
    const pdfParse = createRequire(import.meta.url).resolve('pdf-parse');
    const pdfjsRoot = dirname(createRequire(pdfParse).resolve('pdfjs-dist/package.json'));
    const pdfjs = await import(pathToFileURL(join(pdfjsRoot, 'legacy', 'build', 'pdf.mjs')).href);
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0, isEvalSupported: false }).promise;
    const notes: Note[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const a of await page.getAnnotations()) {
        if (a.titleObj?.str?.startsWith('jixiao')) notes.push({ page: n, subtype: a.subtype, author: a.titleObj.str, lines: String(a.contentsObj.str).split('\n'), rect: a.rect });
      }
    }
    const pages = doc.numPages;
    await doc.destroy();
    return { pages, notes };
  }

  it.each(pdfs())('%s: pdf.js reads back one annotation per finding, and the summary page lists them all', async (name) => {
    const { pages, notes } = await annotations(join(out, reviewName(name)));
    const findings = checked.get(name)!;
    const inText = notes.filter((n) => n.author === 'jixiao');
    const summary = notes.filter((n) => n.author === 'jixiao-summary');
    expect(inText.map((n) => noteKey(n.lines)).sort()).toEqual(expectedKeys(findings));
    expect(summary.map((n) => noteKey(n.lines)).sort()).toEqual(expectedKeys(findings));
    const original = await annotations(join(inputs, name));
    expect(pages).toBe(original.pages + 1);
    expect(summary.every((n) => n.page === pages)).toBe(true);
    // a finding on a page is highlighted on that page (or the next, where its paragraph runs on)
    for (const n of inText) {
      const f = findings.find((g) => noteKey(n.lines) === key(g.rule, locationWords(g, 'zh'), g.message))!;
      if (f.location.page === undefined) continue;
      expect(n.subtype).toBe('Highlight');
      expect([f.location.page, f.location.page + 1]).toContain(n.page);
    }
  });
});

describe('a finding with no place in the text goes first, its location in words', () => {
  // a reader's note on the whole file, and a relation whose block the writer cannot find (as one spanning paragraphs)
  const nowhere: Finding[] = [
    { rule: 'read-warning', severity: 'warning', messageId: 'content-skipped', data: { detail: 'x' }, location: { file: 'x' } },
    { rule: 'sum', severity: 'error', messageId: 'mismatch', data: { total: '合计', formula: '4 + 6' }, location: { file: 'x', block: 99_999, paragraph: 100_000 }, expected: '10', actual: '12' },
  ];

  it('docx: one comment each on the first paragraph, saying so', async () => {
    const path = join(ROOT, 'fixtures', '003-dept-2023.docx');
    const { document } = await readDocument(path);
    const zip = unzipSync(annotateDocx(new Uint8Array(readFileSync(path)), document.blocks, nowhere, 'zh'));
    const comments = strFromU8(zip['word/comments.xml']);
    expect(comments.match(/<w:comment /g)).toHaveLength(2);
    expect(comments.split(unplacedLine('zh')).length - 1).toBe(2);
    expect(comments).toContain('位置：第100000段');
    const firstParagraph = strFromU8(zip['word/document.xml']).match(/<w:body>[\s\S]*?<\/w:p>/)![0];
    expect(firstParagraph.match(/<w:commentRangeStart /g)).toHaveLength(2);
    expect(firstParagraph.match(/<w:commentReference /g)).toHaveLength(2);
  });

  it('pdf: a note on page 1 for each', async () => {
    const path = join(ROOT, 'fixtures', '003-dept-2023.pdf');
    const { document } = await readDocument(path);
    const copy = join(dir, 'nowhere.pdf');
    writeFileSync(copy, await annotatePdf(new Uint8Array(readFileSync(path)), document.blocks, nowhere, 'zh'));
    const pdfParse = createRequire(import.meta.url).resolve('pdf-parse');
    const pdfjs = await import(pathToFileURL(join(dirname(createRequire(pdfParse).resolve('pdfjs-dist/package.json')), 'legacy', 'build', 'pdf.mjs')).href);
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(copy)), verbosity: 0 }).promise;
    const notes = (await (await doc.getPage(1)).getAnnotations()).filter((a: { titleObj?: { str: string } }) => a.titleObj?.str === 'jixiao');
    expect(notes.map((a: { subtype: string }) => a.subtype)).toEqual(['Text', 'Text']);
    expect(notes.map((a: { contentsObj: { str: string } }) => a.contentsObj.str.split('\n').at(-1))).toEqual([unplacedLine('zh'), unplacedLine('zh')]);
    await doc.destroy();
  });

  it('xlsx: listed on the findings sheet without a link', async () => {
    const wb = await workbook(await annotateXlsx(new Uint8Array(readFileSync(join(ROOT, 'fixtures', '004-baocheng-2024.xlsx'))), nowhere, 'zh'));
    const list = wb.worksheets[0];
    expect(list.rowCount).toBe(3);
    expect(list.getCell('D2').value).toBe('全文');
    expect(list.getCell('D3').value).toBe('第100000段');
  });
});

describe('annotate on the command line', () => {
  it('a file without findings gets no copy, and the exit code is check’s', async () => {
    const target = join(dir, 'clean-out');
    const run = await jixiao(['annotate', 'fixtures/001-quanfang-2023.docx', '-o', target]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
  });

  it('-o is required', async () => {
    const run = await jixiao(['annotate', 'fixtures/001-quanfang-2023.docx']);
    expect(run.code).toBe(2);
  });
});

describe('the copies open in LibreOffice', () => {
  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync(cmd, ['--version']).status === 0);

  function convert(files: string[], to: string, outdir: string): void {
    mkdirSync(outdir, { recursive: true });
    const r = spawnSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
      '--convert-to', to, '--outdir', outdir, ...files], { timeout: 400_000, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }

  it('LibreOffice is installed (.ci/run installs it)', () => { expect(soffice).toBeDefined(); });

  it('every docx and xlsx copy converts to PDF', () => {
    const copies = readdirSync(out).filter((f) => /\.(docx|xlsx)$/.test(f)).map((f) => join(out, f));
    expect(copies.length).toBe(NAMES().filter((n) => !n.endsWith('.pdf')).length);
    convert(copies, 'pdf', join(dir, 'lo-pdf'));
    for (const c of copies) {
      const pdf = join(dir, 'lo-pdf', basename(c).replace(/\.(docx|xlsx)$/, '.pdf'));
      expect(existsSync(pdf) && statSync(pdf).size > 1000, `${pdf} written`).toBe(true);
    }
  }, 600_000);

  it('the docx comments survive a docx → docx round trip', () => {
    const copies = readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => join(out, f));
    convert(copies, 'docx', join(dir, 'lo-docx'));
    for (const c of copies) {
      const zip = unzipSync(readFileSync(join(dir, 'lo-docx', basename(c))));
      const texts = (z: Record<string, Uint8Array>) => [...(z['word/comments.xml'] ? strFromU8(z['word/comments.xml']) : '')
        .matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).filter((t) => t.startsWith('位置：')).sort();
      expect(texts(zip)).toEqual(texts(unzipSync(readFileSync(c))));
    }
  }, 600_000);
});
