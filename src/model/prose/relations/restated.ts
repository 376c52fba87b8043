// A figure stated twice in one document: the same allocation cited by its document number (某财农【2022】8号…下达
// 甲县…8万元 / …8号…下达甲县…9万元), or one labelled amount of one period, stage and scope (基本支出600.52万元 /
// （一）基本支出600.25万元). Only stated figures, never derived ones; only keys that name one figure.
import type { ProseContext, Q } from './context.js';
import { family, usable } from './context.js';
import {
  CATEGORY_GROUPS, CHINESE_ORDINAL_CHARS, DIGIT, ORGANISATION_SUFFIXES, WRITTEN_YEAR, PROSE_TOTAL_WORDS, REASON_WORD, alternation, membersNamed, outsideBrackets,
} from '../../../lexicon/index.js';
import { CHANGE_WORD } from './periods.js';
import { isSatellite, listOf } from './of-which.js';

/** The verbs of an allocation a document number decides: 下达, 拨付, 安排. */
const ALLOCATES = /(下达|拨付|安排)/;
/** Where an allocation goes, right after its verb: a place or a body (甲县, 我区, 某某镇). */
const RECIPIENT = new RegExp(`^(?:[我本][县区市镇乡]|[\\u4e00-\\u9fa5*＊]{1,16}?(?:${alternation([...ORGANISATION_SUFFIXES, '县', '区', '市', '省', '州', '旗'])}))`);

/** 预算 and 决算, 年初 and 年末 …: the stage words a label must share to name one figure (they are in the label). */
const TOTAL = new RegExp(alternation(PROSE_TOTAL_WORDS));
/** People counted by a whole (实有人数, 编制人数): one figure each per period. */
const HEADCOUNT = /实有|编制/;

/** The year of a quantity's sentence before it (2023年度基本支出…), or undefined. */
function yearBefore(ctx: ProseContext, q: Q): number | undefined {
  return ctx.quantities[q.para].filter((y) => y.year && y.sentence === q.sentence && y.start < q.start).pop()?.value;
}

/**
 * The key of a labelled amount that names one figure, or undefined: a specific label (a total word, a headcount, or
 * one member of the budget's categories, four characters or more), not a change, a share, a part of a list (the parts
 * of two wholes are two figures) or an amount of a reason clause; qualified by the year its sentence names.
 */
function labelKey(ctx: ProseContext, q: Q): string | undefined {
  const p = ctx.paragraphs[q.para].parsed;
  if (q.bracketDepth > 0 || !usable(p, q) || isSatellite(ctx, q) || listOf(ctx, q) || !['money', 'persons'].includes(family(q.unit))) return undefined;
  const label = q.label;
  if (label.length < 4 || CHANGE_WORD.test(label) || /占|率|比重/.test(label)) return undefined;
  // (年初预算数, 调整预算: a stage of a budget, not an item — the item is named elsewhere)
  const named = CATEGORY_GROUPS.filter((g) => !STAGE_GROUPS.has(g.name)).map((g) => membersNamed(g, label).size).reduce((a, n) => a + n, 0);
  if (!TOTAL.test(label) && !(family(q.unit) === 'persons' && HEADCOUNT.test(label)) && named !== 1) return undefined;
  const sentence = p.sentences[q.sentence];
  const reason = REASON_WORD.exec(outsideBrackets(sentence.text));
  if (reason && q.start >= sentence.start + reason.index) return undefined;
  return `${yearBefore(ctx, q) ?? ''}|${label}|${family(q.unit)}|${scopeOf(ctx, q)}|${qualifiersOf(ctx, q)}|${subjectOf(ctx, q)}`;
}

/** Words of the lead that name no subject: the year, 截至 and outline numbers, punctuation. */
const ORDINAL = `(?:[${CHINESE_ORDINAL_CHARS}]+|${DIGIT}+)`;
const NOT_SUBJECT = new RegExp(`[（(]${ORDINAL}[）)]|^\\s*${ORDINAL}[、.．]|${WRITTEN_YEAR}(?:度|底|末|初)?|截至|截止|[\\s，,、；;：:。（）()“”"]`, 'g');
/**
 * What the text says before the label since the amount before it in its sentence (or the sentence's start): the
 * subject whose figure it is (城关镇 / 东山镇, 本单位 / 下属单位, 项目一：道路改造，…) and its time within the year
 * (截至6月底 / 截至12月底). Two statements name one figure only when these agree too.
 */
function subjectOf(ctx: ProseContext, q: Q): string {
  const p = ctx.paragraphs[q.para].parsed;
  // (the amount before: of the same kind; a year or a date (6月底) is part of the lead)
  const prev = ctx.quantities[q.para].filter((x) => x.sentence === q.sentence && x.end <= q.start && !x.year && family(x.unit) === family(q.unit)).pop();
  const lead = p.text.slice(prev ? prev.end : p.sentences[q.sentence].start, q.start).replace(NOT_SUBJECT, '');
  const at = lead.lastIndexOf(q.label.replace(NOT_SUBJECT, ''));
  return at >= 0 ? lead.slice(0, at) : lead;
}

/** An outline number in brackets (（一）基本支出…): no qualifier. */
const OUTLINE_NUMBER = new RegExp(`^${ORDINAL}$`);
/**
 * The asides of the amount's clause before it, which narrow what its label names: 项目支出预算（调整后）160万元 is
 * not 项目支出预算150万元, nor 支出（含上年结转）the 支出 without it. (The label itself leaves them out.)
 */
function qualifiersOf(ctx: ProseContext, q: Q): string {
  const p = ctx.paragraphs[q.para].parsed;
  const clause = p.sentences[q.sentence].clauses[q.clause];
  const before = p.text.slice(clause?.start ?? p.sentences[q.sentence].start, q.start);
  return [...before.matchAll(/[（(]([^（）()]*)[）)]/g)].map((m) => m[1].replace(/\s+/g, ''))
    .filter((x) => !OUTLINE_NUMBER.test(x)).join('+');
}

/** Groups that name a stage of an amount, not the thing it is. */
const STAGE_GROUPS = new Set(['预算调整']);
/** Words that narrow what a sentence's amounts cover: a fund (一般公共预算年末结转和结余 vs the department's), a level. */
const SCOPE_WORDS = /一般公共预算|政府性基金|国有资本经营|财政拨款|本级|汇总|部门|单位|机关/g;
/** Words that refer the sentence to its section's subject: 该类项目…涉及预算总金额, 本项目… */
const SECTION_SUBJECT = /该类|此类|该项目|本项目|该项|上述/;

/** What narrows a statement besides its label: the scope words of its sentence before it, and its section when referred to. */
function scopeOf(ctx: ProseContext, q: Q): string {
  const p = ctx.paragraphs[q.para].parsed;
  const before = p.text.slice(p.sentences[q.sentence].start, q.start);
  const words = [...new Set(before.match(SCOPE_WORDS) ?? [])].sort();
  // 常年项目绩效分析。该类项目…: what 该类 refers to is said before it in the paragraph, or in the section's title
  const path = ctx.paragraphs[q.para].path;
  const said = p.text.slice(0, p.sentences[q.sentence].start).trim();
  if (SECTION_SUBJECT.test(before)) words.push(said || (path[path.length - 1]?.title ?? `@${q.para}`));
  return words.join('+');
}

/** The key of an allocation cited by a document number: the number and the recipient, one amount in the sentence. */
function documentKey(ctx: ProseContext, q: Q): string | undefined {
  const p = ctx.paragraphs[q.para].parsed;
  // the document numbers the sentence cites, as the grammar read them
  const refs = ctx.containers(q.para).filter((c) => c.sentence === q.sentence)
    .flatMap((c) => c.elements.flatMap((x) => (x.element.kind === 'docref' ? [x.element] : [])));
  if (refs.length !== 1 || family(q.unit) !== 'money' || q.bracketDepth > 0 || !usable(p, q) || isSatellite(ctx, q)) return undefined;
  const amounts = ctx.quantities[q.para].filter((x) => x.sentence === q.sentence && family(x.unit) === 'money' && x.bracketDepth === 0);
  if (amounts.length !== 1 || refs[0].end > q.start) return undefined;
  // the last allocation verb before the amount, not one inside a cited title (《关于下达…的通知》)
  const before = p.text.slice(refs[0].end, q.start).replace(/《[^》]*》/g, '');
  const verb = [...before.matchAll(new RegExp(ALLOCATES.source, 'g'))].pop();
  if (!verb) return undefined;
  const recipient = RECIPIENT.exec(before.slice(verb.index! + verb[0].length))?.[0];
  return recipient ? `${refs[0].raw.replace(/\s+/g, '')}|${recipient}` : undefined;
}

/** Every figure stated more than once under one key: the first statement against each later one. */
export function findRestated(ctx: ProseContext) {
  const byKey = new Map<string, Q[]>();
  for (let i = 0; i < ctx.paragraphs.length; i++) {
    for (const q of ctx.quantities[i]) {
      const key = documentKey(ctx, q) ?? labelKey(ctx, q);
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), q]);
    }
  }
  for (const [key, qs] of byKey) {
    const [first, ...later] = qs;
    const cited = documentKey(ctx, first) !== undefined;
    for (const second of later) {
      if (second.para === first.para && second.start === first.start) continue;
      if (cited && !sameObject(ctx, first, second)) continue;
      // a labelled amount in another section may be that section's subject's (一、道路改造项目 / 二、管网铺设项目,
      // 一、预算情况 / 二、决算情况): the sections' titles, not the sentences, would say it is one figure
      const section = (q: Q) => ctx.paragraphs[q.para].path[ctx.paragraphs[q.para].path.length - 1];
      const assumed = !cited && section(first) !== section(second) ? [{ kind: 'other-section' as const, quantity: ctx.q(first) }] : undefined;
      ctx.push({
        kind: 'restated', key: key.split('|').filter(Boolean).slice(0, 2).join(' '), first: ctx.q(first), second: ctx.q(second),
        location: ctx.paragraphs[second.para].location, evidence: ctx.sentenceOf(second).text.trim(), ...(assumed ? { assumed } : {}),
      });
    }
  }
}

/** The label of an allocation that names no object of its own: 资金, 专项资金, 预算. */
const GENERIC_OBJECT = /^(?:专项|补助)?(?:资金|经费|预算)?$/;
/**
 * Two allocations under one document number to one recipient are one figure unless they name two objects (项目资金 /
 * 管理费) or an aside narrows one of them (资金（第二批）): a generic label (资金) names the document's whole allocation.
 */
function sameObject(ctx: ProseContext, a: Q, b: Q): boolean {
  if (qualifiersOf(ctx, a) !== qualifiersOf(ctx, b)) return false;
  const object = (q: Q) => objectOf(q.label);
  return object(a) === object(b) || GENERIC_OBJECT.test(object(a)) || GENERIC_OBJECT.test(object(b));
}
/** What an allocation's label names after its verb and recipient (下达我县衔接资金 → 衔接资金), without its year. */
function objectOf(label: string): string {
  const after = label.replace(new RegExp(`^.*${ALLOCATES.source}`), '').replace(new RegExp(`${WRITTEN_YEAR}度?`, 'g'), '').trim();
  return after.replace(RECIPIENT, '').trim();
}
