// Relations that report sentences claim (rates, shares, sums, growth, list counts, scores, grades), read from parsed paragraphs.
import type { Location } from '../findings.js';
import type { GradeBand, Quantity, Relation, RelationOf, Section } from './schema.js';
import type { LabelledQuantity, ParsedParagraph, Sentence } from './prose-phrases.js';
import { classifyNumberedLine, type NumberedLine } from './prose-outline.js';
import { ENUMERATION_INTRO, readEnumeration } from './prose-enumeration.js';

export interface ProseParagraph {
  parsed: ParsedParagraph;
  location: Location;
  /** sections the paragraph falls under, outermost first */
  path: Section[];
  numbered: NumberedLine | null;
}

type Q = LabelledQuantity & { para: number };

/** Between a total and its 其中/含: punctuation, or a short noun (共有27个部门预算项目，其中…). */
const BETWEEN_TOTAL_AND_MARKER = /^[\u4e00-\u9fa5]{0,8}[\s，,。：:（(]*$/;
const RATE_NAME = /([\u4e00-\u9fa5]*?(?:执行率|到位率|完成率|控制率|支付率|使用率|拨付率))$/;
const PART_STOP = /实际|合计|共计|总计|累计/;

const MONEY = new Set(['元', '万元', '亿元', '千元']);
const PERSONS = new Set(['人', '名']);

function family(unit: string | undefined): string {
  if (!unit) return '';
  if (MONEY.has(unit)) return 'money';
  if (PERSONS.has(unit)) return 'persons';
  if (unit === '%') return 'percent';
  return unit;
}

/** Same kind of thing: amounts with amounts, people with people (a 个 of people counts as a person). */
function compatible(total: Q, part: Q): boolean {
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
function isBound(p: ParsedParagraph, q: LabelledQuantity): boolean {
  return Boolean(q.comparator || q.approximate || q.year || q.ordinal) || /^\s*(?:以上|以内|以下|左右|之内|及以上|内)/.test(p.text.slice(q.end));
}

function usable(p: ParsedParagraph, q: LabelledQuantity): boolean {
  return !isBound(p, q) && q.unit !== undefined;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const LOWER_SYM = '(≥|>=|＞|>|≧)';
const UPPER_SYM = '(≤|<=|＜|<|≦)';
const SCORE_WORD = '(?:得分|分数|总分|评分|综合得分|分值)';
const GRADE = '(优秀|良好|优|良|中等|中|合格|一般|及格|较差|差|不合格)';
/** How a clause states a grade band (85≤得分＜95为良好; 得分≥95分为优秀; 60分以下为差 …). */
const GRADE_FORMS: Array<[RegExp, (m: RegExpExecArray) => GradeBand]> = [
  [new RegExp(`${NUM}\\s*${UPPER_SYM}\\s*${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[5], min: +m[1], minInclusive: /≤|<=|≦/.test(m[2]), max: +m[4], maxInclusive: /≤|<=|≦/.test(m[3]),
  })],
  [new RegExp(`${SCORE_WORD}\\s*${LOWER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: +m[2], minInclusive: /≥|>=|≧/.test(m[1]), maxInclusive: false,
  })],
  [new RegExp(`${SCORE_WORD}\\s*${UPPER_SYM}\\s*${NUM}\\s*分?\\s*(?:的)?为\\s*${GRADE}$`), (m) => ({
    grade: m[3], max: +m[2], maxInclusive: /≤|<=|≦/.test(m[1]), minInclusive: true,
  })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*以上\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], min: +m[1], minInclusive: true, maxInclusive: false })],
  [new RegExp(`${NUM}\\s*分?\\s*以下\\s*为\\s*${GRADE}$`), (m) => ({ grade: m[2], max: +m[1], maxInclusive: false, minInclusive: true })],
  [new RegExp(`${NUM}\\s*分?\\s*[（(]含[）)]\\s*[-—－~～至到]\\s*${NUM}\\s*分?\\s*为\\s*${GRADE}$`), (m) => ({
    grade: m[3], min: +m[1], minInclusive: true, max: +m[2], maxInclusive: false,
  })],
];
// Every form ends its clause with 为 and a grade: a paragraph with no clause ending so states no band.
const GRADE_CLAUSE_END = new RegExp(`为\\s*${GRADE}\\s*(?=[；;。，,]|$)`);

export class RelationFinder {
  readonly relations: Relation[] = [];
  private readonly quantities: Q[][];

  constructor(private readonly paragraphs: ProseParagraph[]) {
    this.quantities = paragraphs.map((p, i) => p.parsed.quantities.map((q) => ({ ...q, para: i })));
  }

  private q(q: Q): Quantity {
    return toQuantity(q, this.paragraphs[q.para].location);
  }

  private sentenceOf(q: Q): Sentence {
    return this.paragraphs[q.para].parsed.sentences[q.sentence];
  }

  private push(r: Relation) {
    this.relations.push(r);
  }

  run(): Relation[] {
    for (let i = 0; i < this.paragraphs.length; i++) {
      this.rates(i);
      this.shares(i);
      this.partSums(i);
      this.adjustedSums(i);
      this.growth(i);
      this.listCounts(i);
      this.itemListSums(i);
      this.scores(i);
      this.grades(i);
      this.gradeBands(i);
    }
    this.sectionMaxima();
    this.totalScoreSum();
    return this.relations;
  }

  // ── rates ────────────────────────────────────────────────────────────────
  /** Money amounts labelled as whole-year budgets anywhere before: 调整后/调整预算/全年预算. */
  private wholeBudgets(before: number): Q[] {
    const out: Q[] = [];
    for (let i = 0; i < before; i++) {
      for (const q of this.quantities[i]) {
        if (family(q.unit) === 'money' && q.value > 0 && q.bracketDepth === 0 && /调整后|调整预算|全年预算/.test(q.label)
          && !/中期|年中|追加|调增|调减/.test(q.label) && usable(this.paragraphs[i].parsed, q)) out.push(q);
      }
    }
    return out;
  }

  private rates(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i];
    for (const rate of qs) {
      if (rate.unit !== '%' || !usable(p, rate)) continue;
      const name = RATE_NAME.exec(rate.label)?.[1];
      if (!name) continue;
      // Local scope: the sentence up to this rate, after any earlier rate in it.
      const sameSentence = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
      const lastRate = [...sameSentence].reverse().find((q) => q.unit === '%' && RATE_NAME.test(q.label));
      let local = sameSentence.filter((q) => !lastRate || q.start > lastRate.start);
      local = local.filter((q) => family(q.unit) === 'money' && q.value !== 0 && q.bracketDepth === 0 && usable(p, q));
      // Amounts listed after a 其中 are parts of the amount before it, not operands of the rate.
      const sentence = p.sentences[rate.sentence];
      const parts = this.markerParts(i, sentence.start, rate.start);
      local = local.filter((q) => !parts.has(q));
      const numerators = local.filter((q) => roleOf(q.label) === 'numerator');
      const numerator = numerators[numerators.length - 1];
      if (!numerator) continue;
      const denominators: Q[] = local.filter((q) => q !== numerator && roleOf(q.label) === 'denominator');
      if (/预算|决算/.test(rate.label + numerator.label)) {
        for (const d of this.wholeBudgets(i)) {
          if (!denominators.some((x) => x.value === d.value && x.label === d.label)) denominators.push(d);
        }
      }
      if (!denominators.length) continue;
      this.push({
        kind: 'rate',
        name,
        rate: this.q(rate),
        numerator: this.q(numerator),
        denominators: denominators.map((d) => this.q(d)),
        location: this.paragraphs[i].location,
        evidence: sentence.text.trim(),
      });
    }
  }

  /** Quantities listed after a 其中 inside [from, to): the run of amounts until one that is 实际/合计… */
  private markerParts(i: number, from: number, to: number): Set<Q> {
    const p = this.paragraphs[i].parsed;
    const out = new Set<Q>();
    const re = /其中/g;
    const text = p.text.slice(0, to);
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const hasTotal = this.quantities[i].some((q) => q.end <= m!.index && q.start >= from && q.unit !== '%');
      if (!hasTotal) continue;
      for (const q of this.quantities[i]) {
        if (q.start <= m.index || q.start >= to) continue;
        if (q.unit === '%' || q.bracketDepth > 0) continue;
        if (PART_STOP.test(q.label)) break;
        out.add(q);
      }
    }
    return out;
  }

  // ── shares ───────────────────────────────────────────────────────────────
  private shares(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i];
    type Part = { part?: Q; share: Q; whole?: Q; viaMarker: boolean };
    // Shares of one whole within one sentence form one group.
    const parts: Part[] = [];
    for (const share of qs) {
      if (share.unit !== '%' || !usable(p, share)) continue;
      const m = /^占(.*?)(?:的)?(?:比重|比例|比)?$/.exec(share.label);
      if (!m) continue;
      const wholeLabel = m[1].replace(/的$/, '');
      const idx = qs.indexOf(share);
      const prev = qs[idx - 1];
      const part = prev && prev.sentence === share.sentence && prev.unit !== '%' && usable(p, prev) && prev.clause >= share.clause - 1 ? prev : undefined;
      let whole: Q | undefined;
      let viaMarker = false;
      if (wholeLabel && wholeLabel !== '比') whole = this.findByLabel(i, wholeLabel, share.start);
      else if (part) {
        whole = this.totalBeforeMarker(i, part);
        viaMarker = whole !== undefined;
      }
      if (whole && part && !compatible(whole, part)) continue;
      parts.push({ part, share, whole, viaMarker });
    }
    // Group consecutive shares of the same whole.
    const groups: Part[][] = [];
    for (const part of parts) {
      const g = groups[groups.length - 1];
      if (g && g[0].whole === part.whole && g[0].whole !== undefined && g[0].share.sentence === part.share.sentence) g.push(part);
      else groups.push([part]);
    }
    for (const g of groups) {
      const whole = g[0].whole;
      if (!whole || g.some((x) => !x.part)) continue;
      const shareSum = g.reduce((s, x) => s + x.share.value, 0);
      const partSum = g.reduce((s, x) => s + x.part!.value, 0);
      // Meant to cover the whole when the stated figures nearly do; a partial breakdown is not held to 100%.
      const complete = g.length >= 2 && (Math.abs(shareSum - 100) <= 1 || Math.abs(partSum - whole.value) <= whole.value * 0.005);
      this.push({
        kind: 'share',
        whole: this.q(whole),
        parts: g.map((x) => ({ part: this.q(x.part!), share: this.q(x.share) })),
        complete,
        location: this.paragraphs[i].location,
        evidence: this.sentenceOf(g[0].share).text.trim(),
      });
    }
  }

  /** The latest non-percent quantity in this or earlier paragraphs of the same section whose label is exactly `label`. */
  private findByLabel(i: number, label: string, before: number): Q | undefined {
    for (let k = i; k >= Math.max(0, i - 5); k--) {
      const found = this.quantities[k].filter((q) => q.label === label && q.unit !== '%' && (k < i || q.start < before));
      if (found.length) return found[found.length - 1];
    }
    return undefined;
  }

  /** For a part written after 其中/含: the quantity right before that marker. */
  private totalBeforeMarker(i: number, part: Q): Q | undefined {
    const p = this.paragraphs[i].parsed;
    const head = p.text.slice(0, part.start);
    const at = Math.max(head.lastIndexOf('其中'), head.lastIndexOf('含'));
    if (at < 0) return undefined;
    const before = this.quantities[i].filter((q) => q.end <= at);
    const total = before[before.length - 1];
    if (!total || total.unit === '%' || !usable(p, total)) return undefined;
    if (!BETWEEN_TOTAL_AND_MARKER.test(p.text.slice(total.end, at))) return undefined;
    return total;
  }

  // ── sums ─────────────────────────────────────────────────────────────────
  /** TOTAL，其中 A、B、C / TOTAL（含 A、B）: parts follow the marker until the sentence or the aside ends. */
  private partSums(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i];
    const re = /其中|包含|含/g;
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
      this.push({
        kind: 'sum',
        total: this.q(total),
        parts: parts.map((q) => this.q(q)),
        exhaustive: false,
        location: this.paragraphs[i].location,
        evidence: this.sentenceOf(total).text.trim() + (markerSentence !== total.sentence ? p.sentences[markerSentence ?? 0]?.text.trim() ?? '' : ''),
      });
    }
  }

  /** 年初预算X、(中期)调整预算Y，调整后Z → Z = X + Y. */
  private adjustedSums(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i];
    for (const total of qs) {
      if (family(total.unit) !== 'money' || !/^调整后/.test(total.label) || !usable(p, total)) continue;
      const before = qs.filter((q) => q.sentence === total.sentence && q.start < total.start && family(q.unit) === 'money' && usable(p, q));
      const initial = before.filter((q) => /年初/.test(q.label));
      const adjustments = before.filter((q) => /调整|追加|调增/.test(q.label) && !/年初/.test(q.label));
      if (initial.length !== 1 || adjustments.length < 1 || before.length !== initial.length + adjustments.length) continue;
      this.push({
        kind: 'sum',
        total: this.q(total),
        parts: [...initial, ...adjustments].map((q) => this.q(q)),
        exhaustive: true,
        location: this.paragraphs[i].location,
        evidence: this.sentenceOf(total).text.trim(),
      });
    }
  }

  /**
   * "共计N个，预算总金额为T，具体如下：" followed by numbered paragraphs 1..k, each with its amount: T = Σ amounts
   * (when k = N), and N = k as a list count.
   */
  private itemListSums(i: number) {
    const intro = this.paragraphs[i];
    if (!/[：:]\s*$/.test(intro.parsed.text)) return;
    const qs = this.quantities[i].filter((q) => usable(intro.parsed, q));
    const total = [...qs].reverse().find((q) => family(q.unit) === 'money' && /总金额|总额|合计|共计|总计/.test(q.label));
    const count = [...qs].reverse().find((q) => /^[个项]$/.test(q.unit ?? '') && q.bracketDepth === 0);
    if (!total && !count) return;
    const items: Array<{ line: NumberedLine; para: number }> = [];
    for (let k = i + 1; k < this.paragraphs.length; k++) {
      const n = this.paragraphs[k].numbered;
      if (!n) {
        if (items.length && this.paragraphs[k].parsed.text.length <= 20) continue; // a stray fragment between items
        if (!items.length) break;
        break;
      }
      if (items.length === 0 ? n.value !== 1 : n.family !== items[0].line.family || n.value !== items.length + 1) break;
      items.push({ line: n, para: k });
    }
    if (items.length < 2) return;
    const names = items.map((it) => (it.line.title ?? it.line.text).split(/[：:。，,]/)[0].trim());
    if (count) {
      this.push({
        kind: 'list-count',
        count: this.q(count),
        items: names,
        location: intro.location,
        evidence: intro.parsed.text.trim(),
      });
    }
    if (!total || (count && count.value !== items.length)) return;
    const amounts: Q[] = [];
    for (const it of items) {
      const p = this.paragraphs[it.para].parsed;
      const first = this.quantities[it.para].find((q) => family(q.unit) === 'money' && q.bracketDepth === 0 && usable(p, q));
      if (!first) return;
      amounts.push(first);
    }
    this.push({
      kind: 'sum',
      total: this.q(total),
      parts: amounts.map((q) => this.q(q)),
      exhaustive: true,
      location: intro.location,
      evidence: intro.parsed.text.trim(),
    });
  }

  // ── growth ───────────────────────────────────────────────────────────────
  private growth(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i];
    for (const rate of qs) {
      if (rate.unit !== '%' || !usable(p, rate)) continue;
      const m = /(增长率|增幅|增长|增加|压减率|下降率|降幅|减少率|下降|减少|变化率|变动率)$/.exec(rate.label);
      if (!m) continue;
      const direction = /增/.test(m[1]) ? 'increase' : /变/.test(m[1]) ? 'change' : 'decrease';
      const sameSentence = qs.filter((q) => q.sentence === rate.sentence && q.start < rate.start);
      const lastRate = [...sameSentence].reverse().find((q) => q.unit === '%');
      const scope = sameSentence.filter((q) => !lastRate || q.start > lastRate.start);
      const values = scope.filter((q) => !q.year && q.unit !== '%' && usable(p, q));
      if (values.length !== 2 || family(values[0].unit) !== family(values[1].unit)) continue;
      const [a, b] = values;
      const yearOf = (q: Q) => scope.find((y) => y.year && y.clause === q.clause && y.start < q.start)?.value;
      const ya = yearOf(a);
      const yb = yearOf(b);
      let previous: Q;
      let current: Q;
      if (ya !== undefined && yb !== undefined && ya !== yb) [previous, current] = ya < yb ? [a, b] : [b, a];
      else if (/上年|去年|上一年/.test(a.label) && /本年|今年|当年/.test(b.label)) [previous, current] = [a, b];
      else continue;
      const la = a.label, lb = b.label;
      if (!(la.endsWith(lb) || lb.endsWith(la) || la.replace(/上年|去年|上一年/, '') === lb.replace(/本年|今年|当年/, ''))) continue;
      this.push({
        kind: 'growth',
        direction,
        previous: this.q(previous),
        current: this.q(current),
        rate: this.q(rate),
        location: this.paragraphs[i].location,
        evidence: this.sentenceOf(rate).text.trim(),
      });
    }
  }

  // ── list counts ──────────────────────────────────────────────────────────
  private listCounts(i: number) {
    const p = this.paragraphs[i].parsed;
    for (const count of this.quantities[i]) {
      if (!/^(?:个|项|家|所|类|名|户|座|条|种)$/.test(count.unit ?? '') || !usable(p, count) || count.bracketDepth > 0) continue;
      const after = p.text.slice(count.end);
      const noun = /^[\u4e00-\u9fa5]{0,6}?(?=[，,]?\s*(?:分别是|分别为|具体为|具体是|具体包括|主要包括|主要有|包括|包含)|\s*[：:])/.exec(after);
      if (!noun) continue;
      const rest = after.slice(noun[0].length);
      const intro = ENUMERATION_INTRO.exec(rest);
      if (!intro) continue;
      const list = readEnumeration(rest.slice(intro[0].length));
      if (!list || list.items.length < 2) continue;
      const listText = rest.slice(intro[0].length, intro[0].length + list.end);
      if (/等[）)]?$/.test(listText.trim()) || list.items.some((it) => it.length > 60)) continue;
      this.push({
        kind: 'list-count',
        count: this.q(count),
        items: list.items,
        location: this.paragraphs[i].location,
        evidence: (p.text.slice(count.start - Math.min(count.start, 20), count.end) + rest.slice(0, intro[0].length + list.end)).trim(),
      });
    }
  }

  // ── scores and grades ────────────────────────────────────────────────────
  private readonly scoreItems: Array<RelationOf<'score'>> = [];
  private readonly totals: Array<RelationOf<'total-score'>> = [];

  private scores(i: number) {
    const p = this.paragraphs[i].parsed;
    const qs = this.quantities[i].filter((q) => q.unit === '分' && usable(p, q));
    for (const sentence of p.sentences) {
      const si = p.sentences.indexOf(sentence);
      const inSentence = qs.filter((q) => q.sentence === si);
      const max = inSentence.find((q) => /满分$/.test(q.label));
      const score = inSentence.find((q) => /得分$/.test(q.label) && q !== max);
      if (!max && !score) continue;
      const quoted = /^[\s　]*[“"]([^”"]{1,40})[”"](?:指标)?满分/.exec(sentence.text);
      if (quoted) {
        const r: RelationOf<'score'> = { kind: 'score', name: quoted[1], location: this.paragraphs[i].location, evidence: sentence.text.trim() };
        if (max) r.max = this.q(max);
        if (score) r.score = this.q(score);
        this.push(r);
        this.scoreItems.push(r);
        continue;
      }
      if (score && /自评|总|综合|整体|本项目|单位/.test(score.label + (max?.label ?? '')) && !/模块|指标[^体]*得分$/.test(score.label)) {
        const r: RelationOf<'total-score'> = { kind: 'total-score', score: this.q(score), location: this.paragraphs[i].location, evidence: sentence.text.trim() };
        if (max && max.value >= score.value) r.max = this.q(max);
        this.push(r);
        this.totals.push(r);
      }
    }
  }

  private grades(i: number) {
    const p = this.paragraphs[i].parsed;
    for (const [si, sentence] of p.sentences.entries()) {
      const m = /(?:评价|绩效|自评|综合)?等[级次](?:评定)?(?:为|是|：|:)\s*[“"]?(优秀|良好|优|良|中等|中|合格|一般|及格|较差|差|不合格)[”"]?(?!的)/.exec(sentence.text);
      if (!m) continue;
      const r: RelationOf<'grade'> = { kind: 'grade', grade: m[1], location: this.paragraphs[i].location, evidence: sentence.text.trim() };
      const total = this.totals.find((t) => t.location.block === this.paragraphs[i].location.block && t.evidence === sentence.text.trim())
        ?? [...this.totals].reverse().find((t) => t.location.block === this.paragraphs[i].location.block);
      if (total) r.score = total.score;
      void si;
      this.push(r);
    }
  }

  /** 得分≥85分为优秀；75≤得分＜85分为良好；… and 90分（含）以上为优 forms. */
  private gradeBands(i: number) {
    const p = this.paragraphs[i].parsed;
    if (!GRADE_CLAUSE_END.test(p.text)) return;
    const clauses = p.text.split(/[；;。，,]/);
    const bands: GradeBand[] = [];
    for (const clause of clauses) {
      const c = clause.trim().replace(/^.*?[：:]/, '');
      for (const [re, build] of GRADE_FORMS) {
        const m = re.exec(c);
        if (m) { bands.push(build(m)); break; }
      }
    }
    if (bands.length < 2) return;
    this.push({ kind: 'grade-bands', bands, location: this.paragraphs[i].location, evidence: p.text.trim() });
  }

  // ── section maxima and the total of item scores ──────────────────────────
  private sectionMaxima() {
    const seen = new Set<Section>();
    const visit = (s: Section) => {
      if (seen.has(s)) return;
      seen.add(s);
      const max = pointsOf(s.title);
      const parts = s.children.map((c) => pointsOf(c.title));
      if (max && parts.length >= 2 && parts.every(Boolean)) {
        const loc = (x: Section) => x.location;
        this.push({
          kind: 'section-max',
          name: s.title.replace(/[（(][^（(]*分[）)]\s*$/, '').trim(),
          max: { ...max, location: loc(s) },
          parts: s.children.map((c) => ({ ...pointsOf(c.title)!, location: loc(c) })),
          location: s.location,
          evidence: [s.title, ...s.children.map((c) => c.title)].join('；'),
        });
      }
      s.children.forEach(visit);
    };
    for (const p of this.paragraphs) for (const s of p.path) visit(s);
  }

  /** The overall score equals the sum of the item scores, when the items' maxima account for the whole maximum. */
  private totalScoreSum() {
    const total = this.totals.find((t) => t.max);
    if (!total || !this.scoreItems.length || this.scoreItems.some((s) => !s.max || !s.score)) return;
    const maxSum = this.scoreItems.reduce((s, r) => s + r.max!.value, 0);
    if (Math.abs(maxSum - total.max!.value) > 1e-9) return;
    this.push({
      kind: 'sum',
      total: total.score,
      parts: this.scoreItems.map((s) => s.score!),
      exhaustive: true,
      location: total.location,
      evidence: total.evidence,
    });
  }
}

/** （25分） at the end of a heading title → that maximum as a quantity (location filled by the caller). */
function pointsOf(title: string): Omit<Quantity, 'location'> | null {
  const m = /[（(]\s*((\d+)(?:\.(\d+))?)\s*分\s*[）)]\s*[。.]?$/.exec(title);
  if (!m) return null;
  return { raw: `${m[1]}分`, value: Number(m[1]), decimals: m[3]?.length ?? 0, unit: '分', label: title.replace(/[（(][^（(]*$/, '').trim() };
}

/** Whether a labelled amount is what was spent (numerator) or what was budgeted (denominator) in a rate. */
export function roleOf(label: string): 'numerator' | 'denominator' | 'neutral' {
  if (/实际|共完成|累计完成|完成支付|决算/.test(label)) return 'numerator';
  if (/安排|下达|批复|申请|预算数|预算资金|预算金额|预算收入|预算支出|调整后|调整预算|全年预算|年初预算|合计|总额|总金额|计划/.test(label)) return 'denominator';
  if (/支付|支出|执行|拨付|使用|到位|发放|完成/.test(label)) return 'numerator';
  return 'neutral';
}

export { classifyNumberedLine };
