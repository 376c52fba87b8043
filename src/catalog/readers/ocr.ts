// OCR 识别（--ocr）: what the OCR of scanned PDF pages reports, and the note on findings that rest on OCR'd text.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'ocr',
  // an error when OCR could not read the scan at all (the file went unchecked); its other messages say their own severity
  severity: 'error',
  messageSeverity: { 'pages-read': 'info', 'page-failed': 'warning', 'page-empty': 'warning' },
  description: {
    zh: '扫描页经 OCR 识别（--ocr）：识别出的数字可能有误，依据它们的问题最多为警告；无法识别时该文件未能核查',
    en: 'scanned pages read by OCR (--ocr): numbers read may be wrong, so findings resting on them are warnings at most; when OCR cannot run the file is not checked',
  },
  messages: {
    uncertain: {
      zh: '{message}（此处文字由 OCR 从扫描图像识别，数字可能识别有误，请对照原件核实）',
      en: '{message} (this text was read by OCR from a scanned image; its numbers may be misread: check against the original)',
    },
    'pages-read': {
      zh: '第 {pages} 页没有文字层，已用 OCR 识别（共 {count} 页）。识别出的数字可能有误，依据这些页的问题只作为警告，请对照原件核实。',
      en: 'Read by OCR, having no text layer: page(s) {pages} ({count} in all). Numbers read may be wrong; findings resting on them are warnings only.',
    },
    unavailable: {
      zh: 'OCR 组件（tesseract.js 与中文模型 @tesseract.js-data/chi_sim）无法加载：{cause}。该扫描件未能核查；请在 jixiao 目录重新安装依赖（npm ci）后再用 --ocr 检查。',
      en: 'The OCR components (tesseract.js and the Chinese model @tesseract.js-data/chi_sim) could not be loaded: {cause}. This scan was not checked; reinstall the dependencies (npm ci) and retry with --ocr.',
    },
    'page-failed': {
      zh: '第 {page} 页 OCR 识别失败（{cause}），该页内容未被检查。',
      en: 'OCR of page {page} failed ({cause}); its content was not checked.',
    },
    'page-empty': {
      zh: '第 {page} 页没有文字层，OCR 也没有识别出文字，该页内容未被检查。',
      en: 'Page {page} has no text layer and OCR read no text on it; its content was not checked.',
    },
    'nothing-read': {
      zh: 'OCR 在扫描页（第 {pages} 页）上没有识别出文字，没有可核查的内容。请确认扫描件清晰，或提供 Word 原文件或可复制文字的 PDF。',
      en: 'OCR read no text on the scanned pages ({pages}); there is nothing to check. Provide a clearer scan, the Word original or a PDF with selectable text.',
    },
  },
});
