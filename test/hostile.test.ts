// Hostile input (issue 6): zip bombs, entity expansion, external entities, deep nesting, huge page counts and odd
// files, made at test time from fixtures/. Each ends in one clear finding, read alone and in one folder run of the
// built CLI, which finishes, lists every file once and writes nothing beside the inputs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { readDocument, type ReadResult } from './helpers/read.js';
import { hasTemplate } from '../src/checks/index.js';
import { MAX_XML_DEPTH, xmlShape } from '../src/readers/xml-guard.js';
import { MAX_PAGES, MAX_PAGE_COUNT } from '../src/readers/pdf.js';
import {
  emptyPagesPdf, legacyDocBytes, membersOf, pdfFile, scannedPdf, writeZip, zeroBomb, type ZipMember,
} from './helpers/hostile-inputs.js';
import { rng } from './helpers/rng.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');
const CJK = /[\u4e00-\u9fff]/;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, 'fixtures', name)));
const isRoot = process.getuid?.() === 0;

// A marker no fixture contains, the same on every run: if it shows up in any output, an external entity was read.
const random = rng(20250611);
const MARKER = `JIXIAO-SECRET-${Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16)).join('')}`;

let work: string; // holds the secret and the DTD an attacker points at, outside the input folder
let input: string; // the auditor's folder: every hostile file, one sub-folder, symlinks
let secret: string;
let evilDtd: string;

/** What one file should end in: its findings as [rule, severity, messageId], and words the message must hold. */
interface Expected {
  findings: Array<[string, string, string]>;
  wording?: RegExp;
}

const error = (messageId: string, wording: RegExp, rule = 'read-error'): Expected => ({ findings: [[rule, 'error', messageId]], wording });
const ZIP_BOMB_DECLARED = error('zip-bomb', /压缩炸弹.*声明解压后.*超过/);
const ZIP_BOMB_LYING = error('zip-bomb', /压缩炸弹.*实际解压后超过其声明.*头信息不实/);
const DTD = error('xml-dtd', /DTD.*已拒绝读取.*实体未展开.*外部文件也未读取.*正常保存的文件/);
const TOO_DEEP = error('xml-too-deep', new RegExp(`嵌套超过 ${MAX_XML_DEPTH} 层.*已拒绝读取`));

/** Files to make in the input folder, by relative path; each is read alone and in the folder run. */
const files = new Map<string, { bytes: () => Uint8Array | Promise<Uint8Array>; expected: Expected; seconds?: number }>();

// ---- what goes into the files --------------------------------------------------------------------------------

/** One gibibyte of zeros in about a megabyte: what a member that lies about its size really holds. */
const GiB_BOMB = zeroBomb(2 ** 30);

function replacePart(zip: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const data = unzipSync(zip)[part];
  if (!data) throw new Error(`${part} missing`);
  return writeZip(membersOf(zip, { [part]: { name: part, data: strToU8(edit(strFromU8(data))) } }));
}

/** A DTD right after the XML declaration (where a parser would honour it). */
function withDtd(xml: string, dtd: (root: string) => string): string {
  const prolog = /^\uFEFF?<\?xml[^>]*\?>\s*/.exec(xml)?.[0] ?? '';
  const root = /^<([\w:.-]+)/.exec(xml.slice(prolog.length))![1];
  return `${prolog}${dtd(root)}\n${xml.slice(prolog.length)}`;
}

/** `text` as the last content of the root element. */
function beforeRootEnd(xml: string, text: string): string {
  const end = xml.lastIndexOf('</');
  return `${xml.slice(0, end)}${text}${xml.slice(end)}`;
}

/** Ten levels of ten: &lol9; would expand to a billion "lol"s (3 GB) in a parser that honours the DTD. */
function billionLaughs(root: string): string {
  let dtd = `<!DOCTYPE ${root} [\n  <!ENTITY lol "lol">\n`;
  for (let i = 1; i <= 9; i++) dtd += `  <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">\n`;
  return `${dtd}]>`;
}
const laughs = (xml: string): string => beforeRootEnd(withDtd(xml, billionLaughs), '&lol9;');

let resaved: Promise<Uint8Array> | undefined;
/** The workbook fixture saved again by exceljs, which writes xl/sharedStrings.xml (the fixture uses inline strings). */
function workbookWithSharedStrings(): Promise<Uint8Array> {
  resaved ??= (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fixture('004-baocheng-2024.xlsx')) as unknown as ExcelJS.Buffer);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  })();
  return resaved;
}

/** Tables each in the one cell of the table around it, `depth` deep, each cell with a number. */
function nestedTables(depth: number): string {
  let open = '', close = '';
  for (let i = 0; i < depth; i++) {
    open += `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第${i + 1}层 ${i + 1}.5</w:t></w:r></w:p>`;
    close = `<w:p/></w:tc></w:tr></w:tbl>${close}`;
  }
  return `${open}<w:p/>${close}<w:p/>`;
}
const inBody = (xml: string, content: string): string => xml.replace(/<w:body>/, `<w:body>${content}`);

function lyingMember(name: string, declaredSize = 1024): ZipMember {
  return { name, deflated: GiB_BOMB, declaredSize };
}

function declaredHuge(zip: Uint8Array, part: string): Uint8Array {
  const data = unzipSync(zip)[part]!;
  return writeZip(membersOf(zip, { [part]: { name: part, data, declaredSize: 3 * 2 ** 30 } }));
}

function defineFiles(): void {
  const docx = fixture('002-songying-2023.docx');
  const embedded = fixture('004-baocheng-2024-embedded.docx');
  const xlsx = fixture('004-baocheng-2024.xlsx');
  const EMBEDDING = 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx';

  // Zip bombs: a member that declares a huge size, and members that declare 1 KiB and inflate to 1 GiB.
  files.set('bomb-declared.docx', { bytes: () => declaredHuge(docx, 'word/document.xml'), expected: ZIP_BOMB_DECLARED });
  files.set('bomb-declared.xlsx', { bytes: () => declaredHuge(xlsx, 'xl/worksheets/sheet1.xml'), expected: ZIP_BOMB_DECLARED });
  files.set('bomb-lying.docx', { bytes: () => writeZip(membersOf(docx, { 'word/document.xml': lyingMember('word/document.xml', 64 * 1024) })), expected: ZIP_BOMB_LYING });
  files.set('bomb-lying-part.docx', { bytes: () => writeZip(membersOf(docx, { 'word/extra.xml': lyingMember('word/extra.xml') })), expected: ZIP_BOMB_LYING });
  files.set('bomb-lying.xlsx', { bytes: () => writeZip(membersOf(xlsx, { 'xl/worksheets/sheet1.xml': lyingMember('xl/worksheets/sheet1.xml') })), expected: ZIP_BOMB_LYING });
  files.set('bomb-lying-media.xlsx', { bytes: () => writeZip(membersOf(xlsx, { 'xl/media/image1.png': lyingMember('xl/media/image1.png') })), expected: ZIP_BOMB_LYING });
  files.set('bomb-lying-embedding.docx', { bytes: () => writeZip(membersOf(embedded, { [EMBEDDING]: lyingMember(EMBEDDING, 12 * 1024) })), expected: ZIP_BOMB_LYING });
  files.set('bomb-in-embedded-workbook.docx', {
    bytes: () => {
      const workbook = writeZip(membersOf(unzipSync(embedded)[EMBEDDING]!, { 'xl/worksheets/sheet1.xml': lyingMember('xl/worksheets/sheet1.xml') }));
      return writeZip(membersOf(embedded, { [EMBEDDING]: { name: EMBEDDING, data: workbook } }));
    },
    expected: ZIP_BOMB_LYING,
  });

  // Billion laughs in every XML part the readers (or mammoth and exceljs behind them) parse.
  for (const [name, part] of [
    ['laughs-document.docx', 'word/document.xml'], ['laughs-styles.docx', 'word/styles.xml'],
    ['laughs-numbering.docx', 'word/numbering.xml'], ['laughs-rels.docx', 'word/_rels/document.xml.rels'],
    ['laughs-content-types.docx', '[Content_Types].xml'], ['laughs-package-rels.docx', '_rels/.rels'],
  ] as const) files.set(name, { bytes: () => replacePart(docx, part, laughs), expected: DTD });
  for (const [name, part] of [
    ['laughs-shared-strings.xlsx', 'xl/sharedStrings.xml'], ['laughs-sheet.xlsx', 'xl/worksheets/sheet1.xml'],
    ['laughs-styles.xlsx', 'xl/styles.xml'], ['laughs-workbook.xlsx', 'xl/workbook.xml'],
    ['laughs-rels.xlsx', 'xl/_rels/workbook.xml.rels'], ['laughs-content-types.xlsx', '[Content_Types].xml'],
  ] as const) files.set(name, { bytes: async () => replacePart(await workbookWithSharedStrings(), part, laughs), expected: DTD });
  // The same DTD in UTF-16 (allowed for package XML) must not slip past a scan for ASCII "<!DOCTYPE".
  files.set('laughs-utf16.docx', {
    bytes: () => {
      const xml = laughs(strFromU8(unzipSync(docx)['word/document.xml']!)).replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?>');
      const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
      return writeZip(membersOf(docx, { 'word/document.xml': { name: 'word/document.xml', data: utf16 } }));
    },
    expected: DTD,
  });
  files.set('laughs-embedded-workbook.docx', {
    bytes: () => {
      const workbook = replacePart(unzipSync(embedded)[EMBEDDING]!, 'xl/worksheets/sheet1.xml', laughs);
      return writeZip(membersOf(embedded, { [EMBEDDING]: { name: EMBEDDING, data: workbook } }));
    },
    expected: DTD,
  });

  // External entities: a general entity, a parameter entity pulling in a DTD, and an external DTD subset.
  const secretUrl = () => pathToFileURL(secret).href;
  const dtdUrl = () => pathToFileURL(evilDtd).href;
  const xxe: Array<[string, (root: string) => string, string]> = [
    ['xxe-entity.docx', (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${secretUrl()}">]>`, '&xxe;'],
    ['xxe-parameter-entity.docx', (root) => `<!DOCTYPE ${root} [<!ENTITY % ext SYSTEM "${dtdUrl()}"> %ext;]>`, '&leak;'],
    ['xxe-external-dtd.docx', (root) => `<!DOCTYPE ${root} SYSTEM "${dtdUrl()}">`, '&leak;'],
  ];
  for (const [name, dtd, reference] of xxe) {
    files.set(name, {
      bytes: () => replacePart(docx, 'word/document.xml', (xml) => inBody(withDtd(xml, dtd), `<w:p><w:r><w:t>执行率 ${reference}</w:t></w:r></w:p>`)),
      expected: DTD,
    });
  }
  files.set('xxe-entity.xlsx', {
    bytes: async () => replacePart(await workbookWithSharedStrings(), 'xl/sharedStrings.xml',
      (xml) => beforeRootEnd(withDtd(xml, (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${secretUrl()}">]>`), '<si><t>&xxe;</t></si>')),
    expected: DTD,
  });

  // Deep nesting: tables hundreds deep, and 100,000 nested elements, in Word, Excel and PDF.
  files.set('nested-tables-300.docx', { bytes: () => replacePart(docx, 'word/document.xml', (xml) => inBody(xml, nestedTables(300))), expected: TOO_DEEP });
  files.set('nested-elements-100k.docx', {
    bytes: () => replacePart(docx, 'word/document.xml', (xml) => inBody(xml, `${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(50_000)}`)),
    expected: TOO_DEEP,
  });
  files.set('nested-elements-100k.xlsx', {
    bytes: () => replacePart(xlsx, 'xl/worksheets/sheet1.xml',
      (xml) => xml.replace('<sheetData>', `<sheetData><row r="99"><c r="A99" t="inlineStr"><is>${'<r>'.repeat(100_000)}<t>1</t>${'</r>'.repeat(100_000)}</is></c></row>`)),
    expected: TOO_DEEP,
  });
  files.set('nested-arrays-100k.pdf', {
    bytes: () => pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep ${'['.repeat(100_000)}${']'.repeat(100_000)} >>`]),
    expected: error('too-deep', /嵌套过深.*无法读取/),
  });

  // PDFs: encrypted, scanned, a page count no report has, and one just past the pages read.
  files.set('encrypted.pdf', { bytes: () => fixture('encrypted.pdf'), expected: error('encrypted', /已加密.*未加密的文件/) });
  files.set('scanned.pdf', { bytes: () => scannedPdf(3), expected: { findings: [['no-text', 'error', 'scanned']], wording: /只有扫描图像.*未能核查.*--ocr/ } });
  files.set('pages-20000.pdf', { bytes: () => emptyPagesPdf(20_000), expected: error('too-many-pages', new RegExp(`20000 页.*超过 ${MAX_PAGE_COUNT} 页.*已拒绝读取`)) });
  files.set('pages-1200.pdf', {
    bytes: () => emptyPagesPdf(1200),
    expected: { findings: [['no-text', 'warning', 'no-text'], ['read-warning', 'warning', 'pages-truncated']], wording: new RegExp(`共 1200 页.*只读取了前 ${MAX_PAGES} 页`) },
    seconds: 20,
  });

  // Broken and odd files.
  files.set('legacy.docx', { bytes: legacyDocBytes, expected: error('legacy-corrupt', /旧版 Word 文件.*损坏.*另存为 \.docx/) });
  files.set('empty.docx', { bytes: () => new Uint8Array(0), expected: error('empty', /为空.*0 字节/) });
  // A real report under a name with spaces and Chinese, in a folder named the same way: read as any other.
  files.set('子目录 二/绩效 自评表 2024（宝城镇）.xlsx', { bytes: () => xlsx, expected: { findings: [] } });
}

// ---- making the folder, reading it, running the CLI ----------------------------------------------------------

/** Every entry under `dir` without following links: names, kinds, sizes and modification times. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = lstatSync(p);
      out.push(`${relative(dir, p)} ${s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'dir' : 'file'} ${s.size} ${s.mtimeMs}`);
      if (s.isDirectory() && !s.isSymbolicLink()) walk(p);
    }
  };
  walk(dir);
  return out;
}

interface CliFile { path: string; status: string; findings: Array<{ rule: string; severity: string; messageId?: string; message: string; data?: { en?: string } }> }
interface CliRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; before: string[]; after: string[] }

function runCli(dir: string): Promise<CliRun> {
  const before = listing(dir);
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    const child = spawn(process.execPath, [BIN, 'check', '--format', 'json', dir], { cwd: ROOT, env, timeout: 120_000 });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, before, after: listing(dir) }));
    child.stdin.end();
  });
}

let cli: Promise<CliRun>;
let lockedFile: string | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'jixiao-hostile-'));
  input = join(work, '报告 input');
  mkdirSync(input);
  secret = join(work, 'secret.txt');
  writeFileSync(secret, `${MARKER}\n`);
  evilDtd = join(work, 'evil.dtd');
  writeFileSync(evilDtd, `<!ENTITY leak SYSTEM "${pathToFileURL(secret).href}">\n`);
  defineFiles();
  for (const [name, f] of files) {
    mkdirSync(join(input, name, '..'), { recursive: true });
    writeFileSync(join(input, name), await f.bytes());
  }
  // A file larger than anything read: sparse, so it costs no disk, and refused before a byte is loaded.
  writeFileSync(join(input, 'huge.pdf'), '%PDF-1.4\n');
  truncateSync(join(input, 'huge.pdf'), 600 * 2 ** 20);
  // Symlinks: a folder loop back to the input folder, a link to itself, a link to nothing.
  symlinkSync('.', join(input, 'loop'));
  symlinkSync('self-loop.docx', join(input, 'self-loop.docx'));
  symlinkSync('nowhere.pdf', join(input, 'dangling.pdf'));
  if (!isRoot) {
    lockedFile = join(input, 'locked.docx');
    writeFileSync(lockedFile, fixture('002-songying-2023.docx'));
    chmodSync(lockedFile, 0o000);
  }
  cli = runCli(input);
}, 60_000);

afterAll(async () => {
  await cli?.catch(() => undefined);
  if (lockedFile) chmodSync(lockedFile, 0o644);
  rmSync(work, { recursive: true, force: true });
});

function expectFindings(findings: ReadResult['findings'] | CliFile['findings'], expected: Expected, what: string): void {
  expect(findings.map((f) => [f.rule, f.severity, f.messageId]), what).toEqual(expected.findings);
  for (const f of findings) {
    expect(f.message, what).toMatch(CJK);
    expect(hasTemplate(f.rule, f.messageId), what).toBe(true);
  }
  if (expected.wording) expect(findings.map((f) => f.message).join('\n'), what).toMatch(expected.wording);
}

// ---- the tests ------------------------------------------------------------------------------------------------

describe('each hostile file read alone: one clear finding, in bounded time, nothing expanded or leaked', () => {
  it('every case was made', () => {
    expect(files.size).toBeGreaterThan(30);
  });

  // Built lazily: the table is filled in beforeAll, so iterate inside one test per group for clear failure messages.
  const groups: Array<[string, RegExp]> = [
    ['zip bombs (declared huge, headers that lie, inside embedded workbooks)', /^bomb-/],
    ['billion laughs in every parsed XML part', /^laughs-/],
    ['external entities, parameter entities and external DTDs', /^xxe-/],
    ['deep nesting in docx, xlsx and pdf', /^nested-/],
    ['PDFs: encrypted, scanned, huge page counts', /^(encrypted|scanned|pages-)/],
    ['legacy .doc renamed .docx, 0-byte file, a name with spaces and Chinese', /^(legacy|empty|子目录)/],
  ];
  for (const [title, pattern] of groups) {
    it(title, async () => {
      const names = [...files.keys()].filter((n) => pattern.test(n));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const { expected, seconds = 5 } = files.get(name)!;
        const path = join(input, name);
        const started = performance.now();
        const result = await readDocument(path);
        const elapsed = (performance.now() - started) / 1000;
        expect(elapsed, `${name} took ${elapsed.toFixed(1)} s`).toBeLessThan(seconds);
        expect(result.document.path).toBe(path);
        expectFindings(result.findings, expected, name);
        const everything = JSON.stringify(result);
        expect(everything, name).not.toContain(MARKER);
        expect(everything, name).not.toContain('lollollol');
      }
    }, 60_000);
  }

  it('moderate nesting still reads: twenty tables deep, every level kept', async () => {
    const path = join(work, 'nested-tables-20.docx');
    writeFileSync(path, replacePart(fixture('002-songying-2023.docx'), 'word/document.xml', (xml) => inBody(xml, nestedTables(20))));
    const result = await readDocument(path);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const cells = result.document.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().map((c) => c.text) : []));
    for (const level of [1, 10, 20]) expect(cells.some((t) => t.includes(`第${level}层 ${level}.5`))).toBe(true);
  });

  it('a file larger than the cap is refused unread', async () => {
    const result = await readDocument(join(input, 'huge.pdf'));
    expectFindings(result.findings, error('too-large', /文件过大（600 MiB）.*未读取/), 'huge.pdf');
  });

  it('a FIFO named like a report is refused at once instead of blocking the run', async () => {
    const fifo = join(work, 'pipe.pdf');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system: nothing to test
    const result = await readDocument(fifo);
    expectFindings(result.findings, error('not-a-file', /不是普通文件/), 'pipe.pdf');
  });

  it('symlink loops and dangling links are read errors naming the cause, not exceptions', async () => {
    expectFindings((await readDocument(join(input, 'self-loop.docx'))).findings, error('link-loop', /符号链接循环/), 'self-loop.docx');
    expectFindings((await readDocument(join(input, 'dangling.pdf'))).findings, error('not-found', /文件不存在/), 'dangling.pdf');
  });

  // Root reads through chmod 000, so there is nothing to observe when the tests run as root.
  it.skipIf(isRoot)('an unreadable file (chmod 000) is a read error about permissions', async () => {
    expectFindings((await readDocument(lockedFile!)).findings, error('no-permission', /没有读取权限/), 'locked.docx');
  });
});

describe('the XML guard looks at markup only', () => {
  const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  it.each([
    ['a DOCTYPE after the declaration', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', { dtd: true }],
    ['an ENTITY without a DOCTYPE', '<a><!ENTITY x "y"></a>', { dtd: true }],
    ['a DOCTYPE inside a comment', '<a><!-- <!DOCTYPE a> --><b/></a>', { dtd: false, depth: 1 }],
    ['a DOCTYPE inside CDATA', '<a><![CDATA[<!DOCTYPE a>]]></a>', { dtd: false, depth: 1 }],
    ['">" and quotes inside attribute values', `<a x="1>2" y='"'><b z="/"><c/></b></a>`, { dtd: false, depth: 2 }],
    ['processing instructions', '<?xml version="1.0"?><a><?pi <b> ?></a>', { dtd: false, depth: 1 }],
    ['a comment never closed (the scan ends there: no declaration)', '<a><b><!-- <!DOCTYPE a>', { dtd: false, depth: 2 }],
    ['a start tag whose quote never closes', '<a><b x="1><c><d>', { dtd: false, depth: 1 }],
    ['text with non-ASCII bytes between tags', '<a>预算<b>执行率</b><c/></a>', { dtd: false, depth: 2 }],
  ])('%s', (_title, xml, shape) => {
    expect(xmlShape(utf8(xml))).toMatchObject(shape);
  });

  it('counts nesting past the limit and stops there', () => {
    expect(xmlShape(utf8(`${'<w:tc>'.repeat(MAX_XML_DEPTH)}${'</w:tc>'.repeat(MAX_XML_DEPTH)}`)).depth).toBe(MAX_XML_DEPTH);
    expect(xmlShape(utf8(`${'<w:tc>'.repeat(100_000)}`)).depth).toBe(MAX_XML_DEPTH + 1);
  });

  it('sees a DTD in UTF-16, with or without a byte order mark', () => {
    const doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a><a/>';
    expect(xmlShape(new Uint8Array(Buffer.from(doc, 'utf16le'))).dtd).toBe(true);
    expect(xmlShape(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(doc, 'utf16le').swap16()]))).dtd).toBe(true);
  });
});

describe('the whole folder through the built CLI (node bin/jixiao check --format json)', () => {
  let run: CliRun;
  let out: CliFile[];
  beforeAll(async () => {
    run = await cli;
    out = (JSON.parse(run.stdout) as { files: CliFile[] }).files;
  }, 120_000);

  it('finishes on its own with exit code 1 (findings), no signal, no internal error', () => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/内部错误|Error:/);
    // the loops are said on stderr, one line each, and nothing else is
    expect(run.stderr.trimEnd().split('\n').map((l) => l.replace(/：.*/, ''))).toEqual([`jixiao: 跳过 ${join(input, 'loop')}`, `jixiao: 跳过 ${join(input, 'self-loop.docx')}`]);
  });

  it('lists every file exactly once, paths as given (spaces and Chinese intact); the loops skipped with a note, not followed', () => {
    const paths = out.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    const expected = [...files.keys(), 'huge.pdf', 'dangling.pdf', ...(lockedFile ? ['locked.docx'] : [])]
      .map((n) => join(input, n));
    expect([...paths].sort()).toEqual(expected.sort());
    expect(paths.filter((p) => p.includes(`${join(input, 'loop')}/`))).toEqual([]);
    expect(run.stderr).toContain(`跳过 ${join(input, 'loop')}：符号链接循环，指回上级文件夹`);
    expect(run.stderr).toContain(`跳过 ${join(input, 'self-loop.docx')}：符号链接循环`);
  });

  it('gives each file the same finding as reading it alone', () => {
    const byPath = new Map(out.map((f) => [f.path, f]));
    for (const [name, { expected }] of files) {
      const file = byPath.get(join(input, name))!;
      if (expected.findings.length === 0) {
        expect(file.status, name).toBe('ok');
        expect(file.findings.filter((f) => f.severity === 'error'), name).toEqual([]);
      } else {
        expectFindings(file.findings, expected, name);
      }
    }
    expectFindings(byPath.get(join(input, 'huge.pdf'))!.findings, error('too-large', /文件过大/), 'huge.pdf');
    for (const [link, why] of [['dangling.pdf', /不存在/]] as const) {
      const file = byPath.get(join(input, link))!;
      expect(file.status, link).toBe('failed');
      expect(file.findings.map((f) => [f.rule, f.severity]), link).toEqual([['read-error', 'error']]);
      expect(file.findings[0].message, link).toMatch(why);
    }
  });

  it('never shows the secret an external entity points at, nor any expansion', () => {
    expect(run.stdout).not.toContain(MARKER);
    expect(run.stderr).not.toContain(MARKER);
    expect(run.stdout).not.toContain('lollollol');
  });

  it('writes nothing into the input folder: same entries, sizes and modification times', () => {
    expect(run.after).toEqual(run.before);
  });
});
