// 有数字而无可核对的关系: a report whose arithmetic was not found says so, so an unread file never passes silently.
import { defineDocumentCheck } from './define.js';
import { countCoverage } from '../coverage.js';

export default defineDocumentCheck({
  id: 'nothing-checked',
  severity: 'warning',
  description: {
    zh: '报告中有数字，但没有找到任何可核对的算术关系：无问题不代表已核对',
    en: 'the report has numbers but no arithmetic was found to check: no findings does not mean checked',
  },
  messages: {
    'nothing-checked': {
      zh: '文中有 {numbers} 个数字，但没有找到可核对的关系（执行率、合计、占比、增长率、得分等），本文件的算术未经核查，请人工核对',
      en: 'the report states {numbers} numbers but no relation between them was found to check (rates, totals, shares, growth, scores): its arithmetic was not checked; review it by hand',
    },
  },
  *run(report) {
    const coverage = countCoverage(report);
    if (coverage.numbers === 0 || coverage.checked > 0) return;
    yield { messageId: 'nothing-checked', location: { file: report.path }, data: { numbers: coverage.numbers } };
  },
});
