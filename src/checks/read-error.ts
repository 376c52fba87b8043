// 文件无法读取（损坏、加密、格式不符）: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'read-error',
  severity: 'error',
  description: { zh: '文件无法读取（损坏、加密或格式不符）', en: 'the file cannot be read (corrupt, encrypted or not what it claims)' },
  messages: {},
  *run() {},
});
