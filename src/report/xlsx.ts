// Excel workbook for auditors: 汇总 (one row per file, live 执行率 formula), 问题清单, 指标, 评分.
import type ExcelJS from 'exceljs';
import type { Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import type { Quantity, Report } from '../model/schema.js';
import { inMoneyUnit } from '../lexicon/index.js';
import { countsOf, formatLocation, messageOf, severityLabel, type FormatOptions, type Formatter, type Lang } from './common.js';
import { WORKBOOK_SHEETS } from '../own-workbook.js';

const MONEY = '#,##0.00';
/** exceljs's default font; restated whenever a colour is set, since a font without a name falls back to a serif face. */
const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const PERCENT = '0.00%';
/** Excel refuses cells longer than this. */
const MAX_CELL = 32767;

/**
 * Document text always goes in as a string value. exceljs stores strings as shared strings, so text such as
 * "=SUM(A1)" or "+1" or "@x" stays text and never becomes a formula; formulas come only from this file.
 */
function text(s: string | undefined): string | null {
  if (s === undefined || s === '') return null;
  return s.length > MAX_CELL ? s.slice(0, MAX_CELL - 1) + '…' : s;
}

/** A money amount in 万元, or undefined when its unit is not a money unit we know (never guess: 50万 may count people). */
export function toWan(q: Quantity | undefined): number | undefined {
  return q ? inMoneyUnit(q.value, q.unit, '万元') : undefined;
}

export interface BudgetFigures {
  budget: number;
  spending: number;
  /** where the pair was read: the report's text (the denominator's label and the numerator's) or its budget table (the row's label) */
  from: 'text' | 'table';
  labels: string;
}

/** 预算数来源 in the message language: 正文：调整预算数 / 实际支出, 预算表：合计. */
function sourceText(f: BudgetFigures, lang: Lang): string {
  if (lang === 'en') return `${f.from === 'text' ? 'text' : 'budget table'}: ${f.labels}`;
  return `${f.from === 'text' ? '正文' : '预算表'}：${f.labels}`;
}

/** Budget and spending for the summary in 万元, as the model chose them (src/model/summary.ts); undefined without a pair. */
export function budgetFigures(report: Report | undefined): BudgetFigures | undefined {
  const f = report?.summary?.figures;
  if (!f) return undefined;
  const budget = toWan(f.budget), spending = toWan(f.spending);
  return budget === undefined || spending === undefined ? undefined : { budget, spending, from: f.from, labels: f.label };
}

/** A column with its header in both message languages. */
interface Column { header: [zh: string, en: string]; key: string; width: number; numFmt?: string }

function sheet(wb: ExcelJS.Workbook, which: number, columns: Column[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(WORKBOOK_SHEETS[lang][which], {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed on A4 landscape, as wide as one page, the header repeated on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: c.header[lang === 'zh' ? 0 : 1], key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(1);
  header.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF305496' } };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 22;
  return ws;
}

function finishSheet(ws: ExcelJS.Worksheet): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: ws.columnCount } };
  // The header row's cells inherit the column's number format; headers are text, keep them general.
  ws.getRow(1).eachCell((cell) => { cell.numFmt = 'General'; });
}

const FILL = {
  error: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  warning: { fill: 'FFFFEB9C', font: 'FF9C5700' },
} as const;

function findingRow(r: FileResult, f: Finding, options: FormatOptions) {
  return {
    file: text(r.path),
    rule: text(f.rule),
    severity: severityLabel(f.severity, options.lang),
    message: text(messageOf(f, options.lang)),
    location: text(formatLocation(f.location, options.lang)),
    evidence: text(f.evidence),
    expected: text(f.expected),
    actual: text(f.actual),
  };
}

function num(q: Quantity | undefined): number | null {
  return q ? q.value : null;
}

export async function buildWorkbook(results: FileResult[], options: FormatOptions): Promise<ExcelJS.Workbook> {
  // exceljs takes half a second to load: only runs that write a workbook pay for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'jixiao';
  // reproducible output: the same inputs give the same parts (the zip's own entry times still vary)
  wb.created = new Date(0);
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;

  const summary = sheet(wb, 0, [
    { header: ['文件', 'File'], key: 'file', width: 40 },
    { header: ['单位', 'Unit'], key: 'unit', width: 24 },
    { header: ['年度', 'Year'], key: 'year', width: 8 },
    { header: ['类型', 'Kind'], key: 'kind', width: 22 },
    { header: ['预算数(万元)', 'Budget (10k yuan)'], key: 'budget', width: 15, numFmt: MONEY },
    { header: ['支出数(万元)', 'Spending (10k yuan)'], key: 'spending', width: 15, numFmt: MONEY },
    { header: ['执行率', 'Execution rate'], key: 'rate', width: 10, numFmt: PERCENT },
    { header: ['自评得分', 'Self-assessed score'], key: 'score', width: 10 },
    { header: ['等级', 'Grade'], key: 'grade', width: 8 },
    { header: ['错误数', 'Errors'], key: 'errors', width: 8 },
    { header: ['警告数', 'Warnings'], key: 'warnings', width: 8 },
    { header: ['读取状态', 'Read status'], key: 'status', width: 10 },
    { header: ['预算数来源', 'Budget source'], key: 'source', width: 36 },
    // last, so the columns before it keep the letters they always had
    { header: ['核对项数', 'Checks made'], key: 'checked', width: 10 },
  ], options.lang);
  results.forEach((r, i) => {
    const row = i + 2;
    const figures = budgetFigures(r.report);
    const meta = r.report?.meta ?? {};
    const rate = figures && figures.budget !== 0 ? figures.spending / figures.budget : '';
    summary.addRow({
      file: text(r.path),
      unit: text(meta.unit),
      year: meta.year ?? null,
      kind: text(meta.kind),
      budget: figures?.budget ?? null,
      spending: figures?.spending ?? null,
      // Live: an auditor who corrects or fills in E/F sees the rate follow.
      rate: { formula: `IF(OR(N(E${row})=0,F${row}=""),"",F${row}/E${row})`, result: rate },
      score: r.report?.summary?.score?.value ?? null,
      grade: text(r.report?.summary?.grade),
      errors: countsOf(r).errors,
      warnings: countsOf(r).warnings,
      status: r.status === 'ok' ? (options.lang === 'zh' ? '正常' : 'ok') : (options.lang === 'zh' ? '读取失败' : 'failed'),
      checked: r.coverage?.checked ?? null,
      source: text(figures && sourceText(figures, options.lang)),
    });
    if (r.status === 'failed') summary.getCell(row, summary.getColumn('status').number).font = { ...FONT, color: { argb: FILL.error.font }, bold: true };
  });
  finishSheet(summary);

  const issues = sheet(wb, 1, [
    { header: ['文件', 'File'], key: 'file', width: 36 },
    { header: ['规则', 'Rule'], key: 'rule', width: 14 },
    { header: ['级别', 'Severity'], key: 'severity', width: 8 },
    { header: ['说明', 'Message'], key: 'message', width: 60 },
    { header: ['位置', 'Location'], key: 'location', width: 22 },
    { header: ['原文', 'Text as written'], key: 'evidence', width: 50 },
    { header: ['应为', 'Expected'], key: 'expected', width: 14 },
    { header: ['实为', 'Actual'], key: 'actual', width: 14 },
  ], options.lang);
  for (const r of results) {
    for (const f of r.findings) {
      const row = issues.addRow(findingRow(r, f, options));
      row.alignment = { vertical: 'top', wrapText: true };
      if (f.severity === 'error' || f.severity === 'warning') {
        const style = FILL[f.severity];
        row.eachCell({ includeEmpty: true }, (cell) => {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
          cell.font = { ...FONT, color: { argb: style.font } };
        });
      }
    }
  }
  finishSheet(issues);

  const indicators = sheet(wb, 2, [
    { header: ['文件', 'File'], key: 'file', width: 36 },
    { header: ['一级指标', 'Level 1'], key: 'level1', width: 14 },
    { header: ['二级指标', 'Level 2'], key: 'level2', width: 16 },
    { header: ['三级指标', 'Indicator'], key: 'name', width: 30 },
    { header: ['指标性质', 'Nature'], key: 'nature', width: 10 },
    { header: ['指标值', 'Target'], key: 'target', width: 14 },
    { header: ['单位', 'Unit'], key: 'unit', width: 8 },
    { header: ['权重', 'Weight'], key: 'weight', width: 8 },
    { header: ['实际完成值', 'Actual value'], key: 'actual', width: 14 },
    { header: ['得分', 'Score'], key: 'score', width: 8 },
    { header: ['位置', 'Location'], key: 'location', width: 22 },
  ], options.lang);
  for (const r of results) {
    for (const ind of r.report?.indicators ?? []) {
      indicators.addRow({
        file: text(r.path),
        level1: text(ind.level1),
        level2: text(ind.level2),
        name: text(ind.name),
        nature: text(ind.nature),
        target: ind.target ? ind.target.value : text(ind.targetText),
        unit: text(ind.unit ?? ind.target?.unit),
        weight: num(ind.weight),
        actual: ind.actual ? ind.actual.value : text(ind.actualText),
        score: num(ind.score),
        location: text(formatLocation(ind.location, options.lang)),
      });
    }
  }
  finishSheet(indicators);

  const scores = sheet(wb, 3, [
    { header: ['文件', 'File'], key: 'file', width: 36 },
    { header: ['一级指标', 'Level 1'], key: 'level1', width: 16 },
    { header: ['二级指标', 'Level 2'], key: 'level2', width: 16 },
    { header: ['三级指标', 'Indicator'], key: 'name', width: 30 },
    { header: ['分值', 'Maximum'], key: 'max', width: 8 },
    { header: ['得分', 'Score'], key: 'score', width: 8 },
    { header: ['扣分项', 'Deduction'], key: 'deduction', width: 8 },
    { header: ['位置', 'Location'], key: 'location', width: 22 },
  ], options.lang);
  for (const r of results) {
    for (const item of r.report?.scoreItems ?? []) {
      scores.addRow({
        file: text(r.path),
        level1: text(item.level1),
        level2: text(item.level2),
        name: text(item.name),
        max: num(item.max),
        score: num(item.score),
        deduction: item.deduction ? (options.lang === 'zh' ? '是' : 'yes') : null,
        location: text(formatLocation(item.location, options.lang)),
      });
    }
  }
  finishSheet(scores);
  return wb;
}

export const xlsx: Formatter = {
  binary: true,
  needsReport: true,
  end: async (results, options) => new Uint8Array(await (await buildWorkbook(results, options)).xlsx.writeBuffer()),
};
