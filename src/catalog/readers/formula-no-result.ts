// Excel 公式没有保存计算结果，读不到数值: raised by the spreadsheet readers; the message lives here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'formula-no-result',
  severity: 'warning',
  description: { zh: 'Excel 公式没有保存计算结果，读不到数值', en: 'an Excel formula has no saved result, so its value is unknown' },
  messages: {
    'formula-no-result': {
      zh: '工作表“{sheet}”中 {shown}{more}的公式没有保存计算结果，读不到数值，按空白处理。请在 Excel/WPS 中打开该文件、重新计算并保存后再检查。',
      en: 'Formula cell(s) {shown}{more} in sheet "{sheet}" have no cached result and were read as blank. Open, recalculate and save the workbook.',
    },
    more: { zh: ' 等 {count} 个单元格', en: ' and {count} cells in all' },
  },
});
