// 读取时有内容被跳过，这部分未参与核查: reported by the readers; listed here so it can be configured.
import { defineCheck } from './define.js';

export default defineCheck({
  id: 'read-warning',
  severity: 'warning',
  description: { zh: '读取时有内容被跳过，这部分未参与核查', en: 'some content was skipped while reading and was not checked' },
  messages: {},
  *run() {},
});
