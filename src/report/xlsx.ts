// Excel workbook for auditors: 汇总 (one row per file, live 执行率 formula), 问题清单, 指标, 评分.
import type ExcelJS from 'exceljs';
import type { Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import type { Quantity, Report, RelationOf } from '../model/schema.js';
import { formatLocation, messageOf, severityLabel, type FormatOptions, type Formatter } from './common.js';

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

/** A money amount in 万元, or undefined when its unit is not a money unit we know (never guess). */
export function toWan(q: Quantity | undefined): number | undefined {
  if (!q) return undefined;
  switch (q.unit) {
    case '万元': case '万': return q.value;
    case '元': return q.value / 10_000;
    case '千元': return q.value / 10;
    case '亿元': case '亿': return q.value * 10_000;
    default: return undefined;
  }
}

export interface BudgetFigures {
  budget: number;
  spending: number;
  /** where the pair was read: the denominator's label and the numerator's, or the budget row's label */
  source: string;
}

/**
 * Budget and spending for the summary: the report's main execution-rate relation (the one over the largest
 * budget), with the denominator that best matches its stated rate; otherwise the largest budget-table row
 * stating both a full-year budget and spending. Undefined when the report states neither in a money unit.
 */
export function budgetFigures(report: Report | undefined): BudgetFigures | undefined {
  if (!report) return undefined;
  let best: BudgetFigures | undefined;
  for (const rel of report.relations) {
    if (rel.kind !== 'rate' || !rel.name.includes('执行')) continue;
    const candidate = matchedDenominator(rel);
    if (candidate && (!best || candidate.budget > best.budget)) best = candidate;
  }
  if (best) return best;
  for (const row of report.budget) {
    if (row.sub) continue;
    const budget = toWan(row.annual), spending = toWan(row.executed);
    if (budget === undefined || spending === undefined) continue;
    if (!best || budget > best.budget) best = { budget, spending, source: `预算表：${row.label}` };
  }
  return best;
}

function matchedDenominator(rel: RelationOf<'rate'>): BudgetFigures | undefined {
  const spending = toWan(rel.numerator);
  if (spending === undefined) return undefined;
  let best: { budget: number; label: string; miss: number } | undefined;
  for (const d of rel.denominators) {
    const budget = toWan(d);
    if (budget === undefined || budget === 0) continue;
    const stated = rel.rate.unit === '%' || rel.rate.unit === '％' ? rel.rate.value / 100 : rel.rate.value;
    const miss = Math.abs(spending / budget - stated);
    if (!best || miss < best.miss) best = { budget, label: d.label ?? d.raw, miss };
  }
  if (!best) return undefined;
  return { budget: best.budget, spending, source: `正文：${best.label} / ${rel.numerator.label ?? rel.numerator.raw}` };
}

function totalScore(report: Report | undefined): number | undefined {
  const rel = report?.relations.find((r): r is RelationOf<'total-score'> => r.kind === 'total-score');
  return rel?.score.value;
}

function grade(report: Report | undefined): string | undefined {
  return report?.relations.find((r): r is RelationOf<'grade'> => r.kind === 'grade')?.grade;
}

interface Column { header: string; key: string; width: number; numFmt?: string }

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed on A4 landscape, as wide as one page, the header repeated on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
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

  const summary = sheet(wb, '汇总', [
    { header: '文件', key: 'file', width: 40 },
    { header: '单位', key: 'unit', width: 24 },
    { header: '年度', key: 'year', width: 8 },
    { header: '类型', key: 'kind', width: 22 },
    { header: '预算数(万元)', key: 'budget', width: 15, numFmt: MONEY },
    { header: '支出数(万元)', key: 'spending', width: 15, numFmt: MONEY },
    { header: '执行率', key: 'rate', width: 10, numFmt: PERCENT },
    { header: '自评得分', key: 'score', width: 10 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '错误数', key: 'errors', width: 8 },
    { header: '警告数', key: 'warnings', width: 8 },
    { header: '读取状态', key: 'status', width: 10 },
    { header: '预算数来源', key: 'source', width: 36 },
  ]);
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
      score: totalScore(r.report) ?? null,
      grade: text(grade(r.report)),
      errors: r.findings.filter((f) => f.severity === 'error').length,
      warnings: r.findings.filter((f) => f.severity === 'warning').length,
      status: r.status === 'ok' ? (options.lang === 'zh' ? '正常' : 'ok') : (options.lang === 'zh' ? '读取失败' : 'failed'),
      source: text(figures?.source),
    });
    if (r.status === 'failed') summary.getCell(row, 12).font = { ...FONT, color: { argb: FILL.error.font }, bold: true };
  });
  finishSheet(summary);

  const issues = sheet(wb, '问题清单', [
    { header: '文件', key: 'file', width: 36 },
    { header: '规则', key: 'rule', width: 14 },
    { header: '级别', key: 'severity', width: 8 },
    { header: '说明', key: 'message', width: 60 },
    { header: '位置', key: 'location', width: 22 },
    { header: '原文', key: 'evidence', width: 50 },
    { header: '应为', key: 'expected', width: 14 },
    { header: '实为', key: 'actual', width: 14 },
  ]);
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

  const indicators = sheet(wb, '指标', [
    { header: '文件', key: 'file', width: 36 },
    { header: '一级指标', key: 'level1', width: 14 },
    { header: '二级指标', key: 'level2', width: 16 },
    { header: '三级指标', key: 'name', width: 30 },
    { header: '指标性质', key: 'nature', width: 10 },
    { header: '指标值', key: 'target', width: 14 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '权重', key: 'weight', width: 8 },
    { header: '实际完成值', key: 'actual', width: 14 },
    { header: '得分', key: 'score', width: 8 },
    { header: '位置', key: 'location', width: 22 },
  ]);
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

  const scores = sheet(wb, '评分', [
    { header: '文件', key: 'file', width: 36 },
    { header: '一级指标', key: 'level1', width: 16 },
    { header: '二级指标', key: 'level2', width: 16 },
    { header: '三级指标', key: 'name', width: 30 },
    { header: '分值', key: 'max', width: 8 },
    { header: '得分', key: 'score', width: 8 },
    { header: '扣分项', key: 'deduction', width: 8 },
    { header: '位置', key: 'location', width: 22 },
  ]);
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
