// TOTAL，其中 A、B、C / TOTAL（含 A、B）: the parts a 其中/含 lists under the total before it.
import type { ProseContext, Q } from './context.js';
import { BETWEEN_TOTAL_AND_MARKER, PART_STOP, compatible, usable } from './context.js';

/** Words that open a list of parts of the amount before them. */
export const PART_MARKER = /其中|包含|含/g;

/** Parts follow the marker until the sentence or the aside ends. */
export function findPartSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  const re = new RegExp(PART_MARKER.source, 'g');
  for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
    const at = m.index;
    const before = qs.filter((q) => q.end <= at);
    const total = before[before.length - 1];
    if (!total || !usable(p, total) || total.unit === '%' || total.value === 0) continue;
    if (!BETWEEN_TOTAL_AND_MARKER.test(p.text.slice(total.end, at))) continue;
    const inAside = /[（(]\s*$/.test(p.text.slice(total.end, at));
    const markerSentence = qs.find((q) => q.start > at)?.sentence;
    const parts: Q[] = [];
    for (const q of qs) {
      if (q.start <= at) continue;
      if (inAside ? q.bracketDepth !== total.bracketDepth + 1 : q.sentence !== markerSentence || q.bracketDepth !== total.bracketDepth) {
        if (inAside && q.bracketDepth <= total.bracketDepth) break;
        if (!inAside && q.sentence !== markerSentence) break;
        continue;
      }
      if (q.unit === '%') continue;
      if (!compatible(total, q) || !usable(p, q) || PART_STOP.test(q.label)) break;
      parts.push(q);
    }
    const nonZero = parts.filter((q) => q.value !== 0);
    if (nonZero.length < 2) continue;
    ctx.push({
      kind: 'sum',
      total: ctx.q(total),
      parts: parts.map((q) => ctx.q(q)),
      exhaustive: false,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(total).text.trim() + (markerSentence !== total.sentence ? p.sentences[markerSentence ?? 0]?.text.trim() ?? '' : ''),
    });
  }
}
