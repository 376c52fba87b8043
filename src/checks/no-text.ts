// 文件中没有可读文字（扫描件、图片）: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'no-text',
  severity: 'warning',
  description: { zh: '文件中没有可抽取的文字（可能是扫描件或图片），未能核查', en: 'no extractable text (a scan or images): nothing was checked' },
  messages: {},
  *run() {},
});
