// 读取超时: raised by the batch or a reader when a file takes too long; the messages live here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'timeout',
  severity: 'error',
  description: { zh: '读取文件超时，未能核查', en: 'reading the file timed out: nothing was checked' },
  messages: {
    timeout: {
      zh: '处理超时（超过 {seconds} 秒），已中止该文件。文件可能过大或结构异常；可用 --timeout 放宽时限后重试。',
      en: 'Timed out after {seconds} s; processing of this file was stopped.',
    },
    'xlsx-load': {
      zh: 'Excel 文件在 {seconds} 秒内未能打开，可能已损坏或过大。请用 Excel/WPS 打开后另存为 .xlsx 再试。',
      en: 'The workbook did not open within {seconds} s; it may be corrupt or too large.',
    },
    conversion: {
      zh: '用 LibreOffice 转换旧版文件超过 {seconds} 秒，已中止。可用 --timeout 放宽时限，或另存为 .docx/.xlsx 后再检查。',
      en: 'Converting the legacy file with LibreOffice took more than {seconds} s and was stopped.',
    },
    ocr: {
      zh: 'OCR 识别扫描页超过 {seconds} 秒，已中止（每页约需 5–15 秒）。可用 --timeout 放宽时限后重试。',
      en: 'OCR of the scanned pages took more than {seconds} s and was stopped (each page takes about 5-15 s); raise --timeout and retry.',
    },
  },
});
