// Form templates read from small tables: fraction rates, points in labels, goal blocks, 总分 over blocks, a form's stated rule.
import { describe, it, expect } from 'vitest';
import type { Block, SourceDocument } from '../src/document.js';
import { table } from './helpers/table.js';
import { extractTables } from '../src/model/tables/index.js';
import { cellNumber, makeGrid } from '../src/model/tables/grid.js';
import { extractReport } from '../src/model/extract.js';
import { runChecks } from '../src/checks/index.js';
import { defaultConfig } from '../src/config.js';
import { blockKindOf, findRegions, roleOf } from '../src/model/tables/header.js';
import type { Relation, RelationOf } from '../src/model/schema.js';

const doc = (...blocks: Block[]): SourceDocument => ({ path: 'hand.xlsx', format: 'xlsx', blocks });
const ofKind = <K extends Relation['kind']>(rels: Relation[], kind: K) => rels.filter((r): r is RelationOf<K> => r.kind === kind);

/** The Hubei 20 + 40 + 40 form: budget points in the block's label, two goal blocks, one 总分. */
const HUBEI = [
  ['预算执行情况（万元）（20分）', '', '<', '预算数（A）', '执行数（B）', '执行率（B/A）', '得分（20分*执行率）'],
  ['^', '年度财政资金总额', '<', '10', '10', '1', '20'],
  ['年度绩效目标1（40分）', '一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'],
  ['^', '产出指标', '质量指标', '监测合格率', '100%', '100%', '20'],
  ['^', '效益指标', '满意度指标', '满意度', '98%', '98%', '19.6'],
  ['年度绩效目标2（40分）', '一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '得分'],
  ['^', '产出指标（40分）', '进度指标', '资料上报', '100%', '100%', '40'],
  ['总分', '<', '<', '<', '<', '<', '99.6'],
  ['偏差大或目标未完成原因分析', '<', '<', '满意度调查样本偏少', '<', '<', '<'],
  ['备注：定量指标计分原则：正向指标（即目标值为≥X，得分=权重*B/A），反向指标（即目标值为≤X，得分=权重*A/B）。', '<', '<', '<', '<', '<', '<'],
];

describe('a provincial project form (20 + 40 + 40)', () => {
  const records = extractTables(doc(table(HUBEI)));

  it('reads the budget block, its points from the label, and a rate written as the fraction 1', () => {
    const [total] = records.budget;
    expect(total.weight).toMatchObject({ value: 20, unit: '分' });
    expect(total.rate).toMatchObject({ raw: '1', value: 1, decimals: 0, unit: '比值' });
    expect(total.annual).toMatchObject({ value: 10, unit: '万元' });
  });

  it('totals 总分 over every goal block plus the budget score', () => {
    const totals = ofKind(records.relations, 'sum').filter((r) => r.total.raw === '99.6');
    expect(totals).toHaveLength(1);
    expect(totals[0].parts.map((p) => p.raw)).toEqual(['20', '19.6', '40', '20']);
  });

  it('keeps each indicator\'s goal block with its maximum, the form-wide reason and the rule the note states', () => {
    const [first, second, third] = records.indicators;
    expect(first).toMatchObject({ group: '年度绩效目标1（40分）', groupMax: { value: 40 }, deviation: '满意度调查样本偏少', scoringRule: 'proportional' });
    expect(second.group).toBe('年度绩效目标1（40分）');
    expect(third.groupMax?.value).toBe(40);
  });
});

describe('goal-block maxima', () => {
  it('年度绩效目标（80分） = 产出指标（60分） + 效益指标（40分): a section relation, whatever the sum', () => {
    const t = table([
      ['年度绩效目标（80分）', '一级指标', '二级指标', '三级指标', '年初目标值', '实际完成值', '得分'],
      ['^', '产出指标（60分）', '数量指标', '企业数量', '3', '3', '60'],
      ['^', '效益指标（40分）', '社会效益指标', '带动就业', '有效', '有效', '40'],
    ]);
    const [section] = ofKind(extractTables(doc(t)).relations, 'section-max').filter((r) => r.max.value === 80);
    expect(section.parts.map((p) => p.value)).toEqual([60, 40]);
  });

  it('a block with its own maximum but no budget block in the table is not totalled (its points sit elsewhere)', () => {
    const t = table([
      ['绩效指标(90分)', '一级指标', '二级指标', '三级指标', '指标值', '完成值', '权重', '得分'],
      ['^', '产出指标', '成本指标', '成本控制数', '≤30万元', '28万元', '90', '90'],
      ['合计', '<', '<', '<', '<', '<', '100', ''],
    ]);
    expect(ofKind(extractTables(doc(t)).relations, 'sum')).toEqual([]);
  });
});

describe('rates and comparators as written in cells', () => {
  it('a 执行率 column headed in per cent reads a bare 1 as 1 %', () => {
    const t = table([
      ['项目资金（万元）', '', '全年预算数', '全年执行数', '执行率（%）'],
      ['^', '年度资金总额', '100', '1', '1'],
    ]);
    expect(extractTables(doc(t)).budget[0].rate).toMatchObject({ value: 1, unit: '%' });
  });

  it('a column with a rate above 2 is in per cent, so none of its cells is read as a fraction', () => {
    const t = table([
      ['项目资金（万元）', '', '全年预算数', '全年执行数', '执行率'],
      ['^', '年度资金总额', '100', '90', '90'],
      ['^', '其中：财政拨款', '100', '1', '1'],
    ]);
    expect(extractTables(doc(t)).budget.map((b) => b.rate?.unit)).toEqual(['%', '%']);
  });

  it.each([
    ['﹥90%', '>'], ['﹤5', '<'], ['﹦100%', '='], ['═100', '='], ['不少于12个', '>='], ['不超过5天', '<='], ['≧95', '>='], ['≦3', '<='],
  ])('%s carries its comparator', (text, comparator) => {
    expect(cellNumber(text)?.comparator).toBe(comparator);
  });
});

describe('profiles are the only source of header words and block shapes', () => {
  it.each([
    ['年初预算数', 'initial'], ['全年预算数（A）', 'annual'], ['全年执行数', 'executed'], ['执行率（B/A）', 'rate'],
    ['一级指标', 'level1'], ['三级指标', 'name'], ['年度指标值', 'target'], ['实际完成指标值', 'actual'], ['分值', 'weight'],
    ['得分', 'score'], ['偏差原因分析及改进措施', 'deviation'], ['满分', 'weight'], ['评分标准', 'explanation'], ['指标性质', 'nature'],
  ])('the header %s is read as %s', (header, role) => {
    expect(roleOf(header)).toBe(role);
  });

  it('a part is the block whose columns it has, in the profiles\' order', () => {
    const kinds = (rows: string[][]) => findRegions(makeGrid(table(rows), 'hand.xlsx', 0)).map(blockKindOf);
    expect(kinds([['项目资金', '全年预算数', '全年执行数', '执行率'], ['总额', '10', '9', '90%']])).toEqual(['budget']);
    expect(kinds([['三级指标', '指标值', '实际完成值', '分值', '得分'], ['a', '1', '1', '5', '5']])).toEqual(['indicators']);
    expect(kinds([['一级指标', '二级指标', '三级指标', '满分', '得分'], ['预算管理（25分）', 'a', 'b', '5', '5']])).toEqual(['scores']);
    expect(kinds([['项目', '分值', '得分'], ['a', '5', '5']])).toEqual([undefined]);
  });
});

describe('a 执行率 column of fractions or of per cents, decided for the whole column', () => {
  /** A budget block with one row per [label, 全年预算数, 全年执行数, 分值, 执行率, 得分]. */
  const block = (...rows: string[][]) => doc(table([
    ['项目资金（万元）', '', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ...rows.map((r) => ['^', ...r]),
  ]));
  const execFindings = (d: SourceDocument) => runChecks(extractReport(d), defaultConfig).filter((f) => f.rule === 'exec-score');

  it('0.98 and 1 in one column are both fractions; 98% and 100% both per cents', () => {
    const fractions = extractTables(block(['年度资金总额', '100', '98', '10', '0.98', '9.8'], ['其中：财政拨款', '60', '60', '—', '1', '—']));
    expect(fractions.budget.map((b) => [b.rate?.raw, b.rate?.unit])).toEqual([['0.98', '比值'], ['1', '比值']]);
    const percents = extractTables(block(['年度资金总额', '100', '98', '10', '98%', '9.8'], ['其中：财政拨款', '60', '60', '—', '100%', '—']));
    expect(percents.budget.map((b) => b.rate?.unit)).toEqual(['%', '%']);
  });

  it('a column of bare per cents (98, 100) reads its 1 as 1 %: the 98 decides for the column, not the cell', () => {
    const t = extractTables(block(['年度资金总额', '100', '98', '10', '98', '9.8'], ['其中：财政拨款', '100', '1', '—', '1', '—']));
    expect(t.budget.map((b) => [b.rate?.value, b.rate?.unit])).toEqual([[98, '%'], [1, '%']]);
  });

  it('a bare 1 in a fraction column stands for 0.5–1.5 (its last digit ± 0.5): no alarm for 93.75 %, nor for the full score', () => {
    expect(execFindings(block(['年度资金总额', '160', '150', '10', '1', '10'], ['其中：财政拨款', '60', '60', '—', '0.98', '—']))).toEqual([]);
    expect(execFindings(block(['年度资金总额', '1.56', '1.56', '20', '1', '20']))).toEqual([]);
  });

  it('… but a spending far from the budget still contradicts it, and a fraction with decimals keeps them', () => {
    const far = execFindings(block(['年度资金总额', '100', '40', '10', '1', '10']));
    expect(far.map((f) => [f.severity, f.actual])).toEqual([['error', '1']]);
    const decimals = execFindings(block(['年度资金总额', '100', '90', '10', '0.98', '9.8'], ['其中：财政拨款', '60', '60', '—', '1', '—']));
    // 9.8 follows the rate as stated (10 × 0.98): only the rate is wrong
    expect(decimals.map((f) => [f.severity, f.actual])).toEqual([['error', '0.98']]);
  });
});

describe('value cells as people write them (issue 11, item 3), read through an indicator table', () => {
  /** One indicator row: 年度指标值, 实际完成值, 分值 2, 得分 as given. */
  const indicatorOf = (target: string, actual: string, score = '2') => {
    const d = doc(table([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '指标', target, actual, '2', score],
    ]));
    return { ind: extractTables(d).indicators[0], findings: runChecks(extractReport(d), defaultConfig).filter((f) => f.rule === 'indicator-score') };
  };

  it.each([
    ['≥90%', '>=', 90, 0, '%'], ['≧90%', '>=', 90, 0, '%'], ['>=90%', '>=', 90, 0, '%'], ['＞＝90%', '>=', 90, 0, '%'], ['≥＝90%', '>=', 90, 0, '%'],
    ['＞90%', '>', 90, 0, '%'], ['﹥90%', '>', 90, 0, '%'], ['>90%', '>', 90, 0, '%'],
    ['≤5天', '<=', 5, 0, '天'], ['≦5天', '<=', 5, 0, '天'], ['＜＝5天', '<=', 5, 0, '天'], ['≤ 3 天', '<=', 3, 0, '天'],
    ['＜5天', '<', 5, 0, '天'], ['﹤5天', '<', 5, 0, '天'],
    ['=100%', '=', 100, 0, '%'], ['＝100%', '=', 100, 0, '%'], ['﹦100%', '=', 100, 0, '%'], ['═100%', '=', 100, 0, '%'],
    // per cents with spaces, full-width digits and signs
    ['≥ 90 %', '>=', 90, 0, '%'], ['≥90 ％', '>=', 90, 0, '%'], ['＝ 100 ％', '=', 100, 0, '%'],
    ['≥９０％', '>=', 90, 0, '%'], ['＝１００％', '=', 100, 0, '%'], ['≥９０．５％', '>=', 90.5, 1, '%'], ['１２个', undefined, 12, 0, '个'],
    // fractions keep their own digits
    ['≥0.95', '>=', 0.95, 2, undefined], ['0.1446', undefined, 0.1446, 4, undefined],
    // bounds in words
    ['不低于95%', '>=', 95, 0, '%'], ['95%以上', '>=', 95, 0, '%'], ['5天以内', '<=', 5, 0, '天'], ['≥1,200人', '>=', 1200, 0, '人'],
  ])('target %s: comparator %s, %d with %d decimals, unit %s', (text, comparator, value, decimals, unit) => {
    const { ind } = indicatorOf(text, '');
    expect(ind.comparator).toBe(comparator);
    expect(ind.target).toMatchObject({ value, decimals });
    expect(ind.target?.unit).toBe(unit);
    // kept as written, but for the spaces cell text loses beside Chinese and full-width characters
    expect(ind.targetText?.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it.each([['优'], ['明显改善'], ['有效提升'], ['≥良好'], ['定性：好']])('定性 target %s: qualitative, no number', (text) => {
    const { ind } = indicatorOf(text, '良好');
    expect(ind).toMatchObject({ comparator: 'qualitative', targetText: text, actualText: '良好' });
    expect(ind.target).toBeUndefined();
    expect(ind.actual).toBeUndefined();
  });

  it.each([['—'], ['-'], ['/'], ['无'], ['']])('an actual written %j is no number, and raises nothing', (blank) => {
    const { ind, findings } = indicatorOf('≥90%', blank);
    expect(ind.actual).toBeUndefined();
    expect(findings).toEqual([]);
  });

  it('full-width digits and spaced per cents are checked like any: met and full is clean, missed and full is a finding', () => {
    expect(indicatorOf('≥９０％', '９５ ％').findings).toEqual([]);
    expect(indicatorOf('≥ 90 %', '85 %').findings.map((f) => f.messageId)).toEqual(['fullBelowTarget']);
    expect(indicatorOf('＝１００％', '１００％').findings).toEqual([]);
  });
});
