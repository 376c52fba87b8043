// Mutation tests: corpus files (docx, xlsx, pdf) with one number changed must make the right rule fire at the right place.
import { mutateDocxTo } from './helpers/docx-mutate.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { modelLocation, type Location, type RenderedFinding as Finding } from '../src/findings.js';
import { allSaid } from './helpers/said.js';
import { rng, pick } from './helpers/rng.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

let dir: string;
let serial = 0;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-mutation-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const out = (name: string): string => join(dir, `${++serial}-${name}`);

/** Copy a docx with the n-th occurrence (0-based) of `from` in word/document.xml replaced by `to`. */
function mutateDocx(name: string, from: string, to: string, nth = 0): string {
  return mutateDocxTo(`fixtures/${name}`, out(name), from, to, nth);
}

function writePdf(name: string, from: string, to: string, nth = 0): string {
  const path = out(name);
  writeFileSync(path, mutatePdf(readFileSync(`fixtures/${name}`), from, to, nth));
  return path;
}

const mutate = (name: string, from: string, to: string, nth = 0): string =>
  (name.endsWith('.pdf') ? writePdf : mutateDocx)(name, from, to, nth);

async function workbook(source: string | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(Buffer.from(source) as unknown as ArrayBuffer);
  return wb;
}

async function mutateXlsx(name: string, sheet: string, cell: string, value: number): Promise<string> {
  const wb = await workbook(`fixtures/${name}`);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  const path = out(name);
  await wb.xlsx.writeFile(path);
  return path;
}

const findingsOf = async (path: string): Promise<Finding[]> => allSaid((await checkFile(path, defaultConfig)).findings);
const errors = async (path: string): Promise<Finding[]> => (await findingsOf(path)).filter((f) => f.severity === 'error');
const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.location, f.message]), null, 1);

/**
 * Every variant of a stated number with one digit changed, in a seeded order. A leading digit never becomes 0, and the
 * last digit never drops by one: that reads as a truncation, which is a warning by design, not the error we test.
 */
function digitVariants(number: string, seed: number): string[] {
  const variants: string[] = [];
  const digits = [...number].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const last = digits[digits.length - 1];
  for (const i of digits) {
    for (let d = 0; d <= 9; d++) {
      const old = Number(number[i]);
      if (d === old || (i === digits[0] && d === 0) || (i === last && (d === old - 1 || d === old + 1))) continue;
      variants.push(number.slice(0, i) + d + number.slice(i + 1));
    }
  }
  const r = rng(seed);
  for (let i = variants.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [variants[i], variants[j]] = [variants[j], variants[i]];
  }
  return variants;
}

/** The first seeded variant the file can show: a subset font in a PDF has only the digits the document uses. */
function mutateSeeded(name: string, context: string, number: string, seed: number): { path: string; changed: string } {
  for (const changed of digitVariants(number, seed)) {
    try {
      return { path: mutate(name, context, context.replace(number, changed)), changed };
    } catch (e) {
      if (!/has no glyph/.test(String(e))) throw e;
    }
  }
  throw new Error(`no variant of ${number} can be shown in ${name}`);
}

interface Expectation {
  rule: string;
  /** error unless the rule reports this case as a warning by design */
  severity?: 'error' | 'warning';
  messageId?: string;
  where: Partial<Location>;
  expected: string;
  /** the number as the finding quotes it, when the evidence alone would not pin it down */
  actual?: string;
  /**
   * Where the changed number shows when not in the finding's evidence: among the operands of its formula (a sheet total
   * judged against its items), or, for cross-ref, as the expected value (the finding sits in the prose, which still
   * says the old number; the changed table number is what it disagrees with).
   */
  changedAs?: 'formula' | 'expected';
  /**
   * The other place the finding names (data.other): where the text states the figure that agrees with the parts. One
   * cause, one finding: no cross-ref is left on that correct number.
   */
  names?: Partial<Location>;
}

/** The finding of `rule` at `where` — the right rule at the right place, carrying the changed number. */
function expectHit(found: Finding[], c: Expectation, changed: string): Finding {
  const hit = found.find((f) => f.rule === c.rule && f.severity === (c.severity ?? 'error')
    // the cases give rows and columns as the document model counts them (0-based); a finding says them 1-based
    && Object.entries(c.where).every(([k, v]) => (modelLocation(f.location) as Record<string, unknown>)[k] === v));
  expect(hit, `${c.rule} at ${JSON.stringify(c.where)} among ${show(found)}`).toBeDefined();
  if (c.messageId) expect(hit!.messageId).toBe(c.messageId);
  if (c.changedAs === 'expected') expect(hit!.expected).toBe(changed);
  else if (c.changedAs === 'formula') expect(String(hit!.data?.formula).split(/ [+−] /)).toContain(changed);
  else expect(hit!.evidence, 'the changed number is in the evidence').toContain(changed);
  expect(hit!.expected).toBe(c.expected);
  if (c.actual !== undefined) expect(hit!.actual).toBe(c.actual);
  if (c.names) {
    expect((hit!.data?.other as { location: Location; agrees?: boolean } | undefined)).toMatchObject({ location: c.names, agrees: true });
    expect(found.filter((f) => f.rule === 'cross-ref' && f.severity !== 'info'), 'no cross-ref on the correct number').toEqual([]);
  }
  return hit!;
}

interface TextCase extends Expectation {
  file: string;
  from: string;
  to: string;
  nth?: number;
}

// Stated numbers changed to a fixed other value (an operand, a count, a score), in docx XML and in PDF content streams.
const textCases: TextCase[] = [
  // docx
  { file: '002-songying-2023.docx', from: '88.28', to: '88.82', rule: 'rate', where: { paragraph: 13 }, expected: '88.28%' },
  { file: '000-sanyuan-2023.docx', from: '3425.81', to: '3245.81', rule: 'rate', where: { paragraph: 9 }, expected: '85.34%' },
  { file: '003-dept-2023.docx', from: '实际支出2183.25', to: '实际支出2083.25', rule: 'rate', where: { paragraph: 14 }, expected: '96%' },
  { file: '000-sanyuan-2023.docx', from: '170', to: '160', rule: 'sum', messageId: 'exceeds', where: { paragraph: 6 }, expected: '168人' },
  { file: '004-baocheng-2024.docx', from: '245.09', to: '254.09', rule: 'sum', where: { paragraph: 16 }, expected: '1608.38万元' },
  { file: '003-dept-2023.docx', from: '事业编制36人', to: '事业编制38人', rule: 'sum', messageId: 'exceeds', where: { paragraph: 12 }, expected: '67人' },
  { file: '001-quanfang-2023.docx', from: '预算总金额为96.67', to: '预算总金额为86.67', rule: 'sum', messageId: 'mismatch', where: { paragraph: 12 }, expected: '96.67万元' },
  { file: '000-sanyuan-2023.docx', from: '行政机构8个', to: '行政机构9个', rule: 'list-count', where: { paragraph: 6 }, expected: '8', actual: '9个' },
  { file: '004-baocheng-2024.docx', from: '严控一般性支出”满分5分，自评得分2分', to: '严控一般性支出”满分5分，自评得分7分', rule: 'score-cap', where: { paragraph: 49 }, expected: '≤ 5分', actual: '7分' },
  { file: '004-baocheng-2024.docx', from: '自评得分93.8分', to: '自评得分95.8分', rule: 'score-total', where: { paragraph: 23 }, expected: '93.8分' },
  { file: '004-baocheng-2024.docx', from: '93.8', to: '94.8', nth: 2, rule: 'score-total', where: { row: 4, col: 5 }, expected: '93.8' },
  { file: '004-baocheng-2024.docx', from: '预算管理（25分）', to: '预算管理（26分）', rule: 'score-total', messageId: 'sectionMax', where: { paragraph: 34 }, expected: '25分' },
  // the sheet's total changed: one error, on the total, naming the text's 93.8 that agrees with the items
  { file: '004-baocheng-2024.docx', from: '93.8', to: '94.8', nth: 2, rule: 'score-total', where: { row: 4, col: 5 }, expected: '93.8', names: { paragraph: 23 } },
  { file: '002-songying-2023.docx', from: '总得分100分', to: '总得分80分', rule: 'grade', where: { paragraph: 35 }, expected: '良好' },
  { file: '004-baocheng-2024.docx', from: '>1.25<', to: '>2.25<', nth: 7, rule: 'weight-total', where: { row: 19, col: 4 }, expected: '90 / 100', actual: '91.00' },
  // pdf
  { file: '003-dept-2023.pdf', from: '实际支出2183.25', to: '实际支出2103.25', rule: 'rate', where: { paragraph: 14, page: 2 }, expected: '96%' },
  { file: '003-dept-2023.pdf', from: '事业编制36人', to: '事业编制38人', rule: 'sum', messageId: 'exceeds', where: { paragraph: 12, page: 2 }, expected: '67人' },
  { file: '001-quanfang-2023.pdf', from: '预算总金额为96.67', to: '预算总金额为86.67', rule: 'sum', messageId: 'mismatch', where: { paragraph: 12, page: 1 }, expected: '96.67万元' },
  { file: '004-baocheng-2024.pdf', from: '245.09', to: '249.09', rule: 'sum', where: { paragraph: 16, page: 2 }, expected: '1603.38万元' },
  { file: '001-quanfang-2023.pdf', from: '共计9个', to: '共计8个', rule: 'list-count', where: { paragraph: 12, page: 1 }, expected: '9', actual: '8个' },
  { file: '004-baocheng-2024.pdf', from: '自评得分1.8分', to: '自评得分5.8分', rule: 'score-cap', where: { paragraph: 63, page: 5 }, expected: '≤ 3分', actual: '5.8分' },
  { file: '004-baocheng-2024.pdf', from: '自评得分93.8分', to: '自评得分97.8分', rule: 'score-total', where: { paragraph: 23, page: 2 }, expected: '93.8分' },
  { file: '004-baocheng-2024.pdf', from: '预算管理（25分）', to: '预算管理（28分）', rule: 'score-total', messageId: 'sectionMax', where: { paragraph: 34, page: 3 }, expected: '25分' },
  { file: '004-baocheng-2024.pdf', from: '评价得分93.8', to: '评价得分94.8', rule: 'score-total', where: { page: 15, row: 4, col: 5 }, expected: '93.8', names: { paragraph: 23, page: 2 } },
  { file: '002-songying-2023.pdf', from: '总得分100分', to: '总得分70分', rule: 'grade', where: { paragraph: 36, page: 3 }, expected: '一般' },
  { file: '004-baocheng-2024.pdf', from: '1.25', to: '1.75', nth: 5, rule: 'weight-total', where: { page: 11, row: 7, col: 3 }, expected: '90 / 100', actual: '90.50' },
];

describe('docx and pdf: a stated number changed', () => {
  it.each(textCases)('$file: $from → $to fires $rule', async (c) => {
    let at = 0;
    while (c.from[at] === c.to[at]) at++;
    const changed = /[\d.]*$/.exec(c.to.slice(0, at))![0] + /^[\d.]*/.exec(c.to.slice(at))![0];
    expectHit(await findingsOf(mutate(c.file, c.from, c.to, c.nth)), c, changed);
  });
});

interface SeededCase extends Expectation {
  file: string;
  /** text around the number, enough to find it once */
  context: string;
  number: string;
  seed: number;
}

// A stated result (a rate, a share, a growth rate, a count) with one digit changed, the digit chosen by the seed: the
// operands stay, so the expected value does not depend on the digit.
const seededCases: SeededCase[] = [
  { file: '002-songying-2023.docx', context: '执行率88.28%', number: '88.28', seed: 1, rule: 'rate', where: { paragraph: 13 }, expected: '88.28%' },
  { file: '004-baocheng-2024.docx', context: '占70.82%', number: '70.82', seed: 2, rule: 'share', where: { paragraph: 18 }, expected: '70.82%' },
  { file: '004-baocheng-2024.docx', context: '增长率为11.5%', number: '11.5', seed: 3, rule: 'growth', where: { paragraph: 48 }, expected: '11.5%' },
  { file: '004-baocheng-2024.docx', context: '办事机构7个', number: '7', seed: 4, rule: 'list-count', where: { paragraph: 5 }, expected: '7' },
  { file: '002-songying-2023.pdf', context: '执行率88.28%', number: '88.28', seed: 5, rule: 'rate', where: { paragraph: 13, page: 1 }, expected: '88.28%' },
  { file: '004-baocheng-2024.pdf', context: '占93.38%', number: '93.38', seed: 6, rule: 'share', where: { paragraph: 16, page: 2 }, expected: '93.38%' },
  { file: '004-baocheng-2024.pdf', context: '压减率为19.1%', number: '19.1', seed: 7, rule: 'growth', where: { paragraph: 48, page: 4 }, expected: '19.1%' },
  { file: '000-sanyuan-2023.pdf', context: '事业机构5个', number: '5', seed: 9, rule: 'list-count', where: { paragraph: 6, page: 1 }, expected: '5' },
];

describe('docx and pdf: one digit of a stated result changed (seeded)', () => {
  it.each(seededCases)('$file: $number in “$context”, seed $seed, fires $rule', async (c) => {
    const { path, changed } = mutateSeeded(c.file, c.context, c.number, c.seed);
    const hit = expectHit(await findingsOf(path), c, changed);
    expect(hit.actual, 'the finding quotes the changed number').toMatch(new RegExp(`^${changed.replace('.', '\\.')}\\D*$`));
  });
});

describe('the unchanged files', () => {
  const sources = [...new Set([...textCases, ...seededCases].map((c) => c.file)), '004-baocheng-2024.xlsx', '004-baocheng-2024-embedded.docx'];
  it.each(sources)('%s has no error (the mutations are what fired)', async (name) => {
    expect(show(await errors(`fixtures/${name}`))).toBe('[]');
  });
});

describe('xlsx: one cell changed (seeded)', () => {
  const indicatorWeights = Array.from({ length: 6 }, (_, i) => `K${20 + i}`);
  it.each([1, 2, 3])('seed %i: an indicator weight changed → weight-total at the table', async (seed) => {
    const r = rng(seed);
    const cell = pick(r, indicatorWeights);
    const value = 1.25 + pick(r, [1, 2, 0.5]);
    const hit = expectHit(await findingsOf(await mutateXlsx('004-baocheng-2024.xlsx', 'Sheet1', cell, value)),
      { rule: 'weight-total', where: { sheet: 'Sheet1', cell: 'E20' }, expected: '90 / 100' }, String(value));
    expect(Number(hit.actual)).toBeCloseTo(90 + value - 1.25, 6);
  });

  /** Scoring-sheet rows with a maximum (column D) and a score (column F). */
  async function scoredRows(): Promise<Array<{ row: number; max: number; score: number }>> {
    const ws = (await workbook('fixtures/004-baocheng-2024.xlsx')).getWorksheet('整体2-2自评打分表')!;
    const rows: Array<{ row: number; max: number; score: number }> = [];
    ws.eachRow((row) => {
      const max = Number(row.getCell('D').value);
      const score = Number(row.getCell('F').value);
      if (row.number > 5 && Number.isFinite(max) && Number.isFinite(score) && max > 0) rows.push({ row: row.number, max, score });
    });
    return rows;
  }

  // Items scored below their maximum: 支出执行进度 4/6 (F11), 严控一般性支出 2/5, 人均资产变化率 1.8/3.
  it.each([4, 5, 6])('seed %i: an item score raised by 1 → score-total at the total cell F5', async (seed) => {
    const below = (await scoredRows()).filter((r) => r.score + 1 <= r.max);
    expect(below.length).toBeGreaterThan(0);
    const { row, score } = pick(rng(seed), below);
    expectHit(await findingsOf(await mutateXlsx('004-baocheng-2024.xlsx', '整体2-2自评打分表', `F${row}`, score + 1)),
      { rule: 'score-total', messageId: 'mismatch', where: { cell: 'F5' }, expected: '94.8', changedAs: 'formula' }, String(score + 1));
  });

  it.each([7, 8])('seed %i: an item score typed above its maximum → score-cap at that cell', async (seed) => {
    const { row, max } = pick(rng(seed), await scoredRows());
    const value = max + 2;
    expectHit(await findingsOf(await mutateXlsx('004-baocheng-2024.xlsx', '整体2-2自评打分表', `F${row}`, value)),
      { rule: 'score-cap', where: { sheet: '整体2-2自评打分表', cell: `F${row}` }, expected: `≤ ${max}` }, String(value));
  });

  it('an item maximum changed → score-total: its category maximum no longer adds up', async () => {
    // 预算管理（25分） = 8 + 4 + 6 + 2 + 5; 预算编制质量 8 → 9.
    expectHit(await findingsOf(await mutateXlsx('004-baocheng-2024.xlsx', '整体2-2自评打分表', 'D9', 9)),
      { rule: 'score-total', messageId: 'sectionMax', where: { cell: 'B9' }, expected: '26分', changedAs: 'formula' }, '9');
  });

  it('资金总额 changed → sum at the total cell', async () => {
    expectHit(await findingsOf(await mutateXlsx('004-baocheng-2024.xlsx', 'Sheet1', 'C6', 1569.38)),
      { rule: 'sum', where: { sheet: 'Sheet1', cell: 'C6' }, expected: '1599.38万元' }, '1569.38');
  });
});

describe('docx with embedded workbooks: a cell changed inside the embedded xlsx', () => {
  /** A copy of the docx whose embedded scoring sheet (the workbook with 93.8 in F5) has `cell` set to `value`. */
  async function mutateEmbedded(cell: string, value: number): Promise<{ path: string; member: string }> {
    const zip = unzipSync(readFileSync('fixtures/004-baocheng-2024-embedded.docx'));
    for (const member of Object.keys(zip).filter((k) => /^word\/embeddings\/.*\.xlsx$/.test(k))) {
      const wb = await workbook(zip[member]);
      if (wb.worksheets[0]?.getCell('F5').value !== 93.8) continue;
      wb.worksheets[0].getCell(cell).value = value;
      zip[member] = new Uint8Array(await wb.xlsx.writeBuffer());
      const path = out('004-baocheng-2024-embedded.docx');
      writeFileSync(path, zipSync(zip));
      return { path, member };
    }
    throw new Error('no embedded scoring sheet');
  }

  it('an item score raised (支出执行进度 4 → 5) → score-total at the embedded total cell', async () => {
    const { path, member } = await mutateEmbedded('F11', 5);
    const hit = expectHit(await findingsOf(path), { rule: 'score-total', messageId: 'mismatch', where: { cell: 'F5' }, expected: '94.8', changedAs: 'formula' }, '5');
    expect(hit.location.origin).toBe(member);
  });

  it('the embedded total changed (93.8 → 98.3) → score-total on the total, naming the prose that states 93.8', async () => {
    const { path } = await mutateEmbedded('F5', 98.3);
    expectHit(await findingsOf(path), { rule: 'score-total', where: { cell: 'F5' }, expected: '93.8', names: { paragraph: 23 } }, '98.3');
  });
});

// The corpus's indicator table (部门整体支出绩效目标完成情况自评表) has no 得分 column and no budget-execution block, so
// indicator-score and exec-score find nothing to check in it. These bases add both as the national project form
// (项目支出绩效自评表) carries them, filled with what the document's own numbers give: every indicator met its target,
// so each scores its full weight; 年初 1354.29, 全年 1599.38, 执行 1599.38 万元 from the prose, 10 points for
// execution. Each base is checked clean before one number in it is changed.
describe('xlsx with the columns the corpus lacks: indicator scores and a budget block', () => {
  const SHEET = 'Sheet1';
  const BUDGET = '预算执行';
  let base: string;
  /** Indicator rows of Sheet1: H 性质, I 指标值, K 权重, L 实际完成值, M 得分 (added). */
  let indicators: Array<{ row: number; nature: string; target: number; weight: number }>;

  beforeAll(async () => {
    const wb = await workbook('fixtures/004-baocheng-2024.xlsx');
    const ws = wb.getWorksheet(SHEET)!;
    ws.getCell('M19').value = '得分';
    ws.getCell('M19').style = ws.getCell('L19').style;
    indicators = [];
    for (let row = 20; ws.getCell(`K${row}`).value !== null; row++) {
      const weight = Number(ws.getCell(`K${row}`).value);
      ws.getCell(`M${row}`).value = weight;
      ws.getCell(`M${row}`).style = ws.getCell(`K${row}`).style;
      indicators.push({ row, nature: String(ws.getCell(`H${row}`).value), target: Number(ws.getCell(`I${row}`).value), weight });
    }
    const budget = wb.addWorksheet(BUDGET);
    budget.addRow(['项目支出绩效自评表']);
    budget.addRow(['年度资金总额（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
    budget.addRow(['年度资金总额', 1354.29, 1599.38, 1599.38, 10, 1, 10]);
    budget.addRow(['其中：当年财政拨款', 1354.29, 1599.38, 1599.38]);
    budget.addRow(['其他资金', 0, 0, 0]);
    budget.getCell('F3').numFmt = '0%';
    base = out('004-baocheng-2024-scored.xlsx');
    await wb.xlsx.writeFile(base);
  });

  async function change(sheet: string, cell: string, value: number): Promise<string> {
    const wb = await workbook(base);
    wb.getWorksheet(sheet)!.getCell(cell).value = value;
    const path = out('004-baocheng-2024-scored.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('the base, with indicator scores and a budget block added, has no error', async () => {
    const result = await checkFile(base, defaultConfig);
    expect(result.report!.indicators.filter((i) => i.score).length).toBe(indicators.length);
    expect(result.report!.budget.length).toBeGreaterThan(0);
    expect(show(result.findings.filter((f) => f.severity === 'error'))).toBe('[]');
  });

  it.each([10, 11])('seed %i: a met indicator scored below its weight → indicator-score at the score cell', async (seed) => {
    const r = rng(seed);
    const ind = pick(r, indicators.filter((i) => /[≥≤＝]/.test(i.nature)));
    const score = digitVariants(String(ind.weight), seed).find((v) => Number(v) > 0 && Number(v) < ind.weight)!;
    expectHit(await findingsOf(await change(SHEET, `M${ind.row}`, Number(score))),
      { rule: 'indicator-score', messageId: 'metLostPoints', where: { sheet: SHEET, cell: `M${ind.row}` }, expected: String(ind.weight), actual: score }, score);
  });

  // Missing the target yet keeping the full weight is reported as a warning by design: how much to deduct is the
  // evaluator's call, but full marks are not.
  it.each([12, 13, 14])('seed %i: an actual value moved past its target, full score kept → indicator-score warning', async (seed) => {
    const r = rng(seed);
    const ind = pick(r, indicators.filter((i) => /[≥≤]/.test(i.nature) && i.target >= 10));
    const worse = (v: string) => (/≥/.test(ind.nature) ? Number(v) < ind.target : Number(v) > ind.target);
    const actual = digitVariants(String(ind.target), seed).find(worse)!;
    expectHit(await findingsOf(await change(SHEET, `L${ind.row}`, Number(actual))),
      { rule: 'indicator-score', severity: 'warning', messageId: 'fullBelowTarget', where: { sheet: SHEET, cell: `M${ind.row}` }, expected: `< ${ind.weight}` }, actual);
  });

  it('全年执行数 1599.38 → 1509.38 → exec-score at the stated rate', async () => {
    expectHit(await findingsOf(await change(BUDGET, 'D3', 1509.38)),
      { rule: 'exec-score', where: { sheet: BUDGET, cell: 'F3' }, expected: '94%', actual: '100%' }, '1509.38');
  });

  it('执行率 100% → 90% → exec-score at the rate', async () => {
    expectHit(await findingsOf(await change(BUDGET, 'F3', 0.9)),
      { rule: 'exec-score', where: { sheet: BUDGET, cell: 'F3' }, expected: '100%', actual: '90%' }, '90%');
  });

  // 100% stands for [99.5%, 100.5%], so 9 is what 10 × 99.5% = 9.95 truncates to: a warning by the precision rule.
  it('得分 10 → 9 with the rate at 100% → exec-score warning: only a truncation could give 9', async () => {
    expectHit(await findingsOf(await change(BUDGET, 'G3', 9)),
      { rule: 'exec-score', severity: 'warning', messageId: 'truncated', where: { sheet: BUDGET, cell: 'G3' }, expected: '10', actual: '9' }, '9');
  });

  it('得分 10 → 6 → exec-score at the score', async () => {
    expectHit(await findingsOf(await change(BUDGET, 'G3', 6)),
      { rule: 'exec-score', messageId: 'mismatch', where: { sheet: BUDGET, cell: 'G3' }, expected: '10', actual: '6' }, '6');
  });
});
