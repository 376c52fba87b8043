// Mutation tests for list counts and 其中 lists in other provinces' reports: one number changed in docx XML or a PDF content stream.
import { mutateDocxTo } from './helpers/docx-mutate.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Location, RenderedFinding as Finding } from '../src/findings.js';
import { allSaid } from './helpers/said.js';
import { mutatePdf } from './helpers/pdf-mutate.js';

let dir: string;
let serial = 0;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-mutation-de-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const fixture = (name: string) => `test/data/reports/${name}`;
const out = (name: string): string => join(dir, `${++serial}-${name}`);

/** A copy of the fixture with the n-th occurrence (0-based) of `from` replaced by `to` (word/document.xml or the PDF's text). */
function mutate(name: string, from: string, to: string, nth = 0): string {
  const path = out(name);
  if (name.endsWith('.pdf')) {
    writeFileSync(path, mutatePdf(readFileSync(fixture(name)), from, to, nth));
    return path;
  }
  return mutateDocxTo(fixture(name), path, from, to, nth);
}

const findingsOf = async (path: string): Promise<Finding[]> => allSaid((await checkFile(path, defaultConfig)).findings);
const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.location, f.message]), null, 1);

interface Case {
  file: string;
  from: string;
  to: string;
  nth?: number;
  rule: 'list-count' | 'sum';
  messageId?: string;
  where: Partial<Location>;
  /** the value the rule computes, compared by value (238万元 = 238.00万元: the written precision is the rule's affair) */
  expected: string;
  actual: string;
}

/** 238.00万元 → [238, '万元'] */
const valueAndUnit = (s: string) => [Number.parseFloat(s), s.replace(/^[\d.,]+/, '')];

const cases: Case[] = [
  // list counts: docx
  { file: 'd-taoyuan-xwb-2020.docx', from: '内设组室12个', to: '内设组室13个', rule: 'list-count', where: { paragraph: 5 }, expected: '12', actual: '13个' },
  { file: 'd-xinshao-xwb-2020.docx', from: '内设组室16个', to: '内设组室15个', rule: 'list-count', where: { paragraph: 3 }, expected: '16', actual: '15个' },
  { file: 'd-xizang-cl-2020.docx', from: '设4个内设机构', to: '设5个内设机构', rule: 'list-count', where: { paragraph: 6 }, expected: '4', actual: '5个' },
  { file: 'd-xizang-cl-2020.docx', from: '事业单位2个', to: '事业单位3个', rule: 'list-count', where: { paragraph: 6 }, expected: '2', actual: '3个' },
  { file: 'd-yongxing-wlgt-2022.docx', from: '12个股室', to: '11个股室', rule: 'list-count', where: { paragraph: 7 }, expected: '12', actual: '11个' },
  { file: 'c-suizhou-zdfj-2019.docx', from: '内设2个中队', to: '内设3个中队', nth: 1, rule: 'list-count', where: { paragraph: 25 }, expected: '2', actual: '3个' },
  { file: 'e-lincheng-xjzj-2021.docx', from: '11个村道路', to: '12个村道路', rule: 'list-count', where: { paragraph: 5 }, expected: '11', actual: '12个' },
  { file: 'e-lincheng-xjzj-2021.docx', from: '5个乡镇11个村', to: '6个乡镇11个村', rule: 'list-count', where: { paragraph: 5 }, expected: '5', actual: '6个' },
  // list counts: pdf
  { file: 'd-taoyuan-xwb-2020.pdf', from: '内设组室12个', to: '内设组室13个', rule: 'list-count', where: { paragraph: 5, page: 1 }, expected: '12', actual: '13个' },
  { file: 'e-lincheng-xjzj-2021.pdf', from: '5个乡镇11个村', to: '5个乡镇12个村', rule: 'list-count', where: { paragraph: 5, page: 1 }, expected: '11', actual: '12个' },
  { file: 'e-lincheng-xjzj-2021.pdf', from: '5个乡镇11个村', to: '3个乡镇11个村', rule: 'list-count', where: { paragraph: 5, page: 1 }, expected: '5', actual: '3个' },
  // 其中 lists whose parts split the whole between complementary categories: a total off by any amount is an error
  { file: 'd-xundian-xwb-2023.docx', from: '在职实有32人', to: '在职实有34人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 35 }, expected: '32人', actual: '34人' },
  { file: 'd-xundian-xwb-2023.docx', from: '退休16人', to: '退休15人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 35 }, expected: '15人', actual: '16人' },
  { file: 'e-leiyang-dszx-2022.docx', from: '本级59.75', to: '本级58.75', rule: 'sum', messageId: 'mismatch', where: { paragraph: 6 }, expected: '238.00万元', actual: '239万元' },
  { file: 'd-taoyuan-xwb-2020.docx', from: '工勤编制8人', to: '工勤编制6人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 7 }, expected: '43人', actual: '45人' },
  { file: 'd-xizang-cl-2020.docx', from: '机关事业编制8人', to: '机关事业编制9人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 7 }, expected: '30人', actual: '29人' },
  { file: 'd-hetang-fl-2022.docx', from: '调整追加11.78', to: '调整追加11.18', rule: 'sum', messageId: 'mismatch', where: { paragraph: 13 }, expected: '68.46万元', actual: '69.06万元' },
  // an open list may fall short of its total, never exceed it
  { file: 'c-aba-gaj-2021.docx', from: '工勤14人', to: '工勤18人', rule: 'sum', messageId: 'exceeds', where: { paragraph: 25 }, expected: '248人', actual: '244人' },
  // 其中 lists: pdf
  { file: 'd-taoyuan-xwb-2020.pdf', from: '行政编制37人', to: '行政编制34人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 7, page: 1 }, expected: '42人', actual: '45人' },
  { file: 'd-taoyuan-xwb-2020.pdf', from: '工勤编制8人', to: '工勤编制7人', rule: 'sum', messageId: 'mismatch', where: { paragraph: 7, page: 1 }, expected: '44人', actual: '45人' },
];

describe('docx and pdf of other provinces: a count or a part changed', () => {
  it.each(cases)('$file: $from → $to fires $rule', async (c) => {
    const found = await findingsOf(mutate(c.file, c.from, c.to, c.nth));
    const hit = found.find((f) => f.rule === c.rule && f.severity === 'error'
      && Object.entries(c.where).every(([k, v]) => (f.location as Record<string, unknown>)[k] === v));
    expect(hit, `${c.rule} at ${JSON.stringify(c.where)} among ${show(found)}`).toBeDefined();
    if (c.messageId) expect(hit!.messageId).toBe(c.messageId);
    expect(valueAndUnit(hit!.expected!)).toEqual(valueAndUnit(c.expected));
    expect(hit!.actual).toBe(c.actual);
  });
});

describe('the unchanged files', () => {
  it.each([...new Set(cases.map((c) => c.file))])('%s has no error (the mutations are what fired)', async (name) => {
    expect(show((await findingsOf(fixture(name))).filter((f) => f.severity === 'error'))).toBe('[]');
  });
});

describe('an open list that falls short stays a warning', () => {
  it('d-taoyuan: 公务员 + 工勤人员 short of 实有在编在职 → sum warning (incomplete), no error', async () => {
    const found = await findingsOf(mutate('d-taoyuan-xwb-2020.docx', '在职工作人员40人', '在职工作人员41人'));
    expect(show(found.filter((f) => f.severity === 'error'))).toBe('[]');
    expect(found.find((f) => f.rule === 'sum' && f.messageId === 'incomplete')).toBeDefined();
  });
});
