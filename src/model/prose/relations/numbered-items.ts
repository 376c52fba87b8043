// "共计N个，预算总金额为T，具体如下：" then numbered paragraphs 1..k each with its amount: N = k and T = Σ amounts.
import type { NumberedLine } from '../outline.js';
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { PROSE_TOTAL_WORD } from '../../../lexicon/index.js';
import { CHANGE_WORD } from './periods.js';
import { endsWithOfWhich } from './of-which.js';

const TOTAL_LABEL = PROSE_TOTAL_WORD;
const ITEM_COUNT_UNIT = /^[个项]$/;

export function findNumberedItems(ctx: ProseContext, i: number) {
  const intro = ctx.paragraphs[i];
  if (!/[：:]\s*$/.test(intro.parsed.text)) return;
  const qs = ctx.quantities[i].filter((q) => usable(intro.parsed, q));
  const total = [...qs].reverse().find((q) => family(q.unit) === 'money' && TOTAL_LABEL.test(q.label));
  // The count belongs to the sentence that opens the list (共计N个，…具体如下：), not to an earlier one (中央八项规定。具体情况如下：).
  const opening = intro.parsed.sentences.length - 1;
  const count = [...qs].reverse().find((q) => ITEM_COUNT_UNIT.test(q.unit ?? '') && q.bracketDepth === 0 && q.sentence === opening);
  if (!total && !count) return;
  const items: Array<{ line: NumberedLine; para: number }> = [];
  for (let k = i + 1; k < ctx.paragraphs.length; k++) {
    const n = ctx.paragraphs[k].numbered;
    if (!n) {
      if (items.length && ctx.paragraphs[k].parsed.text.length <= 20) continue; // a stray fragment between items
      break;
    }
    if (items.length === 0 ? n.value !== 1 : n.family !== items[0].line.family || n.value !== items.length + 1) break;
    items.push({ line: n, para: k });
  }
  if (items.length < 2) return;
  const names = items.map((it) => (it.line.title ?? it.line.text).split(/[：:。，,]/)[0].trim());
  // Items that open with a count in the count's own unit (1.基础设施类项目5个) are groups of the things, not the things; after
  // 其中： (共实施项目12个，其中：) they may be either: no count to check.
  const groups = count !== undefined && items.some((it) => ctx.quantities[it.para].find((q) => q.unit && !q.year)?.unit === count.unit);
  if (count && !groups && !endsWithOfWhich(intro.parsed.text)) {
    ctx.push({
      kind: 'list-count',
      count: ctx.q(count),
      items: names,
      location: intro.location,
      evidence: intro.parsed.text.trim(),
    });
  }
  if (!total || (count && count.value !== items.length)) return;
  const amounts: Q[] = [];
  for (const it of items) {
    const p = ctx.paragraphs[it.para].parsed;
    const first = ctx.quantities[it.para].find((q) => family(q.unit) === 'money' && q.bracketDepth === 0 && usable(p, q));
    // 1.基本支出增加40万元: the items state changes, not parts of the total.
    if (!first || CHANGE_WORD.test(first.label)) return;
    amounts.push(first);
  }
  ctx.push({
    kind: 'sum',
    total: ctx.q(total),
    parts: amounts.map((q) => ctx.q(q)),
    exhaustive: true,
    location: intro.location,
    evidence: intro.parsed.text.trim(),
  });
}
