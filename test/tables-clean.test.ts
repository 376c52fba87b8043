// Clean tables laid out as other finance bureaus lay them out, built at test time as .docx and .xlsx: no error or
// warning on any, and one changed cell in each still caught (the layout is read, not silenced).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { checkFile } from '../src/pipeline.js';
import { defaultConfig } from '../src/config.js';
import { allSaid } from './helpers/said.js';
import { scratch, show } from './helpers/mutate-files.js';
import { tableFile, type Rows } from './helpers/table-files.js';

const files = scratch();
beforeAll(() => files.make('jixiao-clean-tables-'));
afterAll(() => files.remove());

interface Layout {
  what: string; title: string; rows: Rows;
  /** one number changed: in the first cell holding it, or in the title (a sentence over the table) */
  change?: { from: string; to: string; rule: string; inTitle?: true };
  /** a relation the table leaves open: it may warn (saying what it assumed, or that a 其中 list falls short), never err */
  inferred?: true;
}

const LAYOUTS: Layout[] = [
  {
    what: '科目编码 under 类 | 款 | 项, each row writing only its own part (201, then 01 under 款), 合计 at the top',
    title: '2023年度一般公共预算财政拨款支出决算表',
    rows: [
      ['科目编码', '<', '<', '科目名称', '本年支出', '<', '<'],
      ['类', '款', '项', '^', '合计', '基本支出', '项目支出'],
      ['', '', '', '合计', '1,234.56', '800.00', '434.56'],
      ['201', '', '', '一般公共服务支出', '1,000.00', '700.00', '300.00'],
      ['', '01', '', '人大事务', '1,000.00', '700.00', '300.00'],
      ['', '', '01', '行政运行', '700.00', '700.00', ''],
      ['', '', '02', '一般行政管理事务', '300.00', '', '300.00'],
      ['208', '', '', '社会保障和就业支出', '234.56', '100.00', '134.56'],
      ['', '05', '', '行政事业单位养老支出', '234.56', '100.00', '134.56'],
      ['', '', '05', '机关事业单位基本养老保险缴费支出', '234.56', '100.00', '134.56'],
    ],
    change: { from: '300.00', to: '310.00', rule: 'sum' },
  },
  {
    what: '科目编码 under 类 | 款 | 项, every row writing all its parts (201 | 01 | 01)',
    title: '2023年度一般公共预算财政拨款支出决算表',
    rows: [
      ['科目编码', '<', '<', '科目名称', '决算数'],
      ['类', '款', '项', '^', '^'],
      ['', '', '', '合计', '150.00'],
      ['201', '', '', '一般公共服务支出', '150.00'],
      ['201', '01', '', '人大事务', '150.00'],
      ['201', '01', '01', '行政运行', '100.00'],
      ['201', '01', '02', '一般行政管理事务', '50.00'],
    ],
  },
  {
    what: 'a 占比 column sharing out another whole: its 小计 row holds 15.00%, not 100%',
    title: '重点项目支出表',
    rows: [
      ['项目', '决算数', '占部门总支出比重'],
      ['项目A', '100.00', '10.00%'],
      ['项目B', '50.00', '5.00%'],
      ['小计', '150.00', '15.00%'],
    ],
    change: { from: '50.00', to: '60.00', rule: 'sum' },
  },
  {
    what: 'a 其中 list whose end a 合计 does not state: the row after it may be a sibling of its parent (事业收入)',
    title: '收入决算表',
    rows: [
      ['项目', '决算数'],
      ['财政拨款收入', '500.00'],
      ['其中：一般公共预算', '450.00'],
      ['政府性基金', '30.00'],
      ['事业收入', '100.00'],
      ['合计', '600.00'],
    ],
    inferred: true,
  },
  {
    what: 'a 收入总计 over 本年收入合计 and the rows after it (年初结转和结余), the 合计 closing the numbered rows above',
    title: '收入支出决算总表',
    rows: [
      ['项目', '决算数'],
      ['一、财政拨款收入', '500.00'],
      ['二、事业收入', '100.00'],
      ['本年收入合计', '600.00'],
      ['用事业基金弥补收支差额', '0.00'],
      ['年初结转和结余', '50.00'],
      ['收入总计', '650.00'],
    ],
    change: { from: '600.00', to: '610.00', rule: 'sum' },
  },
  {
    what: 'a column counting people (人数) beside the amounts a 合计 column totals',
    title: '人员经费表',
    rows: [
      ['部门', '人数', '工资', '津补贴', '合计'],
      ['办公室', '5', '30.00', '10.00', '40.00'],
      ['业务科', '8', '48.00', '16.00', '64.00'],
      ['合计', '13', '78.00', '26.00', '104.00'],
    ],
    change: { from: '40.00', to: '45.00', rule: 'sum' },
  },
  {
    what: 'a 占比 column naming another whole (占总支出比重) over a bare 合计 whose own share is left blank',
    title: '重点项目支出表',
    rows: [
      ['项目', '决算数', '占总支出比重'],
      ['项目A', '100.00', '10.00%'],
      ['项目B', '50.00', '5.00%'],
      ['合计', '150.00', ''],
    ],
    change: { from: '50.00', to: '60.00', rule: 'sum' },
  },
  {
    what: 'a 占比 column naming the whole its total row names (占支出总额比重 of 支出合计)',
    title: '支出结构表',
    rows: [
      ['项目', '决算数', '占支出总额比重'],
      ['人员经费', '60.00', '40.00%'],
      ['公用经费', '90.00', '60.00%'],
      ['支出合计', '150.00', '100.00%'],
    ],
    change: { from: '40.00%', to: '45.00%', rule: 'share' },
  },
  {
    what: 'a sentence naming the 年初 budget, the 调整后 one and the 决算 over a table of 上年决算数 | 本年预算数 | 本年决算数',
    title: '公务用车运行维护费年初预算10.00万元，调整后预算12.00万元，决算11.00万元。',
    rows: [
      ['项目', '上年决算数', '本年预算数', '本年决算数'],
      ['公务接待费', '6.00', '5.00', '4.00'],
      ['公务用车运行维护费', '10.00', '12.00', '11.00'],
    ],
    change: { from: '11.00万元', to: '11.50万元', rule: 'restated', inTitle: true },
  },
  {
    what: 'a sentence naming the 上年 决算 over a table of 本年 figures only',
    title: '公务接待费上年决算6.00万元，本年预算5.00万元。',
    rows: [
      ['项目', '本年预算数', '本年决算数'],
      ['公务接待费', '5.00', '4.00'],
      ['公务用车运行维护费', '12.00', '11.00'],
    ],
    change: { from: '5.00万元', to: '5.50万元', rule: 'restated', inTitle: true },
  },
  {
    what: 'a 其中 list of one breakdown\'s members (一般公共预算, 政府性基金) followed by rows naming none of them (事业收入, 其他收入)',
    title: '收入决算表',
    rows: [
      ['项目', '决算数', '占比'],
      ['本年收入合计', '1,000.00', '100%'],
      ['财政拨款收入', '900.00', '90%'],
      ['其中：一般公共预算财政拨款', '850.00', '85%'],
      ['政府性基金预算财政拨款', '50.00', '5%'],
      ['事业收入', '60.00', '6%'],
      ['其他收入', '40.00', '4%'],
    ],
    change: { from: '850.00', to: '870.00', rule: 'sum' },
  },
  {
    what: '金额 | % under one merged 决算数比预算数增减 heading: the change and its rate, not two amounts',
    title: '支出表',
    rows: [
      ['项目', '预算数', '决算数', '决算数比预算数增减', '<'],
      ['^', '^', '^', '金额', '%'],
      ['合计', '100.00', '90.00', '-10.00', '-10.0'],
      ['项目一', '60.00', '54.00', '-6.00', '-10.0'],
      ['项目二', '40.00', '36.00', '-4.00', '-10.0'],
    ],
    change: { from: '-6.00', to: '-7.00', rule: 'sum' },
  },
  {
    what: 'a ratio column no rule reads (节约率) beside the amounts its 合计 row totals',
    title: '政府采购情况表',
    rows: [
      ['采购类别', '采购预算', '实际采购金额', '节约资金', '节约率'],
      ['合计', '100.00', '95.00', '5.00', '5.00%'],
      ['货物类', '60.00', '57.00', '3.00', '5.00%'],
      ['服务类', '40.00', '38.00', '2.00', '5.00%'],
    ],
    change: { from: '57.00', to: '58.00', rule: 'sum' },
  },
];

/** Findings on the numbers (a file with nothing checkable says so, and that is no claim about a number). */
async function findings(path: string) {
  return allSaid((await checkFile(path, defaultConfig)).findings).filter((f) => f.severity !== 'info' && f.rule !== 'nothing-checked');
}

const build = (layout: Layout, ext: 'docx' | 'xlsx', rows = layout.rows, title = layout.title) => tableFile(files, ext, title, rows);

describe('clean tables of other layouts', () => {
  for (const ext of ['docx', 'xlsx'] as const) {
    it.each(LAYOUTS)(`.${ext}: $what — no error, and no warning but on what it assumed`, async (layout) => {
      const found = await findings(await build(layout, ext));
      const allowed = found.filter((f) => layout.inferred && f.severity === 'warning' && /推断|可能不全/.test(f.message));
      expect(show(found.filter((f) => !allowed.includes(f)))).toBe('[]');
    });
    it.each(LAYOUTS.filter((l) => l.change))(`.${ext}: $what — one changed cell caught`, async (layout) => {
      const { from, to, rule, inTitle } = layout.change!;
      let done = false;
      const rows = inTitle ? layout.rows : layout.rows.map((r) => r.map((t) => (!done && t === from ? ((done = true), to) : t)));
      const title = inTitle ? layout.title.replace(from, to) : layout.title;
      expect(inTitle ? title : rows).not.toEqual(inTitle ? layout.title : layout.rows);
      const found = await findings(await build(layout, ext, rows, title));
      expect(found.some((f) => f.rule === rule && f.severity === 'error'), show(found)).toBe(true);
    });
  }
});
