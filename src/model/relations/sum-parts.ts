// TOTAL，其中 A、B、C / TOTAL（含 A、B）: the parts a 其中/含 lists under the total before it, exhaustive when they split it.
import type { ProseContext, Q } from './context.js';
import { BETWEEN_TOTAL_AND_MARKER, PART_STOP, compatible, family, usable } from './context.js';
import { COMPLEMENTARY_CATEGORIES, membersNamed, type CategoryGroup } from '../vocabulary.js';
import { isChange } from './change.js';

/** Words that open a list of parts of the amount before them. */
export const PART_MARKER = /其中|包含|含/g;

function applies(group: CategoryGroup, total: Q): boolean {
  return !group.family || group.family === family(total.unit);
}

/**
 * A part of another member of the total's own group is no part of it: in 在职人员62人，其中行政编制26人，事业编制36人，
 * 退休职工28人 the list ends before 退休, where the category changes.
 */
function changesCategory(total: Q, part: Q): boolean {
  return COMPLEMENTARY_CATEGORIES.some((g) => {
    if (!applies(g, total)) return false;
    const own = membersNamed(g, total.label);
    const other = membersNamed(g, part.label);
    return own.size > 0 && other.size > 0 && [...other].every((m) => !own.has(m));
  });
}

/** Parts that each name a different member of one group (上级/本级, 在职/离休/退休 …) split the whole between them. */
function splitsWhole(total: Q, parts: Q[]): boolean {
  if (parts.length < 2) return false;
  return COMPLEMENTARY_CATEGORIES.some((g) => {
    if (!applies(g, total)) return false;
    const seen = new Set<string>();
    for (const part of parts) {
      const members = membersNamed(g, part.label);
      if (!members.size || [...members].some((m) => seen.has(m))) return false;
      members.forEach((m) => seen.add(m));
    }
    return true;
  });
}

/**
 * A part that may follow the ones before it: the same kind of thing, a stated value, not a total, another category
 * or a change against another period (其中：A，B，同比增加C — C is no part).
 */
function partOf(ctx: ProseContext, i: number, total: Q, q: Q): boolean {
  const p = ctx.paragraphs[i].parsed;
  return compatible(total, q) && usable(p, q) && !PART_STOP.test(q.label) && !changesCategory(total, q) && !isChange(ctx, q);
}

/**
 * TOTAL（其中A a），B b。— the writer closed the aside after its first part(s): the parts after the bracket continue
 * the list when together they split the whole (the aside alone does not). Otherwise no continuation.
 */
function continuationAfterAside(ctx: ProseContext, i: number, total: Q, aside: Q[]): Q[] {
  const p = ctx.paragraphs[i].parsed;
  const last = aside[aside.length - 1];
  if (!last || splitsWhole(total, aside) || !/^\s*[）)]\s*[，,、；;]/.test(p.text.slice(last.end))) return [];
  const more: Q[] = [];
  for (const q of ctx.quantities[i]) {
    if (q.start <= last.end || q.unit === '%') continue;
    if (q.sentence !== last.sentence || q.bracketDepth !== total.bracketDepth || !partOf(ctx, i, total, q)) break;
    more.push(q);
  }
  return more.length && splitsWhole(total, [...aside, ...more]) ? more : [];
}

/** Parts follow the marker until the sentence or the aside ends, or until the category changes. */
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
      if (!partOf(ctx, i, total, q)) break;
      // A second 其中 opens the parts of the part before it (总额X，其中A…，其中B): B is no part of X.
      const lastPart = parts[parts.length - 1];
      if (lastPart && /其中/.test(p.text.slice(lastPart.end, q.start))) break;
      parts.push(q);
    }
    if (inAside) parts.push(...continuationAfterAside(ctx, i, total, parts));
    // 等 after the last part leaves the list open, whatever its categories.
    const open = parts.length > 0 && /^\s*等/.test(p.text.slice(parts[parts.length - 1].end));
    const exhaustive = !open && splitsWhole(total, parts);
    // Zeros count as parts of a split (财政差额补助0人); an open list needs two amounts to be worth adding up.
    const nonZero = parts.filter((q) => q.value !== 0).length;
    if (exhaustive ? nonZero < 1 : nonZero < 2) continue;
    ctx.push({
      kind: 'sum',
      total: ctx.q(total),
      parts: parts.map((q) => ctx.q(q)),
      exhaustive,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(total).text.trim() + (markerSentence !== total.sentence ? p.sentences[markerSentence ?? 0]?.text.trim() ?? '' : ''),
    });
  }
}
