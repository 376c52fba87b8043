// 工作表过大，只读取了前面部分: raised by the spreadsheet readers; the message lives here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'sheet-truncated',
  severity: 'warning',
  description: { zh: '工作表过大，只读取了前面部分', en: 'a worksheet is too large; only its first rows were read' },
  messages: {
    'sheet-truncated': {
      zh: '工作表“{sheet}”过大（{rows} 行 × {cols} 列），只读取了前 {maxRows} 行。如有远处的零散单元格，请删除后再检查。',
      en: 'Sheet "{sheet}" is too large ({rows} × {cols}); only the first {maxRows} rows were read.',
    },
  },
});
