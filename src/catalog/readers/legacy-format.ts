// 旧格式文件（.doc .wps .xls .et）: how a legacy binary was read, and what was lost when it could not be read well.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'legacy-format',
  severity: 'warning',
  messageSeverity: { 'converted-soffice': 'info' },
  description: {
    zh: '旧版 Word/Excel 二进制文件（.doc/.wps/.xls/.et）：读取方式与其局限',
    en: 'legacy Word/Excel binaries (.doc/.wps/.xls/.et): how they were read and what that misses',
  },
  messages: {
    'converted-soffice': {
      zh: '旧版 {kind} 文件（.{format}）已用 LibreOffice 转换为 .{target} 后检查。',
      en: 'The legacy {kind} file (.{format}) was converted to .{target} with LibreOffice and checked.',
    },
    'read-without-soffice': {
      zh: '旧版 Word 文件（.{format}）未安装 LibreOffice，只读取了文字：表格按制表符分隔的行还原，合并单元格与格式未保留，表格核查可能不完整。安装 LibreOffice（soffice）或另存为 .docx 可读得更全。',
      en: 'The legacy Word file (.{format}) was read without LibreOffice: text only, tables rebuilt from tab-separated rows, merged cells lost; table checks may be incomplete. Install LibreOffice (soffice) or save it as .docx.',
    },
    'conversion-failed': {
      zh: '用 LibreOffice 转换旧版 {kind} 文件（.{format}）失败（{cause}），已改用内置读取器。',
      en: 'LibreOffice could not convert the legacy {kind} file (.{format}) ({cause}); the built-in reader was used instead.',
    },
  },
});
