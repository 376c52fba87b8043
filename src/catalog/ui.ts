// The formatters' own words (terminal, JUnit, GitHub, workbook, review copies), in both languages: no formatter spells one.
import { phrasebook } from './define.js';

export const ui = phrasebook('ui', {
  // a finding's numbers and text
  expected: { zh: '应为 {value}', en: 'expected {value}' },
  actual: { zh: '实为 {value}', en: 'actual {value}' },
  'expected-line': { zh: '应为: {value}', en: 'expected: {value}' },
  'actual-line': { zh: '实为: {value}', en: 'actual: {value}' },
  evidence: { zh: '原文：{text}', en: 'text: {text}' },
  'evidence-line': { zh: '原文: {text}', en: 'text: {text}' },
  'pair-separator': { zh: '，', en: ', ' },
  'note-separator': { zh: '；', en: '; ' },
  // the other place a finding names, which agrees with the parts this number disagrees with
  'other-agrees': { zh: '；{place}为 {value}，与各部分之和相符', en: '; {place} gives {value}, which agrees with the parts' },
  // between values any one of which would do: 90 或 100
  or: { zh: ' 或 ', en: ' or ' },
  // severities
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
  // where in the document
  origin: { zh: '［{origin}］', en: '[{origin}]' },
  page: { zh: '第{page}页', en: 'page {page}' },
  paragraph: { zh: '第{paragraph}段', en: 'paragraph {paragraph}' },
  'table-row': { zh: '表格第{row}行', en: 'table row {row}' },
  'numbered-table-row': { zh: '第{table}个表格第{row}行', en: 'table {table} row {row}' },
  'numbered-table': { zh: '第{table}个表格', en: 'table {table}' },
  column: { zh: '第{col}列', en: ' column {col}' },
  'whole-document': { zh: '全文', en: 'whole document' },
  location: { zh: '位置：{where}', en: 'location: {where}' },
  related: { zh: '另见：{file} {where}', en: 'see: {file} {where}' },
  'related-file': { zh: '另见：{file}', en: 'see: {file}' },
  // what a file's check covered, and the closing line
  coverage: { zh: '核对了 {checked} 处', en: '{checked} check{checked|s} made' },
  'coverage-unused': { zh: '，{numbers} 个数字中 {unused} 个未参与核对', en: ', {unused} of {numbers} numbers not in any check' },
  summary: {
    zh: '共检查 {files} 个文件{twinNote}：{errors} 个错误，{warnings} 个警告',
    en: '{files} file{files|s} checked{twinNote}: {errors} error{errors|s}, {warnings} warning{warnings|s}',
  },
  'summary-twins': { zh: '（其中 {twins} 个与另一文件内容相同，只计一次）', en: ' ({twins} the same as another file, counted once)' },
  'summary-hidden': { zh: '（-q：未列出）', en: ' (not listed: -q)' },
  'summary-failed': { zh: '，{failed} 个文件无法读取', en: ', {failed} unreadable' },
  'junit-errors': { zh: '{count} 处错误: {message}', en: '{count} errors: {message}' },
  // the workbook
  'status-ok': { zh: '正常', en: 'ok' },
  'status-failed': { zh: '读取失败', en: 'failed' },
  yes: { zh: '是', en: 'yes' },
  agree: { zh: '一致', en: 'same' },
  'unplaced-no-unit': { zh: '未参与跨文件核对：文件未写明单位', en: 'not compared: the file names no unit' },
  'unplaced-no-year': { zh: '未参与跨文件核对：文件未写明年度', en: 'not compared: the file names no year' },
  'unplaced-not-read': { zh: '未参与跨文件核对：文件未能读取', en: 'not compared: the file was not read' },
  differ: { zh: '不一致', en: 'differs' },
  // the workbook's totals row
  total: { zh: '合计', en: 'Total' },
  'source-text': { zh: '正文：{labels}', en: 'text: {labels}' },
  'source-table': { zh: '预算表：{labels}', en: 'budget table: {labels}' },
  // review copies
  'review-sheet': { zh: '审阅意见', en: 'Review' },
  'unplaced': { zh: '（未能定位到原文，附于文首）', en: '(could not be attached to the text; placed at the start)' },
  'review-number': { zh: '序号', en: 'No.' },
  'review-severity': { zh: '级别', en: 'Severity' },
  'review-rule': { zh: '规则', en: 'Rule' },
  'review-location': { zh: '位置', en: 'Location' },
  'review-message': { zh: '说明', en: 'Finding' },
  'review-expected': { zh: '应为', en: 'Expected' },
  'review-actual': { zh: '实为', en: 'Actual' },
  // progress on a terminal
  'ocr-pages': { zh: 'OCR 页', en: 'OCR pages' },
});

export type UiPhrase = keyof typeof ui.entries;
