// 推断 (evidence): not a check of its own — the note on a finding whose relation extraction had to infer, and the
// words for what it assumed. Such a finding is a warning at most (src/checks/index.ts restingOnAssumption).
import { defineRule, type MessageRef } from './define.js';
import type { Assumption } from '../model/schema.js';

const evidence = defineRule({
  id: 'evidence',
  severity: 'warning',
  description: {
    zh: '关系系推断而得（从几个数中按位置选取、文中未指明的总数、列举在何处结束、取自其他部分）：不符时最多为警告，并说明所作的推断',
    en: 'a relation read by inference (an operand picked by position, a whole the text does not name, where a list ends, an amount from elsewhere): a mismatch is a warning at most and says what was assumed',
  },
  messages: {
    assumed: {
      zh: '{assumptions}：{message}（此关系系推断，请核对）',
      en: '{message} ({assumptions}: an inferred relation, please check)',
    },
    'operand-by-position': { zh: '按{where}的{label} {value}计算（从几个数中按位置选取）', en: 'taking {label} {value} at {where}, picked by its position among several' },
    'unnamed-whole': { zh: '按{where}的{label} {value}计算（文中未指明总数）', en: 'taking {label} {value} at {where} as the whole the text does not name' },
    'list-end-by-category': { zh: '所列各项算至“{last}”为止（其后“{stop}”另属一类）', en: 'counting the parts up to “{last}” (“{stop}” begins another category)' },
    'list-continues': { zh: '把{where}的{label} {value}计入所列各项', en: 'counting {label} {value} at {where} as one more part' },
    'other-section': { zh: '按{where}的{label} {value}计算（取自其他部分）', en: 'taking {label} {value} from {where}, another part of the document' },
    'other-sentence': { zh: '按{where}另一句中的{label} {value}计算（不在同一句中）', en: 'taking {label} {value} from another sentence, at {where}' },
    'rows-by-position': { zh: '按表中各行的位置认定合计关系', en: 'reading which rows a total covers from their positions in the table' },
  },
});
export default evidence;

/** What a finding says it assumed: one message per assumption, its quantity's label, value as written and place. */
export function assumptionRefs(assumed: readonly Assumption[]): MessageRef[] {
  return assumed.map((a) => {
    const data: Record<string, unknown> = {};
    if (a.quantity) {
      data.label = a.quantity.label ?? '';
      data.value = a.quantity.raw.replace(/\s+/g, '');
      data.where = a.quantity.location;
    }
    if (a.last !== undefined) data.last = a.last;
    if (a.stop !== undefined) data.stop = a.stop;
    return { rule: evidence.id, messageId: a.kind, data };
  });
}
