// The words of table headers and row labels (src/lexicon/table-words.ts) and of OCR's misread numbers (ocr.ts): every
// header variant of the sets classified, breakdowns closed only by all their members, names never taken for numbers.
import { describe, it, expect } from 'vitest';
import {
  closesBreakdown, countUnitOfHeader, headerMeaning, measureUnderChange, namesRatio, shareOfTotal, isNarrativeLabel, isTemplateNote, itemCategories, itemOfLabel, labelTotalKind,
  stageOfLabel, statesFormula, suspectNumbers,
} from '../src/lexicon/index.js';

describe('the stage an amount\'s label names', () => {
  it.each([
    ['“三公”经费财政拨款支出年初预算为', 'budget'],
    ['公务用车购置及运行维护费支出决算为', 'actual'],
    ['预算执行数', 'actual'],
    ['公务用车购置及运行维护费支出决算减少', undefined],
    ['支出决算比上年增加', undefined],
    ['决算数较预算数节约', undefined],
    ['公务接待费', undefined],
  ])('%s → %s', (label, stage) => { expect(stageOfLabel(label)).toBe(stage); });
});

describe('header words', () => {
  it.each([
    ['2017年预算数合计', { kind: 'value', year: 2017, stage: 'budget', total: 'total' }],
    ['上年决算数', { kind: 'value', relative: 'previous', stage: 'actual' }],
    ['本年决算数', { kind: 'value', relative: 'current', stage: 'actual' }],
    ['本 期', { kind: 'value', relative: 'current' }],
    ['上年同期', { kind: 'value', relative: 'previous' }],
    ['2016年度', { kind: 'value', year: 2016 }],
    ['预 算 数', { kind: 'value', stage: 'budget' }],
    ['调整后预算数', { kind: 'value', stage: 'budget', adjusted: true }],
    ['预算执行数', { kind: 'value', stage: 'actual' }],
    ['预算数（A）', { kind: 'value', stage: 'budget', letter: 'A' }],
    ['执行率（B/A）', { kind: 'rate', formula: { numerator: 'B', denominator: 'A' } }],
    ['增、减金额', { kind: 'change' }],
    ['增减值', { kind: 'change' }],
    ['增加额', { kind: 'change' }],
    ['2017比2016增减', { kind: 'change', years: { current: 2017, base: 2016 } }],
    ['增、减幅度', { kind: 'changeRate' }],
    ['增减%', { kind: 'changeRate' }],
    ['增长率', { kind: 'changeRate' }],
    ['2016年比2015年增减%', { kind: 'changeRate', years: { current: 2016, base: 2015 } }],
    ['占比', { kind: 'share' }],
    ['控制率', { kind: 'rate' }],
    ['规模控制率', { kind: 'rate' }],
    ['行号', { kind: 'rowNumber' }],
    ['序号', { kind: 'rowNumber' }],
    ['科目编码', { kind: 'code' }],
    ['项目及编号', { kind: 'label' }],
    ['评价得分', { kind: 'score' }],
    ['评价结果', { kind: 'grade' }],
    ['绩效等级', { kind: 'grade' }],
    ['分值', { kind: 'weight' }],
    ['备注', { kind: 'text' }],
    ['机关运行经费决算数', { kind: 'value', stage: 'actual', item: '机关运行经费' }],
  ])('%s', (header, meaning) => {
    expect(headerMeaning(header)).toEqual(meaning);
  });

  it.each(['公共财政预算拨款', '政府性基金预算拨款', '一般公共预算', '上年结转', '其他资金', '因公出国（境）费', '其中：'])('%s names an item, no measure', (header) => {
    expect(headerMeaning(header)).toBeUndefined();
  });
});

describe('row labels', () => {
  it.each([
    ['一、支出合计', 'total'], ['合 计', 'total'], ['收入总计', 'total'], ['资金总额', 'total'], ['总收入', 'total'], ['小计', 'subtotal'],
    ['行政经费', undefined], ['公务接待费', undefined],
  ])('%s → %s', (label, kind) => {
    expect(labelTotalKind(label.replace(/^一、/, ''))).toBe(kind);
  });

  it('a breakdown is closed by all its members, each once', () => {
    expect(closesBreakdown(['因公出国（境）费', '公务接待费', '公务用车购置及运行费'])?.name).toBe('“三公”经费');
    expect(closesBreakdown(['因公出国（境）费', '公务接待费'])).toBeUndefined();
    expect(closesBreakdown(['公共财政预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'])?.name).toBe('预算类别');
    expect(closesBreakdown(['当年财政拨款', '上年结转资金', '其他资金'])?.name).toBe('项目资金来源');
    // a hospital's income: 其他收入 is no member that closes it
    expect(closesBreakdown(['医疗收入', '财政拨款收入', '其他收入'])).toBeUndefined();
  });

  it('items named alike by their categories, not by their words', () => {
    expect(itemCategories('公务用车购置及运行维护费')).toEqual(itemCategories('公务用车购置及运行费'));
    expect(itemCategories('公务用车购置费')).not.toEqual(itemCategories('公务用车购置及运行费'));
    expect(itemOfLabel('其中：公务用车购置及运行维护费支出决算为')).toBe('公务用车购置及运行维护费');
  });

  it('cells that narrate, and the notes and rules that do not', () => {
    expect(isNarrativeLabel('三、“三公”经费增减变化原因等说明')).toBe(true);
    expect(isNarrativeLabel('公务接待费')).toBe(false);
    expect(isTemplateNote('备注：1、“三公”经费包括因公出国（境）费…')).toBe(true);
    expect(statesFormula('1.预算执行率=预算执行数/调整后预算数，未达到90%的需说明原因')).toBe(true);
    expect(statesFormula('正向指标得分=权重*B/A')).toBe(true);
    expect(statesFormula('标准为1300元/人/月，共发放12万元')).toBe(false);
  });
});

describe('numbers OCR misread', () => {
  it.each([
    ['资金执行率为90.07g。', '90.07g', 'rate'], ['执行率9 5%，', '9 5', 'rate'], ['预算1O0万元', '1O0', 'amount'], ['组干部7O人', '7O', 'count'],
  ])('%s → %s', (text, token, expected) => {
    expect(suspectNumbers(text).map((s) => [s.raw, s.expected])).toEqual([[token, expected]]);
  });
  it.each(['G20峰会', 'PM2.5浓度', 'H7N9', '5G网络覆盖3个村', '3D打印', 'COVID-19', '支出1 059.39万元', '资金执行率为90.07%。', 'GB/T 33190'])('%s: nothing', (text) => {
    expect(suspectNumbers(text)).toEqual([]);
  });
});

describe('headers counting things', () => {
  it.each([['人数', '人'], ['在职人数', '人'], ['车辆数（辆）', '辆'], ['公务用车数', '辆'], ['接待批次', '批'], ['团组数（个）', '个']])('%s: %s', (text, unit) => {
    expect(countUnitOfHeader(text)).toBe(unit);
  });
  it.each(['预算数', '决算数', '金额（万元）', '执行数', '合计'])('%s: none', (text) => {
    expect(countUnitOfHeader(text)).toBeUndefined();
  });
});

describe('the whole a share column names', () => {
  it.each([['占比', '合计', true], ['占支出总额比重', '支出合计', true], ['占合计%', '合计', true], ['占部门总支出比重', '合计', false], ['占总支出比重', '小计', false]])(
    '%s of %s: %s', (header, total, ok) => {
      expect(shareOfTotal(header, total)).toBe(ok);
    });
});

describe('columns under a comparison naming only what they hold', () => {
  it.each([['金额', 'change'], ['%', 'changeRate'], ['（%）', 'changeRate'], ['幅度', 'changeRate'], ['预算数', undefined], ['合计', undefined]])('%s: %s', (text, kind) => {
    expect(measureUnderChange(text)).toBe(kind);
  });
});

describe('headers naming a ratio', () => {
  it.each([['节约率', true], ['节约率（%）', true], ['增长比例', true], ['节约资金', false], ['金额', false]])('%s: %s', (text, ratio) => {
    expect(namesRatio(text)).toBe(ratio);
  });
});
