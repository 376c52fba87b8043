// 嵌入对象（如 Word 中的 Excel 表格）无法读取或只有预览图: raised by the docx reader; the messages live here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'embedded-object',
  severity: 'warning',
  description: { zh: '嵌入对象（如 Word 中的 Excel 表格）无法读取或只有预览图，其中的数字未核查', en: 'an embedded object (e.g. an Excel table in Word) could not be read; its numbers were not checked' },
  messages: {
    'embedded-linked': {
      zh: '文档链接了外部对象 {name}，数据不在本文件中，其中的表格未读取。请将链接的表格粘贴为 Word 表格，或嵌入后重新保存。',
      en: 'The document links to an external object {name}; its data is not in the file and was not read.',
    },
    'embedded-missing': {
      zh: '嵌入对象 {name} 在文件中找不到（文档可能已损坏），其中的表格未读取。',
      en: 'Embedded object {name} is missing from the package; its tables were not read.',
    },
    'embedded-too-large': {
      zh: '嵌入对象 {name} 解压后过大（{size}），为安全起见未读取。',
      en: 'Embedded object {name} is too large when inflated ({size}); it was not read.',
    },
    'embedded-legacy-ole': {
      zh: '嵌入对象为旧版 OLE 格式：{name}（{progId}），其中的表格未读取。请在 Word 中双击该对象、用 Excel 另存为 .xlsx 后重新插入，或把表格直接粘贴为 Word 表格。',
      en: 'Embedded object {name} ({progId}) is a legacy OLE object; its tables were not read.',
    },
    'embedded-unsupported': {
      zh: '嵌入对象 {name}（{progId}）为 {kind} 文件，不是 Excel 工作簿，其内容未读取。如其中含有需核对的表格，请将其粘贴为 Word 表格。',
      en: 'Embedded object {name} ({progId}) is a {kind} file, not an Excel workbook; its content was not read.',
    },
    'embedded-unreadable': {
      zh: '嵌入的 Excel 工作簿 {name} 无法读取（{cause}），其中的表格未检查。',
      en: 'Embedded workbook {name} could not be read ({cause}); its tables were not checked.',
    },
    'relation-name': { zh: '（关系 {relId}）', en: '(relationship {relId})' },
    'unknown-kind': { zh: '未知格式', en: 'unknown format' },
    'no-prog-id': { zh: '未注明类型', en: 'no type given' },
  },
});
