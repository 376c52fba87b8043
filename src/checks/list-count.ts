// N个，分别是 a、b、c: the stated count equals the number of items listed.
import { defineCheck } from './define.js';
import { isUsable } from '../precision.js';

export default defineCheck({
  id: 'list-count',
  severity: 'error',
  description: { zh: '所述个数与列举的项目数不符', en: 'a stated count differs from the number of items listed' },
  formula: 'N = 列举项数',
  reads: { relations: ['list-count'] },
  messages: {
    mismatch: {
      zh: '文中称 {actual}，但列举了 {expected} 项：{items}',
      en: 'the text says {actual} but lists {expected} items: {items}',
    },
  },
  *run({ relations }) {
    for (const r of relations) {
      if (!isUsable(r.count) || r.items.length === 0) continue;
      if (r.count.value === r.items.length) continue;
      yield {
        messageId: 'mismatch', location: r.count.location ?? r.location, evidence: r.evidence,
        expected: String(r.items.length), actual: r.count.raw,
        data: { items: r.items.join('、'), count: r.count.value, listed: r.items.length },
      };
    }
  },
});
