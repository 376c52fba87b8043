// Excel workbook for auditors: 汇总 (one row per document, live 执行率 formula), 问题清单, 指标, 评分, 跨文件核对.
import type ExcelJS from 'exceljs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportedLocation, type Finding } from '../findings.js';
import type { FileResult } from '../pipeline.js';
import type { Quantity, Report } from '../model/schema.js';
import { digitsOf, hasDigit, inMoneyUnit, parseNumber } from '../lexicon/index.js';
import { ui } from '../catalog/ui.js';
import type { Text } from '../catalog/define.js';
import { actualOf, countsOf, expectedOf, formatLocation, messageOf, relatedText, severityLabel, type FormatOptions, type Formatter, type Lang } from './common.js';
import type { BatchOutcome } from '../checks/batch-stage.js';
import type { Unplaced } from '../model/key-figures.js';
import { renderMessage } from '../checks/index.js';
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
  const wan = q ? inMoneyUnit(q.value, q.unit) : undefined;
  // 387664.62 元 × 0.0001 is 38.766462000000004 in binary floating point: stored as the decimal it is
  return wan === undefined ? undefined : Number(wan.toPrecision(15));
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
  // a label cell's own colon (年度资金总额：) is no part of the label
  const labels = f.labels.split(' / ').map((l) => l.replace(/[\s:：]+$/, '')).join(' / ');
  return ui(f.from === 'text' ? 'source-text' : 'source-table', lang, { labels });
}

/**
 * A value as a number an auditor can filter and sort (88.28 of 88.28%, 1608.38 of 1608.38万元); null when it is not
 * one number (90 或 100, 优秀).
 */
export function asNumber(s: string | undefined): number | null {
  const text = (s ?? '').trim();
  const digits = digitsOf(text);
  if (!digits) return null;
  const at = text.indexOf(digits);
  // nothing before the number (≤ 5分 is a bound) and no second number after it (90 或 100)
  if (text.slice(0, at).trim() || hasDigit(text.slice(at + digits.length))) return null;
  return parseNumber(digits)?.value ?? null;
}

/** Budget and spending for the summary in 万元, as the model chose them (src/model/summary.ts); undefined without a pair. */
export function budgetFigures(report: Report | undefined): BudgetFigures | undefined {
  const f = report?.summary?.figures;
  if (!f) return undefined;
  const budget = toWan(f.budget), spending = toWan(f.spending);
  return budget === undefined || spending === undefined ? undefined : { budget, spending, from: f.from, labels: f.label };
}

/** A column with its header in both message languages. */
interface Column { header: Text; key: string; width: number; numFmt?: string }

function sheet(wb: ExcelJS.Workbook, which: number, columns: Column[], lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(WORKBOOK_SHEETS[lang][which], {
    views: [{ state: 'frozen', ySplit: 1 }],
    // Printed on A4 landscape, as wide as one page, the header repeated on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.columns = columns.map((c) => ({ header: c.header[lang], key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
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

/** A row filled and lettered in a severity's colours, every cell of it. */
function paint(row: ExcelJS.Row, style: { fill: string; font: string }): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
    cell.font = { ...FONT, color: { argb: style.font } };
  });
}

function findingRow(r: FileResult, f: Finding, options: FormatOptions) {
  return {
    file: text(r.path),
    rule: text(f.rule),
    severity: severityLabel(f.severity, options.lang),
    message: text(messageOf(f, options.lang)),
    location: text([formatLocation(f.location, options.lang), relatedText(f, options.lang)].filter(Boolean).join('\n')),
    evidence: text(f.evidence),
    expected: text(expectedOf(f, options.lang)),
    actual: text(actualOf(f)),
    expectedNumber: asNumber(expectedOf(f, options.lang)),
    actualNumber: asNumber(actualOf(f)),
  };
}

function num(q: Quantity | undefined): number | null {
  return q ? q.value : null;
}

/**
 * 汇总's rows: each document once (a twin's row is its first file's, naming the others), in the files' order, except
 * that a unit's files come together, where its first file is (the checks across files placed them by unit and year).
 */
function summaryRows(results: FileResult[], batch: BatchOutcome | undefined): Array<{ result: FileResult; unit?: string; twins: string[] }> {
  if (!batch) return results.map((result) => ({ result, twins: [] }));
  const byPath = new Map(results.map((r) => [r.path, r]));
  const twinsOf = new Map<string, string[]>();
  for (const [twin, first] of batch.twinOf) twinsOf.set(first, [...(twinsOf.get(first) ?? []), twin]);
  const unitOf = new Map<string, BatchOutcome['units'][number]>();
  for (const u of batch.units) for (const path of u.paths) unitOf.set(path, u);
  const rows: Array<{ result: FileResult; unit?: string; twins: string[] }> = [];
  const done = new Set<string>();
  for (const r of results) {
    if (done.has(r.path)) continue;
    const unit = unitOf.get(r.path);
    const members = unit ? unit.paths.filter((p) => !done.has(p) && byPath.has(p)) : [r.path];
    if (!members.includes(r.path)) members.unshift(r.path);
    for (const path of members) {
      done.add(path);
      if (batch.twinOf.has(path)) continue;
      rows.push({ result: byPath.get(path)!, ...(unit ? { unit: `${unit.unit} ${unit.year}` } : {}), twins: twinsOf.get(path) ?? [] });
    }
  }
  return rows;
}

/** 所属单位 of a file in no unit: why it was left out of the checks across files. */
function unplacedText(why: Unplaced | undefined, lang: Lang): string | undefined {
  return why ? ui(`unplaced-${why}`, lang) : undefined;
}

export async function buildWorkbook(results: FileResult[], options: FormatOptions, batch?: BatchOutcome): Promise<ExcelJS.Workbook> {
  // exceljs takes half a second to load: only runs that write a workbook pay for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'jixiao';
  // reproducible output: the same inputs give the same parts (the zip's own entry times still vary)
  wb.created = new Date(0);
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;

  const summary = sheet(wb, 0, [
    { header: { zh: '文件', en: 'File' }, key: 'file', width: 40 },
    { header: { zh: '单位', en: 'Unit' }, key: 'unit', width: 24 },
    { header: { zh: '年度', en: 'Year' }, key: 'year', width: 8 },
    { header: { zh: '类型', en: 'Kind' }, key: 'kind', width: 22 },
    { header: { zh: '预算数(万元)', en: 'Budget (10k yuan)' }, key: 'budget', width: 15, numFmt: MONEY },
    { header: { zh: '支出数(万元)', en: 'Spending (10k yuan)' }, key: 'spending', width: 15, numFmt: MONEY },
    { header: { zh: '执行率', en: 'Execution rate' }, key: 'rate', width: 10, numFmt: PERCENT },
    { header: { zh: '自评得分', en: 'Self-assessed score' }, key: 'score', width: 10 },
    { header: { zh: '等级', en: 'Grade' }, key: 'grade', width: 8 },
    { header: { zh: '错误数', en: 'Errors' }, key: 'errors', width: 8 },
    { header: { zh: '警告数', en: 'Warnings' }, key: 'warnings', width: 8 },
    { header: { zh: '读取状态', en: 'Read status' }, key: 'status', width: 10 },
    { header: { zh: '预算数来源', en: 'Budget source' }, key: 'source', width: 36 },
    // last, so the columns before them keep the letters they always had
    { header: { zh: '核对项数', en: 'Checks made' }, key: 'checked', width: 10 },
    { header: { zh: '提示数', en: 'Notes' }, key: 'infos', width: 8 },
    { header: { zh: '文件夹', en: 'Folder' }, key: 'folder', width: 30 },
    { header: { zh: '打开文件', en: 'Open' }, key: 'link', width: 30 },
    ...(batch ? [
      { header: { zh: '所属单位（跨文件核对）', en: 'Unit (across files)' }, key: 'group', width: 28 },
      { header: { zh: '内容相同的文件', en: 'Same document as' }, key: 'twins', width: 40 },
    ] : []),
  ], options.lang);
  const rows = summaryRows(results, batch);
  rows.forEach(({ result: r, unit, twins }, i) => {
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
      infos: countsOf(r).infos,
      folder: text(dirname(r.path)),
      // a link the auditor clicks to open the report (absolute: the workbook may be written anywhere)
      link: { text: basename(r.path), hyperlink: pathToFileURL(resolve(r.path)).href },
      status: ui(r.status === 'ok' ? 'status-ok' : 'status-failed', options.lang),
      checked: r.coverage?.checked ?? null,
      source: text(figures && sourceText(figures, options.lang)),
      ...(batch ? { group: text(unit ?? unplacedText(batch.unplaced.get(r.path), options.lang)), twins: text(twins.join('\n')) } : {}),
    });
    if (r.status === 'failed') summary.getCell(row, summary.getColumn('status').number).font = { ...FONT, color: { argb: FILL.error.font }, bold: true };
    summary.getCell(row, summary.getColumn('link').number).font = { ...FONT, color: { argb: 'FF0563C1' }, underline: true };
  });
  // the filter covers the files only, so sorting them leaves the totals row last
  finishSheet(summary);
  if (rows.length) totalsRow(summary, rows.length, options.lang);

  const issues = sheet(wb, 1, [
    { header: { zh: '文件', en: 'File' }, key: 'file', width: 36 },
    { header: { zh: '规则', en: 'Rule' }, key: 'rule', width: 14 },
    { header: { zh: '级别', en: 'Severity' }, key: 'severity', width: 8 },
    { header: { zh: '说明', en: 'Message' }, key: 'message', width: 60 },
    { header: { zh: '位置', en: 'Location' }, key: 'location', width: 22 },
    { header: { zh: '原文', en: 'Text as written' }, key: 'evidence', width: 50 },
    { header: { zh: '应为', en: 'Expected' }, key: 'expected', width: 14 },
    { header: { zh: '实为', en: 'Actual' }, key: 'actual', width: 14 },
    // the same as numbers, to filter and sort by (blank when not one number)
    { header: { zh: '应为（数值）', en: 'Expected (number)' }, key: 'expectedNumber', width: 12 },
    { header: { zh: '实为（数值）', en: 'Actual (number)' }, key: 'actualNumber', width: 12 },
  ], options.lang);
  for (const r of results) {
    for (const f of r.findings) {
      const row = issues.addRow(findingRow(r, f, options));
      row.alignment = { vertical: 'top', wrapText: true };
      if (f.severity === 'error' || f.severity === 'warning') paint(row, FILL[f.severity]);
    }
  }
  finishSheet(issues);

  const indicators = sheet(wb, 2, [
    { header: { zh: '文件', en: 'File' }, key: 'file', width: 36 },
    { header: { zh: '一级指标', en: 'Level 1' }, key: 'level1', width: 14 },
    { header: { zh: '二级指标', en: 'Level 2' }, key: 'level2', width: 16 },
    { header: { zh: '三级指标', en: 'Indicator' }, key: 'name', width: 30 },
    { header: { zh: '指标性质', en: 'Nature' }, key: 'nature', width: 10 },
    { header: { zh: '指标值', en: 'Target' }, key: 'target', width: 14 },
    { header: { zh: '单位', en: 'Unit' }, key: 'unit', width: 8 },
    { header: { zh: '权重', en: 'Weight' }, key: 'weight', width: 8 },
    { header: { zh: '实际完成值', en: 'Actual value' }, key: 'actual', width: 14 },
    { header: { zh: '得分', en: 'Score' }, key: 'score', width: 8 },
    { header: { zh: '位置', en: 'Location' }, key: 'location', width: 22 },
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
        location: text(formatLocation(reportedLocation(ind.location), options.lang)),
      });
    }
  }
  finishSheet(indicators);

  const scores = sheet(wb, 3, [
    { header: { zh: '文件', en: 'File' }, key: 'file', width: 36 },
    { header: { zh: '一级指标', en: 'Level 1' }, key: 'level1', width: 16 },
    { header: { zh: '二级指标', en: 'Level 2' }, key: 'level2', width: 16 },
    { header: { zh: '三级指标', en: 'Indicator' }, key: 'name', width: 30 },
    { header: { zh: '分值', en: 'Maximum' }, key: 'max', width: 8 },
    { header: { zh: '得分', en: 'Score' }, key: 'score', width: 8 },
    { header: { zh: '扣分项', en: 'Deduction' }, key: 'deduction', width: 8 },
    { header: { zh: '位置', en: 'Location' }, key: 'location', width: 22 },
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
        deduction: item.deduction ? ui('yes', options.lang) : null,
        location: text(formatLocation(reportedLocation(item.location), options.lang)),
      });
    }
  }
  finishSheet(scores);

  if (batch) {
    // every figure two files of a unit both state, compared: the differences are also findings on 问题清单
    const across = sheet(wb, 4, [
      { header: { zh: '单位', en: 'Unit' }, key: 'unit', width: 24 },
      { header: { zh: '年度', en: 'Year' }, key: 'year', width: 8 },
      { header: { zh: '核对项', en: 'Item' }, key: 'item', width: 20 },
      { header: { zh: '文件A', en: 'File A' }, key: 'fileA', width: 36 },
      { header: { zh: 'A中的数', en: 'Value in A' }, key: 'valueA', width: 12 },
      { header: { zh: 'A中的位置', en: 'Place in A' }, key: 'placeA', width: 22 },
      { header: { zh: '文件B', en: 'File B' }, key: 'fileB', width: 36 },
      { header: { zh: 'B中的数', en: 'Value in B' }, key: 'valueB', width: 12 },
      { header: { zh: 'B中的位置', en: 'Place in B' }, key: 'placeB', width: 22 },
      { header: { zh: '结果', en: 'Result' }, key: 'result', width: 10 },
    ], options.lang);
    for (const c of batch.compared) {
      const row = across.addRow({
        unit: text(c.unit),
        year: c.year,
        item: text(renderMessage('cross-file', c.item.messageId, c.item.data ?? {}, options.lang)),
        fileA: text(c.a.path), valueA: text(c.a.value), placeA: text(formatLocation(reportedLocation(c.a.location), options.lang)),
        fileB: text(c.b.path), valueB: text(c.b.value), placeB: text(formatLocation(reportedLocation(c.b.location), options.lang)),
        result: ui(c.agree ? 'agree' : 'differ', options.lang),
      });
      if (!c.agree) paint(row, FILL.error);
    }
    finishSheet(across);
  }
  return wb;
}

/** 合计 under the files: live sums of the amounts and counts, and the rate of the sums. */
function totalsRow(ws: ExcelJS.Worksheet, files: number, lang: Lang): void {
  const row = files + 2;
  const last = files + 1;
  const sum = (key: string) => {
    const letter = ws.getColumn(key).letter;
    return { formula: `SUM(${letter}2:${letter}${last})` };
  };
  const r = ws.addRow({
    file: ui('total', lang),
    budget: sum('budget'), spending: sum('spending'),
    rate: { formula: `IF(OR(N(E${row})=0,F${row}=""),"",F${row}/E${row})` },
    errors: sum('errors'), warnings: sum('warnings'), infos: sum('infos'), checked: sum('checked'),
  });
  r.font = { ...FONT, bold: true };
  r.border = { top: { style: 'thin' } };
}

export const xlsx: Formatter = {
  binary: true,
  needsReport: true,
  end: async (results, options, _summary, batch) => new Uint8Array(await (await buildWorkbook(results, options, batch)).xlsx.writeBuffer()),
};
