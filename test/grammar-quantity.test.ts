// Numbers and quantity phrases as they appear in reports, PDFs and narrow table cells.
import { describe, it, expect } from 'vitest';
import { parseNumber, scanQuantities, parseChineseNumeral } from '../grammars/quantity-tokens.js';

const brief = (text: string) =>
  scanQuantities(text).map((q) => ({ raw: q.raw, value: q.value, decimals: q.decimals, unit: q.unit, comparator: q.comparator }));

describe('parseNumber', () => {
  it.each([
    ['1,059.39', 1059.39, 2],
    ['１０５９．３９', 1059.39, 2],
    ['1 059.39', 1059.39, 2],
    ['1059.39', 1059.39, 2],
    ['8724.90', 8724.9, 2],
    ['-3.5', -3.5, 1],
    ['100', 100, 0],
    ['1,059.3\n9', 1059.39, 2],
    ['1,05\n9.39', 1059.39, 2],
    ['二十七', 27, 0],
    ['十', 10, 0],
    ['十五', 15, 0],
    ['一百零五', 105, 0],
    ['两', 2, 0],
    ['二〇二三', 2023, 0],
    ['三万五千', 35000, 0],
    ['一亿二千万', 120000000, 0],
  ])('%j → %d (%d decimals)', (text, value, decimals) => {
    expect(parseNumber(text)).toEqual({ value, decimals, raw: text.trim() });
  });

  it.each(['', 'abc', '12,11', '88.28%', '1.2.3', '二三十', '万'])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('reads Chinese numerals only when they are numerals', () => {
    expect(parseChineseNumeral('一是')).toBeNull();
    expect(parseChineseNumeral('九')).toBe(9);
  });
});

describe('scanQuantities', () => {
  it('finds amounts and rates in a sentence with PDF spacing', () => {
    expect(brief('关于 2024 年，调整预算数9883.28万元，共完成支付8724.90 万元，预算执行率88.28%。')).toEqual([
      { raw: '2024 年', value: 2024, decimals: 0, unit: '年', comparator: undefined },
      { raw: '9883.28万元', value: 9883.28, decimals: 2, unit: '万元', comparator: undefined },
      { raw: '8724.90 万元', value: 8724.9, decimals: 2, unit: '万元', comparator: undefined },
      { raw: '88.28%', value: 88.28, decimals: 2, unit: '%', comparator: undefined },
    ]);
  });

  it('marks years so they are not amounts', () => {
    const [year, amount] = scanQuantities('2023年度预算安排74.91万元');
    expect(year).toMatchObject({ value: 2023, unit: '年', year: true });
    expect(amount.year).toBeUndefined();
    expect(scanQuantities('实施期3年')[0].year).toBeUndefined();
  });

  it('reads comparators, full-width and wrapped cells', () => {
    expect(brief('≥50个')).toEqual([{ raw: '≥50个', value: 50, decimals: 0, unit: '个', comparator: '>=' }]);
    expect(brief('≤ 5%')[0]).toMatchObject({ value: 5, unit: '%', comparator: '<=' });
    expect(brief('＝100％')[0]).toMatchObject({ value: 100, unit: '%', comparator: '=' });
    expect(brief('不低于95%')[0]).toMatchObject({ value: 95, comparator: '>=' });
    expect(brief('1,059.3\n9')).toEqual([{ raw: '1,059.3\n9', value: 1059.39, decimals: 2, unit: undefined, comparator: undefined }]);
    expect(brief('１０５９．３９万元')[0]).toMatchObject({ value: 1059.39, decimals: 2, unit: '万元' });
    expect(brief('95%')[0]).toMatchObject({ value: 95, decimals: 0, unit: '%' });
  });

  it('does not join two numbers on separate lines', () => {
    expect(brief('2023\n95%').map((q) => q.value)).toEqual([2023, 95]);
  });

  it('reads Chinese numerals with a counter and ignores them without one', () => {
    expect(brief('二十七个项目，十项任务，两个中心').map((q) => [q.value, q.unit])).toEqual([[27, '个'], [10, '项'], [2, '个']]);
    expect(brief('一是加强管理，二是规范流程')).toEqual([]);
  });

  it('keeps 分 as a unit before 为 but not in 分别', () => {
    expect(brief('得分≥85分为优秀').map((q) => q.raw)).toEqual(['≥85分']);
    expect(brief('共3个，分别是').map((q) => q.raw)).toEqual(['3个']);
    expect(brief('自评得分93.8分。')[0]).toMatchObject({ value: 93.8, decimals: 1, unit: '分' });
  });

  it('does not read a range dash as a minus sign', () => {
    expect(brief('2023-2025年').map((q) => q.value)).toEqual([2023, 2025]);
    expect(brief('1—6月执行率45.9%').map((q) => q.value)).toEqual([1, 6, 45.9]);
    expect(brief('变化率-3.5%')[0]).toMatchObject({ value: -3.5, decimals: 1 });
  });

  it('flags ordinals and rough figures', () => {
    expect(scanQuantities('第3次会议')[0].ordinal).toBe(true);
    expect(scanQuantities('100余人')[0]).toMatchObject({ value: 100, unit: '人', approximate: true });
    expect(scanQuantities('约200万元')[0].approximate).toBe(true);
  });

  it('keeps offsets that point back into the text', () => {
    const text = '占 93.38 %；';
    const [q] = scanQuantities(text);
    expect(text.slice(q.start, q.end)).toBe(q.raw);
    expect(q.raw).toBe('93.38 %');
    expect(q.decimals).toBe(2);
  });
});
