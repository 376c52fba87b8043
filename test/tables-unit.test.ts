// Table extraction on small hand-built tables: header synonyms, targets, fill-down, 扣分项, totals, budget blocks, other tables.
import { describe, it, expect } from 'vitest';
import type { Block, SourceDocument } from '../src/document.js';
import { table } from './helpers/table.js';
import { extractTables } from '../src/model/tables/index.js';
import type { Relation, RelationOf } from '../src/model/schema.js';
import { rng } from './helpers/rng.js';


const doc = (...blocks: Block[]): SourceDocument => ({ path: 'hand.docx', format: 'docx', blocks });
const ofKind = <K extends Relation['kind']>(rels: Relation[], kind: K) => rels.filter((r): r is RelationOf<K> => r.kind === kind);

describe('header words and synonyms, not column positions', () => {
  it('reads 分值/年度指标值/全年实际值/计量单位/自评得分 in any order', () => {
    const t = table([
      ['一级指标', '二级指标', '三级指标', '分值', '计量单位', '年度指标值', '全年实际值', '自评得分', '偏差原因'],
      ['产出指标', '数量指标', '培训人数', '10', '人', '≥50', '60', '10', ''],
    ]);
    const [ind] = extractTables(doc(t)).indicators;
    expect(ind).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '培训人数', unit: '人', comparator: '>=' });
    expect([ind.weight?.value, ind.target?.value, ind.actual?.value, ind.score?.value]).toEqual([10, 50, 60, 10]);
    expect(ind.weight?.location).toMatchObject({ row: 1, col: 3 });
  });

  it('reads 权重/目标值/实际完成值/单位/指标性质 with columns moved around', () => {
    const t = table([
      ['权重', '指标名称', '指标性质', '目标值', '单位', '实际完成值'],
      ['5', '资金拨付及时率', '正向', '95', '%', '98'],
    ]);
    const [ind] = extractTables(doc(t)).indicators;
    expect(ind).toMatchObject({ name: '资金拨付及时率', nature: '正向', comparator: '>=', unit: '%' });
    expect([ind.weight?.value, ind.target?.value, ind.actual?.value]).toEqual([5, 95, 98]);
  });

  it('reads a header merged over two rows, the sub-heading naming its column', () => {
    const t = table([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '<', '实际完成值', '分值', '得分'],
      ['^', '^', '^', '符号', '数值', '^', '^', '^'],
      ['效益指标', '社会效益指标', '群众满意度', '≥', '90%', '95%', '10', '10'],
    ]);
    const [ind] = extractTables(doc(t)).indicators;
    expect(ind).toMatchObject({ name: '群众满意度', comparator: '>=', unit: '%' });
    expect(ind.target).toMatchObject({ value: 90, unit: '%' });
    expect(ind.actual).toMatchObject({ value: 95, unit: '%' });
    expect(ind.weight?.value).toBe(10);
  });
});

describe('targets with their comparator and unit inside the cell', () => {
  const rows = (targets: string[]) => table([
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值'],
    ...targets.map((t, i) => ['产出指标', '数量指标', `指标${i + 1}`, t, '', '5']),
  ]);
  it.each([
    ['≥50个', '>=', 50, '个'],
    ['≤5%', '<=', 5, '%'],
    ['=100%', '=', 100, '%'],
    ['＞90％', '>', 90, '%'],
    ['100%以上', '>=', 100, '%'],
    ['不低于95%', '>=', 95, '%'],
  ] as const)('%s', (text, comparator, value, unit) => {
    const [ind] = extractTables(doc(rows([text]))).indicators;
    expect(ind).toMatchObject({ comparator, unit, targetText: text });
    expect(ind.target).toMatchObject({ value, raw: text });
  });

  it.each(['有效提升', '良好', '达标'])('qualitative: %s', (text) => {
    const [ind] = extractTables(doc(rows([text]))).indicators;
    expect(ind).toMatchObject({ comparator: 'qualitative', targetText: text });
    expect(ind.target).toBeUndefined();
  });

  it('a target with two numbers is kept as text, with no comparator guessed', () => {
    const [ind] = extractTables(doc(rows(['≥95%且≤100%']))).indicators;
    expect(ind.target).toBeUndefined();
    expect(ind.comparator).toBeUndefined();
    expect(ind.targetText).toBe('≥95%且≤100%');
  });
});

describe('fill-down of labels written once per group', () => {
  it('carries 一级/二级 labels down empty cells and over merged ones, resetting 二级 under a new 一级', () => {
    const t = table([
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值'],
      ['产出指标', '数量指标', 'A', '1', '1', '10'],
      ['', '^', 'B', '2', '2', '10'],
      ['', '质量指标', 'C', '3', '3', '10'],
      ['效益指标', '', 'D', '4', '4', '10'],
    ]);
    const inds = extractTables(doc(t)).indicators;
    expect(inds.map((i) => [i.level1, i.level2, i.name])).toEqual([
      ['产出指标', '数量指标', 'A'], ['产出指标', '数量指标', 'B'], ['产出指标', '质量指标', 'C'], ['效益指标', undefined, 'D'],
    ]);
  });
});

describe('scoring sheets', () => {
  const sheet = table([
    ['一级指标', '二级指标', '三级指标', '分值', '指标解释', '自评得分'],
    ['决策（20分）', '目标设定（12分）', '绩效目标合理性', '6', '…', '6'],
    ['^', '^', '绩效指标明确性', '6', '…', '5'],
    ['^', '资金投入（8分）', '预算编制科学性', '8', '…', '7.5'],
    ['扣分项（5分）', '违规违纪', '违规违纪', '5', '…', '2'],
    ['合计', '<', '<', '25', '…', '16.5'],
  ]);
  const records = extractTables(doc(sheet));

  it('reads items with their maxima, scores and the category maxima in their labels', () => {
    expect(records.indicators).toEqual([]);
    expect(records.scoreItems.map((i) => [i.level1, i.level2, i.name, i.max?.value, i.score?.value, i.deduction])).toEqual([
      ['决策（20分）', '目标设定（12分）', '绩效目标合理性', 6, 6, undefined],
      ['决策（20分）', '目标设定（12分）', '绩效指标明确性', 6, 5, undefined],
      ['决策（20分）', '资金投入（8分）', '预算编制科学性', 8, 7.5, undefined],
      ['扣分项（5分）', undefined, '违规违纪', 5, 2, true],
    ]);
    expect(records.scoreItems[0].categoryMax?.map((q) => [q.label, q.value, q.unit])).toEqual([['决策', 20, '分'], ['目标设定', 12, '分']]);
  });

  it('states category maxima as relations over the items’ (or categories’) maxima', () => {
    const sections = ofKind(records.relations, 'section-max').map((s) => [s.name, s.max.value, s.parts.map((p) => p.value)]);
    expect(sections).toContainEqual(['决策', 20, [12, 8]]);
    expect(sections).toContainEqual(['目标设定', 12, [6, 6]]);
    expect(sections).toContainEqual(['资金投入', 8, [8]]);
    expect(sections).toContainEqual(['扣分项', 5, [5]]);
  });

  it('turns the 合计 row into totals: deductions subtract from the score and are not part of the maxima', () => {
    expect(records.scoreItems.some((i) => i.name === '合计')).toBe(false);
    const [score] = ofKind(records.relations, 'total-score');
    expect([score.score.value, score.max?.value]).toEqual([16.5, 25]);
    const sums = ofKind(records.relations, 'sum');
    const maxSum = sums.find((s) => s.total.value === 25)!;
    expect(maxSum.parts.map((p) => p.value)).toEqual([6, 6, 8]); // 25 ≠ 20: the check will say so, the record does not hide it
    const scoreSum = sums.find((s) => s.total.value === 16.5)!;
    expect(scoreSum.parts.map((p) => p.value)).toEqual([6, 5, 7.5, -2]);
  });

  it('gives the totals the row’s label and its number as written as evidence, so a finding on them shows the number', () => {
    expect(ofKind(records.relations, 'total-score')[0].evidence).toBe('合计 16.5');
    expect(ofKind(records.relations, 'sum').map((s) => s.evidence)).toEqual(expect.arrayContaining(['合计 25', '合计 16.5']));
  });
});

describe('total rows in indicator tables', () => {
  it('are not indicators; their weights and scores become sums over the rows', () => {
    const t = table([
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '权重', '得分'],
      ['产出指标', '数量指标', 'A', '10', '10', '40', '40'],
      ['产出指标', '质量指标', 'B', '100%', '90%', '50', '45'],
      ['合计', '<', '<', '<', '<', '90', '85'],
    ]);
    const records = extractTables(doc(t));
    expect(records.indicators.map((i) => i.name)).toEqual(['A', 'B']);
    const sums = ofKind(records.relations, 'sum');
    expect(sums.map((s) => [s.total.value, s.parts.map((p) => p.value), s.exhaustive])).toEqual([[90, [40, 50], true], [85, [40, 45], true]]);
    expect(sums.map((s) => s.evidence)).toEqual(['合计 90', '合计 85']);
    expect(ofKind(records.relations, 'total-score')).toEqual([]); // an indicator table's total is not the report's score
  });

  it('say nothing when a row lacks the number being totalled', () => {
    const t = table([
      ['三级指标', '指标值', '实际完成值', '权重'],
      ['A', '10', '10', '40'],
      ['B', '达标', '达标', ''],
      ['合计', '', '', '90'],
    ]);
    expect(ofKind(extractTables(doc(t)).relations, 'sum')).toEqual([]);
  });
});

describe('budget blocks of project forms', () => {
  const form = table([
    ['项目名称', '<', '乡村道路维护', '<', '<', '<', '<', '<'],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['^', '年度资金总额', '100', '120', '108', '10', '90%', '9'],
    ['^', '其中：本年财政拨款', '80', '90', '80', '—', '—', '—'],
    ['^', '上年结转资金', '20', '20', '18', '—', '—', '—'],
    ['^', '其他资金', '0', '10', '10', '—', '—', '—'],
    ['年度总体目标', '<', '预期目标', '<', '<', '实际完成情况', '<', '<'],
    ['^', '<', '完成道路维护30公里', '<', '<', '完成32公里', '<', '<'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['^', '产出指标', '数量指标', '维护里程', '≥30公里', '32公里', '90', '90'],
    ['总分', '<', '<', '<', '<', '<', '100', '99'],
  ]);
  const records = extractTables(doc(form));

  it('reads each fund row with its amounts, rate and score; rows under the total are its parts', () => {
    expect(records.budget.map((b) => [b.label, b.sub, b.initial?.value, b.annual?.value, b.executed?.value])).toEqual([
      ['年度资金总额', undefined, 100, 120, 108],
      ['本年财政拨款', true, 80, 90, 80],
      ['上年结转资金', true, 20, 20, 18],
      ['其他资金', true, 0, 10, 10],
    ]);
    const [totalRow] = records.budget;
    expect([totalRow.weight?.value, totalRow.rate?.value, totalRow.rate?.unit, totalRow.score?.value]).toEqual([10, 90, '%', 9]);
    expect(totalRow.location).toMatchObject({ row: 2, col: 1 });
  });

  it('states 年度资金总额 = 财政拨款 + 上年结转 + 其他资金 per amount column, complete', () => {
    const sums = ofKind(records.relations, 'sum').filter((s) => s.total.label?.startsWith('年度资金总额'));
    expect(sums.map((s) => [s.total.value, s.parts.map((p) => p.value), s.exhaustive])).toEqual([
      [100, [80, 20, 0], true], [120, [90, 20, 10], true], [108, [80, 18, 10], true],
    ]);
  });

  it('reads the indicator part below, and counts the budget 分值 in the form’s 总分', () => {
    expect(records.indicators.map((i) => [i.name, i.comparator, i.target?.value, i.unit])).toEqual([['维护里程', '>=', 30, '公里']]);
    const totals = ofKind(records.relations, 'sum').filter((s) => s.total.label?.startsWith('总分'));
    expect(totals.map((s) => [s.total.value, s.parts.map((p) => p.value)])).toEqual([[100, [90, 10]], [99, [90, 9]]]);
  });

  it('without a catch-all part the breakdown may be incomplete', () => {
    const t = table([
      ['项目', '年初预算数', '全年预算数', '全年执行数'],
      ['年度资金总额', '100', '100', '90'],
      ['其中：财政拨款', '80', '80', '70'],
    ]);
    const sums = ofKind(extractTables(doc(t)).relations, 'sum');
    expect(sums).toHaveLength(3);
    expect(sums.every((s) => !s.exhaustive)).toBe(true);
  });
});

describe('tables of other kinds and documents without tables', () => {
  it('a signature table yields nothing', () => {
    const t = table([['序号', '姓名', '职务', '签字'], ['1', '张三', '镇长', '<'], ['2', '李四', '所长', '<']]);
    expect(extractTables(doc(t))).toEqual({ indicators: [], scoreItems: [], budget: [], relations: [] });
  });

  it('a table of final accounts with no indicator words yields nothing', () => {
    const t = table([['科目', '本年收入', '本年支出', '年末结余'], ['一般公共预算', '100', '90', '10'], ['合计', '100', '90', '10']]);
    expect(extractTables(doc(t))).toEqual({ indicators: [], scoreItems: [], budget: [], relations: [] });
  });

  it('a paragraph-only document yields empty arrays', () => {
    expect(extractTables(doc({ type: 'paragraph', text: '一、基本情况' }))).toEqual({ indicators: [], scoreItems: [], budget: [], relations: [] });
  });
});

describe('the same table twice', () => {
  const rows = [
    ['三级指标', '指标值', '实际完成值', '权重'],
    ['A', '10', '10', '40'],
    ['B', '20', '20', '50'],
  ];
  it('a sheet copied within a workbook is counted once; a hidden sheet not at all', () => {
    const records = extractTables(doc(table(rows, { sheet: 'Sheet1' }), table(rows, { sheet: 'Sheet1 (2)' }), table(rows, { sheet: 'old', hidden: true })));
    expect(records.indicators).toHaveLength(2);
    expect(records.indicators[0].location.sheet).toBe('Sheet1');
  });
  it('a Word table beside the embedded workbook it came from, laid out differently, is counted once', () => {
    const word = table([['三级指标', '<', '指标值', '实际完成值', '权重'], ['A', '<', '10', '10', '40'], ['B', '<', '20', '20', '50']]);
    const records = extractTables(doc(word, table(rows, { origin: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx' })));
    expect(records.indicators).toHaveLength(2);
  });
  it('two different tables are both counted', () => {
    const other = rows.map((r) => r.map((t) => (t === '50' ? '51' : t)));
    expect(extractTables(doc(table(rows), table(other))).indicators).toHaveLength(4);
  });
});

describe('a table a PDF splits over pages', () => {
  it('continues on the next page with the rows realigned and a wrapped label finished', () => {
    const page1 = table([
      ['一级指标', '二级指标', '三级指标', '<', '指标值', '权重'],
      ['产出指标', '数量指标', 'A', '<', '1', '30'],
      ['产出指', '数量指标', 'B', '<', '2', '30'],
    ], { page: 1 });
    const page2 = table([
      ['标', '', '', '', ''],
      ['产出指标', '数量指标', 'C', '3', '30'],
      ['合计', '', '', '', '90'],
    ], { page: 2 });
    const records = extractTables(doc(page1, page2));
    expect(records.indicators.map((i) => [i.level1, i.name, i.weight?.value, i.location.page])).toEqual([
      ['产出指标', 'A', 30, 1], ['产出指标', 'B', 30, 1], ['产出指标', 'C', 30, 2],
    ]);
    expect(records.indicators[2].weight?.location).toMatchObject({ page: 2, block: 1, row: 1, col: 4 });
    const [sum] = ofKind(records.relations, 'sum');
    expect(sum.parts.map((p) => p.value)).toEqual([30, 30, 30]);
  });

  it('a table on the next page with its own header stands alone', () => {
    const a = table([['三级指标', '指标值', '权重'], ['A', '1', '30']], { page: 1 });
    const b = table([['三级指标', '指标值', '权重'], ['B', '2', '40']], { page: 2 });
    const records = extractTables(doc(a, b));
    expect(records.indicators.map((i) => [i.name, i.location.block])).toEqual([['A', 0], ['B', 1]]);
  });
});

describe('several 分值 columns', () => {
  it('a sheet with a 分值 column after each level takes the item’s own, never the digits run together', () => {
    const t = table([
      ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'],
      ['决策', '20', '目标设定', '12', '绩效目标合理性', '6', '5'],
    ]);
    const [item] = extractTables(doc(t)).scoreItems;
    expect([item.name, item.max?.value, item.score?.value]).toEqual(['绩效目标合理性', 6, 5]);
  });
  it('an indicator row with two weights in two columns states no weight rather than a wrong one', () => {
    const t = table([
      ['三级指标', '指标值', '实际完成值', '分值', '分值'],
      ['A', '10', '10', '20', '6'],
    ]);
    const [ind] = extractTables(doc(t)).indicators;
    expect(ind.weight).toBeUndefined();
  });
});

describe('odd tables never crash', () => {
  it('random grids of header words, numbers, merges and blanks yield records or nothing, never an exception', () => {
    const words = ['一级指标', '二级指标', '三级指标', '分值', '权重', '得分', '指标值', '实际完成值', '单位', '指标性质', '年初预算数',
      '全年预算数', '全年执行数', '执行率', '合计', '小计', '其中：财政拨款', '其他资金', '资金总额', '扣分项（5分）', '管理（10分）',
      '≥90%', '定性', '达标', '1,059.39', '0', '-', '', '', '', '<', '^', '12', '3.5', '１００％', '约100人'];
    const next = rng(20240501);
    let productive = 0;
    for (let n = 0; n < 300; n++) {
      const height = 1 + Math.floor(next() * 8);
      const rows: string[][] = [];
      for (let r = 0; r < height; r++) {
        const width = 1 + Math.floor(next() * 8); // ragged rows on purpose
        rows.push(Array.from({ length: width }, (_, c) => {
          const w = words[Math.floor(next() * words.length)];
          if (w === '<' && c === 0) return '';
          if (w === '^' && (r === 0 || (rows[r - 1].length <= c))) return '';
          return w;
        }));
      }
      const pages = next() < 0.5 ? { page: 1 } : {};
      const second = table(rows.slice().reverse().map((r) => r.map((t) => (t === '^' || t === '<' ? '' : t))), { page: 2 });
      let records: ReturnType<typeof extractTables> | undefined;
      expect(() => { records = extractTables(doc(table(rows, pages), second)); }).not.toThrow();
      if (records && (records.indicators.length || records.scoreItems.length || records.budget.length)) productive++;
    }
    expect(productive).toBeGreaterThan(10); // the generator does reach the extractors
  });
});
