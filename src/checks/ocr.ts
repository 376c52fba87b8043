// OCR 识别（--ocr）: a token of a scanned page where a number is expected that OCR mixed with letters or split (86.42g,
// 1O0, 9 5%), which extraction records; the readers raise the rule's other messages (src/catalog/readers/ocr.ts).
import { defineDocumentCheck } from './define.js';
import ocr from '../catalog/readers/ocr.js';

/** What the words around a token expected it to be, in a message. */
const EXPECTED = {
  rate: { zh: '比率', en: 'a rate' },
  amount: { zh: '金额', en: 'an amount' },
  count: { zh: '数量', en: 'a count' },
} as const;

export default defineDocumentCheck({
  ...ocr,
  *run(report) {
    // the figure is unread, not checked: the file says so rather than passing clean
    for (const s of report.meta.ocrSuspects ?? []) {
      yield {
        messageId: 'suspect-number', severity: 'warning', location: s.location, evidence: s.token, actual: s.token,
        data: { token: s.token, expected: s.expected, expectedName: EXPECTED[s.expected] },
      };
    }
  },
});
