// Mutation tests: corpus files with one number changed must make the right rule fire at the right place.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Finding } from '../src/findings.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-mutation-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** mulberry32: the same "random" mutations on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copy a docx with the n-th occurrence (0-based) of `from` in word/document.xml replaced by `to`. */
function mutateDocx(name: string, from: string, to: string, nth = 0): string {
  const zip = unzipSync(readFileSync(`fixtures/${name}`));
  const xml = strFromU8(zip['word/document.xml']);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = xml.indexOf(from, at + 1);
    if (at < 0) throw new Error(`${from} occurs fewer than ${nth + 1} times in ${name}`);
  }
  zip['word/document.xml'] = strToU8(xml.slice(0, at) + to + xml.slice(at + from.length));
  const out = join(dir, `${from}-${to}-${nth}-${name}`);
  writeFileSync(out, zipSync(zip));
  return out;
}

async function mutateXlsx(name: string, sheet: string, cell: string, value: number, tag: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(`fixtures/${name}`);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  const out = join(dir, `${tag}-${name}`);
  await wb.xlsx.writeFile(out);
  return out;
}

const errors = async (path: string): Promise<Finding[]> => (await checkFile(path, defaultConfig)).findings.filter((f) => f.severity === 'error');

describe('docx: one number changed', () => {
  it.each([
    { name: '002-songying-2023.docx', from: '88.28', to: '88.82', nth: 0, rule: 'rate', where: { paragraph: 13 }, evidence: '88.82%', expected: '88.28%' },
    { name: '000-sanyuan-2023.docx', from: '3425.81', to: '3245.81', nth: 0, rule: 'rate', where: { paragraph: 9 }, evidence: '3245.81', expected: '85.34%' },
    { name: '000-sanyuan-2023.docx', from: '170', to: '160', nth: 0, rule: 'sum', where: { paragraph: 6 }, evidence: '160人', expected: '168人' },
    { name: '004-baocheng-2024.docx', from: '245.09', to: '254.09', nth: 0, rule: 'sum', where: {}, evidence: '254.09', expected: '1608.38万元' },
    { name: '004-baocheng-2024.docx', from: '93.8', to: '95.8', nth: 0, rule: 'score-total', where: {}, evidence: '95.8', expected: '93.8分' },
    { name: '004-baocheng-2024.docx', from: '93.8', to: '94.8', nth: 2, rule: 'score-total', where: { row: 4, col: 5 }, evidence: '评价得分', expected: '93.8' },
  ])('$name: $from → $to fires $rule', async (c) => {
    const found = await errors(mutateDocx(c.name, c.from, c.to, c.nth));
    const hit = found.find((f) => f.rule === c.rule);
    expect(hit, JSON.stringify(found.map((f) => [f.rule, f.message]))).toBeDefined();
    expect(hit!.location).toMatchObject(c.where);
    expect(hit!.evidence).toContain(c.evidence);
    expect(hit!.expected).toBe(c.expected);
  });

  it('the unchanged files have no errors (the mutations above are what fired)', async () => {
    for (const name of ['002-songying-2023.docx', '000-sanyuan-2023.docx', '004-baocheng-2024.docx']) {
      expect((await errors(`fixtures/${name}`)).map((f) => f.message), name).toEqual([]);
    }
  });

  it('a sheet total changed in the table disagrees with the prose: cross-ref fires in the prose', async () => {
    const found = await errors(mutateDocx('004-baocheng-2024.docx', '93.8', '94.8', 2));
    const refs = found.filter((f) => f.rule === 'cross-ref');
    expect(refs.length).toBeGreaterThan(0);
    for (const f of refs) expect(f).toMatchObject({ messageId: 'totalScore', expected: '94.8', actual: '93.8分' });
  });
});

describe('xlsx: one cell changed (seeded)', () => {
  const indicatorWeights = Array.from({ length: 6 }, (_, i) => `K${20 + i}`);
  it.each([1, 2, 3])('seed %i: an indicator weight changed → weight-total at the table', async (seed) => {
    const r = seeded(seed);
    const cell = indicatorWeights[Math.floor(r() * indicatorWeights.length)];
    const value = 1.25 + [1, 2, 0.5][Math.floor(r() * 3)];
    const found = await errors(await mutateXlsx('004-baocheng-2024.xlsx', 'Sheet1', cell, value, `w${seed}`));
    const hit = found.find((f) => f.rule === 'weight-total');
    expect(hit, JSON.stringify(found.map((f) => f.message))).toBeDefined();
    expect(hit!.location).toMatchObject({ sheet: 'Sheet1' });
    expect(hit!.evidence).toContain(String(value));
    expect(Number(hit!.actual)).toBeCloseTo(90 + value - 1.25, 6);
  });

  // Items scored below their maximum (column D) in the scoring sheet: 支出执行进度 4/6 (F11), 严控一般性支出 2/5, 人均资产变化率 1.8/3.
  it.each([4, 5, 6])('seed %i: an item score raised by 1 → score-total at the total cell F5', async (seed) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('fixtures/004-baocheng-2024.xlsx');
    const ws = wb.getWorksheet('整体2-2自评打分表')!;
    const candidates: Array<{ address: string; score: number }> = [];
    ws.eachRow((row) => {
      const max = Number(row.getCell('D').value);
      const score = Number(row.getCell('F').value);
      if (Number.isFinite(max) && Number.isFinite(score) && max > 0 && score + 1 <= max && row.number > 5) candidates.push({ address: `F${row.number}`, score });
    });
    expect(candidates.length).toBeGreaterThan(0);
    const pickOne = candidates[Math.floor(seeded(seed)() * candidates.length)];
    const found = await errors(await mutateXlsx('004-baocheng-2024.xlsx', '整体2-2自评打分表', pickOne.address, pickOne.score + 1, `s${seed}`));
    const hit = found.find((f) => f.rule === 'score-total');
    expect(hit, JSON.stringify(found.map((f) => f.message))).toBeDefined();
    expect(hit).toMatchObject({ messageId: 'mismatch', expected: '94.8', actual: '93.8', location: { cell: 'F5' } });
    expect(String(hit!.data?.formula)).toContain(String(pickOne.score + 1));
  });
});
