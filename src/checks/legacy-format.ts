// 旧格式文件（.doc .xls .wps .et）: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'legacy-format',
  severity: 'error',
  description: { zh: '旧格式文件（.doc/.xls/.wps/.et）无法直接读取，请另存为 .docx/.xlsx', en: 'legacy format (.doc/.xls/.wps/.et): save it as .docx/.xlsx' },
  messages: {},
  *run() {},
});
