// 文件中没有可读文字（扫描件、图片）: raised by the readers; the messages live here.
import { defineRule } from '../define.js';

export default defineRule({
  id: 'no-text',
  severity: 'warning',
  // a PDF that is all scan was not checked at all (its pages alone are warnings)
  messageSeverity: { scanned: 'error' },
  description: { zh: '文件中没有可抽取的文字（可能是扫描件或图片），未能核查', en: 'no extractable text (a scan or images): nothing was checked' },
  messages: {
    'no-text': {
      zh: '该 PDF 没有可提取的文字层（可能是扫描件），无法核查其中的数字。请提供 Word 原文件或可复制文字的 PDF，或 OCR 后再检查。',
      en: 'This PDF has no extractable text layer (probably scanned). Provide the Word original or a PDF with selectable text, or OCR it first.',
    },
    garbled: {
      zh: '该 PDF 的文字无法正确解码（字体缺少字符映射，提取出的多为乱码），相当于没有可提取的文字层。请提供 Word 原文件或可复制文字的 PDF，或 OCR 后再检查。',
      en: 'The text of this PDF cannot be decoded (fonts lack a character map), so it has no usable text layer. Provide the Word original or a PDF with selectable text, or OCR it first.',
    },
    scanned: {
      zh: '该 PDF 只有扫描图像、没有文字层，未能核查其中的数字。请加 --ocr 选项重新检查（离线识别文字，识别出的数字需对照原件核实），或提供 Word 原文件或可复制文字的 PDF。',
      en: 'This PDF holds only scanned images and no text layer, so its numbers were not checked. Check it again with --ocr (offline text recognition; verify the numbers it reads), or provide the Word original or a PDF with selectable text.',
    },
    'scanned-page': {
      zh: '第 {page} 页只有图片、没有文字层（可能是扫描页），其中的内容未被检查。可加 --ocr 选项识别该页后重新检查，或提供 Word 原文件或可复制文字的 PDF。',
      en: 'Page {page} holds only images and no text layer (probably scanned); its content was not checked. Check again with --ocr to read it.',
    },
    'empty-document': {
      zh: '文件中没有任何文字（{format}），没有可核查的内容。请确认提交的是报告正文。',
      en: 'The file ({format}) holds no text at all; there is nothing to check.',
    },
  },
});
