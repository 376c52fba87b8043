// Builds test/data/tables/: tables of the genre that no form profile reads — a 决算 table by 科目编码 with a 完成率 column,
// a 上年/本年 comparison with 增减额, 增减率 and 占比 under a two-row header, a “三公” table whose 合计 column totals its fund
// sources — each as .xlsx and .docx, and the PDF LibreOffice Calc prints of the workbook (needs soffice and a CJK font:
// Debian fonts-noto-cjk; without one every Han character prints as the same glyph). Run once by hand
// (`node scripts/make-table-fixtures.mjs`); the outputs are committed, tests only read them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildDocx, buildXlsx } from './make-form-fixtures.mjs';

/** '<' continues the cell to the left (merged across), '^' the cell above (merged down). Every number is consistent. */
export const TABLES = {
  // 类 = Σ 款 = Σ 项; 合计 = Σ 类; 完成率 = 决算数 ÷ 年初预算数
  'table-codes': {
    title: '2023年度一般公共预算财政拨款支出决算表',
    head: '单位：万元',
    rows: [
      ['科目编码', '科目名称', '年初预算数', '决算数', '完成率'],
      ['', '合计', '1000.00', '950.00', '95.00%'],
      ['201', '一般公共服务支出', '600.00', '570.00', '95.00%'],
      ['20101', '人大事务', '250.00', '240.00', '96.00%'],
      ['2010101', '行政运行', '150.00', '145.00', '96.67%'],
      ['2010102', '一般行政管理事务', '100.00', '95.00', '95.00%'],
      ['20103', '政府办公厅（室）及相关机构事务', '350.00', '330.00', '94.29%'],
      ['208', '社会保障和就业支出', '400.00', '380.00', '95.00%'],
      ['20805', '行政事业单位养老支出', '400.00', '380.00', '95.00%'],
    ],
  },
  // 增减额 = 本年 − 上年, 增减率 = 增减额 ÷ 上年, 占比 = 本年 ÷ 本年合计; 合计 = 1 + 2 + 3
  'table-compare': {
    title: '2023年度收入决算与上年对比表',
    head: '单位：万元',
    rows: [
      ['项目', '上年决算数', '本年决算数', '比上年增减', '<', '占比'],
      ['^', '^', '^', '增减额', '增减率', '^'],
      ['一、收入合计', '500.00', '560.00', '60.00', '12.00%', '100.00%'],
      ['1.财政拨款收入', '400.00', '450.00', '50.00', '12.50%', '80.36%'],
      ['2.事业收入', '80.00', '90.00', '10.00', '12.50%', '16.07%'],
      ['3.其他收入', '20.00', '20.00', '0.00', '0.00%', '3.57%'],
    ],
  },
  // 预算数合计 = 一般公共预算 + 政府性基金 + 国有资本经营, per row; 支出合计 = 出国 + 接待 + 公务用车; 公务用车 = 购置 + 运行
  'table-funds': {
    title: '2023年度“三公”经费预算表',
    head: '单位：万元',
    rows: [
      ['项目', '预算数合计', '一般公共预算拨款', '政府性基金预算拨款', '国有资本经营预算拨款'],
      ['一、支出合计', '12.00', '10.00', '2.00', '0.00'],
      ['1、因公出国（境）费', '0.00', '0.00', '0.00', '0.00'],
      ['2、公务接待费', '4.00', '3.00', '1.00', '0.00'],
      ['3、公务用车购置及运行费', '8.00', '7.00', '1.00', '0.00'],
      ['其中：（1）公务用车购置费', '5.00', '5.00', '0.00', '0.00'],
      ['（2）公务用车运行费', '3.00', '2.00', '1.00', '0.00'],
      ['二、相关统计数', '', '', '', ''],
      ['1.公务接待批次（批）', '12', '', '', ''],
    ],
  },
};

/**
 * A 决算 table by 科目编码 too long for one page (30 pt rows): Calc breaks it across pages without repeating its header,
 * so the PDF's second piece must be joined to the first by its columns.
 */
function longCodes() {
  const rows = [['科目编码', '科目名称', '年初预算数', '决算数', '完成率']];
  const classes = [['201', '一般公共服务支出'], ['205', '教育支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出']];
  const body = [];
  let budgetAll = 0, spentAll = 0;
  classes.forEach(([code, name], k) => {
    const items = [];
    for (let i = 1; i <= 5; i++) {
      const budget = 100 + 10 * i + k * 7;
      const spent = budget - i - k;
      items.push([`${code}${String(i).padStart(2, '0')}`, `${name.replace(/支出$/, '')}第${i}款`, budget, spent]);
    }
    const b = items.reduce((a, x) => a + x[2], 0);
    const sp = items.reduce((a, x) => a + x[3], 0);
    budgetAll += b; spentAll += sp;
    body.push([code, name, b, sp], ...items);
  });
  const fmt = (x) => x.toFixed(2);
  const pct = (sp, b) => `${((sp / b) * 100).toFixed(2)}%`;
  rows.push(['', '合计', fmt(budgetAll), fmt(spentAll), pct(spentAll, budgetAll)]);
  for (const [code, name, b, sp] of body) rows.push([code, name, fmt(b), fmt(sp), pct(sp, b)]);
  return { title: '2023年度一般公共预算财政拨款支出决算明细表', head: '单位：万元', rows };
}
TABLES['table-codes-long'] = longCodes();

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = 'test/data/tables';
  mkdirSync(dir, { recursive: true });
  const base = readFileSync('test/data/reports/a-qu-shangwu-2020.docx');
  for (const [name, table] of Object.entries(TABLES)) {
    writeFileSync(`${dir}/${name}.docx`, buildDocx(base, table));
    writeFileSync(`${dir}/${name}.xlsx`, await buildXlsx(table, '表1'));
    execFileSync('soffice', [`-env:UserInstallation=file://${process.env.TMPDIR ?? '/tmp'}/jixiao-fixtures-lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, `${dir}/${name}.xlsx`], { stdio: 'ignore' });
  }
}
