// 读取时有内容被跳过，这部分未参与核查: raised by the readers (and by a check for the numbers a PDF hides behind ###).
import { defineRule } from '../define.js';

export default defineRule({
  id: 'read-warning',
  severity: 'warning',
  description: { zh: '读取时有内容被跳过，这部分未参与核查', en: 'some content was skipped while reading and was not checked' },
  messages: {
    'content-skipped': {
      zh: '读取 Word 文档时有内容被跳过：{detail}。这部分内容未参与检查，请人工核对。',
      en: 'Some content of the Word document was skipped: {detail}. It was not checked.',
    },
    'pages-truncated': {
      zh: '该 PDF 共 {pages} 页，超过 {max} 页的上限，只读取了前 {max} 页，其余页面未参与检查。请确认是否为单个报告；如是合订本，请拆分后分别检查。',
      en: 'This PDF has {pages} pages, over the {max}-page limit; only the first {max} were read and checked.',
    },
    'sheet-unread': {
      zh: '工作簿中的工作表 {sheets} 未能读取（文件内部结构不标准），其中的数字未被检查。请用 Excel/WPS 打开该文件另存为 .xlsx 后再检查。',
      en: 'Worksheet(s) {sheets} could not be read (non-standard package layout). Re-save the file in Excel/WPS.',
    },
    'ofd-pages-truncated': {
      zh: '该 OFD 共 {pages} 页，超过 {max} 页的上限，只读取了前 {max} 页，其余页面未参与检查。',
      en: 'This OFD has {pages} pages, over the {max}-page limit; only the first {max} were read and checked.',
    },
    'ofd-page-unread': {
      zh: 'OFD 第 {page} 页无法读取（{cause}），其中的内容未被检查。',
      en: 'OFD page {page} could not be read ({cause}); its content was not checked.',
    },
    'hidden-numbers': {
      zh: '表中有 {count} 个单元格显示为“###”（数字比列宽，打印成 PDF 时未印出，此处为第一个），这些数字无法读出，相关算术未经核查；请核对原表或其电子表格',
      en: '{count} table cell(s) show "###" (a number wider than its column, not printed into the PDF; this is the first): those numbers could not be read, nor their arithmetic checked; check the original or its workbook',
    },
  },
});
