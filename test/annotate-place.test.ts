// Finding a stated number in text for the review copies: as written (spaces, full-width, separators), never inside a longer number.
import { describe, it, expect } from 'vitest';
import { findNumber, reviewName } from '../src/annotate/place.js';

const at = (text: string, actual: string, hint?: string) => {
  const hit = findNumber(text, actual, hint);
  return hit && text.slice(hit[0], hit[1]);
};

describe('findNumber', () => {
  it.each([
    ['资金执行率为90.07%。', '90.07%', '90.07%'],
    ['执行率 45.9 %;', '45.9%', '45.9 %'],
    ['执行率１００％', '100%', '１００％'],
    ['共1,059.39万元', '1059.39万元', '1,059.39万元'],
    ['认真执行中央八项规定', '八项', '八项'],
    ['得分 7分', '≤ 7分', '7分'],
  ])('%s: %s is found as written', (text, actual, written) => {
    expect(at(text, actual)).toBe(written);
  });

  it.each([
    ['执行率100.5%', '100%'],
    ['合计1170人', '170人'],
    ['十八项规定', '八项'],
    ['执行率45.96%', '45.9%'],
    ['没有数字', '无'],
  ])('%s: %s is not there', (text, actual) => {
    expect(at(text, actual)).toBeUndefined();
  });

  it('a repeated number: the one after the finding’s label, else the first', () => {
    const text = '1-10月执行率100%;12月预算执行1599.38万元，预算执行率100%。';
    expect(findNumber(text, '100%')).toEqual([text.indexOf('100%'), text.indexOf('100%') + 4]);
    const second = text.lastIndexOf('100%');
    expect(findNumber(text, '100%', '预算执行率')).toEqual([second, second + 4]);
  });
});

describe('reviewName', () => {
  it('puts 审阅 before the extension', () => {
    expect(reviewName('/a/b/报告.docx')).toBe('报告.审阅.docx');
    expect(reviewName('x.y.pdf')).toBe('x.y.审阅.pdf');
  });
});
