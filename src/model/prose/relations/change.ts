// Changes against an earlier period stated by difference: 比上年增加/减少X万元(，增长/下降Y%), with the amount it
// changes (本期) found nearby, and the changes of a whole's parts listed after it (其中… / 具体情况如下：1. 2. 3.).
import type { Quantity } from '../../schema.js';
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { CATEGORY_GROUPS, REASON_WORD, SHARED_UNIT_BEFORE, WHOLE_LABEL, groupNamed, membersNamed, yearIn } from '../../../lexicon/index.js';
import { CHANGE_RATE, CHANGE_WORD, comparedAmount, directionOfWord, earlier, isChange, leadingRate, partOfChangeList, periodPair, subjectOfComparison, type Direction } from './periods.js';
import { endsWithOfWhich, listsIn, markerParts, ofWhichAfter, wholeOfRate } from './of-which.js';

/** Labels of a paragraph's total, when a later paragraph states its change: 收入总计, 预算总额, 支出合计. */
const TOTAL_LABEL = WHOLE_LABEL;

export interface ChangeStatement {
  change: Q;
  direction: Direction;
  rate?: Q;
  current?: Q;
  previous?: Q;
  /** the amounts' years were stated (2016年…8万元，2015年…12.5万元) */
  yearPair: boolean;
}

/** An aside that holds one number and nothing else: （ before it, ） after it. */
const BARE_ASIDE_OPEN = /^\s*[（(]\s*$/;
const BARE_ASIDE_CLOSE = /^\s*[）)]/;

/** The rate right after a change: the next quantity of the sentence, a % in the same or the next clause. */
function rateAfter(ctx: ProseContext, change: Q, direction: Direction): Q | undefined {
  const qs = ctx.quantities[change.para];
  const next = qs[qs.indexOf(change) + 1];
  if (!next || next.sentence !== change.sentence || next.unit !== '%' || next.clause > change.clause + 1) return undefined;
  const p = ctx.paragraphs[change.para].parsed;
  if (!usable(p, next)) return undefined;
  // 较上年减少18.50万元（65.37%）: a per cent alone in the aside right after the change is its rate
  if (BARE_ASIDE_OPEN.test(p.text.slice(change.end, next.start)) && BARE_ASIDE_CLOSE.test(p.text.slice(next.end))) return next;
  const m = CHANGE_RATE.exec(next.label);
  if (!m) return undefined;
  // 较年初预算减少2.5万元，同比下降16.67%: a rate that says 同比 is against last year, not against the change's budget
  if (next.label.startsWith('同比') && baseOf(ctx, change) === 'budget') return undefined;
  const d = directionOfWord(m[1]);
  return d === 'change' || d === direction ? next : undefined;
}

/** Amounts whose role is already taken: denominators of rates read in the same sentence. */
function denominatorsIn(ctx: ProseContext, i: number): Set<number> {
  const out = new Set<number>();
  for (const r of ctx.relations) {
    if (r.kind !== 'rate' || r.location.block !== ctx.paragraphs[i].location.block) continue;
    for (const d of r.denominators) if (d.location.block === ctx.paragraphs[i].location.block) out.add(d.value);
  }
  return out;
}

/** 本期: the amount the change is about, or undefined when the text does not say which one it is. */
function currentOf(ctx: ProseContext, change: Q): { current?: Q; previous?: Q; yearPair: boolean } {
  const i = change.para;
  const p = ctx.paragraphs[i].parsed;
  const qs = ctx.quantities[i];
  const before = qs.filter((q) => q.sentence === change.sentence && q.end <= change.start);
  // The scope starts after the last change or change rate earlier in the sentence.
  // A change of the same subject against another base right before (决算6万元，比预算增加0万元，比去年增加1万元)
  // is a parallel comparison: it leaves the subject in scope.
  // (not the change's own rate written first: 同比增长6.2%，增收1735万元)
  const ownRate = leadingRate(ctx, change);
  const ends = (q: Q) => q !== ownRate && ((q.unit === '%' && CHANGE_RATE.test(q.label)) || Boolean(isChange(ctx, q)));
  // the change right before, its own rate after it skipped (较年初预算减少2.5万元，减少16.67%；较上年减少1万元)
  const tail = before[before.length - 1];
  const rated = tail !== undefined && tail.unit === '%' && CHANGE_RATE.test(tail.label) && before.length > 1;
  const last = rated ? before[before.length - 2] : tail;
  const parallel = last !== undefined && Boolean(isChange(ctx, last)) && baseOf(ctx, last) !== baseOf(ctx, change);
  let startAt = 0;
  before.forEach((q, k) => {
    if (ends(q) && !(parallel && (q === last || (rated && q === tail)))) startAt = k + 1;
  });
  const same = (q: Q) => !q.year && q.bracketDepth === 0 && usable(p, q) && family(q.unit) === family(change.unit);
  const sharesUnit = (q: Q) => SHARED_UNIT_BEFORE.test(p.text.slice(Math.max(0, q.numberStart - 24), q.numberStart));
  // (a budget stated with its rate, 为…预算46,908万元的80.43%, is no amount the change may be about)
  let scope = before.slice(startAt).filter((q) => same(q) && !(parallel && q === last) && !wholeOfRate(ctx, q));
  const parts = markerParts(ctx, i, p.sentences[change.sentence].start, change.start);
  if (periodPair(ctx, scope, change)) {
    const [a, b] = scope;
    if (scope.every((x) => usable(p, x))) {
      const [previous, current] = earlier(ctx, a, b) ? [a, b] : [b, a];
      return { previous, current, yearPair: true };
    }
  }
  // 预算数为6万元，比上年预算9万元减少3万元: the amount compared with stands right before the change, and the one
  // amount before it is what changed.
  if (scope.length === 2 && comparedAmount(ctx, scope[1]) && !comparedAmount(ctx, scope[0]) && scope.every((x) => usable(p, x))) {
    return { current: scope[0], previous: scope[1], yearPair: false };
  }
  // 20XX年…A万元。比上年的B万元减少X: the previous amount opens this sentence, the current is the sentence before.
  if (scope.length === 1 && comparedAmount(ctx, scope[0])) {
    const current = subjectOfComparison(ctx, scope[0]);
    return current ? { current, previous: scope[0], yearPair: false } : { yearPair: false };
  }
  const byName = comparedByName(ctx, change, scope);
  if (byName) return { ...byName, yearPair: false };
  if (scope.length) {
    const taken = denominatorsIn(ctx, i);
    // A ；-group that states amounts before the change is its statement (…其中：A 40万元，较上年持平；B 242万元，
    // 较上年减少12万元): the change is about those, not the earlier groups'.
    const ownGroup = scope.filter((q) => q.at.container === change.at.container && q.at.group === change.at.group);
    if (ownGroup.length && ownGroup.length < scope.length) scope = ownGroup;
    const candidates = scope.filter((q) => !taken.has(q.value) && !parts.has(q));
    // 收、支总计各是4125.49，4143.91万元: numbers that share one unit written once are as many amounts, and which one
    // changed the text does not say
    if (scope.some(sharesUnit)) return { yearPair: false };
    // 总收入X，其中本年收入A，较上年减少Y: the change is the part's when the list has that one part so far and the
    // change follows it in its own clause (one comma, then the comparison). After several parts (其中A、B，较上年减少Y),
    // or further away, it may be the whole's as well: say nothing.
    const listed = scope.filter((q) => parts.has(q));
    if (listed.length) {
      const nearest = scope[scope.length - 1];
      const ownClause = /^[，,][^，,；;、。：:]*$/.test(p.text.slice(nearest.end, change.start));
      return listed.length === 1 && listed[0] === nearest && ownClause ? { current: nearest, yearPair: false } : { yearPair: false };
    }
    if (candidates.length === 1) return { current: candidates[0], yearPair: false };
    // 收入总计1,250万元、支出总计1,250万元，…，收入、支出总计各增加150万元: each of amounts of one value changed alike
    const each = candidates.length > 1 && /各[\u4e00-\u9fa5]{0,2}$/.test(change.label.replace(CHANGE_WORD, ''))
      && new Set(candidates.map((q) => `${q.value}|${q.unit}`)).size === 1;
    return each ? { current: candidates[candidates.length - 1], yearPair: false } : { yearPair: false };
  }
  // Its ；-group names its subject before the comparison (…；公务用车运行维护费支出决算比预算无增减变化，比去年增加1万元):
  // the one amount the section states under that category.
  const named = namedSubject(ctx, change);
  if (named) return asOfChange(ctx, change, named);
  if (before.some((q) => same(q))) return { yearPair: false };
  // Nothing before it in its sentence: the paragraph's opening sentence, when it states one amount.
  // (1.总体情况。收入总计X，支出总计X。收支较上年减少…: the first sentence that states amounts opens it.)
  const first = qs.find((q) => q.sentence < change.sentence && same(q))?.sentence;
  if (first !== undefined) {
    const opening = qs.filter((q) => q.sentence === first && same(q));
    // Other amounts stated between the opening and the change (其中，A费50万元…。A费比上年减少9万元): the change may be theirs.
    const between = qs.filter((q) => q.sentence > first && q.sentence < change.sentence && same(q) && !isChange(ctx, q));
    if (between.some((q) => !opening.some((o) => o.value === q.value))) return { yearPair: false };
    const values = new Set(opening.map((q) => q.value));
    return values.size === 1 && !opening.some(sharesUnit) ? { current: opening[0], yearPair: false } : { yearPair: false };
  }
  // The change opens its paragraph: the totals the paragraphs just before it open with (收入总计…；支出总计…).
  const totals: Q[] = [];
  const path = ctx.paragraphs[i].path;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const prior = ctx.paragraphs[k];
    if (prior.numbered?.heading || prior.path.length !== path.length || prior.path.some((s, j) => s !== path[j])) break;
    const first = ctx.quantities[k].find((q) => !q.year && q.bracketDepth === 0 && usable(prior.parsed, q));
    if (!first || family(first.unit) !== family(change.unit) || !TOTAL_LABEL.test(first.label)) break;
    totals.push(first);
  }
  const values = new Set(totals.map((q) => q.value));
  return values.size === 1 ? { current: totals[0], yearPair: false } : { yearPair: false };
}

/** 决算数比预算数减少3万元: the subject and the base of a comparison, named in the change's own clause. */
const NAMED_COMPARISON = /^[\s，,；;]*([\u4e00-\u9fa5]{2,12}?)(?:比|较)([\u4e00-\u9fa5]{2,12}?)$/;

/**
 * 预算数15万元，决算数12万元，决算数比预算数减少3万元: the clause names both amounts by the labels they were stated
 * under — exactly one amount of the scope each — so what changed and what it is compared with are stated, not chosen.
 */
function comparedByName(ctx: ProseContext, change: Q, scope: Q[]): { current: Q; previous: Q } | undefined {
  const p = ctx.paragraphs[change.para].parsed;
  const clause = p.sentences[change.sentence]?.clauses[change.clause];
  if (!clause || scope.length < 2) return undefined;
  const words = p.text.slice(clause.start, change.numberStart).replace(CHANGE_WORD, '').replace(/\s+/g, '');
  const m = NAMED_COMPARISON.exec(words);
  if (!m) return undefined;
  const one = (name: string) => {
    const found = scope.filter((q) => q.label.replace(/\s+/g, '').endsWith(name));
    return found.length === 1 ? found[0] : undefined;
  };
  const current = one(m[1]);
  const previous = one(m[2]);
  return current && previous && current !== previous ? { current, previous } : undefined;
}

/** A comparison word that ends a change's subject: 公务用车运行维护费支出决算|比预算… */
const COMPARISON_START = /比|较|与|同比/;
const BUDGETED = /预算/;

/**
 * The amount a change's subject names, when it is of the year the change is stated in: 2022年度…预算较2021年度增加
 * 1.68万元，其中公务接待较上年同期减少0.58万元 after 2021年度…公务接待12.39万元 — the amount of another year is what the
 * change may start from, not what it arrives at. The year is the first one written up to each amount in its paragraph.
 */
function asOfChange(ctx: ProseContext, change: Q, named: Q): { current?: Q; yearPair: boolean } {
  const yearUpTo = (q: Q) => yearIn(ctx.paragraphs[q.para].parsed.text.slice(0, q.start));
  const [own, theirs] = [yearUpTo(change), yearUpTo(named)];
  return own !== undefined && theirs !== undefined && own !== theirs ? { yearPair: false } : { current: named, yearPair: false };
}

/** The members of every group of categories a label names: its place in the budget's classification. */
function categoryKey(label: string): string {
  return CATEGORY_GROUPS.map((g) => [...membersNamed(g, label)].sort().join('+')).join('|');
}

/**
 * The amount a change's subject names, when the change's ；-group opens with a subject specific enough (a member no
 * group divides further: 公务用车的运行, not 公务用车) and its section (the document, for a paragraph before any heading)
 * states one value under that subject's categories
 * — of the same stage (预算 or not) — never a choice among several.
 */
function namedSubject(ctx: ProseContext, change: Q): Q | undefined {
  const i = change.para;
  const p = ctx.paragraphs[i].parsed;
  const sentence = p.sentences[change.sentence];
  const group = change.at.container === ctx.containers(i).find((c) => c.sentence === change.sentence && !c.aside)?.id
    ? sentence.groups[change.at.group] : undefined;
  if (!group) return undefined;
  // the nearest ，-clause of its group up to the change that does not open with a comparison names the subject
  const clauses = group.clauses.filter((c) => c.start <= change.start);
  let subject = '';
  for (let k = clauses.length - 1; k >= 0 && !subject; k--) {
    const text = p.text.slice(clauses[k].start, Math.min(clauses[k].end, change.start)).replace(/^[\s，,；;：:]*(?:其中)?[，,：:]?/, '');
    const cut = COMPARISON_START.exec(text);
    // …决算数比2019年度减少233.34万元，下降39.45%，其中：因公出国（境）费支出决算减少69.08万元: a part of a change's
    // 其中 list takes the whole's comparison; its own clause up to the change word names it
    if (!cut && k === clauses.length - 1 && partOfChangeList(ctx, change)) { subject = text.replace(CHANGE_WORD, ''); break; }
    if (!cut) return undefined;
    subject = text.slice(0, cut.index);
  }
  if (subject.length < 4) return undefined;
  const key = categoryKey(subject);
  // specific enough: one member of a group, that no group divides further or whose every part it names
  // (公务用车购置及运行维护费: the car item whole, not one of its halves)
  const leaf = CATEGORY_GROUPS.some((g) => {
    const m = [...membersNamed(g, subject)];
    if (m.length !== 1) return false;
    const sub = g.sub?.[m[0]] ? groupNamed(g.sub[m[0]]) : undefined;
    return !g.sub?.[m[0]] || (sub !== undefined && membersNamed(sub, subject).size === Object.keys(sub.members).length);
  });
  if (!leaf) return undefined;
  const section = ctx.paragraphs[i].path[0];
  const found: Q[] = [];
  ctx.paragraphs.forEach((para, k) => {
    if (section !== undefined && para.path[0] !== section) return; // before any heading: the whole document
    for (const q of ctx.quantities[k]) {
      if (q === change || q.bracketDepth > 0 || q.year || family(q.unit) !== family(change.unit) || !usable(para.parsed, q)) continue;
      if (isChange(ctx, q) || comparedAmount(ctx, q) || q.unit === '%') continue;
      if (categoryKey(q.label) === key && BUDGETED.test(q.label) === BUDGETED.test(subject)) found.push(q);
    }
  });
  return new Set(found.map((q) => q.value)).size === 1 ? found[0] : undefined;
}

/** What a change is measured against: the budget (比预算), or an earlier period (比上年, 同比, 与2016年相比). */
function baseOf(ctx: ProseContext, q: Q): 'budget' | 'period' {
  return AGAINST_BUDGET.test(ctx.clauseBefore(q)) ? 'budget' : 'period';
}
const AGAINST_BUDGET = /(?:比|较|与)(?:年初)?预算/;

/** Every change statement in paragraph i, in order. */
export function changesIn(ctx: ProseContext, i: number): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  for (const q of ctx.quantities[i]) {
    const direction = isChange(ctx, q);
    if (!direction) continue;
    out.push({ change: q, direction, rate: rateAfter(ctx, q, direction) ?? leadingRate(ctx, q), ...currentOf(ctx, q) });
  }
  return out;
}

/** Words that say an amount did not change: 持平, 无增减变化, 无变化, 未发生变化. */
const UNCHANGED = /持平|无增减变化|无变化|未发生变化|没有变化/;

/**
 * The changes of the parts of the list the whole's amount heads, one per part: the change stated after the part (before
 * the next one), or 0 when it is said in words (和上年持平). undefined when a part's change is not stated either way.
 */
function partChanges(ctx: ProseContext, i: number, whole: ChangeStatement): ChangeStatement[] | undefined {
  const p = ctx.paragraphs[i].parsed;
  const list = listsIn(ctx, i).find((l) => l.whole.total === whole.current && l.parts.length >= 2);
  if (!list) return undefined;
  const out: ChangeStatement[] = [];
  for (const [k, part] of list.parts.entries()) {
    const next = list.parts[k + 1];
    const end = next ? next.start : p.sentences[part.sentence].end;
    const stated = changesIn(ctx, i).filter((st) => st.change.start > part.end && st.change.start < end);
    if (stated.length === 1) { out.push(stated[0]); continue; }
    const said = UNCHANGED.exec(p.text.slice(part.end, end));
    if (stated.length || !said) return undefined;
    const zero: Q = { ...part, raw: said[0], value: 0, decimals: 0, start: part.end + said.index, end: part.end + said.index + said[0].length, label: said[0] };
    out.push({ change: zero, direction: whole.direction, yearPair: false });
  }
  return out;
}

/** The amounts of an item under a whole's change that end in a change word (1.基本支出增加40万元), as changes. */
function inheritedChanges(ctx: ProseContext, k: number, of: Q): ChangeStatement[] {
  const p = ctx.paragraphs[k].parsed;
  return ctx.quantities[k]
    .filter((q) => q.bracketDepth === 0 && family(q.unit) === family(of.unit) && usable(p, q) && CHANGE_WORD.test(q.label))
    .map((q) => {
      const d = directionOfWord(CHANGE_WORD.exec(q.label)![1]);
      return { change: q, direction: d === 'increase' ? 'increase' : 'decrease', yearPair: false } as ChangeStatement;
    });
}

/** 比上年增加X万元，增长Y% with 本期 nearby, or 2016年…A，2015年…B，减少X. */
export function findChanges(ctx: ProseContext, i: number) {
  for (const s of changesIn(ctx, i)) {
    if (!s.current || (!s.rate && !s.previous)) continue;
    const r = {
      kind: 'growth' as const,
      direction: s.direction,
      current: ctx.q(s.current),
      change: ctx.q(s.change),
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(s.change).text.trim(),
    };
    ctx.push({ ...r, ...(s.previous ? { previous: ctx.q(s.previous) } : {}), ...(s.rate ? { rate: ctx.q(s.rate) } : {}) });
  }
}

/**
 * …公务用车…减少2.5万元，其中：购置…增加0万元，运行…减少2.5万元；公务接待费…: a change after a part's own 其中 in
 * that part's ；-group is a change of the part's part, not one more part of the whole's change.
 */
function inNestedList(ctx: ProseContext, i: number, marker: number, change: Q): boolean {
  // the last 其中 after the whole's own and before the change
  let nested = -1;
  for (let m = ofWhichAfter(ctx, i, marker + 1); m >= 0 && m < change.start; m = ofWhichAfter(ctx, i, m + 1)) nested = m;
  if (nested < 0) return false;
  const group = ctx.paragraphs[i].parsed.sentences[change.sentence].groups[change.at.group];
  return group !== undefined && nested >= group.start && change.at.container === ctx.containers(i).find((c) => c.sentence === change.sentence && !c.aside)?.id;
}

/** A part's amount counted in the whole's direction: a decrease inside an increase counts negative. */
function signed(ctx: ProseContext, q: Q, same: boolean): Quantity {
  const out = ctx.q(q);
  return same ? out : { ...out, value: -out.value, raw: `−${out.raw}` };
}

/**
 * The change of a whole = the sum of its parts' changes, when each part's change is stated: after a 其中 in the
 * whole's paragraph, or in the numbered paragraphs after a "如下：". With both years stated for the whole and every
 * part, each year's amounts add up as well.
 */
export function findChangeSums(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  const statements = changesIn(ctx, i);
  if (!statements.length) return;
  const whole = statements[0];
  let parts: ChangeStatement[] = [];
  const marker = ofWhichAfter(ctx, i, whole.change.end);
  if (marker >= 0 && !statements.slice(1).some((s) => s.change.start < marker)) {
    // the changes end where the whole's list of amounts ends, when that list is read (…其中：A…增收a；B…增收b。一般
    // 公共预算支出…增支c: c is another statement's)
    const lastSentence = listsIn(ctx, i).find((l) => whole.current && l.whole.total === whole.current)?.lastSentence ?? Infinity;
    parts = statements.slice(1).filter((s) => s.change.start > marker && family(s.change.unit) === family(whole.change.unit)
      && s.change.sentence <= lastSentence && !inNestedList(ctx, i, marker, s.change));
    // 基本支出…增加399.45万元，主要原因是…，共计增加336.1万元，…；项目支出…减少149.04万元: a change after a reason
    // word in the ；-group of the part's own explains that one
    parts = parts.filter((s, k) => {
      const before = parts[k - 1]?.change;
      return !before || before.sentence !== s.change.sentence || before.at.group !== s.change.at.group
        || !REASON_WORD.test(p.text.slice(before.end, s.change.start));
    });
    // 基本支出较上年增加35.2万元，其中人员经费增加30.1万元，公用经费增加5.1万元: the parts' change words need no
    // comparison of their own after a whole's change
    // (the list right after the whole's change: not one in a reason clause, 主要原因是…项目资金压减，其中…压减7万元)
    const gap = p.text.slice((whole.rate ?? whole.change).end, marker);
    if (!parts.length && !REASON_WORD.test(gap) && gap.replace(/[^\u4e00-\u9fa5]/g, '').length <= 8) {
      parts = inheritedChanges(ctx, i, whole.change).filter((s) => s.change.start > marker && s.change.sentence === whole.change.sentence);
    }
    // 合计9万元，比上年减少2万元。其中：A 5万元，…比上年减少2万元，B 4万元，…和上年持平: a part whose change is
    // said in words (持平, 无增减变化) changed by 0
    if (parts.length < 2 && whole.current) parts = partChanges(ctx, i, whole) ?? parts;
  }
  if (parts.length < 2 && statements.length === 1 && (/如下[：:]\s*$/.test(p.text) || endsWithOfWhich(p.text))) {
    parts = [];
    const first = ctx.paragraphs[i + 1]?.numbered;
    const own = (k: number) => {
      const found = changesIn(ctx, k).filter((s) => family(s.change.unit) === family(whole.change.unit));
      // 1.基本支出增加40万元: under a change against last year, an item's change word needs no comparison of its own
      return found.length ? found : inheritedChanges(ctx, k, whole.change);
    };
    let items = 0;
    for (let k = i + 1; k < ctx.paragraphs.length && first; k++) {
      const n = ctx.paragraphs[k].numbered;
      if (!n || n.family !== first.family || n.value !== items + 1) break;
      items++;
      const changes = own(k);
      if (changes.length === 1) { parts.push(changes[0]); continue; }
      // （二）公务用车购置及运行费X万元。其中： / 1、…减少A万元 / 2、…减少B万元: an item stating no change of
      // its own has the changes of its sub-items, one each, numbered otherwise
      const sub: ChangeStatement[] = [];
      let j = k + 1;
      for (; !changes.length && endsWithOfWhich(ctx.paragraphs[k].parsed.text) && j < ctx.paragraphs.length; j++) {
        const m = ctx.paragraphs[j].numbered;
        if (!m || m.family === first.family || m.value !== sub.length + 1) break;
        const theirs = own(j);
        if (theirs.length !== 1) { sub.length = 0; break; }
        sub.push(theirs[0]);
      }
      if (sub.length < 2) { parts = []; break; }
      parts.push(...sub);
      k = j - 1;
    }
  }
  if (parts.length < 2) return;
  ctx.push({
    kind: 'sum',
    total: ctx.q(whole.change),
    parts: parts.map((s) => signed(ctx, s.change, s.direction === whole.direction)),
    exhaustive: false,
    location: ctx.paragraphs[i].location,
    evidence: ctx.sentenceOf(whole.change).text.trim(),
  });
  if (!whole.yearPair || !parts.every((s) => s.yearPair)) return;
  for (const key of ['previous', 'current'] as const) {
    ctx.push({
      kind: 'sum',
      total: ctx.q(whole[key]!),
      parts: parts.map((s) => ctx.q(s[key]!)),
      exhaustive: false,
      location: ctx.paragraphs[i].location,
      evidence: ctx.sentenceOf(whole.change).text.trim(),
    });
  }
}

/** 分别/各 before a list of amounts: the k-th amount belongs to the k-th subject (收、支总计分别为A、B，分别增加X、Y). */
const RESPECTIVELY = /分别|各/;

/** A clause's run of 、-items holding one amount each, after 分别/各: one amount per subject, in order. */
function parallelRun(ctx: ProseContext, i: number, clause: { start: number; items: Array<{ elements: Array<{ kind: string }> }> }): Q[] | undefined {
  const amounts: Q[] = [];
  for (const item of clause.items) {
    const qs = item.elements.flatMap((e) => (e.kind === 'quantity' ? [(e as unknown as { q: { start: number } }).q] : []));
    if (qs.length !== 1) { amounts.length = 0; continue; }
    const q = ctx.quantityAt(i, qs[0].start);
    if (!q || q.year) { amounts.length = 0; continue; }
    amounts.push(q);
  }
  if (amounts.length < 2) return undefined;
  const p = ctx.paragraphs[i].parsed;
  return RESPECTIVELY.test(p.text.slice(clause.start, amounts[0].start)) ? amounts : undefined;
}

/**
 * Parallel lists: 收、支总计分别为A、B，较上年分别增加X、Y，分别增长P%、Q% — the k-th amount, change and rate are one
 * subject's, paired by position as the writer's 分别/各 says: a growth relation per subject.
 */
export function findParallelChanges(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  p.sentences.forEach((sentence) => {
    const runs = sentence.groups.flatMap((g) => g.clauses).map((c) => parallelRun(ctx, i, c)).filter((r): r is Q[] => r !== undefined);
    const heads = runs.find((r) => r.every((q) => q.unit !== '%' && !CHANGE_WORD.test(r[0].label)));
    const changes = runs.find((r) => r !== heads && r[0].unit !== '%' && CHANGE_WORD.test(r[0].label) && isChange(ctx, r[0]));
    if (!heads || !changes || heads.length !== changes.length || heads[0].start > changes[0].start) return;
    if (heads.some((q, k) => family(q.unit) !== family(changes[k].unit) || !usable(p, q) || !usable(p, changes[k]))) return;
    const direction = isChange(ctx, changes[0])!;
    const rates = runs.find((r) => r.every((q) => q.unit === '%') && r.length === heads.length && r[0].start > changes[0].start
      && CHANGE_RATE.test(r[0].label.replace(RESPECTIVELY, '')));
    // without its rates a change states nothing more to check (previous = current ∓ change)
    if (!rates) return;
    heads.forEach((current, k) => {
      ctx.push({
        kind: 'growth', direction, current: ctx.q(current), change: ctx.q(changes[k]), rate: ctx.q(rates[k]),
        location: ctx.paragraphs[i].location, evidence: sentence.text.trim(),
      });
    });
  });
}
