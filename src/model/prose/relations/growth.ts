// 增长/下降Y%: the rate of change between two years' amounts stated in the same sentence.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { GROWTH_LABEL, comparedAmount, directionOfWord, subjectOfComparison } from './periods.js';
import { ofBudgetBefore } from './of-which.js';
import { CURRENT_PERIOD, PREVIOUS_PERIOD, PREVIOUS_PERIOD_WORDS, alternation } from '../../../lexicon/index.js';

/** A label that is only the previous period (上年为X, 上年同期X, 去年决算数X): the amount of the thing just named. */
const BARE_PREVIOUS = new RegExp(`^(?:${alternation(PREVIOUS_PERIOD_WORDS)})度?(?:同期)?(?:决算数?|预算数?|数)?$`);

/**
 * 从29人降为16人 / 由200人增加到250人 / 从上年的A万元增长至B万元 / 由原来的A人减少到B人: the amount a change starts from,
 * and the one it ends at.
 */
const FROM = new RegExp(`[从由](?:${alternation(PREVIOUS_PERIOD_WORDS)}|原来|原先)?的?\\s*$`);
const TO = /^\s*(降|减|下降|减少|降低|增|增加|增长|上升|提高|提升|升)(?:为|至|到)\s*$/;

/** The direction 从A…为B states when a and b are written so; undefined otherwise. */
function fromToDirection(text: string, a: Q, b: Q): 'increase' | 'decrease' | undefined {
  const to = TO.exec(text.slice(a.end, b.numberStart));
  if (!to || !FROM.test(text.slice(Math.max(0, a.numberStart - 8), a.numberStart))) return undefined;
  return /增|升|提/.test(to[1]) ? 'increase' : 'decrease';
}

export function findGrowth(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  for (const rate of qs) {
    if (rate.unit !== '%' || !usable(p, rate)) continue;
    const m = GROWTH_LABEL.exec(rate.label);
    if (!m) continue;
    const direction = directionOfWord(m[1]);
    const sameSentence = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
    // (完成A，完成预算数B的P%，较上年C增长Q%: a budget's rate and the budget are said of A, and leave it in scope)
    const lastRate = [...sameSentence].reverse().find((q) => q.unit === '%' && !ofBudgetBefore(ctx, q));
    const scope = sameSentence.filter((q) => !lastRate || q.start > lastRate.start);
    const values = scope.filter((q) => !q.year && q.unit !== '%' && usable(p, q) && !ofBudgetBefore(ctx, q));
    const last = values[values.length - 1];
    // …A万元，上年为B万元，增长Y% / …A万元。比上年的B万元增长Y%: B is the previous amount of the thing A is.
    const namedPrevious = last !== undefined && (BARE_PREVIOUS.test(last.label) || comparedAmount(ctx, last));
    if (values.length === 1 && namedPrevious) {
      const current = subjectOfComparison(ctx, last);
      if (current) values.unshift(current);
    }
    // 从A降为B right before the rate names its two amounts, whatever the sentence stated before them
    const last2 = values.slice(-2);
    const fromTo = last2.length === 2 ? fromToDirection(p.text, last2[0], last2[1]) : undefined;
    if (fromTo) values.splice(0, values.length - 2);
    if (values.length !== 2 || family(values[0].unit) !== family(values[1].unit)) continue;
    const [a, b] = values;
    const yearOf = (q: Q) => scope.find((y) => y.year && y.clause === q.clause && y.start < q.start)?.value;
    const ya = yearOf(a);
    const yb = yearOf(b);
    let previous: Q;
    let current: Q;
    if (fromTo) {
      if (direction !== 'change' && fromTo !== direction) continue;
      [previous, current] = [a, b];
    } else if (namedPrevious && !PREVIOUS_PERIOD.test(a.label)) [previous, current] = [b, a];
    else if (ya !== undefined && yb !== undefined && ya !== yb) [previous, current] = ya < yb ? [a, b] : [b, a];
    else if (PREVIOUS_PERIOD.test(a.label) && CURRENT_PERIOD.test(b.label)) [previous, current] = [a, b];
    else continue;
    const la = a.label, lb = b.label;
    if (!fromTo && !namedPrevious && !(la.endsWith(lb) || lb.endsWith(la) || la.replace(PREVIOUS_PERIOD, '') === lb.replace(CURRENT_PERIOD, ''))) continue;
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
