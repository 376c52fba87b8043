// 嵌入对象（如 Word 中的 Excel 表格）无法读取或只有预览图，其中的数字未核查: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'embedded-object',
  severity: 'warning',
  description: { zh: '嵌入对象（如 Word 中的 Excel 表格）无法读取或只有预览图，其中的数字未核查', en: 'an embedded object (e.g. an Excel table in Word) could not be read; its numbers were not checked' },
  messages: {},
  *run() {},
});
