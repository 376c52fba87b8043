// 工作表过大，只读取了前面部分: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'sheet-truncated',
  severity: 'warning',
  description: { zh: '工作表过大，只读取了前面部分', en: 'a worksheet is too large; only its first rows were read' },
  messages: {},
  *run() {},
});
