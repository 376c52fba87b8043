// Excel 公式没有保存计算结果，读不到数值: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'formula-no-result',
  severity: 'warning',
  description: { zh: 'Excel 公式没有保存计算结果，读不到数值', en: 'an Excel formula has no saved result, so its value is unknown' },
  messages: {},
  *run() {},
});
