// Findings as a CI job and an auditor read them (issue 21, part B): one wrong number reported once and on the number that
// is wrong, locations 1-based as displayed, a schemaVersion that summary checks, coverage that counts what it checked,
// and the wording of what the findings say. Through the built CLI, on fixtures and files made from them.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { jixiao, ROOT, STACK } from './helpers/cli.js';
import { mutateDocxTo } from './helpers/docx-mutate.js';

interface Finding {
  rule: string; severity: string; message: string; messageId: string; expected?: string; actual?: string;
  location: { file: string; block?: number; paragraph?: number; row?: number; col?: number; table?: number; sheet?: string; cell?: string; origin?: string };
  data?: Record<string, unknown>;
}
interface FileRecord { path: string; status: string; coverage?: { checked: number; numbers: number; unused: number }; findings: Finding[] }

let dir: string;
/** 004's scoring sheet with its total changed (the third 93.8 of the document is the sheet's 评价得分 cell). */
let changedTotal: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-findings-'));
  changedTotal = mutateDocxTo(join(ROOT, 'fixtures', '004-baocheng-2024.docx'), join(dir, 'changed-total.docx'), '93.8', '95.8', 2);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkJson(...args: string[]): Promise<{ code: number | null; doc: { schemaVersion: number; files: FileRecord[] } }> {
  const r = await jixiao(['check', '-f', 'json', ...args]);
  expect(r.stderr).not.toMatch(STACK);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe('one cause, one finding, on the number that is wrong', () => {
  it('a scoring sheet whose total was changed: one error, on the table cell, naming the text that agrees with the parts', async () => {
    const { code, doc } = await checkJson(changedTotal);
    expect(code).toBe(1);
    const errors = doc.files[0]!.findings.filter((f) => f.severity === 'error');
    // not three (score-total, sum, and cross-ref on the correct 93.8 in the text): one, by the rule of the sheet's total
    expect(errors.map((f) => [f.rule, f.actual, f.expected])).toEqual([['score-total', '95.8', '93.8']]);
    const [error] = errors;
    expect(error!.location).toMatchObject({ table: 2, row: 5, col: 6 });
    expect(error!.location.paragraph).toBeUndefined();
    expect(error!.data?.other).toMatchObject({ location: { paragraph: 23 }, value: '93.8分', agrees: true });
    expect(error!.message).toContain('第23段为 93.8分，与各部分之和相符');
  });

  it('the review copy marks the table cell in red, and the text’s correct 93.8 not at all', async () => {
    const out = join(dir, 'review');
    const r = await jixiao(['annotate', changedTotal, '-o', out]);
    expect(r.code).toBe(1);
    const copy = unzipSync(readFileSync(join(out, 'changed-total.审阅.docx')));
    const body = strFromU8(copy['word/document.xml']!);
    const red = [...body.matchAll(/<w:highlight w:val="red"\/><\/w:rPr><w:t[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(red).toEqual(['95.8']);
    // the marked 95.8 is in a table cell
    const at = body.indexOf('<w:highlight w:val="red"/>');
    expect(body.lastIndexOf('<w:tc>', at)).toBeGreaterThan(body.lastIndexOf('</w:tc>', at));
    const comments = strFromU8(copy['word/comments.xml']!);
    expect(comments).toContain('第23段为 93.8分');
    expect(comments).not.toContain('cross-ref');
  });
});

describe('one cause, one finding, in prose', () => {
  it('a total stated wrong with its parts listed twice in one sentence is one sum error, naming both ways; two sentences stay two', async () => {
    // 004's first 1599.38 (调整后财政拨款收入) made 1699.38: 1354.29 + 245.09 and 1493.56 + 105.82 both give 1599.38
    const changed = mutateDocxTo(join(ROOT, 'fixtures', '004-baocheng-2024.docx'), join(dir, 'changed-income.docx'), '1599.38', '1699.38', 0);
    const { doc } = await checkJson(changed);
    const sums = doc.files[0]!.findings.filter((f) => f.rule === 'sum' && f.severity === 'error');
    expect(sums.map((f) => [f.location.paragraph, f.expected, f.actual])).toEqual([[16, '1599.38万元', '1699.38万元']]);
    expect(sums[0]!.data?.alsoFormulas).toHaveLength(1);
    // the expenditure total made 1699.38: its 项目支出 share is stated in two sentences, each wrong, each reported
    const spending = mutateDocxTo(join(ROOT, 'fixtures', '004-baocheng-2024.docx'), join(dir, 'changed-spending.docx'), '1599.38', '1699.38', 1);
    const shares = (await checkJson(spending)).doc.files[0]!.findings.filter((f) => f.rule === 'share' && f.actual === '29.18%');
    expect(shares).toHaveLength(2);
    expect(new Set(shares.map((f) => f.evidence)).size).toBe(2);
  });
});

describe('locations as displayed', () => {
  it('a finding’s row and column in JSON are the ones the terminal shows (1-based), and json says its schemaVersion', async () => {
    const [{ doc }, stylish] = await Promise.all([checkJson(changedTotal), jixiao(['check', changedTotal])]);
    expect(doc.schemaVersion).toBe(2);
    const inTables = doc.files[0]!.findings.filter((f) => f.location.row !== undefined);
    expect(inTables.length).toBeGreaterThan(0);
    for (const f of inTables) expect(stylish.stdout).toContain(`第${f.location.table}个表格第${f.location.row}行第${f.location.col}列`);
  });

  it('the document model stays 0-based, and the JSON schemas say which is which', async () => {
    const report = JSON.parse((await jixiao(['schema'])).stdout);
    const text = JSON.stringify(report);
    expect(text).toContain('0-based table row (the document model');
    const read = JSON.parse((await jixiao(['read', changedTotal])).stdout)[0];
    expect(read.blocks[131].rows[4][5].text).toBe('95.8');
  });

  it('ndjson lines say their schemaVersion; summary refuses a shard of another version, naming it and the line', async () => {
    const shard = join(dir, 'shard.ndjson');
    const r = await jixiao(['check', '-f', 'ndjson', '--records', join(ROOT, 'fixtures', '001-quanfang-2023.docx')]);
    const line = JSON.parse(r.stdout.trim());
    expect(line.schemaVersion).toBe(2);
    delete line.schemaVersion;
    writeFileSync(shard, JSON.stringify(line) + '\n');
    const s = await jixiao(['summary', shard, '-o', join(dir, 'old.xlsx')]);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain(`${shard} 第 1 行 的格式版本为 未标明（早于 2），本版本 jixiao 读取的是 2`);
    writeFileSync(shard, JSON.stringify({ ...line, schemaVersion: 2 }) + '\n');
    expect((await jixiao(['summary', shard, '-o', join(dir, 'new.xlsx')])).code).toBe(0);
  });
});

describe('coverage', () => {
  it('counts the numbers its checks were made on: no checked: 6 with numbers: 0', async () => {
    // a workbook whose only claims are a 合计 row over amount rows (no indicators, scores or text)
    const { doc } = await checkJson(join(ROOT, 'test', 'data', 'reports', 'b-yiyang-zgh-2022.xlsx'));
    const { coverage } = doc.files[0]!;
    expect(coverage!.checked).toBeGreaterThan(0);
    expect(coverage!.numbers).toBeGreaterThanOrEqual(coverage!.checked);
  });
});

describe('wording', () => {
  const data = (name: string) => join(ROOT, 'test', 'data', 'reports', name);

  it('a label keeps 实有: “在职实有应为 32人”, not “在职实应为”', async () => {
    const changed = mutateDocxTo(data('d-xundian-xwb-2023.docx'), join(dir, 'xundian.docx'), '在职实有32人', '在职实有34人');
    const { doc } = await checkJson(changed);
    const sum = doc.files[0]!.findings.find((f) => f.rule === 'sum' && f.severity === 'error');
    expect(sum?.message).toMatch(/在职实有应为 32人（32 \+ 0 \+ 0），文中为 34人/);
  });

  it('a number written without the unit its column gives it is shown with it: 实为 -47.95%', async () => {
    const file = data('c-qujiang-sgjf-2016.docx');
    const [{ doc }, stylish] = await Promise.all([checkJson(file), jixiao(['check', file])]);
    const growth = doc.files[0]!.findings.find((f) => f.rule === 'growth' && f.actual === '-47.95');
    // actual stays as written (a review copy finds it in the cell); what is shown carries the unit, like 应为
    expect(growth?.message).toContain('表中为 -47.95%');
    expect(stylish.stdout).toContain('应为 -49.32%，实为 -47.95%');
  });

  it('values any one of which would do are joined by 或 (or), not a slash; a warning does not call itself a hint', async () => {
    const file = data('a-jishan-jbgw-2021.xlsx');
    const [{ doc }, stylish, english] = await Promise.all([checkJson(file), jixiao(['check', file]), jixiao(['check', '--lang', 'en', file])]);
    const weights = doc.files[0]!.findings.find((f) => f.rule === 'weight-total')!;
    expect(weights.message).toMatch(/应为 90 或 100$/);
    expect(stylish.stdout).toContain('应为 90 或 100，实为 46');
    expect(english.stdout).toContain('expected 90 or 100');
    expect(stylish.stdout).not.toMatch(/ \/ 100/);
    const ruleDependent = doc.files[0]!.findings.filter((f) => f.messageId === 'ruleDependent');
    expect(ruleDependent.length).toBeGreaterThan(0);
    for (const f of ruleDependent) {
      expect(f.severity).toBe('warning');
      expect(f.message).not.toMatch(/提示/);
    }
  });

  it('English coverage says which numbers took part in no check, in words', async () => {
    const r = await jixiao(['check', '--lang', 'en', join(ROOT, 'fixtures', '000-sanyuan-2023.docx')]);
    expect(r.stdout).toMatch(/\d+ of \d+ numbers not in any check/);
    expect(r.stdout).not.toMatch(/numbers in none/);
  });
});
