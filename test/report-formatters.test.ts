// Text formatters on hand-built results: json, ndjson, stylish, junit (well-formed XML), github annotations.
import { describe, it, expect } from 'vitest';
import { SaxesParser } from 'saxes';
import { formatters, errorsOnly, messageOf, formatLocation, rendered, summarize, type FormatOptions } from '../src/report/index.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { registry } from '../src/checks/index.js';
import type { FileResult } from '../src/pipeline.js';
import { sampleResults, finding, emptyReport } from './report-fixtures.js';

const zh: FormatOptions = { lang: 'zh', color: false };
const en: FormatOptions = { lang: 'en', color: false };

async function run(name: string, results: FileResult[], options: FormatOptions = zh): Promise<string> {
  const f = formatters[name];
  let out = '';
  for (const r of results) out += f.file?.(r, options) ?? '';
  // As the CLI does: streaming formatters get no results at the end, only the counts.
  const end = await f.end(f.streaming ? [] : results, options, summarize(results));
  expect(typeof end).toBe('string');
  return out + (end as string);
}

interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }

/** Parses with saxes (strict, namespace-free XML 1.0): throws on anything not well-formed. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => { stack[stack.length - 1].text += t; });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0];
}

describe('json', () => {
  it('writes { files: [{ path, format, status, findings }], summary }', async () => {
    const results = sampleResults();
    const out = JSON.parse(await run('json', results));
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(results.map((r) => r.path));
    expect(Object.keys(out.files[0])).toEqual(['path', 'format', 'status', 'findings']);
    expect(out.files[2].status).toBe('failed');
    expect(out.summary).toEqual({ files: 3, failed: 1, errors: 3, warnings: 1, infos: 1 });
    expect(out.files[0].findings[0]).toEqual(rendered(results[0].findings[0], 'zh'));
    expect(Object.keys(out.files[0].findings[0]).slice(0, 5)).toEqual(['rule', 'severity', 'message', 'messageId', 'location']);
  });

  it('renders `message` once, in the chosen language', async () => {
    const en = JSON.parse(await run('json', sampleResults(), { lang: 'en', color: false }));
    expect(en.files[2].findings[0].message).toBe('Corrupt file: the zip structure is broken (no end of central directory); it may have been truncated.');
    expect(en.files[2].findings[0].data.zh).toBeUndefined();
    const cn = JSON.parse(await run('json', sampleResults()));
    expect(cn.files[2].findings[0].message).toMatch(/^文件已损坏：压缩包结构不完整（找不到中央目录）/);
    expect(cn.files[0].findings[0].message).toBe('预算执行率应为 88.28%（8724.90 ÷ 9883.28），文中为 88.38%');
  });
});

describe('ndjson', () => {
  it('writes one JSON line per file as each file arrives, the same object as json', async () => {
    const results = sampleResults();
    const perFile = results.map((r) => formatters.ndjson.file!(r, zh));
    for (const line of perFile) expect(line.endsWith('\n') && line.indexOf('\n') === line.length - 1).toBe(true);
    expect(await formatters.ndjson.end([], zh, summarize(results))).toBe('');
    const asJson = JSON.parse(await run('json', results));
    // each line says the version of its shape, as the json document does once (a line travels alone: a shard)
    const lines = perFile.map((l) => JSON.parse(l));
    for (const line of lines) expect(line.schemaVersion).toBe(asJson.schemaVersion);
    expect(lines.map(({ schemaVersion: _v, ...line }) => line)).toEqual(asJson.files);
  });
});

describe('stylish', () => {
  it('groups by file, shows location, severity, message, rule, expected/actual and evidence, then a count line', async () => {
    const out = await run('stylish', sampleResults());
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('reports/甲单位.docx');
    expect(lines[1]).toMatch(/^ {2}第3页 第12段 {2}错误 {2}预算执行率应为 88\.28%（8724\.90 ÷ 9883\.28），文中为 88\.38% {2}rate$/);
    expect(lines[2]).toContain('应为 88.28%，实为 88.38%');
    expect(lines[3]).toContain('原文：预算执行率88.38%');
    expect(out).toContain('reports/坏.docx');
    expect(lines.at(-1)).toBe('✖ 共检查 3 个文件：3 个错误，1 个警告，1 个文件无法读取');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('colours only when asked', async () => {
    expect(await run('stylish', sampleResults(), { ...zh, color: true })).toMatch(/\u001b\[31m错误/);
  });

  it('reports a clean run in one line, in either language', async () => {
    const clean: FileResult[] = [{ path: 'a.xlsx', format: 'xlsx', status: 'ok', report: emptyReport('a.xlsx'), findings: [] }];
    expect(await run('stylish', clean)).toBe('✔ 共检查 1 个文件：0 个错误，0 个警告\n');
    expect(await run('stylish', clean, en)).toBe('✔ 1 file checked: 0 errors, 0 warnings\n');
  });

  it('keeps only errors under --quiet', async () => {
    const out = await run('stylish', sampleResults().map(errorsOnly));
    expect(out).not.toContain('  警告  ');
    expect(out).not.toContain('  提示  ');
    expect(out).toContain('  错误  ');
    expect(out).not.toContain('编外人员');
  });
});

describe('junit', () => {
  it('is well-formed XML with one testsuite per file and one testcase per rule that ran', async () => {
    const results = sampleResults();
    const rules = ['grade', 'rate', 'share', 'sum'];
    const root = parseXml(await run('junit', results, { ...zh, rules }));
    expect(root.name).toBe('testsuites');
    const suites = root.children.filter((n) => n.name === 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(results.map((r) => r.path));
    const cases = (i: number) => suites[i].children.filter((n) => n.name === 'testcase');
    expect(cases(0).map((c) => c.attributes.name)).toEqual(['read-error', ...rules]);
    // A file that could not be read ran no checks: only the reading test case, failed.
    expect(cases(2).map((c) => c.attributes.name)).toEqual(['read-error']);
    expect(cases(2)[0].children[0].name).toBe('failure');
    expect(Number(suites[0].attributes.tests)).toBe(5);
  });

  it('fails a test case for error-level findings only; warnings go to system-out', async () => {
    const root = parseXml(await run('junit', sampleResults(), { ...zh, rules: ['rate', 'sum'] }));
    const suite = root.children[0];
    const byName = (n: string) => suite.children.find((c) => c.name === 'testcase' && c.attributes.name === n)!;
    expect(byName('rate').children.map((c) => c.name)).toEqual(['failure']);
    expect(byName('rate').children[0].text).toContain('应为: 88.28%');
    expect(byName('sum').children.map((c) => c.name)).toEqual(['system-out']);
    expect(suite.attributes.failures).toBe('1');
    expect(root.attributes.failures).toBe('3');
  });

  it('escapes markup and drops characters XML cannot carry', async () => {
    const nasty = 'a<b>&"c\' \u0001\u0008\u000b\ud800 ]]> end';
    const r: FileResult = {
      path: 'x&<y>".docx', format: 'docx', status: 'ok', report: emptyReport('x'),
      findings: [finding('x&<y>".docx', { data: { name: nasty, formula: '1 ÷ 2' }, evidence: nasty })],
    };
    const root = parseXml(await run('junit', [r], { ...zh, rules: [] }));
    const suite = root.children[0];
    expect(suite.attributes.name).toBe('x&<y>".docx');
    const failure = suite.children.find((c) => c.attributes.name === 'rate')!.children[0];
    expect(failure.attributes.message).toBe('a<b>&"c\'  ]]> end应为 88.28%（1 ÷ 2），文中为 88.38%');
  });
});

describe('github', () => {
  it('writes one workflow command per finding, severity mapped, location in the title, no line numbers', async () => {
    const out = await run('github', sampleResults());
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=reports/甲单位.docx,title=jixiao rate 第3页 第12段::预算执行率应为 88.28%25（8724.90 ÷ 9883.28），文中为 88.38%25%0A原文：预算执行率88.38%25');
    expect(lines[1]).toMatch(/^::warning file=reports\/甲单位.docx,title=jixiao sum /);
    expect(lines[2]).toMatch(/^::notice /);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(5);
    expect(out).not.toMatch(/line=|col=/);
  });

  it('escapes % CR LF in data, and also : , in properties', () => {
    expect(escapeData('100%\r\n下一行')).toBe('100%25%0D%0A下一行');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const r: FileResult = { path: 'd:,x.docx', format: 'docx', status: 'ok', findings: [finding('d:,x.docx', { evidence: undefined, data: { name: '第一行\n第二行', formula: '1' } })] };
    expect(formatters.github.file!(r, zh)).toBe('::error file=d%3A%2Cx.docx,title=jixiao rate 第3页 第12段::第一行%0A第二行应为 88.28%25（1），文中为 88.38%25\n');
  });
});

describe('shared helpers', () => {
  it('formats locations in both languages', () => {
    expect(formatLocation({ file: 'f', sheet: '表1', cell: 'B2' })).toBe('表1!B2');
    // a finding's rows and columns are 1-based, as displayed
    expect(formatLocation({ file: 'f', row: 3, col: 1, page: 4 })).toBe('第4页 表格第3行第1列');
    expect(formatLocation({ file: 'f', row: 3, col: 1, page: 4 }, 'en')).toBe('page 4 table row 3 column 1');
    // a workbook embedded in a document is named as the document's tables are, not by its package path
    const embedded = { file: 'f', block: 129, row: 20, col: 5, sheet: 'Sheet1', cell: 'E20', origin: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx', table: 1 };
    expect(formatLocation(embedded)).toBe('第1个表格 Sheet1!E20');
    expect(formatLocation(embedded, 'en')).toBe('table 1 Sheet1!E20');
    expect(formatLocation({ file: 'f' })).toBe('-');
  });

  it('a finding whose rule or message the catalog lacks is an error, never its bare id', () => {
    expect(() => messageOf(finding('a', { rule: 'not-a-registered-rule' }), 'en')).toThrow(/not-a-registered-rule/);
    expect(() => messageOf(finding('a', { messageId: 'partial' }), 'zh')).toThrow(/rate\.partial/);
  });

  it('renders a finding from its check\'s template in either language', () => {
    const check = registry.find((c) => Object.keys(c.messages).length > 0)!;
    const [id, text] = Object.entries(check.messages as Record<string, { zh: string; en: string }>)[0];
    const keys = [...text.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const data = Object.fromEntries(keys.map((k) => [k, `<${k}>`]));
    const { expected: _expected, actual: _actual, ...base } = finding('a');
    const f = { ...base, rule: check.id, messageId: id, data };
    expect(messageOf(f, 'en')).toBe(text.en.replace(/\{(\w+)\}/g, (_, k: string) => `<${k}>`));
    expect(messageOf(f, 'zh')).toBe(text.zh.replace(/\{(\w+)\}/g, (_, k: string) => `<${k}>`));
  });

  it('counts by severity', () => {
    expect(summarize(sampleResults())).toEqual({ files: 3, failed: 1, errors: 3, warnings: 1, infos: 1 });
  });
});
