// cross-file on small key figures: which files form a unit, which are twins, which pair, and where a difference goes.
import { describe, it, expect } from 'vitest';
import type { KeyFigure, KeyFigures } from '../src/model/key-figures.js';
import type { KeyedFile } from '../src/model/units.js';
import { groupUnits, pairings } from '../src/model/units.js';
import { runBatchStage } from '../src/checks/batch-stage.js';
import { defaultConfig } from '../src/config.js';
import { contentFingerprint } from '../src/model/fingerprint.js';
import type { SourceDocument } from '../src/document.js';
import { normalizeName } from '../src/lexicon/index.js';

const q = (raw: string, unit?: string, label?: string) => {
  const value = Number(raw);
  const decimals = raw.includes('.') ? raw.split('.')[1].length : 0;
  return { raw: `${raw}${unit ?? ''}`, value, decimals, ...(unit ? { unit } : {}), ...(label ? { label } : {}) };
};

/** A figure at a paragraph (reports) or a cell (forms) of its file. */
function fig(file: string, item: KeyFigure['item'], raw: string, more: Partial<KeyFigure> & { unit?: string; at?: string } = {}): KeyFigure {
  const { unit, at, ...rest } = more;
  const location = at ? { file, sheet: 'S', cell: at } : { file, paragraph: 3 };
  return { item, quantity: q(raw, unit), location, stated: true, ...rest };
}

function file(path: string, keys: Partial<KeyFigures> & { figures?: Array<(p: string) => KeyFigure> }): KeyedFile {
  const { figures = [], ...rest } = keys;
  return { path, keys: { unit: '示例县交通运输局', year: 2023, role: 'report', level: 'unit', fingerprint: `print-${path}`, ...rest, figures: figures.map((f) => f(path)) } };
}

const report = (path: string, figures: Array<(p: string) => KeyFigure>, more: Partial<KeyFigures> = {}) => file(path, { figures, ...more });
const form = (path: string, figures: Array<(p: string) => KeyFigure>, more: Partial<KeyFigures> = {}) => file(path, { role: 'dept-overall', figures, ...more });

/** The findings as [file, messageId, severity, related file]: what these tests read. */
function found(files: KeyedFile[]) {
  const out = runBatchStage(files, defaultConfig);
  return [...out.findings.values()].flat().map((f) => [f.location.file, f.messageId, f.severity, f.location.related?.file ?? '']);
}

describe('names are compared exactly, after one spelling', () => {
  it.each([
    ['示例县 交通运输局', '示例县交通运输局'],
    ['示例县交通运输局（本级）', '示例县交通运输局(本级)'],
    ['“示例县第１中学”', '示例县第1中学'],
    ['某局（盖章）', '某局'],
  ])('%s → %s', (name, spelt) => { expect(normalizeName(name)).toBe(spelt); });

  it('keeps 本级: the department alone is another unit than the department with its subordinate units', () => {
    expect(normalizeName('示例县交通运输局本级')).not.toBe(normalizeName('示例县交通运输局'));
  });
});

describe('a document’s fingerprint', () => {
  const doc = (texts: string[], table: string[][] = []): SourceDocument => ({
    path: 'x', format: 'docx',
    blocks: [...texts.map((text) => ({ type: 'paragraph' as const, text })), ...(table.length ? [{ type: 'table' as const, rows: table.map((r, row) => r.map((text, col) => ({ text, row, col }))) }] : [])],
  });
  const base = doc(['2023年预算执行率95.2%，年度资金总额1,200.50万元。'], [['项目', '金额'], ['合计', '466.70']]);

  it('is the same for the same numbers and words however laid out, and for 466.70 written 466.7', () => {
    expect(contentFingerprint(doc(['2023年预算执行率95.2%，', '年度资金总额1200.5万元。'], [['项目', '金额'], ['合计', '466.7']]))).toBe(contentFingerprint(base));
  });

  it.each([
    ['a number changed', doc(['2023年预算执行率92.5%，年度资金总额1,200.50万元。'], [['项目', '金额'], ['合计', '466.70']])],
    ['digits swapped', doc(['2023年预算执行率95.2%，年度资金总额1,200.50万元。'], [['项目', '金额'], ['合计', '467.60']])],
    ['a word changed', doc(['2023年决算执行率95.2%，年度资金总额1,200.50万元。'], [['项目', '金额'], ['合计', '466.70']])],
  ])('differs with %s', (_name, changed) => {
    expect(contentFingerprint(changed)).not.toBe(contentFingerprint(base));
  });

  it('is absent for a document that shows too little to tell it from another', () => {
    expect(contentFingerprint(doc(['报告']))).toBeUndefined();
  });
});

describe('units', () => {
  it('group by the exact normalised name and the year; 本级 and another year are other units', () => {
    const units = groupUnits([
      report('a.docx', []), form('b.xlsx', []),
      report('c.docx', [], { unit: '示例县交通运输局本级' }), report('d.docx', [], { year: 2022 }),
    ]);
    expect(units.map((u) => [u.unit, u.year, u.documents.flatMap((d) => d.files.map((f) => f.path))])).toEqual([
      ['示例县交通运输局', 2023, ['a.docx', 'b.xlsx']], ['示例县交通运输局本级', 2023, ['c.docx']], ['示例县交通运输局', 2022, ['d.docx']],
    ]);
  });

  it('files without a unit or a year are in none', () => {
    expect(groupUnits([report('a.docx', [], { unit: undefined }), report('b.docx', [], { year: undefined })])).toEqual([]);
  });

  it('twins share role and fingerprint: one document; the same fingerprint in another role is not a twin', () => {
    const [unit] = groupUnits([report('r.pdf', [], { fingerprint: 'x' }), report('r.docx', [], { fingerprint: 'x' }), form('f.xlsx', [], { fingerprint: 'x' })]);
    expect(unit.documents.map((d) => d.files.map((f) => f.path))).toEqual([['f.xlsx'], ['r.docx', 'r.pdf']]);
  });

  it('a file whose document shows too little to fingerprint is no one’s twin', () => {
    const [unit] = groupUnits([report('a.docx', [], { fingerprint: undefined }), report('b.docx', [], { fingerprint: undefined })]);
    expect(unit.documents).toHaveLength(2);
  });
});

describe('pairings', () => {
  const pairsOf = (files: KeyedFile[]) => {
    const { pairs, leftOut } = pairings(groupUnits(files)[0]);
    return { pairs: pairs.map((p) => [p.a.files[0].path, p.b.files[0].path].sort()), leftOut: leftOut.map((l) => l.document.files[0].path).sort() };
  };

  it('one document per role pairs; roles of another level (a project form) do not', () => {
    expect(pairsOf([report('r.docx', []), form('f.xlsx', []), form('p.xlsx', [], { role: 'project-form', level: 'project' })]))
      .toEqual({ pairs: [['f.xlsx', 'r.docx']], leftOut: [] });
  });

  it('two differing reports and one form: all left out, unless a file name or a folder pairs one', () => {
    expect(pairsOf([report('v1.docx', []), report('v2.docx', []), form('f.xlsx', [])])).toEqual({ pairs: [], leftOut: ['f.xlsx', 'v1.docx', 'v2.docx'] });
    expect(pairsOf([report('v1.docx', []), report('v2.docx', []), form('v2.xlsx', [])])).toEqual({ pairs: [['v2.docx', 'v2.xlsx']], leftOut: ['v1.docx'] });
    expect(pairsOf([report('a/r.docx', []), report('b/r.docx', []), form('b/f.xlsx', [])])).toEqual({ pairs: [['b/f.xlsx', 'b/r.docx']], leftOut: ['a/r.docx'] });
  });

  it('two reports and no counterpart: nothing to pair, nothing left out', () => {
    expect(pairsOf([report('v1.docx', []), report('v2.docx', [])])).toEqual({ pairs: [], leftOut: [] });
  });
});

describe('differences', () => {
  it.each([
    ['the same score', fig('', 'score', '93.8', { unit: '分' }), fig('', 'score', '93.8', { at: 'F5' }), []],
    ['a score written at another precision', fig('', 'score', '93.80', { unit: '分' }), fig('', 'score', '93.8', { at: 'F5' }), []],
    ['a different score: on the form, which copies the report', fig('', 'score', '93.8', { unit: '分' }), fig('', 'score', '92.8', { at: 'F5' }), [['f.xlsx', 'differs', 'error', 'r.docx']]],
    ['a score the report states among others: a warning', fig('', 'score', '93.8', { unit: '分', stated: false }), fig('', 'score', '92.8', { at: 'F5' }), [['f.xlsx', 'differs-assumed', 'warning', 'r.docx']]],
    ['a report’s score its own sheet contradicts: on the report', fig('', 'score', '95.8', { unit: '分', contradicted: true }), fig('', 'score', '93.8', { at: 'F5' }), [['r.docx', 'differs', 'error', 'f.xlsx']]],
    ['万元 against 元, the same amount', fig('', 'budget', '120', { unit: '万元', basis: 'annual' }), fig('', 'budget', '1200000', { unit: '元', basis: 'annual', at: 'D5' }), []],
    ['the initial budget against the year’s: not the same item', fig('', 'budget', '100', { unit: '万元', basis: 'initial' }), fig('', 'budget', '120', { unit: '万元', basis: 'annual', at: 'D5' }), []],
    ['a budget naming no basis meets one of the form’s', fig('', 'budget', '100', { unit: '万元' }), fig('', 'budget', '100', { unit: '万元', basis: 'initial', at: 'C5' }), []],
    ['an amount of no money unit is not compared', fig('', 'budget', '100', { basis: 'annual' }), fig('', 'budget', '120', { unit: '万元', basis: 'annual', at: 'D5' }), []],
    ['a funding source against the whole: not compared', fig('', 'budget', '90', { unit: '万元', basis: 'annual', source: '财政拨款' }), fig('', 'budget', '120', { unit: '万元', basis: 'annual', at: 'D5' }), []],
    ['grades by meaning: 优秀 is 优', { item: 'grade', grade: '优秀', location: { file: '', paragraph: 4 }, stated: true } as KeyFigure, { item: 'grade', grade: '优', location: { file: '', cell: 'H2' }, stated: true } as KeyFigure, []],
  ] as const)('%s', (_name, a, b, expected) => {
    const files = [report('r.docx', [(p) => ({ ...a, location: { ...a.location, file: p } })]), form('f.xlsx', [(p) => ({ ...b, location: { ...b.location, file: p } })])];
    expect(found(files)).toEqual(expected);
  });

  it('a rate that differs because the spending does is no second finding', () => {
    const files = [
      report('r.docx', [(p) => fig(p, 'spending', '111', { unit: '万元' }), (p) => fig(p, 'rate', '92.5', { unit: '%' })]),
      form('f.xlsx', [(p) => fig(p, 'spending', '108', { unit: '万元', at: 'E5' }), (p) => fig(p, 'rate', '90', { unit: '%', at: 'G5' })]),
    ];
    expect(found(files)).toEqual([['f.xlsx', 'differs', 'error', 'r.docx']]);
  });

  it('a difference with a twin pair goes on each twin, at its own place', () => {
    const files = [
      report('r.docx', [(p) => fig(p, 'score', '93.8', { unit: '分' })], { fingerprint: 'same' }),
      form('f.xlsx', [(p) => fig(p, 'score', '92.8', { at: 'F5' })], { fingerprint: 'x' }),
      form('f.pdf', [(p) => fig(p, 'score', '92.8', { at: 'F5' })], { fingerprint: 'x' }),
    ];
    expect(found(files).map((f) => f.join(' ')).sort()).toEqual([
      'f.pdf differs error r.docx', 'f.pdf twin info f.xlsx', 'f.xlsx differs error r.docx', 'f.xlsx twin info f.pdf',
    ]);
  });

  it('is off when the configuration says so', () => {
    const files = [report('r.docx', [(p) => fig(p, 'score', '93.8')]), form('f.xlsx', [(p) => fig(p, 'score', '92.8', { at: 'F5' })])];
    const out = runBatchStage(files, { ...defaultConfig, rules: { 'cross-file': 'off' } });
    expect(out.findings.size).toBe(0);
    expect(out.units).toEqual([]);
  });
});
