// Tables of items laid out as bureaus lay them out, built at test time as .docx and .xlsx: each is read (not
// `nothing-checked`), clean it gives no error or warning, and one changed cell gives an error at that cell.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { allSaid } from './helpers/said.js';
import { scratch, show } from './helpers/mutate-files.js';
import { tableFile, type Rows } from './helpers/table-files.js';

const files = scratch();
beforeAll(() => files.make('jixiao-item-tables-'));
afterAll(() => files.remove());

interface Layout {
  what: string; title: string; rows: Rows;
  /** the cell changed (row, column in `rows`), what it becomes, and the rule that must err there */
  change: { row: number; col: number; to: string; rule: string };
}

const LAYOUTS: Layout[] = [
  {
    what: 'a 序号 column of small integers before 项目名称 | 预算数 | 执行数 | 执行率, the 合计 row below the items',
    title: '2023年度项目支出执行情况表',
    rows: [
      ['序号', '项目名称', '预算数', '执行数', '执行率'],
      ['1', '项目A', '100.00', '90.00', '90.00%'],
      ['2', '项目B', '50.00', '45.00', '90.00%'],
      ['3', '项目C', '20.00', '20.00', '100.00%'],
      ['', '合计', '170.00', '155.00', '91.18%'],
    ],
    change: { row: 2, col: 4, to: '95.00%', rule: 'rate' },
  },
  {
    what: 'a 行次 column numbering every row, the 合计 too, beside 预算数 | 决算数 | 执行率（%）',
    title: '2023年度支出决算表',
    rows: [
      ['行次', '项目', '预算数', '决算数', '执行率（%）'],
      ['1', '基本支出', '100.00', '90.00', '90.00'],
      ['2', '项目支出', '50.00', '45.00', '90.00'],
      ['3', '合计', '150.00', '135.00', '90.00'],
    ],
    change: { row: 3, col: 3, to: '145.00', rule: 'sum' },
  },
  {
    what: 'a 行次 column after the labels (项目 | 行次 | 预算数 | 决算数 | 执行率)',
    title: '2023年度支出决算表',
    rows: [
      ['项目', '行次', '预算数', '决算数', '执行率'],
      ['基本支出', '1', '100.00', '90.00', '90.00%'],
      ['项目支出', '2', '50.00', '45.00', '90.00%'],
      ['合计', '3', '150.00', '135.00', '90.00%'],
    ],
    change: { row: 1, col: 4, to: '80.00%', rule: 'rate' },
  },
  {
    what: 'no row numbers: 项目 | 预算数 | 决算数 | 执行率 over a 合计 below the items',
    title: '2023年度支出决算表',
    rows: [
      ['项目', '预算数', '决算数', '执行率'],
      ['基本支出', '100.00', '90.00', '90.00%'],
      ['项目支出', '50.00', '45.00', '90.00%'],
      ['合计', '150.00', '135.00', '90.00%'],
    ],
    change: { row: 2, col: 3, to: '85.00%', rule: 'rate' },
  },
  {
    what: '完成年初预算% | 完成调整预算%: the 决算 over the budget each names, not amounts to add',
    title: '2023年度一般公共预算支出决算表',
    rows: [
      ['项目', '年初预算数', '调整预算数', '决算数', '完成年初预算%', '完成调整预算%'],
      ['一般公共服务支出', '100.00', '120.00', '110.00', '110.00', '91.67'],
      ['教育支出', '200.00', '200.00', '190.00', '95.00', '95.00'],
      ['合计', '300.00', '320.00', '300.00', '100.00', '93.75'],
    ],
    change: { row: 1, col: 4, to: '91.67', rule: 'rate' },
  },
  {
    what: '完成年初预算（%） | 完成调整后预算（%） beside a 合计 at the top',
    title: '2023年度一般公共预算支出决算表',
    rows: [
      ['项目', '年初预算数', '调整后预算数', '决算数', '完成年初预算（%）', '完成调整后预算（%）'],
      ['合计', '300.00', '320.00', '300.00', '100.00', '93.75'],
      ['一般公共服务支出', '100.00', '120.00', '110.00', '110.00', '91.67'],
      ['教育支出', '200.00', '200.00', '190.00', '95.00', '95.00'],
    ],
    change: { row: 2, col: 5, to: '110.00', rule: 'rate' },
  },
  {
    what: '年初预算 | 调整数 | 调整后预算: the adjusted budget is the initial one plus the adjustment, which may be negative',
    title: '2023年度一般公共预算支出表',
    rows: [
      ['项目', '年初预算', '调整数', '调整后预算'],
      ['一般公共服务支出', '100.00', '20.00', '120.00'],
      ['教育支出', '200.00', '-10.00', '190.00'],
      ['合计', '300.00', '10.00', '310.00'],
    ],
    change: { row: 1, col: 2, to: '25.00', rule: 'sum' },
  },
  {
    what: '序号 | 项目 | 年初预算数 | 调整数 | 调整后预算数 | 决算数 | 执行率',
    title: '2023年度项目支出决算表',
    rows: [
      ['序号', '项目', '年初预算数', '调整数', '调整后预算数', '决算数', '执行率'],
      ['1', '项目A', '100.00', '20.00', '120.00', '108.00', '90.00%'],
      ['2', '项目B', '200.00', '-10.00', '190.00', '190.00', '100.00%'],
      ['', '合计', '300.00', '10.00', '310.00', '298.00', '96.13%'],
    ],
    change: { row: 2, col: 3, to: '-20.00', rule: 'sum' },
  },
  {
    what: 'a negative written in brackets, (2.00), in a 增减 column its 合计 totals',
    title: '2023年度支出决算表',
    rows: [
      ['项目', '上年决算数', '本年决算数', '增减'],
      ['基本支出', '100.00', '98.00', '(2.00)'],
      ['项目支出', '50.00', '55.00', '5.00'],
      ['公用经费', '30.00', '28.50', '（1.50）'],
      ['合计', '180.00', '181.50', '1.50'],
    ],
    change: { row: 1, col: 3, to: '(3.00)', rule: 'sum' },
  },
  {
    what: 'a bracketed negative in a 调整数 column, the 合计 negative too',
    title: '2023年度一般公共预算支出表',
    rows: [
      ['项目', '年初预算数', '调整数', '调整后预算数'],
      ['一般公共服务支出', '100.00', '(20.00)', '80.00'],
      ['教育支出', '200.00', '10.00', '210.00'],
      ['合计', '300.00', '(10.00)', '290.00'],
    ],
    change: { row: 3, col: 2, to: '(12.00)', rule: 'sum' },
  },
];

async function findings(path: string) {
  return allSaid((await checkFile(path, defaultConfig)).findings).filter((f) => f.severity !== 'info');
}

const build = (layout: Layout, ext: 'docx' | 'xlsx', rows = layout.rows) => tableFile(files, ext, layout.title, rows);
/** The findings of one table written as an .xlsx under its title. */
const xlsxFindings = async (title: string, rows: Rows) => findings(await tableFile(files, 'xlsx', title, rows));
/** Its error findings, each as `rule actual`. */
const xlsxErrors = async (title: string, rows: Rows) => (await xlsxFindings(title, rows))
  .filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.actual}`);

describe('tables of items under the budget block\'s words', () => {
  for (const ext of ['docx', 'xlsx'] as const) {
    it.each(LAYOUTS)(`.${ext}: $what — read, and no error or warning`, async (layout) => {
      expect(show(await findings(await build(layout, ext)))).toBe('[]');
    });
    it.each(LAYOUTS)(`.${ext}: $what — one changed cell caught at that cell`, async (layout) => {
      const { row, col, to, rule } = layout.change;
      const rows = layout.rows.map((r, i) => r.map((t, j) => (i === row && j === col ? to : t)));
      const found = await findings(await build(layout, ext, rows));
      // the builder writes the table from the sheet's third row (a title and a unit line above it)
      const at = (f: (typeof found)[number]) => (ext === 'docx'
        ? f.location.row === row + 1 && f.location.col === col + 1
        : f.location.cell === `${String.fromCharCode(65 + col)}${row + 3}`);
      expect(found.some((f) => f.rule === rule && f.severity === 'error' && at(f)), show(found)).toBe(true);
    });
  }
});

describe('a bracketed negative', () => {
  it('reads (2.00) and （1,234.50） as negatives, never a bracketed item number or words', async () => {
    const { parseBracketedNegative } = await import('../src/lexicon/index.js');
    expect(parseBracketedNegative('(2.00)')?.value).toBe(-2);
    expect(parseBracketedNegative('（1,234.50）')?.value).toBe(-1234.5);
    for (const t of ['(1)', '（3）', '（一）', '(2.00', '(a.b)', '(0.00)']) expect(parseBracketedNegative(t), t).toBeNull();
  });
});

describe('a table of averages: its 合计 row is the average of all, no sum of the rows', () => {
  const AVERAGES: Rows = [
    ['医院类别', '总收入', '医疗收入', '财政补助收入', '其他收入'],
    ['合计', '4,250.64', '3,776.48', '361.73', '112.43'],
    ['省属', '19,388.59', '17,463.81', '1,314.36', '610.42'],
    ['市属', '6,891.12', '6,192.24', '562.10', '136.78'],
    ['县属', '1,693.09', '1,472.12', '189.16', '31.81'],
  ];
  for (const ext of ['docx', 'xlsx'] as const) {
    it(`.${ext}: 院均 in the title: no sum down the columns`, async () => {
      const path = await tableFile(files, ext, '2023年各级医院院均收入情况', AVERAGES);
      expect(show(await findings(path))).toBe('[]');
    });
    it(`.${ext}: without it the same 合计 row is read as the rows' sum`, async () => {
      const path = await tableFile(files, ext, '2023年各级医院收入情况', AVERAGES);
      expect((await findings(path)).filter((f) => f.rule === 'sum' && f.severity === 'error').length).toBeGreaterThan(0);
    });
  }
  it('a 人均 column among sums: the other columns still add up, that one is not added', async () => {
    const rows: Rows = [
      ['单位', '人数', '经费', '人均经费'],
      ['甲单位', '10', '50.00', '5.00'],
      ['乙单位', '20', '80.00', '4.00'],
      ['合计', '30', '140.00', '4.67'],
    ];
    const found = await xlsxFindings('2023年经费情况', rows);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.location.cell)).toEqual(['C6']);
  });
});

describe('rows of per cents and columns of growth ratios are no amounts to add', () => {
  it('药占比（%） under 药品收入（万元）, and a 增长比 column: no sum takes them', async () => {
    const rows: Rows = [
      ['项目', '本年', '上年', '增长额', '增长比'],
      ['药品收入（万元）', '1680.61', '1623.68', '56.93', '3.51%'],
      ['其中：中药饮片收入（万元）', '5.33', '4.58', '0.75', '16.38%'],
      ['药占比（%）', '28.07%', '30.28%', '-2.21', ''],
    ];
    expect(show(await xlsxFindings('2023年医院收入情况', rows))).toBe('[]');
  });
});

describe('a heading written in its first column only spans the blank cells after it with sub-headings below', () => {
  // a 三公 table as a web page or a PDF gives it: 公车购置及运行维护费 over 合计 | 车辆购置 | 车辆运行, not merged
  const SANGONG = (purchase: string): Rows => [
    ['年度', '合计', '因公出国(境)经费', '公务接待费', '公车购置及运行维护费', '', ''],
    ['', '', '', '', '合计', '车辆购置', '车辆运行'],
    ['2015年', '2840', '90', '1400', '1350', purchase, '1277'],
    ['2016年', '2364', '12', '1356', '996', '37', '959'],
  ];
  it('the 合计 adds the three items, the car item its two halves', async () => {
    expect(show(await xlsxFindings('“三公”经费支出情况', SANGONG('73')))).toBe('[]');
  });
  it('a wrong half is one error, on the car item’s 合计', async () => {
    expect(await xlsxErrors('“三公”经费支出情况', SANGONG('83'))).toEqual(['sum 1350']);
  });
  it('near miss: a blank heading with no sub-heading under it heads nothing', async () => {
    const rows: Rows = [
      ['项目', '预算数', '决算数', ''],
      ['', '', '', '备注'],
      ['办公费', '10', '9', ''],
      ['印刷费', '5', '4', ''],
      ['合计', '15', '13', ''],
    ];
    expect(show(await xlsxFindings('经费情况', rows))).toBe('[]');
  });
});

describe('a 部门整体支出绩效自评表 budget block of 年初预算数(A) and 全年执行数(B), 分值 and 得分 merged down its rows', () => {
  // 贵州 form (太白镇 2021): no 全年预算数 column; the points belong to the block, written once over its rows
  const DEPT = (basic: string, score: string): Rows => [
    ['部门(单位)总体资金(万元)', '资金来源', '年初预算数(A)', '全年执行数(B)', '分值(10分)', '得分', '得分计算方法'],
    ['^', '年度资金总额：', '1172.55', '1268.72', '10', score, '执行率*该指标分值，最高不得超过分值上限。'],
    ['^', '基本支出', '985.19', basic, '^', '^', '^'],
    ['^', '项目支出', '187.36', '353.75', '^', '^', '^'],
  ];
  const errorsIn = (rows: Rows) => xlsxErrors('部门整体支出绩效自评表', rows);
  it('clean: the merged 分值 and 得分 are the total row’s (基本支出 at 92.9% is not scored 10)', async () => {
    expect(await errorsIn(DEPT('914.97', '10'))).toEqual([]);
  });
  it('the sources add up to 年度资金总额：, its colon aside', async () => {
    expect(await errorsIn(DEPT('924.97', '10'))).toEqual(['sum 1268.72']);
  });
  it('the score follows 全年执行数 ÷ 年初预算数', async () => {
    expect(await errorsIn(DEPT('914.97', '8'))).toEqual(['exec-score 8']);
  });
});

describe('a column part left blank beside parts that hold numbers is nothing (小计 over 购置 blank and 运行)', () => {
  // a 上海 区 司法局's 三公 table (2017): no car bought, 购置 left blank in both columns
  const SANGONG = (running: string): Rows => [
    ['合计', '<', '因公出国（境）费', '<', '公务用车购置及运行费', '<', '<', '<', '<', '<', '公务接待费', '<'],
    ['^', '<', '^', '<', '小计', '<', '公务用车购置费', '<', '公务用车运行费', '<', '^', '<'],
    ['预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数', '预算数', '决算数'],
    ['22.00', '8.77', '', '', '14.00', '8.47', '', '', running, '8.47', '8.00', '0.30'],
  ];
  const errorsIn = (rows: Rows) => xlsxErrors('2017年度一般公共预算财政拨款“三公”经费支出决算表', rows);
  it('clean', async () => {
    expect(await errorsIn(SANGONG('14.00'))).toEqual([]);
  });
  it('a 运行 short of its 小计 is an error (before: one part of an open list, nothing checked)', async () => {
    expect(await errorsIn(SANGONG('12.00'))).toEqual(['sum 14.00']);
  });
  it('near miss: a part in words is unknown, not nothing', async () => {
    const rows = SANGONG('12.00');
    rows[3][6] = '详见附表';
    expect(await errorsIn(rows)).toEqual([]);
  });
});
