// 读取超时: reported by the pipeline when a file takes too long; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'timeout',
  severity: 'error',
  description: { zh: '读取文件超时，未能核查', en: 'reading the file timed out: nothing was checked' },
  messages: {},
  *run() {},
});
