// N个…，分别是A、B、C: a stated count and the items the sentence lists after it.
import type { ProseContext } from './context.js';
import { usable } from './context.js';
import { ENUMERATION_INTRO, readEnumeration } from '../prose-enumeration.js';
import { LIST_COUNT_UNITS, alternation } from '../vocabulary.js';

const COUNT_UNIT = new RegExp(`^(?:${alternation(LIST_COUNT_UNITS)})$`);
/** A short noun after the count, then the words that open the list. */
const NOUN_BEFORE_LIST = /^[\u4e00-\u9fa5]{0,6}?(?=[，,]?\s*(?:分别是|分别为|具体为|具体是|具体包括|主要包括|主要有|包括|包含)|\s*[：:])/;

export function findListCounts(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  for (const count of ctx.quantities[i]) {
    if (!COUNT_UNIT.test(count.unit ?? '') || !usable(p, count) || count.bracketDepth > 0) continue;
    const after = p.text.slice(count.end);
    const noun = NOUN_BEFORE_LIST.exec(after);
    if (!noun) continue;
    const rest = after.slice(noun[0].length);
    const intro = ENUMERATION_INTRO.exec(rest);
    if (!intro) continue;
    const list = readEnumeration(rest.slice(intro[0].length));
    if (!list || list.items.length < 2) continue;
    const listText = rest.slice(intro[0].length, intro[0].length + list.end);
    if (/等[）)]?$/.test(listText.trim()) || list.items.some((it) => it.length > 60)) continue;
    ctx.push({
      kind: 'list-count',
      count: ctx.q(count),
      items: list.items,
      location: ctx.paragraphs[i].location,
      evidence: (p.text.slice(count.start - Math.min(count.start, 20), count.end) + rest.slice(0, intro[0].length + list.end)).trim(),
    });
  }
}
