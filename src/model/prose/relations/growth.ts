// 增长/下降Y%: the rate of change between two years' amounts stated in the same sentence.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { GROWTH_LABEL, comparedAmount, directionOfWord, subjectOfComparison } from './periods.js';
import { CURRENT_PERIOD, PREVIOUS_PERIOD, PREVIOUS_PERIOD_WORDS, alternation } from '../../../lexicon/index.js';

/** A label that is only the previous period (上年为X, 上年同期X, 去年决算数X): the amount of the thing just named. */
const BARE_PREVIOUS = new RegExp(`^(?:${alternation(PREVIOUS_PERIOD_WORDS)})度?(?:同期)?(?:决算数?|预算数?|数)?$`);

export function findGrowth(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const rate of qs) {
    if (rate.unit !== '%' || !usable(p, rate)) continue;
    const m = GROWTH_LABEL.exec(rate.label);
    if (!m) continue;
    const direction = directionOfWord(m[1]);
    const sameSentence = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
    const lastRate = [...sameSentence].reverse().find((q) => q.unit === '%');
    const scope = sameSentence.filter((q) => !lastRate || q.start > lastRate.start);
    const values = scope.filter((q) => !q.year && q.unit !== '%' && usable(p, q));
    const last = values[values.length - 1];
    // …A万元，上年为B万元，增长Y% / …A万元。比上年的B万元增长Y%: B is the previous amount of the thing A is.
    const namedPrevious = last !== undefined && (BARE_PREVIOUS.test(last.label) || comparedAmount(ctx, last));
    if (values.length === 1 && namedPrevious) {
      const current = subjectOfComparison(ctx, last);
      if (current) values.unshift(current);
    }
    if (values.length !== 2 || family(values[0].unit) !== family(values[1].unit)) continue;
    const [a, b] = values;
    const yearOf = (q: Q) => scope.find((y) => y.year && y.clause === q.clause && y.start < q.start)?.value;
    const ya = yearOf(a);
    const yb = yearOf(b);
    let previous: Q;
    let current: Q;
    if (namedPrevious && !PREVIOUS_PERIOD.test(a.label)) [previous, current] = [b, a];
    else if (ya !== undefined && yb !== undefined && ya !== yb) [previous, current] = ya < yb ? [a, b] : [b, a];
    else if (PREVIOUS_PERIOD.test(a.label) && CURRENT_PERIOD.test(b.label)) [previous, current] = [a, b];
    else continue;
    const la = a.label, lb = b.label;
    if (!namedPrevious && !(la.endsWith(lb) || lb.endsWith(la) || la.replace(PREVIOUS_PERIOD, '') === lb.replace(CURRENT_PERIOD, ''))) continue;
    ctx.push({
      kind: 'growth',
      direction,
      previous: ctx.q(previous),
      current: ctx.q(current),
      rate: ctx.q(rate),
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(rate).text.trim(),
    });
  }
}
