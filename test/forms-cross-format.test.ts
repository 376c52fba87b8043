// A form's xlsx, docx and PDF give the same records: indicator rows, budget rows, and the sums and changes of its tables.
import { describe, it, expect } from 'vitest';
import { readDocument } from '../src/readers/index.js';
import { extractReport } from '../src/model/extract.js';
import type { Quantity, Report } from '../src/model/schema.js';
import { checkFile } from './helpers/read.js';
import { defaultConfig } from '../src/config.js';

const raw = (q: Quantity | undefined) => q?.raw ?? '';

/** The records without locations or labels taken from headers: what the form says, not where. */
function records(report: Report) {
  return {
    indicators: report.indicators.map((i) => [i.level1 ?? '', i.level2 ?? '', i.name, i.comparator ?? '', i.targetText ?? '', i.actualText ?? '',
      raw(i.weight), raw(i.score), i.group ?? ''].join(' | ')),
    budget: report.budget.map((b) => [b.label, b.sub ? '其中' : '', raw(b.initial), raw(b.annual), raw(b.executed), raw(b.weight), raw(b.rate), raw(b.score)].join(' | ')),
    tableRelations: report.relations.flatMap((r) => {
      if (r.location.page === undefined && r.location.block === undefined) return [];
      if (r.kind === 'sum') return [`sum ${r.total.raw} = ${r.parts.map((p) => p.raw).join(' + ')}`];
      if (r.kind === 'growth') return [`growth ${r.previous.raw} → ${r.current.raw}: ${r.rate.raw}`];
      if (r.kind === 'section-max') return [`section ${r.max.raw} = ${r.parts.map((p) => p.raw).join(' + ')}`];
      return [];
    }).sort(),
  };
}

async function read(path: string) {
  return extractReport((await readDocument(path)).document);
}

/**
 * Every form in test/data/ that exists in more than one format, as its published or built formats (the file name's
 * ending). The long forms run over two or three pages, printed from the workbook (Calc) and from the Word table (Writer),
 * once with their header printed again atop each page.
 */
const PAIRS: Array<[string, string[]]> = [
  ['reports/a-changjiang-yyby-2020', ['.xlsx', '.pdf']],
  ['reports/a-jishan-jbgw-2021', ['.xlsx', '.pdf']],
  ['reports/b-yiyang-zgh-2022', ['.xlsx', '.pdf']],
  ['reports/c-qujiang-sgjf-2016', ['.docx', '.pdf']],
  ['forms/national-form', ['.xlsx', '.docx', '.pdf']],
  ['forms/sangong', ['.xlsx', '.docx', '.pdf']],
  ['forms/national-form-long', ['.xlsx', '.docx', '.pdf', '-word.pdf']],
  ['forms/national-form-long-repeat', ['.xlsx', '.docx', '.pdf', '-word.pdf']],
  // development-set forms with tall rows, printed over two or three pages (scripts/make-form-fixtures.mjs, TALL)
  ['forms/a-jishan-jbgw-2021-tall', ['.xlsx', '.pdf']],
  ['forms/a-huanggang-stbc-2020-tall', ['.xlsx', '.pdf']],
  // tables no profile reads (scripts/make-table-fixtures.mjs); the long one runs onto a second page with no header
  // repeated, and its labels are wider than their column (Calc prints the clipped glyphs past the rule)
  ['tables/table-codes', ['.xlsx', '.docx', '.pdf']],
  ['tables/table-compare', ['.xlsx', '.docx', '.pdf']],
  ['tables/table-funds', ['.xlsx', '.docx', '.pdf']],
  ['tables/table-codes-long', ['.xlsx', '.docx', '.pdf']],
];

describe('the same records from every format of a form', () => {
  it.each(PAIRS)('%s: %j', async (name, formats) => {
    const [first, ...rest] = await Promise.all(formats.map((f) => read(`test/data/${name}${f}`)));
    const expected = records(first);
    // A form that yields nothing would pass trivially: each must give records of some kind.
    expect(expected.indicators.length + expected.budget.length + expected.tableRelations.length).toBeGreaterThan(0);
    for (const [i, other] of rest.entries()) {
      expect(records(other), `${name}${formats[i + 1]} against ${name}${formats[0]}`).toEqual(expected);
    }
  });

  it('reads every indicator and budget row of the corpus forms', async () => {
    const jishan = await read('test/data/reports/a-jishan-jbgw-2021.pdf');
    expect(jishan.indicators).toHaveLength(25);
    expect(jishan.budget.map((b) => b.label)).toEqual(['年度资金总额', '当年财政拨款', '上年结转资金', '其他资金']);
    const changjiang = await read('test/data/reports/a-changjiang-yyby-2020.pdf');
    // The PDF wraps 满意度 over the row's bottom rule; the wrapped line stays in its cell.
    expect(changjiang.indicators.map((i) => i.name)).toContain('服务对象满意度：退捕渔民抽样调查满意度');
  });

  it.each(['national-form-long.pdf', 'national-form-long-word.pdf', 'national-form-long-repeat.pdf', 'national-form-long-repeat-word.pdf'])(
    '%s: a table over several pages is one table: every row keeps its labels, 总分 totals the rows of every page', async (file) => {
      const report = await read(`test/data/forms/${file}`);
      expect(report.indicators).toHaveLength(30);
      expect(report.indicators.filter((i) => !i.level1 || !i.level2)).toEqual([]);
      // a header printed again atop a page is not an indicator
      expect(report.indicators.filter((i) => /指标$/.test(i.name))).toEqual([]);
      const total = report.relations.find((r) => r.kind === 'sum' && r.total.raw === '98.94');
      expect(total?.kind === 'sum' && total.parts.length).toBe(31);
      const findings = (await checkFile(`test/data/forms/${file}`, defaultConfig)).findings.filter((f) => f.severity !== 'info');
      expect(findings.map((f) => [f.rule, f.message])).toEqual([]);
    });

  it('a label centred in a row too short for its two lines stays in its row (PDF printed by Calc): 总分 is read, its error caught', async () => {
    const [xlsx, pdf] = await Promise.all(['xlsx', 'pdf'].map((f) => read(`test/data/reports/m-a-yongde-mlzx-2022.${f}`)));
    expect(records(pdf).indicators).toEqual(records(xlsx).indicators);
    // 其他需要说明事项 straddles both rules of its one-line row: neither half joins the 满意度指标 above nor the 总分 below
    expect(pdf.indicators.map((i) => i.level1)).not.toContain('满意度指标其他需要说明');
    const findings = (await checkFile('test/data/reports/m-a-yongde-mlzx-2022.pdf', defaultConfig)).findings;
    expect(findings.filter((f) => f.rule === 'sum' && f.severity === 'error').map((f) => f.actual)).toEqual(['98']);
    // Calc printed the budget block's amounts, wider than their columns, as ###: said, not passed over
    const hidden = findings.filter((f) => f.messageId === 'hidden-numbers');
    // a finding's row and column are 1-based, as displayed
    expect(hidden.map((f) => [f.rule, f.severity, f.data?.count, f.location.row, f.location.col])).toEqual([['read-warning', 'warning', 4, 4, 5]]);
    expect((await checkFile('test/data/reports/m-a-yongde-mlzx-2022.xlsx', defaultConfig)).findings.filter((f) => f.messageId === 'hidden-numbers')).toEqual([]);
  });

  it('a page that breaks right after the indicator header continues the table: its indicators and 总分 are read', async () => {
    const [xlsx, pdf] = await Promise.all(['xlsx', 'pdf'].map((f) => read(`test/data/forms/m-a-yongde-mlzx-2022-tall.${f}`)));
    expect(pdf.indicators).toHaveLength(9);
    expect(records(pdf).indicators).toEqual(records(xlsx).indicators);
    const findings = (await checkFile('test/data/forms/m-a-yongde-mlzx-2022-tall.pdf', defaultConfig)).findings;
    expect(findings.filter((f) => f.rule === 'sum' && f.severity === 'error').map((f) => f.actual)).toEqual(['98']);
  });
});
