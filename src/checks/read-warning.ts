// 读取时有内容被跳过: the numbers a PDF printed of a workbook hides behind ###, which extraction notes (the readers
// raise the rule's other messages; its catalog entry is src/catalog/readers/read-warning.ts).
import { defineDocumentCheck } from './define.js';
import readWarning from '../catalog/readers/read-warning.js';

export default defineDocumentCheck({
  ...readWarning,
  *run(report) {
    const hidden = report.meta.hiddenNumbers;
    if (!hidden?.length) return;
    yield { messageId: 'hidden-numbers', location: hidden[0], data: { count: hidden.length } };
  },
});
