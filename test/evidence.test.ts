// Severity by evidence: a relation extraction had to infer can only warn, and says what it assumed; a configured
// severity is a ceiling; the relations behind the labelled errors of the development sets are stated.
import { describe, it, expect } from 'vitest';
import { runChecks, messageText } from '../src/checks/index.js';
import { Config } from '../src/config.js';
import { countCoverage } from '../src/coverage.js';
import { extractReport } from '../src/model/extract.js';
import { readDocument } from '../src/readers/index.js';
import type { Assumption, RelationOf } from '../src/model/schema.js';
import { report, rel, q, ql, para } from './check-builder.js';

const continues: Assumption = { kind: 'list-continues', quantity: ql('127人', '同等待遇非在编人员', 3) };
const exceeding = (assumed?: Assumption[]) => report({
  relations: [rel<RelationOf<'sum'>>({
    kind: 'sum', total: ql('1980人', '实有人数', 3), parts: [q('1434人', 3), q('4人', 3), q('417人', 3), q('127人', 3)], exhaustive: false,
    ...(assumed ? { assumed } : {}),
  })],
});

describe('a mismatch on an inferred relation', () => {
  it('is a warning that says what was assumed, where (第3段), in both languages', () => {
    const [f] = runChecks(exceeding([continues]));
    expect(f).toMatchObject({ rule: 'sum', severity: 'warning', messageId: 'exceeds' });
    expect(messageText(f, 'zh')).toBe('把第3段的同等待遇非在编人员 127人计入所列各项：所列各项之和 1982人（1434 + 4 + 417 + 127）超过实有人数 1980人，多 2人（此关系系推断，请核对）');
    expect(messageText(f, 'en')).toContain('(counting 同等待遇非在编人员 127人 at paragraph 3 as one more part: an inferred relation, please check)');
  });

  it('stays a warning when the configuration asks for an error: a configured severity is a ceiling', () => {
    const config = Config.parse({ rules: { sum: 'error' } });
    expect(runChecks(exceeding([continues]), config).map((f) => f.severity)).toEqual(['warning']);
    expect(runChecks(exceeding(), config).map((f) => f.severity)).toEqual(['error']);
  });

  it('is lowered further by the configuration, and off is off', () => {
    expect(runChecks(exceeding([continues]), Config.parse({ rules: { sum: 'info' } })).map((f) => f.severity)).toEqual(['info']);
    expect(runChecks(exceeding([continues]), Config.parse({ rules: { sum: 'off' } }))).toEqual([]);
  });

  it('the same relation stated is an error', () => {
    expect(runChecks(exceeding()).map((f) => [f.severity, f.data?.assumed])).toEqual([['error', undefined]]);
  });

  it('says where a whole picked by position was found (a table row too)', () => {
    const picked: Assumption = { kind: 'operand-by-position', quantity: q('7783.26万元', { file: 'test.docx', block: 4, row: 3, table: 1 }, { label: '收入合计' }) };
    const r = report({ relations: [rel<RelationOf<'share'>>({
      kind: 'share', whole: q('7783.26万元', para(3)), parts: [{ part: q('7000万元'), share: q('90.3%') }], complete: false, assumed: [picked],
    })] });
    const [f] = runChecks(r);
    expect(f.severity).toBe('warning');
    expect(messageText(f, 'zh')).toMatch(/^按第1个表格第4行的收入合计 7783.26万元计算（从几个数中按位置选取）：/);
  });

  it('counts in the coverage', () => {
    expect(countCoverage(exceeding([continues])).inferred).toBe(1);
    expect(countCoverage(exceeding()).inferred).toBe(0);
  });
});

describe('the relations behind the labelled errors are stated', () => {
  // each: a copy of a labelled document and the number the label names; the relation that names it carries no assumption
  it.each([
    ['m-b-zhanjiang-suixi-swj-2022.docx', '14宗'],
    ['m-e-qijiang-glsw-2023.docx', '7个'],
    ['m3-d-danzhou-fy-2018.docx', '100%'],
    ['a-sixia-zzf-2022.docx', '90.3%'],
    ['a-changle-sgjf-2017.docx', '36.0%'],
  ])('%s: %s', async (file, raw) => {
    const { document } = await readDocument(`test/data/reports2/${file}`);
    const relations = extractReport(document).relations.filter((r) => JSON.stringify(r).includes(`"raw":"${raw}"`));
    expect(relations.length).toBeGreaterThan(0);
    for (const r of relations) expect(r.assumed ?? []).toEqual([]);
  });
});
