// Table extraction on the corpus: the 004 indicator table and scoring sheet in every format, and reports without tables.
import { describe, it, expect, beforeAll } from 'vitest';
import { readDocument } from '../src/readers/index.js';
import { extractTables, type TableRecords } from '../src/model/tables/index.js';
import type { Quantity, Relation, RelationOf } from '../src/model/schema.js';

const FORMATS = {
  xlsx: 'fixtures/004-baocheng-2024.xlsx',
  docx: 'fixtures/004-baocheng-2024.docx',
  embedded: 'fixtures/004-baocheng-2024-embedded.docx',
  pdf: 'fixtures/004-baocheng-2024.pdf',
} as const;

const total = (qs: Array<Quantity | undefined>): number => Math.round(qs.reduce((s, q) => s + (q?.value ?? 0), 0) * 1000) / 1000;
const ofKind = <K extends Relation['kind']>(rels: Relation[], kind: K) => rels.filter((r): r is RelationOf<K> => r.kind === kind);

const results: Partial<Record<keyof typeof FORMATS, TableRecords>> = {};
beforeAll(async () => {
  for (const [format, path] of Object.entries(FORMATS)) {
    results[format as keyof typeof FORMATS] = extractTables((await readDocument(path)).document);
  }
}, 60_000);

describe.each(Object.keys(FORMATS) as Array<keyof typeof FORMATS>)('004 as %s', (format) => {
  const get = () => results[format]!;

  it('reads 49 indicator rows whose weights total 90', () => {
    const { indicators } = get();
    expect(indicators).toHaveLength(49);
    expect(indicators.every((i) => i.weight)).toBe(true);
    expect(total(indicators.map((i) => i.weight))).toBe(90);
  });

  it('reads targets, comparators, units and qualitative rows', () => {
    const { indicators } = get();
    const first = indicators[0];
    expect(first).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '便民服务中心入驻人数', comparator: '>=', unit: '人' });
    expect(first.target).toMatchObject({ value: 5, decimals: 0, unit: '人' });
    const personnel = indicators.find((i) => i.name === '人员经费')!;
    expect(personnel).toMatchObject({ level1: '成本指标', comparator: '<=', unit: '万元' });
    expect(personnel.target).toMatchObject({ value: 1059.39, decimals: 2 });
    expect(indicators.filter((i) => i.comparator === '=').map((i) => i.name)).toEqual(['文化站免费开放率', '重点养殖户防疫检查、督查率']);
    const qualitative = indicators.filter((i) => i.comparator === 'qualitative');
    expect(qualitative).toHaveLength(5);
    expect(qualitative[0]).toMatchObject({ targetText: '提高', actualText: '提高', nature: '定性' });
    expect(qualitative.every((i) => !i.unit && !i.target)).toBe(true); // the unit cell merged into the target says no unit
    expect(indicators.find((i) => i.name.startsWith('案例警示教育'))?.level1).toBe('产出指标'); // a label merged over two rows
  });

  it('reads a scoring sheet of 25 items: maxima total 100, scores total 93.8, one 扣分项 apart', () => {
    const { scoreItems } = get();
    const counted = scoreItems.filter((i) => !i.deduction);
    expect(counted).toHaveLength(25);
    expect(total(counted.map((i) => i.max))).toBe(100);
    expect(total(counted.map((i) => i.score))).toBe(93.8);
    const deductions = scoreItems.filter((i) => i.deduction);
    expect(deductions.map((i) => [i.level1, i.name])).toEqual([['扣分项（10分）', '被评价部门配合度']]);
    expect(deductions[0].max).toBeUndefined();
    const slow = scoreItems.find((i) => i.name === '支出执行进度')!;
    expect(slow).toMatchObject({ level1: '总体绩效（65分）', level2: '预算管理（25分）' });
    expect([slow.max?.value, slow.score?.value]).toEqual([6, 4]);
    expect(slow.categoryMax?.map((q) => [q.label, q.value])).toEqual([['总体绩效', 65], ['预算管理', 25]]);
  });

  it('states each category maximum as a relation with its parts', () => {
    const sections = ofKind(get().relations, 'section-max');
    const byName = Object.fromEntries(sections.map((s) => [s.name, [s.max.value, s.parts.map((p) => p.value)]]));
    expect(byName['总体绩效']).toEqual([65, [15, 25, 10, 9, 6]]);
    expect(byName['项目绩效']).toEqual([35, [12, 12, 11]]);
    expect(byName['预算管理']).toEqual([25, [8, 4, 6, 2, 5]]);
    expect(byName['采购管理']).toEqual([6, [3, 3]]);
    expect(sections).toHaveLength(10); // 2 first-level, 8 second-level categories
    expect(sections.every((s) => total(s.parts) === s.max.value)).toBe(true);
  });

  it('turns the 评价得分 row into the total score and the sum of the item scores', () => {
    const { relations, scoreItems } = get();
    const [score] = ofKind(relations, 'total-score');
    expect(score.score).toMatchObject({ value: 93.8, decimals: 1 });
    expect(scoreItems.some((i) => i.name === '评价得分')).toBe(false);
    const sums = ofKind(relations, 'sum').filter((s) => s.total.value === 93.8);
    expect(sums).toHaveLength(1);
    expect(sums[0].parts).toHaveLength(25);
    expect(total(sums[0].parts)).toBe(93.8);
  });

  it('reads the fund breakdown 资金总额 = 财政拨款 + 其他资金 as a complete sum', () => {
    const funds = ofKind(get().relations, 'sum').filter((s) => s.total.label === '资金总额');
    expect(funds).toHaveLength(1);
    expect(funds[0]).toMatchObject({ exhaustive: true, total: { value: 1599.38 } });
    expect(funds[0].parts.map((p) => [p.label, p.value])).toEqual([['财政拨款', 1599.38], ['其他资金', 0]]);
  });
});

describe('004 records agree across formats', () => {
  const project = (r: TableRecords) => ({
    indicators: r.indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.target?.value, i.unit, i.weight?.value, i.actual?.value]),
    scoreItems: r.scoreItems.map((i) => [i.level1, i.level2, i.name, i.max?.value, i.score?.value, i.deduction]),
  });
  it('xlsx, docx, embedded docx and pdf yield the same records', () => {
    const xlsx = project(results.xlsx!);
    expect(project(results.docx!)).toEqual(xlsx);
    expect(project(results.embedded!)).toEqual(xlsx);
    expect(project(results.pdf!)).toEqual(xlsx);
  });
});

describe('locations point back at the cell', () => {
  it('xlsx: sheet and A1 address', () => {
    const [first] = results.xlsx!.indicators;
    expect(first.location).toMatchObject({ file: FORMATS.xlsx, sheet: 'Sheet1', cell: 'E20', row: 19, col: 4 });
    expect(first.weight?.location).toMatchObject({ sheet: 'Sheet1', cell: 'K20' });
    const item = results.xlsx!.scoreItems.find((i) => i.name === '支出执行进度')!;
    expect(item.score?.location).toMatchObject({ sheet: '整体2-2自评打分表', cell: 'F11' });
  });
  it('embedded docx: the workbook member', () => {
    const [first] = results.embedded!.indicators;
    expect(first.location.origin).toMatch(/^word\/embeddings\/.+\.xlsx$/);
    expect(first.location.cell).toBe('E20');
  });
  it('pdf: the page of each row, also after a page break', () => {
    const pages = results.pdf!.indicators.map((i) => i.location.page);
    expect(pages.every((p) => typeof p === 'number')).toBe(true);
    expect(new Set(pages).size).toBeGreaterThan(3);
    const last = results.pdf!.indicators[48];
    expect(last.location.page).toBeGreaterThan(results.pdf!.indicators[0].location.page!);
    expect(last.weight?.location.page).toBe(last.location.page);
  });
});

describe('reports without indicator tables', () => {
  it.each(['000-sanyuan-2023', '001-quanfang-2023', '002-songying-2023', '003-dept-2023'])('%s.docx yields no records', async (name) => {
    const { document } = await readDocument(`fixtures/${name}.docx`);
    const records = extractTables(document);
    expect(records).toEqual({ indicators: [], scoreItems: [], budget: [], relations: [] });
  });
});
