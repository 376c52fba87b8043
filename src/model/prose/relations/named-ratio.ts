// The genre's named ratios (药占比, 兑付比例, 资金使用率, 超任务 …): the ratio names its own operands, so they are found
// by their names where its sentence states none — in its paragraph, or in the whole document for a label that names
// its thing (实际改造数超任务: 实际 … 改造 and 改造任务) — each stated with one value there, never picked among several.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import { NAMED_RATIOS, PREVIOUS_PERIOD_WORDS, RATIO_THING_FILLER, WRITTEN_YEAR, alternation, type NamedRatio } from '../../../lexicon/index.js';
import { isSatellite, listOf, markerParts } from './of-which.js';

const YEAR_OR_PREVIOUS = new RegExp(`${WRITTEN_YEAR}|${alternation(PREVIOUS_PERIOD_WORDS)}`);

const PREVIOUS = new RegExp(alternation(PREVIOUS_PERIOD_WORDS));

/** The year or previous period an operand's clause names (the label drops them): 2022年任务 → 2022年, 上年任务 → 上年. */
function periodOf(ctx: ProseContext, q: Q): string {
  const p = ctx.paragraphs[q.para].parsed;
  const clause = p.text.slice(p.sentences[q.sentence].start, q.start).split(/[，,；;：:（(]/).pop() ?? '';
  return YEAR_OR_PREVIOUS.exec(clause)?.[0].replace(/\s+/g, '') ?? '';
}

/** The thing a ratio's label names beside its name and operand words: 我市实际改造数超任务 → 改造. */
function thingOf(ratio: NamedRatio, label: string): string {
  return label.replace(ratio.pattern, '').replace(RATIO_THING_FILLER, '').replace(ratio.numerator, '').replace(ratio.denominator, '');
}

/** The one value stated under a name in the paragraphs given: undefined when none or several values are. */
function named(ctx: ProseContext, paragraphs: number[], words: RegExp, other: RegExp, thing: string, exclude: Q): Q | undefined {
  // (the thing narrows a search over the whole document; in its paragraph the ratio's own words suffice)
  const found: Q[] = [];
  for (const k of paragraphs) {
    const p = ctx.paragraphs[k].parsed;
    for (const q of ctx.quantities[k]) {
      // a bracket right after the ratio states its operand (超额完成任务20%（任务100万元）), unless it names a period
      // of its own (（2022年任务…）, （上年…）): that may be another year's
      const opening = q.para === exclude.para && q.start > exclude.end ? p.text.slice(exclude.end, q.start) : '';
      const ownBracket = /^[（(][^（）()]*$/.test(opening) && !YEAR_OR_PREVIOUS.test(opening);
      if (q === exclude || (q.bracketDepth > 0 && !ownBracket) || !usable(p, q) || q.unit === '%' || isSatellite(ctx, q) || listOf(ctx, q)) continue;
      if (!words.test(q.label) || other.test(q.label) || (thing && !q.label.includes(thing))) continue;
      found.push(q);
    }
  }
  return new Set(found.map((q) => `${q.value}|${q.unit}`)).size === 1 ? found[0] : undefined;
}

/**
 * Another amount of the denominator's kind in its sentence, before the ratio, that neither operand's words name,
 * in its ；-group and no part of a list:
 * 省级下达奖补资金200万元，县级配套资金50万元，已兑付230万元，兑付比例92% divides by both sources (250), not by the
 * one 下达 names. The whole is then not stated: no relation.
 */
function unnamedBeside(ctx: ProseContext, ratio: NamedRatio, denominator: Q, numerator: Q, r: Q): boolean {
  const p = ctx.paragraphs[denominator.para].parsed;
  const end = r.para === denominator.para && r.sentence === denominator.sentence ? r.start : Infinity;
  // (in the denominator's ；-group: 卫生材料收入…；医疗收入…。药占比 names another item; a 其中 part is the whole's)
  const sameGroup = (q: Q) => !/[；;]/.test(p.text.slice(Math.min(q.end, denominator.end), Math.max(q.start, denominator.start)));
  const sentence = p.sentences[denominator.sentence];
  const parts = markerParts(ctx, denominator.para, sentence.start, Math.min(end, sentence.start + sentence.text.length));
  return ctx.quantities[denominator.para].some((q) => q !== denominator && q !== numerator && q.sentence === denominator.sentence && !parts.has(q)
    && q.start < end && q.bracketDepth === 0 && q.unit !== '%' && family(q.unit) === family(denominator.unit) && usable(p, q)
    && !isSatellite(ctx, q) && !listOf(ctx, q) && sameGroup(q) && !ratio.numerator.test(q.label) && !ratio.denominator.test(q.label));
}

export function findNamedRatios(ctx: ProseContext, i: number) {
  const p = ctx.paragraphs[i].parsed;
  for (const r of ctx.quantities[i]) {
    if (r.unit !== '%' || !usable(p, r)) continue;
    const ratio = NAMED_RATIOS.find((n) => n.pattern.test(r.label));
    if (!ratio) continue;
    // the rate read from its own sentence already (rate.ts) is not read again
    const block = ctx.paragraphs[i].location.block;
    if (ctx.relations.some((x) => (x.kind === 'rate' || x.kind === 'growth') && x.rate?.raw === r.raw && x.rate.location.block === block)) continue;
    const thing = thingOf(ratio, r.label);
    // a ratio that names no thing (超额完成20%) has its operands named in its own paragraph, or none
    const inParagraph = ratio.scope === 'paragraph' || thing.length < 2;
    const scope = inParagraph ? [i] : ctx.paragraphs.map((_, k) => k);
    const narrow = inParagraph ? '' : thing;
    const numerator = named(ctx, scope, ratio.numerator, ratio.denominator, narrow, r);
    const denominator = named(ctx, scope, ratio.denominator, ratio.numerator, narrow, r);
    if (!numerator || !denominator || family(numerator.unit) !== family(denominator.unit)) continue;
    if (unnamedBeside(ctx, ratio, denominator, numerator, r)) continue;
    // operands found by their words alone in a paragraph are one period's: a task of a year the actual does not name
    // (2022年任务, 上年任务) or a previous year's actual is another comparison
    if (inParagraph && ratio.scope === 'document') {
      const [actualPeriod, taskPeriod] = [periodOf(ctx, numerator), periodOf(ctx, denominator)];
      if (PREVIOUS.test(actualPeriod) || (taskPeriod && taskPeriod !== actualPeriod)) continue;
    }
    const evidence = [...new Set([denominator, numerator, r].map((q) => ctx.sentenceOf(q).text.trim()))].join('');
    const location = ctx.paragraphs[i].location;
    // an operand of a thing-less ratio from another sentence of its paragraph was inferred, not stated beside it
    const assumed = ratio.scope === 'document' && inParagraph
      ? [denominator, numerator].filter((q) => q.sentence !== r.sentence).map((q) => ({ kind: 'other-sentence' as const, quantity: ctx.q(q) }))
      : [];
    if (ratio.form === 'excess') {
      ctx.push({ kind: 'growth', direction: 'increase', previous: ctx.q(denominator), current: ctx.q(numerator), rate: ctx.q(r), location, evidence,
        ...(assumed.length ? { assumed } : {}) });
    } else {
      ctx.push({ kind: 'rate', name: ratio.name, rate: ctx.q(r), numerator: ctx.q(numerator), denominators: [ctx.q(denominator)], location, evidence });
    }
  }
}
