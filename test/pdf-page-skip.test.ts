// Which PDF pages get pdf.js' operator list: those whose text could sit in a ruled table, never plain prose lines.
import { describe, it, expect } from 'vitest';
import { mayHoldTable, type PdfTextItem } from '../src/readers/pdf-text.js';

const run = (str: string, x: number, y: number, size = 10.5): PdfTextItem => ({ str, x, y, width: [...str].length * size, size });

describe('mayHoldTable', () => {
  it('prose: runs on a line touch or are a space apart, whatever order pdf.js gives them in', () => {
    const items = [
      run('本单位', 90, 100), run('2024', 90 + 3 * 10.5, 100.2), run('年预算', 90 + 3 * 10.5 + 4 * 10.5 + 3, 100),
      run('资金执行率为', 90, 120), run(' ', 90 + 6 * 10.5, 120), run('95.2%', 90 + 6 * 10.5 + 2.6, 120),
    ].reverse();
    expect(mayHoldTable(items, false)).toBe(false);
  });

  it('two runs on one baseline a cell gap apart may be neighbouring cells', () => {
    const items = [run('项目名称', 90, 100), run('预算执行率', 90 + 4 * 10.5 + 12, 100.3)];
    expect(mayHoldTable(items, false)).toBe(true);
  });

  it('a whitespace run does not bridge the gap', () => {
    const items = [run('指标值', 90, 100), { ...run('', 90 + 3 * 10.5, 100), str: '     ', width: 40 }, run('100%', 90 + 3 * 10.5 + 40, 100)];
    expect(mayHoldTable(items, false)).toBe(true);
  });

  it('runs far apart on different lines are no table', () => {
    expect(mayHoldTable([run('一、基本情况', 90, 100), run('（一）项目概况', 300, 130)], false)).toBe(false);
  });

  it('rotated text may be a table header', () => {
    expect(mayHoldTable([run('序号', 90, 100)], true)).toBe(true);
  });
});
