// What every relation detector shares: the parsed paragraphs, their quantities, and helpers on units and markers.
import type { Location } from '../../../findings.js';
import type { Quantity, Relation, Section } from '../../schema.js';
import type { LabelledQuantity, ParsedParagraph, Sentence } from '../phrases.js';
import { containersOf, type Container } from '../lists.js';
import type { MarkerList } from './of-which.js';
import type { NumberedLine } from '../outline.js';
import { ENDS_IN_TOTAL_WORD, OWNER_SUFFIXES, SELF_OWNER, WHOLE_PREFIX, alternation, unitFamily } from '../../../lexicon/index.js';

export interface ProseParagraph {
  parsed: ParsedParagraph;
  location: Location;
  /** sections the paragraph falls under, outermost first */
  path: Section[];
  numbered: NumberedLine | null;
}

/** A stated quantity and the index of its paragraph. */
export type Q = LabelledQuantity & { para: number };


export const family = unitFamily;

/** 支出合计 / 收入总计 / 支出总额 / 预算总金额: a total named by its total word last. */
const TOTAL_SUFFIX = ENDS_IN_TOTAL_WORD;
/**
 * What may stand before the thing a total totals: the writer (SELF_OWNER: 我院, 部门, 全县 …, or its name: 某某学院,
 * 某某镇人民政府), the year (本年度).
 */
const OWNER = new RegExp(`^(?:本年度?|全年|年度|度)?(?:${SELF_OWNER}|[\\u4e00-\\u9fa5]{2,24}(?:${alternation(OWNER_SUFFIXES)}))?(?:本年度?|全年)?$`);

/** 一般公共预算收入累计完成310682万元: how far the thing got, after its name; the share's 占一般公共预算收入的 names the thing. */
const DONE_SO_FAR = /(?:累计)?(?:完成|实现)$/;

/** Same kind of thing: amounts with amounts, people with people (a 个 of people counts as a person). */
export function compatible(total: Q, part: Q): boolean {
  const ft = family(total.unit);
  const fp = family(part.unit);
  if (!ft || !fp) return false;
  if (ft === fp) return true;
  return ft === 'persons' && part.unit === '个' && /人|干部|人才|职工/.test(part.label);
}

export function toQuantity(q: LabelledQuantity, location: Location): Quantity {
  const out: Quantity = { raw: q.raw, value: q.value, decimals: q.decimals, location };
  if (q.unit) out.unit = q.unit;
  if (q.label) out.label = q.label;
  if (q.comparator) out.comparator = q.comparator;
  return out;
}

/** A figure that states a bound (95%以上, 2%以内) or a target, not a measured value. */
export function isBound(p: ParsedParagraph, q: LabelledQuantity): boolean {
  return Boolean(q.comparator || q.approximate || q.year || q.ordinal) || /^\s*(?:以上|以内|以下|左右|之内|及以上|内(?!设))/.test(p.text.slice(q.end));
}

export function usable(p: ParsedParagraph, q: LabelledQuantity): boolean {
  return !isBound(p, q) && q.unit !== undefined;
}

/** The paragraphs of one document and the relations found in them so far, in the order they were found. */
export class ProseContext {
  readonly relations: Relation[] = [];
  readonly quantities: Q[][];

  /** what the list reader found, per paragraph (read once) */
  readonly cache = { lists: new Map<number, MarkerList[]>(), containers: new Map<number, Container[]>() };
  private readonly byStart: Array<Map<number, Q>>;

  constructor(readonly paragraphs: ProseParagraph[]) {
    this.quantities = paragraphs.map((p, i) => p.parsed.quantities.map((q) => ({ ...q, para: i })));
    this.byStart = this.quantities.map((qs) => new Map(qs.map((q) => [q.start, q])));
  }

  /** The quantity of paragraph i that starts at `start`. */
  quantityAt(i: number, start: number): Q | undefined {
    return this.byStart[i].get(start);
  }

  /** The containers (sentences and asides) of paragraph i, with their elements in order. */
  containers(i: number): Container[] {
    let c = this.cache.containers.get(i);
    if (!c) this.cache.containers.set(i, c = containersOf(this.paragraphs[i].parsed));
    return c;
  }

  q(q: Q): Quantity {
    return toQuantity(q, this.paragraphs[q.para].location);
  }

  sentenceOf(q: Q): Sentence {
    return this.paragraphs[q.para].parsed.sentences[q.sentence];
  }

  /** The words of a quantity's ，-clause up to it (较年初预算减少 / 一级指标: a 一级 is read as a number of its own). */
  clauseBefore(q: Q): string {
    const p = this.paragraphs[q.para].parsed;
    return p.text.slice(p.sentences[q.sentence].clauses[q.clause]?.start ?? q.start, q.start);
  }

  push(r: Relation) {
    this.relations.push(r);
  }

  /**
   * The whole a share names (占总支出的): the latest non-percent quantity in this or the five paragraphs before whose
   * label is exactly `label`, or the writer's own name for it (本年收入合计 for 收入合计, 我院支出合计 for 支出合计); failing
   * that, one stated as a total of the same thing (总支出 = 支出合计, 我院支出合计). Further back, within the same
   * top-level section (一、收入决算情况 … （三）…占收入合计的Y%), only a whole the section states with one value.
   */
  findByLabel(i: number, label: string, before: number): Q | undefined {
    const inReach = (k: number) => this.quantities[k].filter((q) => q.unit !== '%' && (k < i || q.start < before));
    const owned = (q: Q, thing: string) => {
      const label = q.label.replace(DONE_SO_FAR, '');
      return label.endsWith(thing) && OWNER.test(label.slice(0, label.length - thing.length));
    };
    const near: number[] = [];
    for (let k = i; k >= Math.max(0, i - 5); k--) near.push(k);
    for (const k of near) {
      const found = inReach(k).filter((q) => q.label === label);
      if (found.length) return found[found.length - 1];
    }
    const agreed = (qs: Q[]) => (new Set(qs.map((q) => q.value)).size === 1 ? qs[0] : undefined);
    const named = agreed(near.flatMap((k) => inReach(k).filter((q) => owned(q, label))));
    if (named) return named;
    const thing = WHOLE_PREFIX.exec(label) ? label.replace(WHOLE_PREFIX, '') : '';
    if (thing.length >= 2) {
      const totals: Q[] = [];
      for (const k of near) {
        for (const q of inReach(k)) {
          const m = TOTAL_SUFFIX.exec(q.label);
          if (m && owned({ ...q, label: q.label.slice(0, m.index) }, thing)) totals.push(q);
        }
      }
      if (agreed(totals)) return totals[totals.length - 1];
    }
    const section = this.paragraphs[i].path[0];
    if (!section) return undefined;
    const far: Q[] = [];
    for (let k = i - 6; k >= 0 && this.paragraphs[k].path[0] === section; k--) far.push(...inReach(k).filter((q) => owned(q, label)));
    return agreed(far);
  }
}
