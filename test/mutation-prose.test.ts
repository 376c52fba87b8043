// Mutation tests for the prose relations of 决算/预算说明 (test/data/reports): one number changed, in docx and in PDF,
// must make the right rule fire at the right paragraph with the expected value.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import type { Location, RenderedFinding as Finding } from '../src/findings.js';
import { allSaid } from './helpers/said.js';
import { mutatePdf } from './helpers/pdf-mutate.js';
import { mutateDocxTo } from './helpers/docx-mutate.js';

let dir: string;
let serial = 0;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jixiao-mutation-prose-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function mutate(name: string, from: string, to: string, nth = 0): string {
  const source = `test/data/reports/${name}`;
  const target = join(dir, `${++serial}-${name}`);
  if (name.endsWith('.pdf')) {
    writeFileSync(target, mutatePdf(readFileSync(source), from, to, nth));
    return target;
  }
  return mutateDocxTo(source, target, from, to, nth);
}

const findingsOf = async (path: string): Promise<Finding[]> => allSaid((await checkFile(path, defaultConfig)).findings);
const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.messageId, f.location.paragraph, f.expected, f.message]));
/** Findings that are not in the unchanged file: what the mutation caused. */
async function newFindings(name: string, path: string): Promise<Finding[]> {
  const before = new Set((await findingsOf(`test/data/reports/${name}`)).map((f) => f.message));
  return (await findingsOf(path)).filter((f) => !before.has(f.message));
}

interface Case {
  file: string;
  from: string;
  to: string;
  nth?: number;
  rule: string;
  severity?: 'error' | 'warning';
  messageId?: string;
  where: Partial<Location>;
  expected: string;
  /** what the case is about, for the test name */
  kind: string;
}

const pdfAndDocx = (c: Omit<Case, 'file'> & { file: string; pdfWhere?: Partial<Location> }): Case[] => [
  { ...c, file: `${c.file}.docx` },
  { ...c, file: `${c.file}.pdf`, where: c.pdfWhere ?? c.where },
];

const cases: Case[] = [
  // growth by difference: previous = current ∓ change
  ...pdfAndDocx({ kind: 'growth by difference, rate changed', file: 'c-dayao-czsz-2024', from: '增长18.8%', to: '增长16.8%', rule: 'growth', where: { paragraph: 3 }, expected: '18.8%' }),
  ...pdfAndDocx({ kind: 'growth by difference, change changed', file: 'c-dayao-czsz-2024', from: '减支9240', to: '减支9940', rule: 'growth', where: { paragraph: 5 }, expected: '8.4%' }),
  { kind: 'growth by difference, current in the paragraphs before', file: 'c-wlmq-zwfw-2023.docx', from: '增加58.21', to: '增加68.21', rule: 'growth', where: { paragraph: 12 }, expected: '18.61%' },
  { kind: 'growth by difference, current in the opening sentence', file: 'c-rongchang-zgh-2024.docx', from: '下降4.8%', to: '下降5.8%', rule: 'growth', where: { paragraph: 9 }, expected: '4.8%' },
  { kind: 'growth by difference, current in the paragraph before', file: 'c-lincang-weishuming-2018.docx', from: '0.06万元，减幅', to: '0.16万元，减幅', rule: 'growth', where: { paragraph: 11 }, expected: '5.59%' },
  // a change stated between two stated amounts
  ...pdfAndDocx({ kind: 'change between two stated years', file: 'c-yingde-jxj-2016', from: '减少20.20', to: '减少29.20', rule: 'growth', messageId: 'change', where: { paragraph: 2 }, expected: '20.20万元' }),
  ...pdfAndDocx({ kind: 'change between two stated years, the later year changed', file: 'c-yingde-jxj-2016', from: '2016年三公经费预算拨入33', to: '2016年三公经费预算拨入38', rule: 'growth', messageId: 'change', where: { paragraph: 2 }, expected: '19.55万元' }),
  // the change of a whole = the sum of its parts' changes
  ...pdfAndDocx({ kind: 'sum of the parts’ changes after 其中', file: 'c-dayao-czsz-2024', from: '增收1284', to: '增收1184', rule: 'sum', where: { paragraph: 3 }, expected: '1170万元' }),
  { kind: 'sum of the parts’ changes in numbered items', file: 'c-xuanzhou-zgw-2020.docx', from: '比2019年预算减少0.02万元，下降5.26%，下降原因', to: '比2019年预算减少0.05万元，下降5.26%，下降原因', rule: 'sum', where: { paragraph: 4 }, expected: '0.05万元' },
  { kind: 'sum of the parts’ changes after 其中, one part blank', file: 'c-zhanjiang-swxcb-2017.docx', from: '减少 0.28', to: '减少 0.88', rule: 'sum', where: { paragraph: 2 }, expected: '2.88万元' },
  // each year's amounts of the parts add up to the whole's
  ...pdfAndDocx({ kind: 'per-year sum of the parts', file: 'c-yingde-jxj-2016', from: '2016年预算25万元', to: '2016年预算29万元', rule: 'sum', where: { paragraph: 2 }, expected: '37万元' }),
  // 完成(年初)预算数A的Y%
  ...pdfAndDocx({ kind: '完成年初预算数的Y%', file: 'c-dayao-czsz-2024', from: '的21.5%', to: '的27.5%', rule: 'rate', where: { paragraph: 10 }, expected: '21.5%' }),
  ...pdfAndDocx({ kind: '完成预算数的Y%, the budget changed', file: 'c-dayao-czsz-2024', from: '预算数257288', to: '预算数287288', rule: 'rate', where: { paragraph: 5 }, expected: '37.5%' }),
  // 执行率 with the budget named and the other amount unnamed
  { kind: '执行率 of 年度资金', file: 'e-jiuchang-fpzj-2020.docx', from: '本年度财政拨款40.83', to: '本年度财政拨款30.83', rule: 'rate', where: { paragraph: 4 }, expected: '76%' },
  // a share whose whole is stated in an earlier paragraph, and shares of one whole over several paragraphs
  ...pdfAndDocx({ kind: 'share of a whole stated earlier', file: 'c-shantou-dxyxy-2016', from: '54.19%，在项目', to: '57.19%，在项目', rule: 'share', where: { paragraph: 12 }, expected: '54.19%', pdfWhere: { paragraph: 13 } }),
  ...pdfAndDocx({ kind: 'shares over paragraphs add up to 100%', file: 'c-shantou-dxyxy-2016', from: '占总收入的20.74%', to: '占总收入的20.94%', rule: 'share', messageId: 'total', where: { paragraph: 5 }, expected: '100%' }),
  // a total whose 其中： parts follow in the paragraphs after it
  { kind: '其中： parts under headings', file: 'c-jingyan-sgjf-2020.docx', from: '决算支出238万元', to: '决算支出288万元', rule: 'sum', where: { paragraph: 1 }, expected: '1073万元' },
  { kind: '其中： past a change rate', file: 'c-jingyan-sgjf-2020.docx', from: '运行维护费511', to: '运行维护费531', rule: 'sum', where: { paragraph: 5 }, expected: '805万元' },
  { kind: '其中： parts in the next paragraph', file: 'c-lincang-weishuming-2018.docx', from: '运行维护费1.5万元，与上年', to: '运行维护费1.8万元，与上年', rule: 'sum', where: { paragraph: 13 }, expected: '1.8万元' },
  // truncation is a warning for every kind
  ...pdfAndDocx({ kind: 'growth by difference truncated', file: 'c-dayao-czsz-2024', from: '下降7.9%', to: '下降7.8%', rule: 'growth', severity: 'warning', messageId: 'truncated', where: { paragraph: 5 }, expected: '7.9%' }),
  ...pdfAndDocx({ kind: '完成年初预算 truncated', file: 'c-dayao-czsz-2024', from: '的40.4%', to: '的40.3%', rule: 'rate', severity: 'warning', messageId: 'truncated', where: { paragraph: 3 }, expected: '40.4%' }),
  { kind: 'growth by difference truncated, opening sentence', file: 'c-rongchang-zgh-2024.docx', from: '下降4.8%', to: '下降4.7%', rule: 'growth', severity: 'warning', messageId: 'truncated', where: { paragraph: 9 }, expected: '4.8%' },
];

describe('prose relations: a stated number changed in docx and PDF', () => {
  it.each(cases)('$file — $kind: $from → $to fires $rule', async (c) => {
    const found = await newFindings(c.file, mutate(c.file, c.from, c.to, c.nth));
    const hit = found.find((f) => f.rule === c.rule && f.severity === (c.severity ?? 'error')
      && (!c.messageId || f.messageId === c.messageId)
      && Object.entries(c.where).every(([k, v]) => (f.location as Record<string, unknown>)[k] === v));
    expect(hit, `${c.rule} at ${JSON.stringify(c.where)} among ${show(found)}`).toBeDefined();
    expect(hit!.expected).toBe(c.expected);
  });
});

describe('the unchanged documents', () => {
  const clean = ['c-dayao-czsz-2024.docx', 'c-dayao-czsz-2024.pdf', 'c-wlmq-zwfw-2023.docx', 'c-rongchang-zgh-2024.docx',
    'c-xuanzhou-zgw-2020.docx', 'c-zhanjiang-swxcb-2017.docx', 'e-jiuchang-fpzj-2020.docx', 'c-jingyan-sgjf-2020.docx'];
  it.each(clean)('%s has no error (the mutations are what fired)', async (name) => {
    const errors = (await findingsOf(`test/data/reports/${name}`)).filter((f) => f.severity === 'error');
    expect(show(errors)).toBe('[]');
  });
});
